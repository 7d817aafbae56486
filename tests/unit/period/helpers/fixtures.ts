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
import { schedule2027 } from '../../../helpers/schedule-2027';

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

/** The made-up 2027 of the tests, as the engine holds it once imported. */
export function hypothetical2027(extraHolidays: string[] = []): YearSchedule {
  const result = validateYearImport({ year: 2027, ...schedule2027(extraHolidays) });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.schedule;
}

export function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}
