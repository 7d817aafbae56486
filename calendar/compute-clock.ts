/**
 * Computes a clock of a case with the legal-period engine, the stored holiday schedule and the
 * clock catalogue, and plans its reminders. Runs as an activity so that the result (and the
 * versions that produced it) is recorded in history: a later engine change cannot alter replay.
 */
import type { CalendarStore, ReminderPolicy } from './store';
import {
  basisText,
  computeDeadline,
  type ClockId,
  type DeadlineRequest,
  type ExplanationStep,
  type PeriodLength,
  type StopDayCounting,
} from '../domain/period';
import type { ClockDefinition } from '../domain/period/clocks';
import { planReminders, type PlannedReminder, type ReminderLadder } from '../domain/reminders';

export interface ComputeClockInput {
  clockId: ClockId;
  start: string;
  /** Where the period's length comes from: the catalogue (default or urgent) or the action itself. */
  length: { source: 'default' } | { source: 'urgent' } | { source: 'explicit'; period: PeriodLength };
  adjustments: Pick<DeadlineRequest, 'excludedDays' | 'exclusions' | 'suspensions' | 'extensions'>;
  /** The case's track: cites only the basis that applies to it (an appeal: 行政诉讼法 or 民事诉讼法). */
  track?: 'administrative' | 'civil';
  /** Workflow time (epoch ms): reminders already due are planned for the next working moment. */
  now: number;
}

export interface ComputedClock {
  request: DeadlineRequest;
  due: string | null;
  rawEnd: string;
  provisional: boolean;
  suspended: boolean;
  steps: ExplanationStep[];
  /** Absent in results computed before the stop-counting setting existed. */
  rule: { makeupWorkdayCounts: boolean; stopDayCounting?: StopDayCounting };
  definition: {
    name: string;
    basis: string;
    target: 'statutory' | 'internal';
    extension: ClockDefinition['extension'];
  };
  reminders: PlannedReminder[];
  versions: { catalogue: string; policy: string; schedule: string; reminders: string };
}

/** Clocks whose running out moves the case on by itself: only the reminders before it make sense. */
const BEFORE_ONLY: ClockId[] = ['appeal_judgment', 'appeal_ruling', 'announcement'];

export async function computeClock(
  calendar: CalendarStore,
  input: ComputeClockInput,
): Promise<ComputedClock> {
  const { schedule, policy, catalogue, reminders } = await calendar.snapshot();
  const definition = catalogue.clocks[input.clockId];
  const period = periodOf(definition, input);
  const request: DeadlineRequest = { start: input.start, period, ...input.adjustments };
  const result = computeDeadline(request, schedule, policy);
  const ladder = ladderOf(reminders);
  const planned = result.due
    ? planReminders({
        due: result.due,
        ladder,
        schedule,
        rule: policy,
        now: new Date(input.now),
        scope: BEFORE_ONLY.includes(input.clockId) ? 'before_only' : 'full',
      })
    : [];
  return {
    request,
    due: result.due,
    rawEnd: result.rawEnd,
    provisional: result.provisional,
    suspended: result.suspended,
    steps: result.steps,
    rule: result.rule,
    definition: {
      name: definition.name,
      basis: basisText(definition.basis, input.track),
      target: definition.target,
      extension: definition.extension,
    },
    reminders: planned,
    versions: {
      catalogue: catalogue.version,
      policy: policy.version,
      schedule: result.scheduleVersion,
      reminders: reminders.version,
    },
  };
}

function periodOf(definition: ClockDefinition, input: ComputeClockInput): PeriodLength {
  if (input.length.source === 'explicit') return input.length.period;
  const length = input.length.source === 'urgent' ? definition.urgentLength : definition.defaultLength;
  if (!length)
    throw new Error(`clock ${definition.id} has no ${input.length.source} length in the catalogue`);
  return length;
}

/** The stored reminder policy as the planner's ladder; the last step at least a week late offers escalation. */
export function ladderOf(policy: ReminderPolicy): ReminderLadder {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const lastOffset = Math.max(...policy.steps.map((s) => s.offsetDays));
  return {
    version: policy.version,
    steps: policy.steps.map((s) => ({
      id: s.offsetDays === 0 ? 'd0' : `d${s.offsetDays > 0 ? '+' : ''}${s.offsetDays}`,
      offsetDays: s.offsetDays,
      recipients: s.recipients,
      ifDayOff: s.ifDayOff,
      suggestEscalation: s.offsetDays === lastOffset && s.offsetDays >= 7,
    })),
    workStartMinutes: minutes(policy.workingHours.start),
    workEndMinutes: minutes(policy.workingHours.end),
    workingDaysOnly: policy.workingHours.workingDaysOnly,
  };
}
