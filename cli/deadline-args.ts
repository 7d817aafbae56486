// Command-line arguments of `duban deadline`, checked before anything is computed.
import { isCivilDate, type CivilDate } from '../domain/period/dates';
import { MAX_COUNT, type PeriodLength } from '../domain/period/request';
import { isStorableText } from '../domain/text';

export interface DeadlineOptions {
  start: CivilDate;
  period: PeriodLength;
  excludedDays: number;
  json: boolean;
  makeupWorkdayCounts: boolean;
  help: boolean;
}

export class UsageError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export const DEADLINE_USAGE =
  '用法：duban deadline --start YYYY-MM-DD (--days N | --months N) [--exclude-days N] [--makeup-workdays-off] [--json]';

const VALUE_FLAGS = ['--start', '--days', '--months', '--exclude-days'] as const;
const SWITCHES = ['--json', '--makeup-workdays-off', '--help', '-h'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

function splitArgs(argv: readonly string[]): { values: Map<ValueFlag, string>; switches: Set<string> } {
  const values = new Map<ValueFlag, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (isOneOf(SWITCHES, flag) && eq < 0) {
      switches.add(flag === '-h' ? '--help' : flag);
      continue;
    }
    if (!isOneOf(VALUE_FLAGS, flag)) {
      throw new UsageError(arg, arg.startsWith('-') ? `未知参数：${arg}` : `多余的参数：${arg}`);
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      i += 1; // the next word is the flag's value
      value = argv[i];
    }
    if (value === undefined || value === '' || (eq < 0 && /^--/.test(value))) {
      throw new UsageError(flag, `参数 ${flag} 缺少值`);
    }
    if (values.has(flag)) throw new UsageError(flag, `参数 ${flag} 重复出现`);
    if (!isStorableText(value)) throw new UsageError(flag, unstorableMessage(flag));
    values.set(flag, value);
  }
  return { values, switches };
}

/** The message for an argument PostgreSQL could not store (domain/text.ts), naming it. */
export function unstorableMessage(flag: string): string {
  return `参数 ${flag} 含有无法保存的字符（空字符或不成对的代理项）`;
}

function integerArg(flag: ValueFlag, value: string, min: number, max: number): number {
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(flag, `参数 ${flag} 的值 ${value} 无效：应为 ${min} 到 ${max} 之间的整数`);
  }
  return number;
}

function periodArg(values: Map<ValueFlag, string>): PeriodLength {
  const days = values.get('--days');
  const months = values.get('--months');
  if (days !== undefined && months !== undefined) {
    throw new UsageError('--days', '参数 --days 与 --months 只能指定其一');
  }
  if (days !== undefined) return { unit: 'days', count: integerArg('--days', days, 1, MAX_COUNT.days) };
  if (months !== undefined)
    return { unit: 'months', count: integerArg('--months', months, 1, MAX_COUNT.months) };
  throw new UsageError('--days', '缺少参数 --days 或 --months（期间长度）');
}

/** Throws UsageError naming the offending argument. */
export function parseDeadlineArgs(argv: readonly string[]): DeadlineOptions {
  const { values, switches } = splitArgs(argv);
  const flags = { json: switches.has('--json'), makeupWorkdayCounts: !switches.has('--makeup-workdays-off') };
  if (switches.has('--help')) {
    return { start: '', period: { unit: 'days', count: 1 }, excludedDays: 0, help: true, ...flags };
  }
  const start = values.get('--start');
  if (start === undefined) throw new UsageError('--start', '缺少参数 --start（起算事件日期，YYYY-MM-DD）');
  if (!isCivilDate(start)) {
    throw new UsageError('--start', `参数 --start 的值 ${start} 不是有效日期（YYYY-MM-DD）`);
  }
  const period = periodArg(values);
  const excludedValue = values.get('--exclude-days');
  const excludedDays =
    excludedValue === undefined ? 0 : integerArg('--exclude-days', excludedValue, 0, MAX_COUNT.days);
  return { start, period, excludedDays, help: false, ...flags };
}
