/** The case as a prosecutor sees it: read model, clocks with explanations, recommendations and live workflow state. */
import type { Client } from '@temporalio/client';
import { clocksOf, recommendationsOf, type ClockRow, type RecommendationRow } from '../../store/case-reads';
import { leadTextOf } from '../../store/lead-text';
import type { Db } from '../../store/pool';
import { availableActions } from '../../domain/case/actions';
import { openAlerts, type CaseState } from '../../domain/case/model';
import { runningStop, type DeadlineRequest } from '../../domain/period';
import { shanghaiDate } from '../../domain/time';
import { caseStateQuery, caseWorkflowId } from '../../workflows/contract';
import type { Principal } from '../auth/tokens';
import type { StuckCaseWatch } from '../operations/stuck-cases';
import { actorOf } from './actor';
import { presentCase } from './present';
import { readableCase } from '../oversight/scope';

export async function caseDetail(
  deps: { db: Db; temporal: Client; now: () => Date; stuckCases?: StuckCaseWatch },
  principal: Principal,
  caseId: string,
) {
  const row = await readableCase(deps.db, caseId, principal);
  // A case read from above (oversight, 上级交办) offers nothing to do: it is the lower procuratorate's.
  const own = row.procuratorate_id === principal.procuratorateId;
  const [clocks, recommendations, live, lead] = await Promise.all([
    clocksOf(deps.db, caseId),
    recommendationsOf(deps.db, caseId),
    liveState(deps.temporal, caseId),
    leadTextOf(deps.db, caseId),
  ]);
  const today = shanghaiDate(deps.now());
  const actor = await actorOf(deps.db, principal);
  return {
    ...presentCase(row),
    description: lead.description,
    sourceDetail: lead.sourceDetail,
    transferFrom: lead.transferFrom,
    clocks: clocks.map((c) => presentClock(c, today)),
    recommendations: recommendations.map(presentRecommendation),
    proposal: live?.proposal ?? null,
    escalations: live?.escalations ?? [],
    alerts: live ? openAlerts(live) : [],
    litigation: live?.litigation ?? null,
    majorLead: live?.majorLead ?? null,
    transfers: live?.transfers ?? [],
    parties: live?.parties ?? [],
    plaintiffSuits: live?.plaintiffSuits ?? [],
    supportWithdrawal: live?.supportWithdrawal ?? null,
    compensation: live?.compensation ?? null,
    criminalCase: live?.criminalCase ?? null,
    relativesInquiry: live?.relativesInquiry ?? null,
    noCloseRelatives: live?.noCloseRelatives ?? null,
    availableActions: live && own ? availableActions(live, actor, today) : [],
    stuck: stuckOf(deps.stuckCases, caseId),
  };
}

/** What the last scan found about this case's workflow task, if it keeps failing. */
function stuckOf(watch: StuckCaseWatch | undefined, caseId: string) {
  const found = watch?.current().cases.find((c) => c.caseId === caseId);
  return found
    ? { attempt: found.attempt, since: found.since, cause: found.cause, error: found.error }
    : null;
}

/** The workflow's own view; a case whose workflow cannot be reached still shows its read model. */
export async function liveState(temporal: Client, caseId: string): Promise<CaseState | undefined> {
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
