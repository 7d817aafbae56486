// Extensions, excluded spans and suspensions may be recorded in any order (an appraisal entered
// weeks after an extension that came later): the end must be the one reached by applying them one
// by one in the order they happened. The oracle below counts stopped days as a set, day by day.
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  compareDates,
  computeDeadline,
  daysBetween,
  fromEpochDay,
  toEpochDay,
  type CivilDate,
  type DeadlineRequest,
  type PeriodLength,
} from '../../../domain/period';
import { CHINESE_DAYS, policy } from './helpers/fixtures';

type Event =
  | { kind: 'extension'; on: CivilDate; by?: PeriodLength; until?: CivilDate }
  | { kind: 'suspension' | 'exclusion'; from: CivilDate; to?: CivilDate };

const GRANT = { grantedBy: '检察长', basis: '《人民检察院公益诉讼办案规则》第四十七条', reason: '案情复杂' };

const dateOf = (e: Event) => (e.kind === 'extension' ? e.on : e.from);

/** Time order; on one day an extension comes before a stop, and a running stop before closed ones. */
function inTimeOrder(events: Event[]): Event[] {
  const rank = (e: Event) => (e.kind === 'extension' ? 0 : e.to === undefined ? 1 : 2);
  return [...events].sort((a, b) => compareDates(dateOf(a), dateOf(b)) || rank(a) - rank(b));
}

const plus = (date: CivilDate, length: PeriodLength) =>
  length.unit === 'days' ? addDays(date, length.count) : addMonths(date, length.count);

/** Applies the events one by one in time order, keeping the stopped days as a set. */
function oneByOne(start: CivilDate, period: PeriodLength, events: Event[]) {
  const firstDay = addDays(start, 1);
  const stopped = new Set<CivilDate>();
  let end = plus(start, period);
  let openFrom: CivilDate | undefined;
  for (const event of inTimeOrder(events)) {
    if (event.kind === 'extension') {
      end = event.by ? plus(end, event.by) : event.until!;
      continue;
    }
    if (openFrom !== undefined || compareDates(event.from, end) > 0) continue;
    let day = compareDates(event.from, firstDay) < 0 ? firstDay : event.from;
    if (event.to === undefined) {
      while (stopped.has(day)) day = addDays(day, 1);
      openFrom = day;
      continue;
    }
    for (; compareDates(day, event.to) < 0; day = addDays(day, 1)) {
      if (stopped.has(day)) continue;
      stopped.add(day);
      end = addDays(end, 1);
    }
  }
  return { end, daysLeft: openFrom === undefined ? undefined : daysBetween(openFrom, end) };
}

function requestOf(start: CivilDate, period: PeriodLength, arrival: Event[]): DeadlineRequest {
  const request: DeadlineRequest = { start, period, extensions: [], exclusions: [], suspensions: [] };
  for (const e of arrival) {
    if (e.kind === 'extension') {
      const change = e.by ? { by: e.by } : { until: e.until! };
      request.extensions!.push({ ...change, decidedOn: e.on, ...GRANT });
    } else {
      const span = { from: e.from, ...(e.to ? { to: e.to } : {}) };
      (e.kind === 'exclusion' ? request.exclusions! : request.suspensions!).push(span);
    }
  }
  return request;
}

const start = fc.integer({ min: toEpochDay('2024-01-01'), max: toEpochDay('2026-06-30') }).map(fromEpochDay);
const period: fc.Arbitrary<PeriodLength> = fc.oneof(
  fc.integer({ min: 1, max: 90 }).map((count) => ({ unit: 'days' as const, count })),
  fc.integer({ min: 1, max: 3 }).map((count) => ({ unit: 'months' as const, count })),
);
const stop = fc.record({
  kind: fc.constantFrom('suspension' as const, 'exclusion' as const),
  offset: fc.integer({ min: 0, max: 150 }),
  length: fc.option(fc.integer({ min: 0, max: 40 }), { freq: 6 }),
});
const extension = fc.record({
  change: fc.oneof(
    fc.integer({ min: 1, max: 40 }).map((count) => ({ by: { unit: 'days' as const, count } })),
    fc.integer({ min: 1, max: 2 }).map((count) => ({ by: { unit: 'months' as const, count } })),
    fc.integer({ min: 20, max: 200 }).map((days) => ({ untilOffset: days })),
  ),
});

/** A case's events; no two extensions on one day (the order of those is the order granted). */
const caseEvents = fc
  .tuple(
    start,
    period,
    fc.array(stop, { maxLength: 4 }),
    fc.uniqueArray(fc.integer({ min: 0, max: 150 }), { maxLength: 3 }),
    fc.array(extension, { minLength: 3, maxLength: 3 }),
  )
  .map(([from, length, stops, extensionDays, changes]) => {
    const events: Event[] = stops.map((s) => {
      const on = addDays(from, s.offset);
      return { kind: s.kind, from: on, ...(s.length === null ? {} : { to: addDays(on, s.length) }) };
    });
    extensionDays.forEach((offset, i) => {
      const c = changes[i]!.change;
      const on = addDays(from, offset);
      events.push(
        'by' in c
          ? { kind: 'extension', on, by: c.by }
          : { kind: 'extension', on, until: addDays(on, c.untilOffset) },
      );
    });
    return { start: from, period: length, events };
  });

describe('extensions, excluded spans and suspensions in the order they happened', () => {
  it('any order of recording gives the end reached by applying them one by one in time order', () => {
    fc.assert(
      fc.property(caseEvents, fc.infiniteStream(fc.nat()), ({ start, period, events }, noise) => {
        const arrival = events
          .map((e) => ({ e, key: noise.next().value }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.e);
        const result = computeDeadline(requestOf(start, period, arrival), CHINESE_DAYS, policy());
        const expected = oneByOne(start, period, events);
        expect(result.endBeforeRollover).toBe(expected.end);
        expect(result.suspended).toBe(expected.daysLeft !== undefined);
        expect(result.pause?.daysLeftAfterResumption).toBe(expected.daysLeft);
      }),
      { numRuns: 1000 },
    );
  });
});
