// computeDeadline: one legal period, counted the way 民事诉讼法第85条 and 民法典第202条 say,
// with the exclusions, suspensions and extensions a case records. Pure and deterministic.
import { addPeriod, applyClockEvents, type OpenStop } from './clock-events';
import { addDays, type CivilDate } from './dates';
import {
  dateWithWeekday,
  excludedStep,
  provisionalStep,
  rawEndStep,
  rolloverText,
  startStep,
  type ExplanationStep,
} from './explanation';
import { validateDeadlineRequest, type DeadlineRequest } from './request';
import { DEFAULT_STOP_DAY_COUNTING, type StopDayCounting } from './stop-counting';
import { missingYearsOf, rollOver, type RolloverOutcome } from './rollover';
import { describeDay, scheduleVersion, type DayOffRule, type HolidaySchedule } from './schedule';

export {
  addPeriod,
  orderedEvents,
  runningStop,
  type OpenStop,
  type Stop,
  type StopKind,
} from './clock-events';

export interface PeriodPolicy extends DayOffRule {
  version: string;
  /** How a stop's end days are counted (stop-counting.ts); absent: the default convention. */
  stopDayCounting?: StopDayCounting;
}

export const DEFAULT_PERIOD_POLICY: PeriodPolicy = {
  version: 'period-1',
  makeupWorkdayCounts: true,
  stopDayCounting: DEFAULT_STOP_DAY_COUNTING,
};

export interface DeadlineResult {
  /** The last day of the period (ends 24:00 China Standard Time); null while suspended. */
  due: CivilDate | null;
  /** start + period, before anything else. */
  rawEnd: CivilDate;
  /** The end after exclusions, suspensions and extensions, before the day-off rollover. */
  endBeforeRollover: CivilDate;
  /** True when a year consulted for a day-off decision is missing from the schedule. */
  provisional: boolean;
  missingYears: number[];
  /** True while a suspension or an excluded span (an appraisal under way) stands the clock still. */
  suspended: boolean;
  /** What stands the clock still, while `suspended`. */
  pause?: OpenStop;
  rule: { makeupWorkdayCounts: boolean; stopDayCounting: StopDayCounting };
  policyVersion: string;
  scheduleVersion: string;
  steps: ExplanationStep[];
}

function rolloverStep(end: CivilDate, outcome: RolloverOutcome): ExplanationStep {
  const first = outcome.examined[0];
  if (first === undefined || !first.off) {
    return { kind: 'rollover', text: `${dateWithWeekday(end)}为工作日，无需顺延`, date: end };
  }
  return { kind: 'rollover', text: rolloverText(end, describeDay(first), outcome.due), date: outcome.due };
}

function makeupRuleStep(policy: PeriodPolicy, outcome: RolloverOutcome | null): ExplanationStep {
  const rule = policy.makeupWorkdayCounts ? '调休上班日按工作日计算' : '调休上班日不视为工作日，按休息日顺延';
  const last = outcome?.examined[outcome.examined.length - 1];
  const note =
    last?.kind === 'makeup_workday'
      ? `届满日 ${dateWithWeekday(last.date)}为${last.name ?? ''}调休上班日；`
      : '';
  return { kind: 'makeup_rule', text: `${note}${rule}（期间计算政策 ${policy.version}）` };
}

interface CountedPeriod {
  rawEnd: CivilDate;
  /** The last day before the day-off rollover. */
  end: CivilDate;
  pause?: OpenStop;
  steps: ExplanationStep[];
}

/**
 * Raw end → excluded days given as a bare total (no dates: first, as they always were) →
 * extensions, excluded spans and suspensions in the order they happened (a running stop ends the count).
 */
function countPeriod(request: DeadlineRequest, policy: PeriodPolicy): CountedPeriod {
  const raw = addPeriod(request.start, request.period);
  const steps = [startStep(request.start), rawEndStep(request.period, raw.date, raw.clamped)];
  let end = raw;
  const excluded = request.excludedDays ?? 0;
  if (excluded > 0) {
    end = { date: addDays(raw.date, excluded), clamped: false };
    steps.push(excludedStep(excluded, raw.date, end.date));
  }
  const events = applyClockEvents(request.start, end, request, {
    counting: policy.stopDayCounting ?? DEFAULT_STOP_DAY_COUNTING,
    policyVersion: policy.version,
  });
  steps.push(...events.steps);
  return { rawEnd: raw.date, end: events.end, ...(events.open ? { pause: events.open } : {}), steps };
}

export function computeDeadline(
  request: DeadlineRequest,
  schedule: HolidaySchedule,
  policy: PeriodPolicy = DEFAULT_PERIOD_POLICY,
): DeadlineResult {
  validateDeadlineRequest(request);
  const counted = countPeriod(request, policy);
  const base = {
    rawEnd: counted.rawEnd,
    endBeforeRollover: counted.end,
    rule: {
      makeupWorkdayCounts: policy.makeupWorkdayCounts,
      stopDayCounting: policy.stopDayCounting ?? DEFAULT_STOP_DAY_COUNTING,
    },
    policyVersion: policy.version,
    scheduleVersion: scheduleVersion(schedule),
  };
  const steps = [...counted.steps];
  if (counted.pause) {
    steps.push(makeupRuleStep(policy, null));
    const pause = counted.pause;
    return { due: null, ...base, provisional: false, missingYears: [], suspended: true, pause, steps };
  }
  const outcome = rollOver(counted.end, schedule, policy);
  const missingYears = missingYearsOf(outcome.examined);
  const provisional = missingYears.length > 0;
  steps.push(rolloverStep(counted.end, outcome));
  if (provisional) steps.push(provisionalStep(missingYears));
  steps.push(makeupRuleStep(policy, outcome));
  return { due: outcome.due, ...base, provisional, missingYears, suspended: false, steps };
}
