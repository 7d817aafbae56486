// What a deadline computation is asked, and the checks it must pass before any arithmetic.
import { compareDates, isCivilDate, type CivilDate } from './dates';

export type PeriodUnit = 'days' | 'months';

export interface PeriodLength {
  unit: PeriodUnit;
  /** Integer >= 1. */
  count: number;
}

export interface Suspension {
  /** The day suspension (中止审查) takes effect. */
  from: CivilDate;
  /** The day of resumption (恢复审查); absent while still suspended. */
  to?: CivilDate;
}

/** A span that does not count (鉴定、评估、审计、检验、检测、翻译; Rules art. 48). */
export interface Exclusion {
  from: CivilDate;
  /** The day it ended; absent while it still runs (an appraisal under way). */
  to?: CivilDate;
  /** What it was, as shown: 鉴定, 评估 … */
  label?: string;
}

export interface Extension {
  /** The day it was granted; extensions recorded without one apply after every dated event. */
  decidedOn?: CivilDate;
  /** Counted from the end as it stands, with the same day/month rules as the period. */
  by?: PeriodLength;
  /** Sets the end to this date. Exactly one of `by` and `until`. */
  until?: CivilDate;
  grantedBy: string;
  basis: string;
  reason: string;
}

export interface DeadlineRequest {
  /** The triggering event's date; the period starts the next day. */
  start: CivilDate;
  period: PeriodLength;
  /** Total days that do not count, without dates (appraisal, evaluation, audit …; Rules art. 48). */
  excludedDays?: number;
  /** Dated spans that do not count, applied in the order they happened with the rest. */
  exclusions?: Exclusion[];
  suspensions?: Suspension[];
  extensions?: Extension[];
}

export const MAX_COUNT: Record<PeriodUnit, number> = { days: 36600, months: 1200 };

export class PeriodRequestError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'PeriodRequestError';
  }
}

function requireDate(value: unknown, field: string, label: string): void {
  if (!isCivilDate(value)) {
    throw new PeriodRequestError(field, `${label} ${JSON.stringify(value)} 不是有效日期（YYYY-MM-DD）`);
  }
}

export function checkPeriodLength(length: PeriodLength | undefined, field: string): void {
  if (length === undefined || (length.unit !== 'days' && length.unit !== 'months')) {
    throw new PeriodRequestError(`${field}.unit`, '期间单位必须是 days（日）或 months（月）');
  }
  const max = MAX_COUNT[length.unit];
  if (!Number.isInteger(length.count) || length.count < 1 || length.count > max) {
    throw new PeriodRequestError(
      `${field}.count`,
      `期间长度 ${String(length.count)} 无效：应为 1 到 ${max} 之间的整数`,
    );
  }
}

function checkSpan(
  span: { from: CivilDate; to?: CivilDate },
  field: string,
  labels: { from: string; to: string },
): void {
  requireDate(span.from, `${field}.from`, labels.from);
  if (span.to === undefined) return;
  requireDate(span.to, `${field}.to`, labels.to);
  if (compareDates(span.to, span.from) < 0) {
    throw new PeriodRequestError(`${field}.to`, `${labels.to} ${span.to} 早于${labels.from} ${span.from}`);
  }
}

const checkSuspension = (suspension: Suspension, index: number) =>
  checkSpan(suspension, `suspensions[${index}]`, { from: '中止日期', to: '恢复日期' });

const checkExclusion = (exclusion: Exclusion, index: number) =>
  checkSpan(exclusion, `exclusions[${index}]`, { from: '不计入期间开始日期', to: '不计入期间结束日期' });

function checkExtension(extension: Extension, index: number): void {
  const field = `extensions[${index}]`;
  if ((extension.by === undefined) === (extension.until === undefined)) {
    throw new PeriodRequestError(field, '延长须且只能指定延长期间（by）或延长至某日（until）之一');
  }
  if (extension.by !== undefined) checkPeriodLength(extension.by, `${field}.by`);
  if (extension.until !== undefined) requireDate(extension.until, `${field}.until`, '延长至日期');
  if (extension.decidedOn !== undefined)
    requireDate(extension.decidedOn, `${field}.decidedOn`, '延长决定日期');
  for (const key of ['grantedBy', 'basis', 'reason'] as const) {
    const value: unknown = extension[key];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new PeriodRequestError(`${field}.${key}`, '延长须载明批准人、依据和理由');
    }
  }
}

/** Throws PeriodRequestError (with the offending field) when the request cannot be computed. */
export function validateDeadlineRequest(request: DeadlineRequest): void {
  requireDate(request.start, 'start', '起算事件日期');
  checkPeriodLength(request.period, 'period');
  const excluded = request.excludedDays ?? 0;
  if (!Number.isInteger(excluded) || excluded < 0 || excluded > MAX_COUNT.days) {
    throw new PeriodRequestError('excludedDays', `不计入期限的天数 ${String(excluded)} 无效：应为非负整数`);
  }
  (request.suspensions ?? []).forEach(checkSuspension);
  (request.exclusions ?? []).forEach(checkExclusion);
  (request.extensions ?? []).forEach(checkExtension);
}
