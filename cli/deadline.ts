// `duban deadline`: compute one legal period from the command line, in Chinese or as JSON.
import { formatChineseDate, weekdayName } from '../domain/period/dates';
import { computeDeadline, DEFAULT_PERIOD_POLICY, type DeadlineResult } from '../domain/period/engine';
import { PeriodRequestError } from '../domain/period/request';
import type { HolidaySchedule } from '../domain/period/schedule';
import { DEADLINE_USAGE, parseDeadlineArgs, UsageError, type DeadlineOptions } from './deadline-args';

export interface CliIo {
  /** Writes one line to standard output. */
  out(line: string): void;
  /** Writes one line to standard error. */
  err(line: string): void;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

const HELP = [
  DEADLINE_USAGE,
  '',
  '计算法定期限的届满日（期间开始之日不计算在内；届满日遇节假日顺延至第一个工作日）。',
  '  --start YYYY-MM-DD      起算事件的日期（如收到检察建议书之日）',
  '  --days N | --months N   期间长度（日或月）',
  '  --exclude-days N        不计入期限的天数（鉴定、评估等，办案规则第四十八条）',
  '  --makeup-workdays-off   调休上班日不视为工作日（默认视为工作日）',
  '  --json                  以一个 JSON 对象输出结果',
];

function humanReport(result: DeadlineResult): string[] {
  const due = result.due ?? '';
  const lines = [`届满日：${formatChineseDate(due)}（${weekdayName(due)}，${due}）`];
  if (result.provisional) {
    lines.push(
      `【暂定】${result.missingYears.join('、')}年节假日安排尚未载入，本期限仅按周末计算，载入后须重新计算`,
    );
  }
  lines.push('计算过程：', ...result.steps.map((step, i) => `  ${i + 1}. ${step.text}`));
  lines.push(`期间计算政策：${result.policyVersion}；节假日安排版本：${result.scheduleVersion}`);
  return lines;
}

function compute(options: DeadlineOptions, schedule: HolidaySchedule): DeadlineResult {
  const policy = { ...DEFAULT_PERIOD_POLICY, makeupWorkdayCounts: options.makeupWorkdayCounts };
  return computeDeadline(
    { start: options.start, period: options.period, excludedDays: options.excludedDays },
    schedule,
    policy,
  );
}

/** Returns the exit status: 0 done, 2 bad arguments, 1 anything else. */
export function runDeadline(argv: string[], io: CliIo, schedule: HolidaySchedule): number {
  try {
    const options = parseDeadlineArgs(argv);
    if (options.help) {
      HELP.forEach((line) => io.out(line));
      return EXIT_OK;
    }
    const result = compute(options, schedule);
    if (options.json) io.out(JSON.stringify(result));
    else humanReport(result).forEach((line) => io.out(line));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError || error instanceof PeriodRequestError) {
      io.err(`duban deadline：${error.message}`);
      io.err(DEADLINE_USAGE);
      return EXIT_USAGE;
    }
    io.err(`duban deadline：计算失败：${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILURE;
  }
}
