import type { CaseProjection } from '../../activities/db/cases';
import type { CaseState } from './state';

/** The read-model row of a case, derived from its workflow state alone. */
export function projectionOf(state: CaseState): CaseProjection {
  const { input } = state;
  return {
    caseId: input.caseId,
    procuratorateId: input.procuratorateId,
    workflowId: state.workflowId,
    title: input.title,
    track: input.track,
    stage: state.stage,
    domainCode: input.domainCode,
    source: input.source,
    handlerId: state.handlerId,
    organIds: [],
    externalRef: input.externalRef ?? null,
    nextDue: null,
    nextDueClock: null,
    nextDueProvisional: false,
    overdue: false,
    typical: false,
    summary: { receivedOn: input.receivedOn },
    createdAt: state.createdAt,
  };
}
