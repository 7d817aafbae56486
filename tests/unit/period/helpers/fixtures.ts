// Shared fixtures for the period tests.
import {
  computeDeadline,
  scheduleFromChineseDays,
  validateYearImport,
  type DeadlineRequest,
  type DeadlineResult,
  type HolidaySchedule,
  type PeriodPolicy,
  type YearSchedule,
} from '../../../../domain/period';
import type { CliIo } from '../../../../cli/deadline';

export const CHINESE_DAYS: HolidaySchedule = scheduleFromChineseDays();

export function policy(makeupWorkdayCounts = true): PeriodPolicy {
  return { version: 'test-policy', makeupWorkdayCounts };
}

export function compute(request: DeadlineRequest, makeupWorkdayCounts = true): DeadlineResult {
  return computeDeadline(request, CHINESE_DAYS, policy(makeupWorkdayCounts));
}

export function days(start: string, count: number): DeadlineRequest {
  return { start, period: { unit: 'days', count } };
}

export function months(start: string, count: number): DeadlineRequest {
  return { start, period: { unit: 'months', count } };
}

/** A schedule holding only the given years of chinese-days. */
export function onlyYears(...years: number[]): HolidaySchedule {
  const kept = years.map((year) => CHINESE_DAYS.years[year]).filter((y) => y !== undefined);
  return { years: Object.fromEntries(kept.map((y) => [y.year, y])) };
}

const range = (from: number, to: number, prefix: string) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${String(from + i).padStart(2, '0')}`);

/** A made-up but well-formed 2027 schedule (the real one is not published in chinese-days 1.5.7). */
export function hypothetical2027(extraHolidays: string[] = []): YearSchedule {
  const holiday = (name: string) => (date: string) => ({ date, name });
  const result = validateYearImport({
    year: 2027,
    holidays: [
      ...range(1, 3, '2027-01').map(holiday('元旦')),
      ...range(5, 12, '2027-02').map(holiday('春节')),
      ...range(1, 5, '2027-05').map(holiday('劳动节')),
      ...range(1, 7, '2027-10').map(holiday('国庆节')),
      ...extraHolidays.map(holiday('测试假日')),
    ],
    makeupWorkdays: [{ date: '2027-02-20', name: '春节' }],
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.schedule;
}

export function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}
