/**
 * One case's life in its workflow: every state change goes through `act`, an alarm or a
 * recomputation, one at a time under a lock, and leaves timeline entries behind.
 */
import { ActivityFailure, ApplicationFailure, patched } from '@temporalio/workflow';
import { parsePayload, runAction, structuredCopy } from '../../domain/case/actions';
import {
  EARLIER_ESCALATION_LADDER,
  ESCALATION_LADDER,
  type Actor,
  type CaseState,
  type ClockState,
  type ReminderState,
} from '../../domain/case/model';
import type { ActionName } from '../../domain/case/payloads';
import { Effects, Rejection, startClock, type RuleContext } from '../../domain/case/rules/common';
import { onClockExpired } from '../../domain/case/rules/clocks';
import { markMajor } from '../../domain/case/rules/major-lead';
import { isFinalStage, LEAD_SOURCES } from '../../domain/case/stages';
import { expiryInstant } from '../../domain/expiry';
import { shanghaiDate } from '../../domain/time';
import type {
  ActionEnvelope,
  ActionResult,
  CaseRunInput,
  RecomputeClocksRequest,
  ReviseDocumentRequest,
  RevisedDocument,
} from '../contract';
import { documents } from './activity-presets';
import { clockRow, executeClockOps, type ClockChange } from './clocks';
import { batchOf, clockEvent } from './events';
import { actionDocumentOf, documentsOf, issueActionDocument, MAKES_DOCUMENTS } from './documents';
import { litigationDocumentsOf, makeLitigationDocuments } from './litigation-documents';
import { Alerts, failureType, refusalOf, refusesUnrecordedActions, unrecorded } from './failures';
import { Journal, type JournalBatch, type Written } from './journal';
import { RULE_PATCHES } from '../patches';
import { Lock } from './lock';
import { PATCHES } from '../patches';
import { appliedPayload } from './payload';
import { clockChangedMail, organReminder, reminderBatch } from './reminders';
import { initialState } from './state';

export const SYSTEM_ACTOR = 'system';

/** The patch behind each rule change: a case recorded before it keeps the rule it began with. */
const REMEMBERED_KEYS = 200;

export interface CarriedCase {
  state: CaseState;
  processed: [string, ActionResult][];
}

export class CaseRun {
  state: CaseState;
  readonly journal = new Journal(
    () => this.state,
    (err) => this.alerts.unrecorded('mail_not_sent', 'mail', err),
  );
  private readonly alerts = new Alerts(
    () => this.state,
    (work) => this.journal.background(work),
    () => (this.changes += 1),
  );
  private readonly lock = new Lock();
  private readonly processed: Map<string, ActionResult>;
  /** Bumped on every change that may move the next alarm, to wake the supervisor. */
  changes = 0;
  /** The search attributes last published, as `stage|nextDue`. */
  publishedAttributes = '';

  constructor(
    readonly input: CaseRunInput,
    workflowId: string,
    carried?: CarriedCase,
  ) {
    this.state = carried?.state ?? initialState(input, workflowId);
    this.processed = new Map(carried?.processed ?? []);
  }

  carry(): CarriedCase {
    return { state: this.state, processed: [...this.processed.entries()] };
  }

  register(): Promise<void> {
    return this.lock.run(async () => {
      const { input } = this;
      const fx = new Effects().note({
        title: input.title,
        source: input.source,
        receivedOn: input.receivedOn,
        domainCode: input.domainCode,
        handlerId: input.handlerId,
        externalRef: input.externalRef ?? null,
      });
      startClock(fx, { key: 'lead_evaluation', clockId: 'lead_evaluation', start: input.receivedOn });
      if (input.majorLeadReason && patched(PATCHES.majorLeads)) {
        const flag = { flaggedOn: input.receivedOn, flaggedBy: input.createdBy.userId };
        markMajor(this.state, fx, { ...flag, reason: input.majorLeadReason });
      }
      const changes = await executeClockOps(this.state, fx.clockOps, Date.now());
      const batch = batchOf('lead_registered', input.createdBy.userId, fx, changes);
      batch.mail = [
        {
          dedupeKey: `case:${input.caseId}:lead_ack`,
          template: 'lead_ack',
          recipients: [{ userId: input.handlerId }],
          vars: {
            caseId: input.caseId,
            title: input.title,
            receivedOn: input.receivedOn,
            source: LEAD_SOURCES[input.source],
          },
        },
      ];
      await this.journal.write(batch);
      this.changes += 1;
    });
  }

