// Extensions, excluded spans (Rules art. 48) and suspensions (Rules art. 78, 中止/恢复审查),
// applied one by one in the order they happened: each moves the end as it stands on its date.
// A stop (an excluded span or a suspension) stands the clock still from its first day; counting
// resumes on the day it ends, so a closed stop pushes the end back by (to − from) days — or, where the
// period policy excludes both end days (stop-counting.ts), on the day after, (to − from + 1) days. The
// same convention for both kinds, and a day inside two overlapping stops is counted once. A stop that begins
// after the end as it stands cannot stop a clock that has already run out: shown, not counted.
import { addDays, addMonthsDetailed, compareDates, daysBetween, maxDate, type CivilDate } from './dates';
import { extensionStep, stopStep, type ExplanationStep } from './explanation';
import type { DeadlineRequest, Extension, PeriodLength } from './request';
import { DEFAULT_STOP_DAY_COUNTING, type StopDayCounting } from './stop-counting';

/** The period added to a date: days as such, months by the same day-number or the month's last day. */
export function addPeriod(date: CivilDate, length: PeriodLength): { date: CivilDate; clamped: boolean } {
  if (length.unit === 'days') return { date: addDays(date, length.count), clamped: false };
  return addMonthsDetailed(date, length.count);
}

/** An extension replaces the end as it stands: by a period counted from it, or until a date. */
function applyExtension(
  end: CivilDate,
  extension: Extension,
  fromClampedEnd: boolean,
): { end: CivilDate; clamped: boolean; step: ExplanationStep } {
  const added = extension.by !== undefined ? addPeriod(end, extension.by) : undefined;
  const next = added?.date ?? extension.until ?? end;
  const clamped = added?.clamped ?? false;
  return { end: next, clamped, step: extensionStep(extension, end, next, { clamped, fromClampedEnd }) };
}

export type StopKind = 'suspension' | 'exclusion';

/** The period policy's day-counting convention for stops, and its version to name in the explanation. */
export interface StopRule {
  counting: StopDayCounting;
  policyVersion?: string;
}

export interface Stop {
  kind: StopKind;
  from: CivilDate;
  /** Absent while the stop still runs (not yet resumed, appraisal not yet ended). */
  to?: CivilDate;
  /** What the excluded span was (鉴定, 评估 …); suspensions have none. */
  label?: string;
}

export type ClockEvent =
  { kind: 'extension'; on?: CivilDate; extension: Extension } | { kind: 'stop'; stop: Stop };

export interface OpenStop {
  kind: StopKind;
  label?: string;
  since: CivilDate;
  /** Counting resumes on the day the stop ends and runs out that many days later. */
  daysLeftAfterResumption: number;
}

export interface EventsOutcome {
  end: CivilDate;
  steps: ExplanationStep[];
  /** Set while a stop still runs: the clock has no due date. */
  open?: OpenStop;
}

const dateOf = (event: ClockEvent): CivilDate | undefined =>
  event.kind === 'extension' ? event.on : event.stop.from;

/**
 * The request's events in the order they happened: by date; on one day an extension before a stop,
 * a running stop before closed ones (it covers them), closed ones by their end. Undated extensions (recorded before extensions carried their date) come
 * last, in the order granted, as they always were.
 */
export function orderedEvents(request: DeadlineRequest): ClockEvent[] {
  const events: ClockEvent[] = [
    ...(request.exclusions ?? []).map((e) => ({
      kind: 'stop' as const,
      stop: { ...e, kind: 'exclusion' as const },
    })),
    ...(request.suspensions ?? []).map((s) => ({
      kind: 'stop' as const,
      stop: { ...s, kind: 'suspension' as const },
    })),
    ...(request.extensions ?? []).map((extension) => ({
      kind: 'extension' as const,
      ...(extension.decidedOn ? { on: extension.decidedOn } : {}),
      extension,
    })),
  ];
  const indexed = events.map((event, index) => ({ event, index }));
  return indexed.sort((a, b) => compareEvents(a.event, b.event) || a.index - b.index).map((e) => e.event);
}

