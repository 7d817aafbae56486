import type { CaseProjection } from '../../store/cases';
import type { RecommendationRowInput } from '../../store/case-details';
import type { CaseState, ClockState } from '../../domain/case/model';

/** Clocks that still bind someone: running, with a due date (not suspended). */
export function openClocks(state: CaseState): ClockState[] {
  return Object.values(state.clocks).filter((c) => c.status === 'running' && c.due !== null);
}

/** The read-model row of a case, derived from its workflow state and today's date. */
export function projectionOf(state: CaseState, today: string): CaseProjection {
  const { info } = state;
  const open = openClocks(state).sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0));
  const next = open[0];
  return {
    caseId: info.caseId,
    procuratorateId: info.procuratorateId,
    workflowId: info.workflowId,
    title: info.title,
    track: info.track,
    stage: state.stage,
    domainCode: info.domainCode,
    source: info.source,
    handlerId: state.handlerId,
    organIds: state.organIds,
    externalRef: info.externalRef,
    nextDue: next?.due ?? null,
    nextDueClock: next?.key ?? null,
    nextDueProvisional: next?.provisional ?? false,
    overdue: open.some((c) => c.due! < today),
    typical: state.typical,
    summary: {
      receivedOn: info.receivedOn,
      filedOn: info.filedOn ?? null,
      closedOn: info.closedOn ?? null,
      proposal: state.proposal
        ? {
            kind: state.proposal.kind,
            proposedOn: state.proposal.proposedOn,
            proposedBy: state.proposal.proposedBy,
            ...(state.proposal.review
              ? { review: state.proposal.review.status, reviewedBy: state.proposal.review.reviewedBy }
              : {}),
          }
        : null,
      recommendations: state.recommendations.length,
      pendingEscalations: state.escalations.filter((e) => !e.confirmedBy).length,
      suspended: state.stage === 'SUSPENDED',
      litigatedOrganIds: state.litigation?.organIds ?? [],
      ...civilSummary(state),
      anyProvisional: open.some((c) => c.provisional),
    },
    createdAt: info.createdAt,
  };
}

/** A civil case's defendants (names and kinds, no identifiers) and the other plaintiff's suit, when it has them. */
function civilSummary(state: CaseState) {
  const suit = state.plaintiffSuits?.at(-1);
  return {
    ...(state.parties ? { parties: state.parties.map(({ id, name, kind }) => ({ id, name, kind })) } : {}),
    ...(state.litigation?.partyIds ? { litigatedPartyIds: state.litigation.partyIds } : {}),
    ...(suit
      ? {
          plaintiffSuit: {
            plaintiff: suit.plaintiff,
            court: suit.court ?? null,
            result: suit.result ?? null,
          },
        }
      : {}),
  };
}

export function recommendationRows(state: CaseState): RecommendationRowInput[] {
  return state.recommendations.map((r) => ({
    recommendationId: r.id,
    organId: r.organId,
    urgent: r.urgent,
    status: r.status,
    decidedOn: r.decidedOn ?? null,
    servedOn: r.servedOn ?? null,
    receivedOn: r.receivedOn ?? null,
    replyDue: state.clocks[`reply:${r.id}`]?.due ?? null,
    repliedOn: r.reply?.repliedOn ?? null,
    repliedOnTime: r.reply ? r.reply.onTime : null,
    finding: r.finding?.result ?? null,
    outcome: r.outcome ?? null,
    rebounds: r.rebounds,
  }));
}