  /**
   * The update validator: refuses before anything enters history. A repeated key is accepted. It
   * never runs on replay, so it applies every rule in force; the handler asks `patched()` whether a
   * later rule applies, so an action accepted before that rule replays as it was.
   */
  validate(name: ActionName, envelope: ActionEnvelope<unknown>): void {
    checkEnvelope(envelope);
    if (this.processed.has(keyOf(envelope))) return;
    refuseAsFailure(() =>
      runAction(
        structuredCopy(this.state),
        name,
        parsePayload(name, envelope.payload),
        // A validator runs only live, where patched() is true for the new code: no marker here.
        this.context(envelope, () => true),
      ),
    );
  }

  act(name: ActionName, envelope: ActionEnvelope<unknown>): Promise<ActionResult> {
    return this.lock.run(async () => {
      const seen = this.processed.get(keyOf(envelope));
      if (seen) return seen;
      const before = this.state;
      const draft = structuredCopy(before);
      const payload = appliedPayload(name, envelope.payload);
      const ctx = this.context(envelope, (change) => patched(RULE_PATCHES[change]));
      const fx = refuseAsFailure(() => runAction(draft, name, payload, ctx));
      this.state = draft;
      let changes: ClockChange[];
      let written: Written;
      try {
        changes = await executeClockOps(this.state, fx.clockOps, Date.now());
        written = await this.journal.write(
          this.withOrganMail(
            name,
            withAuth(batchOf(name, envelope.actor.userId, fx, changes), envelope.actor),
            fx,
          ),
        );
      } catch (err) {
        // Not on the timeline, so it did not happen: the case is as it was, plus an alert.
        if (!unrecorded(err) || !refusesUnrecordedActions()) throw err;
        this.state = before;
        const errorType = failureType(err);
        this.alerts.raise({ kind: 'action_refused', subject: name, errorType });
        throw refusalOf(errorType);
      }
      if (fx.resendMail) this.journal.resendMail();
      await this.makeDocuments(name, payload, written.seqs[0]!, envelope.actor.userId);
      const result = this.resultOf(name, written.seqs[0]!, changes);
      this.remember(keyOf(envelope), result);
      this.changes += 1;
      return result;
    });
  }

  /** An issued recommendation's organ is mailed the link to its page (once, by the outbox key). */
  private withOrganMail(name: ActionName, batch: JournalBatch, fx: Effects): JournalBatch {
    if (name !== 'decideRecommendation') return batch;
    const ids = (fx.data.recommendationIds as string[] | undefined) ?? [];
    if (ids.length === 0 || !patched(PATCHES.organAccess)) return batch;
    const { title } = this.state.info;
    batch.organMail = this.state.recommendations
      .filter((r) => ids.includes(r.id))
      .map((r) => ({ recommendationId: r.id, organId: r.organId, title, decidedOn: r.decidedOn! }));
    return batch;
  }

  /** Only the case's handler (or a department head) edits its drafts, and the case must be open. */
  validateRevision(request: ReviseDocumentRequest): void {
    checkEnvelope({ ...request, payload: undefined });
    const { actor } = request;
    const allowed =
      actor.roles.includes('head') ||
      (actor.roles.includes('prosecutor') && actor.userId === this.state.handlerId);
    if (!allowed)
      throw ApplicationFailure.nonRetryable('只有承办检察官或部门负责人可以修改文书草稿', 'Forbidden');
    if (isFinalStage(this.state.stage))
      throw ApplicationFailure.nonRetryable('案件已办结，不能修改文书', 'WrongStage');
  }

