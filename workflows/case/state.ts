import type { CaseState } from '../../domain/case/model';
import type { CaseRunInput } from '../contract';

/** A new case: a lead (线索), its clocks yet to be computed. */
export function initialState(input: CaseRunInput, workflowId: string): CaseState {
  return {
    info: {
      caseId: input.caseId,
      procuratorateId: input.procuratorateId,
      workflowId,
      title: input.title,
      track: input.track,
      domainCode: input.domainCode,
      source: input.source,
      receivedOn: input.receivedOn,
      externalRef: input.externalRef ?? null,
      createdAt: new Date().toISOString(),
    },
    stage: 'LEAD',
    handlerId: input.handlerId,
    organIds: [],
    recommendations: [],
    clocks: {},
    escalations: [],
    typical: false,
    seq: 0,
  };
}
