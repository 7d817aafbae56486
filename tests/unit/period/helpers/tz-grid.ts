// A grid of computations whose output must not depend on the process time zone.
import type * as Period from '../../../../domain/period';

type PeriodModule = typeof Period;

const PERIODS: Period.PeriodLength[] = [
  { unit: 'days', count: 1 },
  { unit: 'days', count: 15 },
  { unit: 'days', count: 30 },
  { unit: 'months', count: 1 },
  { unit: 'months', count: 2 },
];

export function runGrid(period: PeriodModule): string[] {
  const schedule = period.scheduleFromChineseDays();
  const lines: string[] = [];
  for (let day = period.toEpochDay('2024-01-01'); day <= period.toEpochDay('2027-12-31'); day += 3) {
    const start = period.fromEpochDay(day);
    lines.push(`${start} ${period.weekdayName(start)} ${period.formatChineseDate(start)}`);
    for (const length of PERIODS) {
      for (const makeupWorkdayCounts of [true, false]) {
        const policy = { version: 'tz', makeupWorkdayCounts };
        const result = period.computeDeadline({ start, period: length }, schedule, policy);
        lines.push(`${result.due} ${result.provisional} ${result.steps.map((s) => s.text).join('|')}`);
      }
    }
  }
  return lines;
}
