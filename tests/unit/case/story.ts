/**
 * A case driven through the pure rules, the way the workflow drives it: each action runs on a
 * copy of the state, and only an accepted one replaces it; clock operations are carried out
 * with the real period engine and the 2025/2026 schedule (without reminders, which the rules
 * never read).
 */
import { parsePayload, runAction } from '../../../domain/case/actions';
import type { Actor, CaseState, ClockLength, ClockState } from '../../../domain/case/model';
import type { ActionName, PayloadInputs } from '../../../domain/case/payloads';
import { onClockExpired } from '../../../domain/case/rules/clocks';
import { Rejection, type ClockOp, type Effects, type RuleContext } from '../../../domain/case/rules/common';
import type { Track } from '../../../domain/case/stages';
import {
  computeDeadline,
  DEFAULT_CLOCK_CATALOGUE,
  DEFAULT_PERIOD_POLICY,
  scheduleFromChineseDays,
  type DeadlineRequest,
} from '../../../domain/period';
import { initialState } from '../../../workflows/case/state';

export const PROCURATORATE = 'p-test';

const actor = (userId: string, roles: Actor['roles'], extra: Partial<Actor> = {}): Actor => ({
  userId,
  roles,
  procuratorateId: PROCURATORATE,
  ...extra,
});

/** One actor per role that matters to the rules; `prosecutor` handles every story's case. */
export const ACTORS = {
  prosecutor: actor('u-prosecutor', ['prosecutor']),
  otherProsecutor: actor('u-other', ['prosecutor']),
  head: actor('u-head', ['head']),
  delegatedHead: actor('u-delegated', ['head'], { delegated: ['filing', 'recommendation', 'litigation'] }),
  chief: actor('u-chief', ['chief']),
  caseOffice: actor('u-office', ['case_office']),
  admin: actor('u-admin', ['admin']),
  foreignChief: actor('u-foreign', ['chief'], { procuratorateId: 'p-elsewhere' }),
  /** The eco bureau online, on its recommendation rec-1 (no role: an organ's session). */
  ecoOrgan: actor('organ:organ-eco', [], {
    organ: { organId: 'organ-eco', recommendationId: 'rec-1', contact: 'eco@organ.example' },
  }),
};
export type ActorName = keyof typeof ACTORS;

export const ORGANS = { eco: 'organ-eco', market: 'organ-market', street: 'organ-street' };

/** The day the rules take as today unless a story says otherwise: after every date the stories use. */
export const TODAY = '2025-12-31';

const schedule = scheduleFromChineseDays();

export class Story {
  state: CaseState;
  /** Which later rules are in force for the case (as the workflow's patches say); absent: all of them. */
  inForce?: RuleContext['inForce'];

  constructor(
    track: Track = 'administrative',
    public today = TODAY,
  ) {
    this.state = initialState(
      {
        caseId: 'c-1',
        procuratorateId: PROCURATORATE,
        title: '某公司违规堆放固体废物',
        description: '',
        track,
        domainCode: 'ecology',
        source: 'public_report',
        receivedOn: '2025-03-03',
        handlerId: ACTORS.prosecutor.userId,
        createdBy: ACTORS.prosecutor,
      },
      'case-c-1',
    );
    this.apply([{ op: 'start', key: 'lead_evaluation', clockId: 'lead_evaluation', start: '2025-03-03' }]);
  }

  /** Runs an action as the workflow does; a refusal leaves the state as it was and is thrown. */
  run<N extends ActionName>(name: N, by: Actor | ActorName, payload: PayloadInputs[N]): Effects {
    const who = typeof by === 'string' ? ACTORS[by] : by;
    const draft = copy(this.state);
    const parsed = parsePayload(name, payload);
    const context = { actor: who, today: this.today, ...(this.inForce ? { inForce: this.inForce } : {}) };
    const fx = runAction<ActionName>(draft, name, parsed, context);
    this.state = draft;
    this.apply(fx.clockOps);
    return fx;
  }

  /** `run`, for building a story step by step. */
  does<N extends ActionName>(name: N, by: Actor | ActorName, payload: PayloadInputs[N]): this {
    this.run(name, by, payload);
    return this;
  }

  /** The refusal of an action, or a failure if it was accepted. */
  refusal<N extends ActionName>(name: N, by: Actor | ActorName, payload: PayloadInputs[N]): Rejection {
    const before = JSON.stringify(this.state);
    try {
      this.run(name, by, payload);
    } catch (err) {
      if (!(err instanceof Rejection)) throw err;
      expect(JSON.stringify(this.state)).toBe(before);
      return err;
    }
    throw new Error(`expected ${name} to be refused, but it was accepted`);
  }

  /** The clock `key` ran out: its consequence, as the workflow applies it at 24:00 of the due day. */
  expire(key: string, today = this.today): Effects {
    const fx = onClockExpired(this.state, key, today, this.inForce ? { inForce: this.inForce } : {});
    this.apply(fx.clockOps);
    return fx;
  }

  expired(key: string): this {
    this.expire(key);
    return this;
  }

  clock(key: string): ClockState {
    const clock = this.state.clocks[key];
    if (!clock) throw new Error(`no clock ${key}`);
    return clock;
  }

  running(): string[] {
    return Object.values(this.state.clocks)
      .filter((c) => c.status === 'running')
      .map((c) => c.key)
      .sort();
  }

  apply(ops: readonly ClockOp[]): void {
    for (const op of ops) {
      if (op.op === 'start') {
        const length: ClockLength = op.length
          ? { source: 'explicit', period: op.length }
          : { source: op.urgent ? 'urgent' : 'default' };
        this.state.clocks[op.key] = computeClock(op.key, op.clockId, op.recommendationId, length, {
          start: op.start,
          period: periodOf(op.clockId, length),
        });
        continue;
      }
      const clock = this.clock(op.key);
      if (op.op === 'recompute') {
        const fresh = computeClock(
          clock.key,
          clock.clockId,
          clock.recommendationId,
          clock.length,
          clock.request,
        );
        Object.assign(clock, { due: fresh.due, suspended: fresh.suspended, provisional: fresh.provisional });
      } else if (op.op === 'meet') Object.assign(clock, { status: 'met', metOn: op.on });
      else clock.status = op.op === 'cancel' ? 'cancelled' : 'expired';
    }
  }
}

function periodOf(clockId: ClockState['clockId'], length: ClockLength) {
  if (length.source === 'explicit') return length.period;
  const def = DEFAULT_CLOCK_CATALOGUE.clocks[clockId];
  const period = length.source === 'urgent' ? def.urgentLength : def.defaultLength;
  if (!period) throw new Error(`clock ${clockId} has no ${length.source} length`);
  return period;
}

function computeClock(
  key: string,
  clockId: ClockState['clockId'],
  recommendationId: string | undefined,
  length: ClockLength,
  request: DeadlineRequest,
): ClockState {
  const def = DEFAULT_CLOCK_CATALOGUE.clocks[clockId];
  const result = computeDeadline(request, schedule, DEFAULT_PERIOD_POLICY);
  return {
    key,
    clockId,
    ...(recommendationId ? { recommendationId } : {}),
    length,
    request: copy(request),
    name: def.name,
    basis: '',
    explanation: [],
    due: result.due,
    provisional: result.provisional,
    suspended: result.suspended,
    status: 'running',
    expiryHandled: false,
    reminders: [],
    target: def.target,
    extension: def.extension,
    extensionsGranted: 0,
    versions: { catalogue: 'test', policy: 'test', schedule: 'test', reminders: 'test' },
  };
}

export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