  /** A draft's free-text parts changed, under the lock the chief's decision also takes. */
  reviseDocument(request: ReviseDocumentRequest): Promise<RevisedDocument> {
    return this.lock.run(async () => {
      let revised;
      try {
        revised = await documents.reviseDraft({
          caseId: this.state.info.caseId,
          documentId: request.documentId,
          changes: request.changes,
        });
      } catch (err) {
        const cause = err instanceof ActivityFailure ? err.cause : undefined;
        if (cause instanceof ApplicationFailure && cause.nonRetryable)
          throw ApplicationFailure.nonRetryable(cause.message, cause.type);
        throw err;
      }
      const written = await this.journal.write({
        events: [
          {
            kind: 'document_revised',
            actorId: request.actor.userId,
            data: {
              documentId: revised.documentId,
              kind: revised.kind,
              title: revised.title,
              fields: Object.keys(request.changes),
            },
          },
        ],
      });
      this.changes += 1;
      return { documentId: revised.documentId, seq: written.seqs[0]! };
    });
  }

  /**
   * The documents the action makes, and their timeline entries. The action stands whatever
   * happens here: documents that cannot be made raise an alert on the case.
   */
  private async makeDocuments(
    name: ActionName,
    payload: unknown,
    seq: number,
    actorId: string,
  ): Promise<void> {
    const makes = MAKES_DOCUMENTS.includes(name) && patched(PATCHES.statutoryDocuments);
    const organOf = (id: string) => this.state.recommendations.find((r) => r.id === id)?.organId;
    const own = actionDocumentOf(name, payload, organOf);
    const issuesOwn = own !== undefined && patched(PATCHES.moreStatutoryDocuments);
    const further = litigationDocumentsOf(name, payload, this.state);
    const makesFurther = further !== undefined && patched(PATCHES.litigationDocuments);
    if (!makes && !issuesOwn && !makesFurther) return;
    const by = { caseId: this.state.info.caseId, seq, actorId };
    await this.alerts.orAlert(`documents:${name}`, async () => {
      const events = makes ? await documentsOf(name, payload, by) : [];
      if (issuesOwn) events.push(...(await issueActionDocument(own, by)));
      if (makesFurther) events.push(...(await makeLitigationDocuments(further, by)));
      if (events.length > 0) await this.journal.write({ events });
    });
  }

  private resultOf(action: ActionName, seq: number, changes: ClockChange[]): ActionResult {
    return {
      caseId: this.state.info.caseId,
      action,
      stage: this.state.stage,
      seq,
      clocks: changes.map(({ clock }) => ({
        key: clock.key,
        status: clock.status,
        due: clock.due,
        provisional: clock.provisional,
      })),
    };
  }

  /** The earliest moment something is due: a reminder to send or a clock running out. */
  nextAlarm(): number | undefined {
    let next: number | undefined;
    for (const clock of runningClocks(this.state)) {
      for (const r of clock.reminders) if (!r.done) next = Math.min(next ?? r.fireAt, r.fireAt);
      if (!clock.expiryHandled && clock.due) next = Math.min(next ?? Infinity, expiryInstant(clock.due));
    }
    return next;
  }

  fireDueAlarms(): Promise<void> {
    return this.lock.run(async () => {
      for (const clock of runningClocks(this.state)) {
        const now = Date.now();
        for (const reminder of clock.reminders.filter((r) => !r.done && r.fireAt <= now)) {
          reminder.done = true;
          const batch = reminderBatch(this.state, clock, reminder, new Date(now).toISOString(), () =>
            patched(PATCHES.escalationLadder) ? ESCALATION_LADDER : EARLIER_ESCALATION_LADDER,
          );
          this.remindOrgan(clock, reminder, batch);
          await this.alerts.orAlert('reminder', () => this.journal.write(batch));
        }
        if (!clock.expiryHandled && clock.due && expiryInstant(clock.due) <= now)
          await this.alerts.orAlert('clock_expired', () => this.expire(clock));
      }
      this.changes += 1;
    });
  }

