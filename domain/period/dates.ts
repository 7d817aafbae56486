// Civil (calendar) dates as 'YYYY-MM-DD' strings. All arithmetic is done on integers
// (days since 1970-01-01), never on `Date`, so results cannot depend on the process TZ.

/** A calendar date 'YYYY-MM-DD' (China Standard Time is implied; there is no time of day). */
export type CivilDate = string;

export interface Ymd {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const CIVIL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

export class InvalidDateError extends Error {
  constructor(readonly input: string) {
    super(`无效日期：${input}（应为存在的公历日期，格式 YYYY-MM-DD）`);
    this.name = 'InvalidDateError';
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function toYmdOrNull(value: string): Ymd | null {
  const match = CIVIL_DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isCivilDate(value: unknown): value is CivilDate {
  return typeof value === 'string' && toYmdOrNull(value) !== null;
}

/** Validates 'YYYY-MM-DD' and rejects days that do not exist (2026-02-30). */
export function parseCivilDate(value: string): CivilDate {
  if (toYmdOrNull(value) === null) throw new InvalidDateError(value);
  return value;
}

export function toYmd(date: CivilDate): Ymd {
  const ymd = toYmdOrNull(date);
  if (ymd === null) throw new InvalidDateError(date);
  return ymd;
}

export function fromYmd({ year, month, day }: Ymd): CivilDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function yearOf(date: CivilDate): number {
  return toYmd(date).year;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
export function toEpochDay(date: CivilDate): number {
  const { year, month, day } = toYmd(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromEpochDay(epochDay: number): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return fromYmd({ year, month, day });
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Adds calendar months: the same day-number in the target month, or that month's last day
 * where it has no such day (民法典第二百零二条). `clamped` says whether the last-day rule applied.
 */
export function addMonthsDetailed(date: CivilDate, months: number): { date: CivilDate; clamped: boolean } {
  const { year, month, day } = toYmd(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const lastDay = daysInMonth(targetYear, targetMonth);
  const clamped = day > lastDay;
  return { date: fromYmd({ year: targetYear, month: targetMonth, day: clamped ? lastDay : day }), clamped };
}

export function addMonths(date: CivilDate, months: number): CivilDate {
  return addMonthsDetailed(date, months).date;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CivilDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: CivilDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

export function weekdayName(date: CivilDate): string {
  return WEEKDAY_NAMES[dayOfWeek(date)] ?? '';
}

/** Negative when a is earlier than b, 0 when equal, positive when later. */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return toEpochDay(a) - toEpochDay(b);
}

/** Number of days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function maxDate(a: CivilDate, b: CivilDate): CivilDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** 2026-10-08 → 2026年10月8日 */
export function formatChineseDate(date: CivilDate): string {
  const { year, month, day } = toYmd(date);
  return `${year}年${month}月${day}日`;
}
