import type { Stage } from '../../domain/case/stages';
import type { NewCaseInput } from '../contract';

/** Everything the case workflow knows, in one object (IDs and summaries, never whole documents). */
export interface CaseState {
  input: NewCaseInput;
  workflowId: string;
  stage: Stage;
  handlerId: string;
  createdAt: string;
}

export function initialState(input: NewCaseInput, workflowId: string): CaseState {
  return {
    input,
    workflowId,
    stage: 'LEAD',
    handlerId: input.handlerId,
    createdAt: new Date().toISOString(),
  };
}
