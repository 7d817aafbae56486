/**
 * The case as a prosecutor sees it: read model, clocks with explanations, recommendations and the
 * workflow's state as the journal last stored it. Only a case whose state was never stored (its
 * last timeline entry predates stored states) asks its workflow, once, and keeps the answer.
 */
import type { Client } from '@temporalio/client';
import type { ClockRow, RecommendationRow } from '../../store/case-reads';
import { casePageOf } from '../../store/case-page';
import { keepQueriedCaseState, storedCaseState } from '../../store/case-states';
import type { Db } from '../../store/pool';
import { availableActions } from '../../domain/case/actions';
import { openAlerts, type CaseState } from '../../domain/case/model';
import { caseStateOf, pageStateOf, withLaterAlerts, type PageState } from '../../domain/case/page-state';
import { runningStop, type DeadlineRequest } from '../../domain/period';
import { shanghaiDate } from '../../domain/time';
import { caseStateQuery, caseWorkflowId } from '../../workflows/contract';
import type { Principal } from '../auth/tokens';
import type { StuckCaseWatch } from '../operations/stuck-cases';
import { problems } from '../problem';
import { actorFrom } from './actor';
import { within } from './bounded';
import { presentCase } from './present';
import { readScopeOf } from '../oversight/scope';

export interface CaseReadDeps {
  db: Db;
  temporal: Client;
  now: () => Date;
  /** How long the page waits for a workflow it has to ask (a case with no stored state). */
  answerMs: number;
  stuckCases?: StuckCaseWatch;
}

export async function caseDetail(deps: CaseReadDeps, principal: Principal, caseId: string) {
  const scope = await readScopeOf(deps.db, principal);
  const page = await casePageOf(deps.db, caseId, scope, principal);
  if (!page) throw problems.notFound(`案件 ${caseId} 不存在`);
  const { row, lead } = page;
  const stored = page.state ?? (await askedState(deps, caseId));
  const state = stored && caseStateOf(withLaterAlerts(stored, page.openAlerts));
  // A case read from above (oversight, 上级交办) offers nothing to do: it is the lower procuratorate's.
  const own = row.procuratorate_id === principal.procuratorateId;
  const today = shanghaiDate(deps.now());
  return {
    ...presentCase(row),
    description: lead.description,
    sourceDetail: lead.sourceDetail,
    transferFrom: lead.transferFrom,
    clocks: page.clocks.map((c) => presentClock(c, today)),
    recommendations: page.recommendations.map(presentRecommendation),
    ...stateFields(state),
    availableActions: state && own ? availableActions(state, actorFrom(principal, page.policy), today) : [],
    stuck: stuckOf(deps.stuckCases, caseId),
  };
}

/** What the page shows of the workflow's state (empty when neither stored nor answered). */
function stateFields(state: CaseState | undefined) {
  return {
    proposal: state?.proposal ?? null,
    escalations: state?.escalations ?? [],
    alerts: state ? openAlerts(state) : [],
    litigation: state?.litigation ?? null,
    majorLead: state?.majorLead ?? null,
    transfers: state?.transfers ?? [],
    parties: state?.parties ?? [],
    plaintiffSuits: state?.plaintiffSuits ?? [],
    supportWithdrawal: state?.supportWithdrawal ?? null,
    compensation: state?.compensation ?? null,
    criminalCase: state?.criminalCase ?? null,
    relativesInquiry: state?.relativesInquiry ?? null,
    noCloseRelatives: state?.noCloseRelatives ?? null,
  };
}

/** What the last scan found about this case's workflow task, if it keeps failing. */
function stuckOf(watch: StuckCaseWatch | undefined, caseId: string) {
  const found = watch?.current().cases.find((c) => c.caseId === caseId);
  return found
    ? { attempt: found.attempt, since: found.since, cause: found.cause, error: found.error }
    : null;
}

/**
 * The page state of a case the read model has none of, from its workflow within the deadline,
 * kept for the next reader; undefined when the workflow does not answer (the page still shows
 * the read model).
 */
async function askedState(deps: CaseReadDeps, caseId: string): Promise<PageState | undefined> {
  const asked = await within(deps.temporal, deps.answerMs, () => liveState(deps.temporal, caseId));
  const live = asked.done ? asked.value : undefined;
  if (!live) return undefined;
  const state = pageStateOf(live);
  await keepQueriedCaseState(deps.db, caseId, state);
  return state;
}

/** The page state of a case: as stored, else from its workflow within the deadline (see caseDetail). */
export async function pageStateOfCase(deps: CaseReadDeps, caseId: string): Promise<PageState | undefined> {
  return (await storedCaseState(deps.db, caseId)) ?? (await askedState(deps, caseId));
}

/** The workflow's own view; undefined when its workflow cannot be reached. */
async function liveState(temporal: Client, caseId: string): Promise<CaseState | undefined> {
  try {
    return await temporal.workflow.getHandle(caseWorkflowId(caseId)).query(caseStateQuery);
  } catch {
    return undefined;
  }
}

export function presentClock(c: ClockRow, today: string) {
  return {
    key: c.clock_key,
    clockId: c.clock_id,
    name: c.explanation.name ?? c.clock_id,
    basis: c.explanation.basis ?? null,
    recommendationId: c.recommendation_id,
    start: c.start_date,
    due: c.due_date,
    status: c.status,
    provisional: c.provisional,
    overdue: c.status === 'running' && c.due_date !== null && c.due_date < today,
    paused: pausedBy(c),
    explanation: (c.explanation.steps ?? []).map((s) => ({ kind: s.kind, text: s.text })),
    rule: c.explanation.rule ?? null,
    versions: { catalogue: c.catalogue_version, policy: c.policy_version, schedule: c.schedule_version },
  };
}

/** A running clock with no due date stands still: say why (中止审查, or 鉴定中). */
function pausedBy(c: ClockRow) {
  if (c.status !== 'running' || c.due_date !== null) return null;
  const stop = runningStop((c.request ?? {}) as DeadlineRequest);
  return stop ? { kind: stop.kind, since: stop.from, label: stop.label ?? null } : null;
}

function presentRecommendation(r: RecommendationRow) {
  return {
    id: r.recommendation_id,
    organId: r.organ_id,
    organName: r.organ_name,
    urgent: r.urgent,
    status: r.status,
    decidedOn: r.decided_on,
    servedOn: r.served_on,
    receivedOn: r.received_on,
    replyDue: r.reply_due,
    repliedOn: r.replied_on,
    repliedOnTime: r.replied_on_time,
    finding: r.finding,
    outcome: r.outcome,
    rebounds: r.rebounds,
  };
}
