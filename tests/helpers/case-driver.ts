/** Drives a case workflow in tests: staff actions as real updates, state through the query. */
import { randomBytes } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { CaseState } from '../../domain/case/model';
import type { ActionName, PayloadInputs, Payloads } from '../../domain/case/payloads';
import { shanghaiDate } from '../../domain/time';
import {
  ACTION_UPDATES,
  awaitRegistrationUpdate,
  caseStateQuery,
  caseWorkflowId,
  type ActionResult,
  type Actor,
  type NewCaseInput,
} from '../../workflows/contract';
import type { TestOrg, TestUser } from './fixtures';
import type { WorkflowTestEnv, WorkflowWorld } from './workflow-env';

export const actorOf = (u: TestUser): Actor => ({
  userId: u.id,
  roles: u.roles,
  procuratorateId: u.procuratorateId,
  ...u.actor,
});

let counter = 0;
export function newCaseInput(org: TestOrg, overrides: Partial<NewCaseInput> = {}): NewCaseInput {
  counter += 1;
  const caseId = `${org.procuratorateId}-2026-${String(counter).padStart(5, '0')}${randomBytes(2).toString('hex')}`;
  return {
    caseId,
    procuratorateId: org.procuratorateId,
    title: '某公司违规堆放固体废物',
    description: '群众反映某公司在厂区外堆放固体废物',
    track: 'administrative',
    domainCode: 'ecology',
    source: 'public_report',
    // Today by the real clock, where the test servers start: a fixed date would fall due (and
    // its reminders fire) on whichever day the suite happens to run.
    receivedOn: shanghaiDate(new Date()),
    handlerId: org.prosecutor.id,
    createdBy: actorOf(org.prosecutor),
    ...overrides,
  };
}

export class CaseDriver {
  constructor(
    readonly t: WorkflowTestEnv,
    readonly handle: WorkflowHandle,
    readonly input: NewCaseInput,
  ) {}

  static async start(t: WorkflowTestEnv, taskQueue: string, input: NewCaseInput): Promise<CaseDriver> {
    const handle = await t.env.client.workflow.start('caseWorkflow', {
      taskQueue,
      workflowId: caseWorkflowId(input.caseId),
      args: [input],
      workflowExecutionTimeout: '3650 days',
    });
    t.track(handle);
    await handle.executeUpdate(awaitRegistrationUpdate);
    return new CaseDriver(t, handle, input);
  }

  act<N extends ActionName>(
    name: N,
    by: TestUser,
    payload: PayloadInputs[N],
    idempotencyKey = randomBytes(8).toString('hex'),
  ): Promise<ActionResult> {
    return this.handle.executeUpdate(ACTION_UPDATES[name], {
      args: [{ actor: actorOf(by), idempotencyKey, payload }],
    });
  }

  state(): Promise<CaseState> {
    return this.handle.query(caseStateQuery);
  }

  /** Today in Asia/Shanghai by the test server's clock (which time-skipping moves). */
  async today(): Promise<string> {
    return shanghaiDate(new Date(await this.t.env.currentTimeMs()));
  }

  async timeline(): Promise<{ seq: number; kind: string; data: Record<string, unknown> }[]> {
    return this.t.db.query('SELECT seq, kind, data FROM audit_entries WHERE case_id = $1 ORDER BY seq', [
      this.input.caseId,
    ]);
  }
}

type RecommendationSpec = Payloads['proposeRecommendation']['recommendations'][number];

/** Common paths through the procedure, so each test spells out only what it is about. */
export class CaseSteps {
  constructor(
    readonly c: CaseDriver,
    readonly org: TestOrg,
  ) {}

  /** Evaluation, proposal and the chief's filing decision on `on` (default today). */
  async file(on?: string): Promise<void> {
    const day = on ?? (await this.c.today());
    await this.c.act('proposeFiling', this.org.prosecutor, { reason: '线索查证属实' });
    await this.c.act('decideFiling', this.org.chief, {
      approve: true,
      decidedOn: day,
      reason: '符合立案条件',
    });
    await this.c.act('recordInvestigation', this.org.prosecutor, { on: day, summary: '调查取证' });
  }

  /** Proposal and decision of recommendations to the given organs; returns their ids (rec-1, rec-2 …). */
  async recommend(recs: Partial<RecommendationSpec>[], on?: string): Promise<string[]> {
    const day = on ?? (await this.c.today());
    const recommendations = recs.map((r) => ({
      organId: this.org.organs.eco,
      urgent: false,
      rectificationPeriod: { unit: 'months' as const, count: 2 },
      summary: '依法履行监管职责',
      ...r,
    }));
    await this.c.act('proposeRecommendation', this.org.prosecutor, {
      reason: '行政机关未依法履职',
      recommendations,
    });
    await this.c.act('decideRecommendation', this.org.chief, {
      approve: true,
      decidedOn: day,
      reason: '同意',
    });
    return recommendations.map((_, i) => `rec-${i + 1}`);
  }

  async serve(recommendationId: string, receivedOn?: string): Promise<ActionResult> {
    const day = receivedOn ?? (await this.c.today());
    return this.c.act('recordRecommendationService', this.org.prosecutor, {
      recommendationId,
      servedOn: day,
      receivedOn: day,
    });
  }

