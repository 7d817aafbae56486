import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { ACTION_NAMES } from '../../domain/case/actions';
import type { ActionName, Payloads } from '../../domain/case/payloads';
import { registrationProblem } from '../../domain/case/registration';
import { isFinalStage } from '../../domain/case/stages';
import {
  ACTION_UPDATES,
  awaitRegistrationUpdate,
  CaseErrors,
  caseStateQuery,
  caseSummaryQuery,
  recomputeClocksSignal,
  reviseDocumentUpdate,
  type ActionEnvelope,
  type ActionUpdate,
  type CaseRunInput,
  type CaseSummary,
  type RecomputeClocksRequest,
} from '../contract';
import { PATCHES } from '../patches';
import { nextDueKey, stageKey } from '../search-attributes';
import { AlarmTimer } from './alarm';
import { openClocks } from './projection';
import { CaseRun, type CarriedCase } from './run';

/** How long a refused registration waits for its starter to ask how it went. */
const REFUSAL_WAIT = '1 minute';

/**
 * One public-interest litigation case: registered as a lead, then moved on by staff actions
 * (updates) while its clocks remind, escalate and move the case when they run out — until the
 * case is rejected, terminated or archived. Continues as new when its history grows long.
 */
export async function caseWorkflow(input: CaseRunInput, carried?: CarriedCase): Promise<void> {
  if (carried === undefined) await refuseInvalidRegistration(input);
  const run = new CaseRun(input, workflowInfo().workflowId, carried);
  let registered = carried !== undefined;

  setHandler(caseSummaryQuery, () => summaryOf(run));
  setHandler(caseStateQuery, () => run.state);
  setHandler(awaitRegistrationUpdate, async () => {
    await condition(() => registered);
    return summaryOf(run);
  });
  for (const name of ACTION_NAMES) registerAction(run, name);
  setHandler(reviseDocumentUpdate, (request) => run.reviseDocument(request), {
    validator: (request) => run.validateRevision(request),
  });
  setHandler(recomputeClocksSignal, (request) => recomputeClocks(run, request));

  if (!registered) {
    await run.register();
    registered = true;
  }
  await superviseClocks(run);
}

/**
 * A registration the API would refuse, started by some other client (a NUL in the title, a date
 * not on the calendar, nobody who registered it), ends the case before anything is written: the
 * starter's `awaitRegistration` and the workflow's result both carry a non-retryable failure
 * naming the field, instead of a workflow task or an activity that fails over and over.
 *
 * Checking a valid input issues no command, so a valid case's history is the same with or
 * without this check. An invalid one is different: it used to schedule the clock computation and
 * the journal, which then failed (or the workflow task threw) — such a case is stuck, but its
 * history exists. Only that branch asks `patched()`, so a stuck case replays as it was written.
 */
async function refuseInvalidRegistration(input: unknown): Promise<void> {
  const problem = registrationProblem(input);
  if (problem === undefined || !patched(PATCHES.refuseInvalidRegistration)) return;
  const refusal = ApplicationFailure.nonRetryable(problem, CaseErrors.InvalidPayload);
  let asked = false;
  setHandler(awaitRegistrationUpdate, () => {
    asked = true;
    throw refusal;
  });
  // The starter asks right after starting; a starter that never asks is not waited on for long.
  await condition(() => asked, REFUSAL_WAIT);
  await condition(allHandlersFinished);
  throw refusal;
}

function registerAction<N extends ActionName>(run: CaseRun, name: N): void {
  const update = ACTION_UPDATES[name] as ActionUpdate<ActionName>;
  setHandler(
    update,
    (envelope: ActionEnvelope<Payloads[ActionName]>) =>
      run.act(name, envelope as ActionEnvelope<Payloads[N]>),
    {
      validator: (envelope: ActionEnvelope<Payloads[ActionName]>) =>
        run.validate(name, envelope as ActionEnvelope<Payloads[N]>),
    },
  );
}

/**
 * A recompute returned from its signal handler is one `allHandlersFinished()` waits for, so
 * continue-as-new cannot cut it off; cases started before the patch keep the old behaviour.
 */
function recomputeClocks(run: CaseRun, request: RecomputeClocksRequest): Promise<void> | undefined {
  const recomputing = run.recompute(request);
  if (patched(PATCHES.awaitRecompute)) return recomputing;
  void recomputing;
  return undefined;
}

/** Sleeps until the next reminder or expiry (or a change), fires what is due, and repeats. */
async function superviseClocks(run: CaseRun): Promise<void> {
  if (!patched(PATCHES.steadyAlarmTimer)) return superviseClocksRearming(run);
  const { finished, mayContinueAsNew } = endings(run);
  const alarm = new AlarmTimer();
  for (;;) {
    publishSearchAttributes(run);
    if (finished()) return;
    if (mayContinueAsNew()) await continueAsNew<typeof caseWorkflow>(carriedInput(run.input), run.carry());
    const seen = run.changes;
    alarm.setFor(run.nextAlarm());
    await condition(() => alarm.rang || run.changes !== seen || finished() || mayContinueAsNew());
    if (!alarm.rang) continue;
    alarm.reset();
    await run.fireDueAlarms();
  }
}

/** The supervisor of cases begun before PATCHES.steadyAlarmTimer: a new timer at every wake. */
async function superviseClocksRearming(run: CaseRun): Promise<void> {
  const { finished, mayContinueAsNew } = endings(run);
  for (;;) {
    publishSearchAttributes(run);
    if (finished()) return;
    if (mayContinueAsNew()) await continueAsNew<typeof caseWorkflow>(carriedInput(run.input), run.carry());
    const seen = run.changes;
    const next = run.nextAlarm();
    const wake = () => run.changes !== seen || finished() || mayContinueAsNew();
    if (next === undefined) await condition(wake);
    else if (!(await condition(wake, Math.max(next - Date.now(), 1)))) await run.fireDueAlarms();
  }
}

/** When the case has ended, and when it may continue as new: nothing in flight either way. */
function endings(run: CaseRun) {
  const settled = () => run.journal.idle && allHandlersFinished();
  return {
    finished: () => isFinalStage(run.state.stage) && settled(),
    mayContinueAsNew: () => workflowInfo().continueAsNewSuggested && settled(),
  };
}

/** The input the next run receives: the description stays behind (in the database). */
function carriedInput(input: CaseRunInput): CaseRunInput {
  if (!patched(PATCHES.continueWithoutDescription)) return input;
  const { description: _description, ...rest } = input;
  return rest;
}

/** Stage and next due date as search attributes (non-personal keys), when they changed. */
function publishSearchAttributes(run: CaseRun): void {
  const nextDue = openClocks(run.state)
    .map((c) => c.due!)
    .sort()[0];
  const signature = `${run.state.stage}|${nextDue ?? ''}`;
  if (signature === run.publishedAttributes) return;
  run.publishedAttributes = signature;
  upsertSearchAttributes([
    { key: stageKey, value: run.state.stage },
    { key: nextDueKey, value: nextDue ? new Date(`${nextDue}T00:00:00+08:00`) : null },
  ]);
}

function summaryOf(run: CaseRun): CaseSummary {
  const { info } = run.state;
  return {
    caseId: info.caseId,
    procuratorateId: info.procuratorateId,
    title: info.title,
    stage: run.state.stage,
    track: info.track,
    domainCode: info.domainCode,
    handlerId: run.state.handlerId,
  };
}
