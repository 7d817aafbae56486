/** Carries out the clock operations the rules ask for; every computation happens in an activity. */
import type { ComputedClock } from '../../calendar/compute-clock';
import type { ClockRowInput } from '../../store/case-details';
import type { CaseState, ClockLength, ClockState } from '../../domain/case/model';
import type { ClockOp } from '../../domain/case/rules/common';
import { clockActivity } from './activity-presets';

export interface ClockChange {
  kind: 'started' | 'recomputed' | 'met' | 'cancelled' | 'lapsed';
  clock: ClockState;
  /** The due date before a recomputation. */
  previousDue?: string | null;
  previousProvisional?: boolean;
  computed?: ComputedClock;
}

export async function executeClockOps(
  state: CaseState,
  ops: readonly ClockOp[],
  now: number,
): Promise<ClockChange[]> {
  const computations = ops.map((op) =>
    op.op === 'start' || op.op === 'recompute' ? compute(state, op, now) : undefined,
  );
  const computed = await Promise.all(computations);
  return ops.map((op, i) => applyOp(state, op, computed[i]));
}

function compute(
  state: CaseState,
  op: Extract<ClockOp, { op: 'start' | 'recompute' }>,
  now: number,
): Promise<ComputedClock> {
  if (op.op === 'start') {
    const length: ClockLength = op.length
      ? { source: 'explicit', period: op.length }
      : { source: op.urgent ? 'urgent' : 'default' };
    return clockActivity()({
      clockId: op.clockId,
      start: op.start,
      length,
      adjustments: {},
      track: state.info.track,
      now,
    });
  }
  const clock = state.clocks[op.key]!;
  const { excludedDays, exclusions, suspensions, extensions } = clock.request;
  return clockActivity()({
    clockId: clock.clockId,
    start: clock.request.start,
    length: clock.length,
    adjustments: { excludedDays, exclusions, suspensions, extensions },
    track: state.info.track,
    now,
  });
}

function applyOp(state: CaseState, op: ClockOp, computed: ComputedClock | undefined): ClockChange {
  if (op.op === 'start') {
    const length: ClockLength = op.length
      ? { source: 'explicit', period: op.length }
      : { source: op.urgent ? 'urgent' : 'default' };
    const clock = fromComputed(op.key, op.clockId, op.recommendationId, length, computed!);
    state.clocks[op.key] = clock;
    return { kind: 'started', clock, computed };
  }
  const clock = state.clocks[op.key]!;
  if (op.op === 'recompute') {
    const previousDue = clock.due;
    const previousProvisional = clock.provisional;
    const fresh = fromComputed(clock.key, clock.clockId, clock.recommendationId, clock.length, computed!);
    if (fresh.due === previousDue) {
      // Same due date: what was already sent stays sent.
      const sent = new Set(clock.reminders.filter((r) => r.done).map((r) => r.stepId));
      fresh.reminders.forEach((r) => (r.done = sent.has(r.stepId)));
    }
    Object.assign(clock, {
      ...fresh,
      status: clock.status,
      extensionsGranted: clock.extensionsGranted,
      expiryHandled: fresh.due === previousDue && clock.expiryHandled,
    });
    return { kind: 'recomputed', clock, previousDue, previousProvisional, computed };
  }
  clock.reminders.forEach((r) => (r.done = true));
  if (op.op === 'meet') {
    Object.assign(clock, { status: 'met', metOn: op.on });
    return { kind: 'met', clock };
  }
  clock.status = op.op === 'cancel' ? 'cancelled' : 'expired';
  return { kind: op.op === 'cancel' ? 'cancelled' : 'lapsed', clock };
}

function fromComputed(
  key: string,
  clockId: ClockState['clockId'],
  recommendationId: string | undefined,
  length: ClockLength,
  c: ComputedClock,
): ClockState {
  return {
    key,
    clockId,
    ...(recommendationId ? { recommendationId } : {}),
    length,
    request: c.request,
    name: c.definition.name,
    basis: c.definition.basis,
    explanation: c.steps.map((s) => s.text),
    due: c.due,
    provisional: c.provisional,
    suspended: c.suspended,
    status: 'running',
    expiryHandled: false,
    reminders: c.reminders.map((r) => ({
      stepId: r.stepId,
      fireAt: r.fireAt,
      recipients: r.recipients,
      suggestEscalation: r.suggestEscalation,
      done: false,
    })),
    target: c.definition.target,
    extension: c.definition.extension,
    extensionsGranted: 0,
    versions: c.versions,
  };
}

/** The read-model row of a changed clock; the explanation only when it was (re)computed. */
export function clockRow(change: ClockChange): ClockRowInput {
  const c = change.clock;
  return {
    clockKey: c.key,
    clockId: c.clockId,
    recommendationId: c.recommendationId ?? null,
    startDate: c.request.start,
    dueDate: c.due,
    status: c.status,
    provisional: c.provisional,
    request: c.request,
    ...(change.computed
      ? {
          explanation: {
            steps: change.computed.steps,
            rule: change.computed.rule,
            rawEnd: change.computed.rawEnd,
            name: c.name,
            basis: c.basis,
          },
        }
      : {}),
    versions: c.versions,
  };
}
