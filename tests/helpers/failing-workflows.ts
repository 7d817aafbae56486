/**
 * A deployment whose case workflow code is broken: every workflow task of a case fails (an error
 * that is not an ApplicationFailure fails the task, not the workflow), so the case stays put.
 */
export const FAILING_WORKFLOW_MESSAGE = 'broken deployment: the case workflow cannot run';

export async function caseWorkflow(): Promise<never> {
  throw new Error(FAILING_WORKFLOW_MESSAGE);
}