  /** The organ's contact is reminded once of its reply and rectification ends (the entry says so). */
  private remindOrgan(clock: ClockState, reminder: ReminderState, batch: JournalBatch): void {
    const mail = organReminder(this.state, clock, reminder);
    if (!mail || !patched(PATCHES.organReminders)) return;
    clock.organReminded = true;
    batch.organMail = [mail];
    batch.events[0]!.data.organReminded = true;
  }

  recompute(request: RecomputeClocksRequest): Promise<void> {
    return this.lock.run(() => this.alerts.orAlert('clocks_recomputed', () => this.recomputeNow(request)));
  }

  private async recomputeNow(request: RecomputeClocksRequest): Promise<void> {
    const ops = runningClocks(this.state).map((c) => ({ op: 'recompute' as const, key: c.key }));
    const changes = (await executeClockOps(this.state, ops, Date.now())).filter(moved);
    if (changes.length === 0) return;
    const actor = request.actorId || SYSTEM_ACTOR;
    await this.journal.write({
      events: [
        {
          kind: 'clocks_recomputed',
          actorId: actor,
          data: { versions: request.versions, clockKeys: changes.map((c) => c.clock.key) },
          reason: request.reason,
        },
        ...changes.map((c) => clockEvent(c, actor)),
      ],
      clocks: changes.map(clockRow),
      mail: changes.map((c) => clockChangedMail(this.state, c, request)),
    });
    this.changes += 1;
  }

  private async expire(clock: ClockState): Promise<void> {
    const fx = onClockExpired(this.state, clock.key, shanghaiDate(new Date()), {
      inForce: (change) => patched(RULE_PATCHES[change]),
    });
    const changes = await executeClockOps(this.state, fx.clockOps, Date.now());
    await this.journal.write(batchOf('clock_expired', SYSTEM_ACTOR, fx, changes));
  }

  private context(envelope: ActionEnvelope<unknown>, inForce: RuleContext['inForce']): RuleContext {
    return { actor: envelope.actor, today: shanghaiDate(new Date()), ...(inForce ? { inForce } : {}) };
  }

  private remember(key: string, result: ActionResult): void {
    this.processed.set(key, result);
    if (this.processed.size > REMEMBERED_KEYS) this.processed.delete(this.processed.keys().next().value!);
  }
}

function runningClocks(state: CaseState): ClockState[] {
  return Object.values(state.clocks)
    .filter((c) => c.status === 'running')
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

function moved(change: ClockChange): boolean {
  return change.previousDue !== change.clock.due || change.previousProvisional !== change.clock.provisional;
}

function keyOf(envelope: ActionEnvelope<unknown>): string {
  return `${envelope.actor.userId}:${envelope.idempotencyKey}`;
}

function checkEnvelope(envelope: ActionEnvelope<unknown>): void {
  const ok =
    typeof envelope === 'object' &&
    envelope !== null &&
    typeof envelope.idempotencyKey === 'string' &&
    envelope.idempotencyKey.length > 0 &&
    typeof envelope.actor?.userId === 'string' &&
    Array.isArray(envelope.actor.roles);
  if (!ok) throw ApplicationFailure.nonRetryable('请求缺少操作人或幂等键', 'InvalidPayload');
}

/** Runs a rule; a refusal becomes a non-retryable failure whose type the API maps to 403/409/422. */
function refuseAsFailure<T>(rule: () => T): T {
  try {
    return rule();
  } catch (err) {
    if (err instanceof Rejection) throw ApplicationFailure.nonRetryable(err.message, err.kind);
    throw err;
  }
}

/** The action's own entry (the batch's first) says how its actor authenticated, when the envelope tells. */
function withAuth(batch: JournalBatch, actor: Actor): JournalBatch {
  if (!actor.auth || !patched(PATCHES.timelineAuth)) return batch;
  const [entry, ...rest] = batch.events;
  return { ...batch, events: [{ ...entry!, data: { ...entry!.data, auth: actor.auth } }, ...rest] };
}
