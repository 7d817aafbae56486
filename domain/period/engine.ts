// computeDeadline: one legal period, counted the way 民事诉讼法第85条 and 民法典第202条 say,
// with the exclusions, suspensions and extensions a case records. Pure and deterministic.
import { addDays, addMonthsDetailed, compareDates, type CivilDate } from './dates';
import {
  dateWithWeekday,
  excludedStep,
  periodText,
  provisionalStep,
  rawEndStep,
  rolloverText,
  startStep,
  type ExplanationStep,
} from './explanation';
import { validateDeadlineRequest, type DeadlineRequest, type Extension, type PeriodLength } from './request';
import { missingYearsOf, rollOver, type RolloverOutcome } from './rollover';
import { describeDay, scheduleVersion, type DayOffRule, type HolidaySchedule } from './schedule';
import { applySuspensions } from './suspension';

export interface PeriodPolicy extends DayOffRule {
  version: string;
}

export const DEFAULT_PERIOD_POLICY: PeriodPolicy = { version: 'period-1', makeupWorkdayCounts: true };

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
  suspended: boolean;
  rule: { makeupWorkdayCounts: boolean };
  policyVersion: string;
  scheduleVersion: string;
  steps: ExplanationStep[];
}

/** The period added to a date: days as such, months by the same day-number or the month's last day. */
export function addPeriod(date: CivilDate, length: PeriodLength): { date: CivilDate; clamped: boolean } {
  if (length.unit === 'days') return { date: addDays(date, length.count), clamped: false };
  return addMonthsDetailed(date, length.count);
}

function applyExtension(end: CivilDate, extension: Extension): { end: CivilDate; step: ExplanationStep } {
  const next = extension.by !== undefined ? addPeriod(end, extension.by).date : (extension.until ?? end);
  const what = extension.by !== undefined ? `延长${periodText(extension.by)}` : `延长至 ${next}`;
  const earlier = compareDates(next, end) < 0 ? '（注意：早于此前计算的届满日）' : '';
  const text =
    `${what}（批准：${extension.grantedBy}；依据：${extension.basis}；理由：${extension.reason}）：` +
    `届满日 ${end} → ${next}${earlier}`;
  return { end: next, step: { kind: 'extension', text, date: next } };
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
  suspended: boolean;
  steps: ExplanationStep[];
}

/** Raw end → excluded days → suspensions → extensions (an open suspension stops the count). */
function countPeriod(request: DeadlineRequest): CountedPeriod {
  const raw = addPeriod(request.start, request.period);
  const steps = [startStep(request.start), rawEndStep(request.period, raw.date, raw.clamped)];
  let end = raw.date;
  const excluded = request.excludedDays ?? 0;
  if (excluded > 0) {
    const next = addDays(end, excluded);
    steps.push(excludedStep(excluded, end, next));
    end = next;
  }
  const suspension = applySuspensions(request.start, end, request.suspensions ?? []);
  steps.push(...suspension.steps);
  end = suspension.end;
  if (suspension.open !== undefined) return { rawEnd: raw.date, end, suspended: true, steps };
  for (const extension of request.extensions ?? []) {
    const applied = applyExtension(end, extension);
    steps.push(applied.step);
    end = applied.end;
  }
  return { rawEnd: raw.date, end, suspended: false, steps };
}

export function computeDeadline(
  request: DeadlineRequest,
  schedule: HolidaySchedule,
  policy: PeriodPolicy = DEFAULT_PERIOD_POLICY,
): DeadlineResult {
  validateDeadlineRequest(request);
  const counted = countPeriod(request);
  const base = {
    rawEnd: counted.rawEnd,
    endBeforeRollover: counted.end,
    rule: { makeupWorkdayCounts: policy.makeupWorkdayCounts },
    policyVersion: policy.version,
    scheduleVersion: scheduleVersion(schedule),
  };
  const steps = [...counted.steps];
  if (counted.suspended) {
    steps.push(makeupRuleStep(policy, null));
    return { due: null, ...base, provisional: false, missingYears: [], suspended: true, steps };
  }
  const outcome = rollOver(counted.end, schedule, policy);
  const missingYears = missingYearsOf(outcome.examined);
  const provisional = missingYears.length > 0;
  steps.push(rolloverStep(counted.end, outcome));
  if (provisional) steps.push(provisionalStep(missingYears));
  steps.push(makeupRuleStep(policy, outcome));
  return { due: outcome.due, ...base, provisional, missingYears, suspended: false, steps };
}
