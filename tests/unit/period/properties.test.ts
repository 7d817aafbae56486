import fc from 'fast-check';
import {
  addDays,
  compareDates,
  computeDeadline,
  daysBetween,
  fromEpochDay,
  isDayOff,
  toEpochDay,
  type DeadlineRequest,
  type HolidaySchedule,
  type PeriodLength,
} from '../../../domain/period';
import { CHINESE_DAYS, onlyYears, policy } from './helpers/fixtures';

// Starts from 2004 (the first year chinese-days knows) to the end of 2027 (not yet published).
const startDate = fc
  .integer({ min: toEpochDay('2004-01-01'), max: toEpochDay('2027-12-31') })
  .map(fromEpochDay);
const periodLength: fc.Arbitrary<PeriodLength> = fc.oneof(
  fc.integer({ min: 1, max: 400 }).map((count) => ({ unit: 'days' as const, count })),
  fc.integer({ min: 1, max: 36 }).map((count) => ({ unit: 'months' as const, count })),
);
const schedules: fc.Arbitrary<HolidaySchedule> = fc.constantFrom(CHINESE_DAYS, onlyYears(2025, 2026), {
  years: {},
});
const request: fc.Arbitrary<DeadlineRequest> = fc.record({
  start: startDate,
  period: periodLength,
  excludedDays: fc.integer({ min: 0, max: 60 }),
});
const NUM_RUNS = { numRuns: 500 };

function dueOf(req: DeadlineRequest, schedule: HolidaySchedule, makeupWorkdayCounts: boolean): string {
  const due = computeDeadline(req, schedule, policy(makeupWorkdayCounts)).due;
  if (due === null) throw new Error('unexpected suspension');
  return due;
}

describe('deadline properties', () => {
  it('the due date is never a day off, and every day skipped before it is one', () => {
    fc.assert(
      fc.property(request, schedules, fc.boolean(), (req, schedule, makeupWorkdayCounts) => {
        const result = computeDeadline(req, schedule, policy(makeupWorkdayCounts));
        const due = result.due ?? '';
        expect(isDayOff(due, schedule, { makeupWorkdayCounts })).toBe(false);
        for (let day = result.endBeforeRollover; compareDates(day, due) < 0; day = addDays(day, 1)) {
          expect(isDayOff(day, schedule, { makeupWorkdayCounts })).toBe(true);
        }
      }),
      NUM_RUNS,
    );
  });

  it('the due date is never earlier than the raw end', () => {
    fc.assert(
      fc.property(request, schedules, fc.boolean(), (req, schedule, makeupWorkdayCounts) => {
        const result = computeDeadline(req, schedule, policy(makeupWorkdayCounts));
        expect(compareDates(result.due ?? '', result.rawEnd)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(result.rawEnd, result.endBeforeRollover)).toBe(req.excludedDays);
      }),
      NUM_RUNS,
    );
  });

  it('is monotonic in the count and in the excluded days', () => {
    fc.assert(
      fc.property(request, schedules, fc.boolean(), (req, schedule, makeupWorkdayCounts) => {
        const due = dueOf(req, schedule, makeupWorkdayCounts);
        const longer = { ...req, period: { ...req.period, count: req.period.count + 1 } };
        const moreExcluded = { ...req, excludedDays: (req.excludedDays ?? 0) + 1 };
        expect(compareDates(dueOf(longer, schedule, makeupWorkdayCounts), due)).toBeGreaterThanOrEqual(0);
        expect(compareDates(dueOf(moreExcluded, schedule, makeupWorkdayCounts), due)).toBeGreaterThanOrEqual(
          0,
        );
      }),
      NUM_RUNS,
    );
  });

  it('is provisional exactly when the due date (or a day rolled over) lies in a missing year', () => {
    fc.assert(
      fc.property(request, fc.boolean(), (req, makeupWorkdayCounts) => {
        const schedule = onlyYears(2025, 2026);
        const result = computeDeadline(req, schedule, policy(makeupWorkdayCounts));
        const years = new Set<number>();
        for (
          let day = result.endBeforeRollover;
          compareDates(day, result.due ?? '') <= 0;
          day = addDays(day, 1)
        ) {
          years.add(Number(day.slice(0, 4)));
        }
        const missing = [...years].filter((y) => y !== 2025 && y !== 2026).sort((a, b) => a - b);
        expect(result.missingYears).toEqual(missing);
        expect(result.provisional).toBe(missing.length > 0);
      }),
      NUM_RUNS,
    );
  });

  it('a make-up working day never moves a deadline later when it counts as a working day', () => {
    fc.assert(
      fc.property(request, (req) => {
        expect(
          compareDates(dueOf(req, CHINESE_DAYS, true), dueOf(req, CHINESE_DAYS, false)),
        ).toBeLessThanOrEqual(0);
      }),
      NUM_RUNS,
    );
  });
});