  async find(
    recommendationId: string,
    result: Payloads['recordFinding']['result'],
    reasons: Payloads['recordFinding']['reasons'] = [],
    earlyGround?: Payloads['recordFinding']['earlyGround'],
  ): Promise<ActionResult> {
    const checkedOn = await this.c.today();
    return this.c.act('recordFinding', this.org.prosecutor, {
      recommendationId,
      checkedOn,
      result,
      reasons,
      ...(earlyGround ? { earlyGround } : {}),
      summary: '跟进调查',
    });
  }
}

/** A new case of the world's procuratorate, registered, with the steps to drive it. */
export async function startCase(
  t: WorkflowWorld,
  taskQueue: string,
  overrides: Partial<NewCaseInput> = {},
): Promise<{ c: CaseDriver; s: CaseSteps }> {
  const c = await CaseDriver.start(t, taskQueue, newCaseInput(t.org, overrides));
  return { c, s: new CaseSteps(c, t.org) };
}

/** The business failure behind a refused update: its type (WrongStage/Forbidden/InvalidPayload) and message. */
export async function refusal(pending: Promise<unknown>): Promise<{ type: string; message: string }> {
  try {
    await pending;
  } catch (err) {
    const cause = (err as { cause?: { type?: string; message?: string } }).cause;
    if (cause?.type) return { type: cause.type, message: cause.message ?? '' };
    throw err;
  }
  throw new Error('expected the action to be refused, but it was accepted');
}

/** The organ's written reply to a recommendation, recorded on `on` (default today). */
export async function recordReply(
  s: CaseSteps,
  recommendationId: string,
  claim: Payloads['recordReply']['claim'],
  on?: string,
): Promise<ActionResult> {
  return s.c.act('recordReply', s.org.prosecutor, {
    recommendationId,
    repliedOn: on ?? (await s.c.today()),
    claim,
    summary: '行政机关书面回复',
  });
}

/** Moves the test server's clock to `instant` (epoch ms), if it is still ahead. */
export async function sleepUntil(t: WorkflowTestEnv, instant: number): Promise<void> {
  const ahead = instant - (await t.env.currentTimeMs());
  if (ahead > 0) await t.env.sleep(ahead);
}

/** The `reminder` entries of one clock on the case's timeline: step and when it was written. */
export async function reminderEntries(
  c: CaseDriver,
  clockKey: string,
): Promise<{ step: string; at: Date }[]> {
  return c.t.db.query(
    `SELECT data->>'step' AS step, at FROM audit_entries
      WHERE case_id = $1 AND kind = 'reminder' AND data->>'clockKey' = $2 ORDER BY seq`,
    [c.input.caseId, clockKey],
  );
}

/** The mail caught for this case (every subject names the case). */
export function caseMail(c: CaseDriver): WorkflowTestEnv['mail']['messages'] {
  return c.t.mail.messages.filter((m) => m.subject.includes(c.input.caseId));
}

/** The names of the updates the workflow history holds as accepted, in order. */
export async function acceptedUpdates(c: CaseDriver): Promise<string[]> {
  const history = await c.handle.fetchHistory();
  return (history.events ?? []).flatMap((e) => {
    const name = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name;
    return name ? [name] : [];
  });
}

/** The case's rows of the per-organ read model (case_recommendations). */
export async function recommendationRows(
  c: CaseDriver,
): Promise<
  { recommendation_id: string; organ_id: string; status: string; outcome: string | null; rebounds: number }[]
> {
  return c.t.db.query(
    `SELECT recommendation_id, organ_id, status, outcome, rebounds FROM case_recommendations
      WHERE case_id = $1 ORDER BY recommendation_id`,
    [c.input.caseId],
  );
}

/**
 * Waits (in real time, up to `timeoutMs`) until the case's workflow has no activity in flight.
 * Call it before `env.sleep`: skipping time under a running delivery times the delivery out, and
 * its retries then spin. It asks Temporal, not the database, so as not to add queries of its own.
 */
export async function quiet(c: CaseDriver, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = (await c.handle.describe()).raw.pendingActivities ?? [];
    if (pending.length === 0) return;
    if (Date.now() > deadline) {
      const what = pending.map(
        (a) => `${a.activityType?.name} #${a.attempt}: ${a.lastFailure?.message ?? ''}`,
      );
      throw new Error(`activities of ${c.input.caseId} still in flight: ${what.join('; ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** An administrative case sued (the organ refused to rectify) and filed with the court today. */
export async function suedCase(t: WorkflowWorld, taskQueue: string): Promise<CaseDriver> {
  const { c, s } = await startCase(t, taskQueue);
  await s.file();
  await s.recommend([{ organId: t.org.organs.eco, rectificationPeriod: { unit: 'days', count: 10 } }]);
  await s.serve('rec-1');
  await recordReply(s, 'rec-1', 'refused');
  await s.find('rec-1', 'not_rectified', ['replied_without_action'], 'organ_refused');
  await c.act('proposeLitigation', t.org.prosecutor, { reason: '拒不整改', organIds: [t.org.organs.eco] });
  const today = await c.today();
  await c.act('decideLitigation', t.org.chief, { approve: true, decidedOn: today, reason: '起诉' });
  await c.act('recordCourtFiling', t.org.prosecutor, {
    court: '某区人民法院',
    filedOn: today,
    servedOn: today,
  });
  return c;
}