function compareEvents(a: ClockEvent, b: ClockEvent): number {
  const [da, db] = [dateOf(a), dateOf(b)];
  if (da === undefined || db === undefined) return (da === undefined ? 1 : 0) - (db === undefined ? 1 : 0);
  const byDate = compareDates(da, db);
  if (byDate !== 0) return byDate;
  if (a.kind !== b.kind) return a.kind === 'extension' ? -1 : 1;
  if (a.kind === 'stop' && b.kind === 'stop')
    return compareEnds(a.stop.to, b.stop.to) || compareKinds(a.stop, b.stop);
  return 0;
}

const compareEnds = (a?: CivilDate, b?: CivilDate) =>
  a === undefined || b === undefined
    ? (a === undefined ? 0 : 1) - (b === undefined ? 0 : 1)
    : compareDates(a, b);

/** A suspension and an excluded span of the same days: either may come first, the end is the same. */
const compareKinds = (a: Stop, b: Stop) => (a.kind === b.kind ? 0 : a.kind === 'exclusion' ? -1 : 1);

/**
 * Applies the events to `end` (the raw end, after any undated excluded days) in the order they
 * happened; `clamped` says that end is a month end shortened by 民法典第202条.
 */
export function applyClockEvents(
  start: CivilDate,
  end: { date: CivilDate; clamped: boolean },
  request: DeadlineRequest,
  rule: StopRule = { counting: DEFAULT_STOP_DAY_COUNTING },
): EventsOutcome {
  const firstDay = addDays(start, 1);
  const steps: ExplanationStep[] = [];
  let current = end.date;
  let clamped = end.clamped;
  /** Days before this one already stand still (from an earlier stop): not counted twice. */
  let stoppedUntil: CivilDate | undefined;
  let open: { stop: Stop; from: CivilDate } | undefined;
  for (const event of orderedEvents(request)) {
    if (event.kind === 'extension') {
      const applied = applyExtension(current, event.extension, clamped);
      steps.push(applied.step);
      current = applied.end;
      clamped = applied.clamped || (clamped && event.extension.by?.unit === 'months');
      continue;
    }
    const { stop } = event;
    if (open) continue;
    if (compareDates(stop.from, current) > 0) {
      steps.push(stopStep({ stop, outcome: 'after_end', end: current, rule }));
      continue;
    }
    const from = maxDate(maxDate(stop.from, firstDay), stoppedUntil ?? firstDay);
    if (stop.to === undefined) {
      open = { stop, from };
      continue;
    }
    // The day counting resumes: the last day itself, or (both end days excluded) the day after.
    const resumes = rule.counting === 'exclude_both_end_days' ? addDays(stop.to, 1) : stop.to;
    const days = Math.max(0, daysBetween(from, resumes));
    const overlap = Math.max(0, daysBetween(maxDate(stop.from, firstDay), resumes)) - days;
    const next = addDays(current, days);
    steps.push(stopStep({ stop, outcome: 'counted', end: current, next, days, overlap, rule }));
    if (days > 0) clamped = false;
    current = next;
    stoppedUntil = maxDate(stoppedUntil ?? resumes, resumes);
  }
  if (!open) return { end: current, steps };
  const daysLeft = daysBetween(open.from, current);
  steps.push(stopStep({ stop: open.stop, outcome: 'open', end: current, days: daysLeft, rule }));
  const label = open.stop.label;
  return {
    end: current,
    steps,
    open: {
      kind: open.stop.kind,
      ...(label ? { label } : {}),
      since: open.stop.from,
      daysLeftAfterResumption: daysLeft,
    },
  };
}

/** What stands a clock still now, read from its request: a running excluded span (鉴定中) or suspension. */
export function runningStop(request: Pick<DeadlineRequest, 'exclusions' | 'suspensions'>): Stop | undefined {
  const exclusion = request.exclusions?.find((e) => e.to === undefined);
  if (exclusion)
    return {
      kind: 'exclusion',
      from: exclusion.from,
      ...(exclusion.label ? { label: exclusion.label } : {}),
    };
  const suspension = request.suspensions?.find((s) => s.to === undefined);
  return suspension ? { kind: 'suspension', from: suspension.from } : undefined;
}
