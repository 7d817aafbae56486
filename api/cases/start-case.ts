/** Starting a registered case's workflow and waiting, within the deadline, for its record. */
import {
  WithStartWorkflowOperation,
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
} from '@temporalio/client';
import {
  awaitRegistrationUpdate,
  caseWorkflowId,
  CASE_WORKFLOW_TYPE,
  type CaseSummary,
  type NewCaseInput,
} from '../../workflows/contract';
import { domainKey, procuratorateKey, stageKey } from '../../workflows/search-attributes';
import { problems } from '../problem';
import { within, type Within } from './bounded';

export interface CaseStartDeps {
  temporal: Client;
  taskQueue: string;
  /** How long a request waits on a case workflow before it answers 202 or 503. */
  answerMs: number;
}

export type Registration =
  | { kind: 'done'; summary: CaseSummary }
  /** Numbered and started: the case workflow has not recorded it within the deadline. */
  | { kind: 'pending'; caseId: string };

/**
 * Starts the case's workflow and asks for its record in one call (update-with-start), so the
 * workflow answers in its first workflow task; an earlier attempt's workflow, still running, is
 * asked again instead. Past the deadline, the case is pending when its workflow was started (a
 * retry with the same key finishes it) and refused with 503 when it was not.
 */
export async function startCase(deps: CaseStartDeps, input: NewCaseInput): Promise<Registration> {
  const workflowId = caseWorkflowId(input.caseId);
  const startWorkflowOperation = new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
    taskQueue: deps.taskQueue,
    workflowId,
    args: [input],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    typedSearchAttributes: [
      { key: stageKey, value: 'LEAD' },
      { key: domainKey, value: input.domainCode },
      { key: procuratorateKey, value: input.procuratorateId },
    ],
  });
  let recorded: Within<CaseSummary>;
  try {
    recorded = await within(deps.temporal, deps.answerMs, () =>
      deps.temporal.workflow.executeUpdateWithStart(awaitRegistrationUpdate, { startWorkflowOperation }),
    );
  } catch (err) {
    // A workflow of this case that has ended (a refused registration) answers why when asked.
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    const handle = deps.temporal.workflow.getHandle(workflowId);
    recorded = await within(deps.temporal, deps.answerMs, () =>
      handle.executeUpdate(awaitRegistrationUpdate),
    );
  }
  if (recorded.done) return { kind: 'done', summary: recorded.value };
  if (await workflowStarted(deps, workflowId)) return { kind: 'pending', caseId: input.caseId };
  throw problems.unavailable(NOT_STARTED, 5);
}

const NOT_STARTED =
  '办案流程暂未响应，案件已编号但尚未受理；请稍后用同一请求（同一 Idempotency-Key）重试，不会重复登记';

/** Whether the workflow exists, asked within a few seconds (not knowing counts as not started). */
async function workflowStarted(deps: CaseStartDeps, workflowId: string): Promise<boolean> {
  const handle = deps.temporal.workflow.getHandle(workflowId);
  const described = await within(deps.temporal, STARTED_CHECK_MS, () =>
    handle.describe().then(
      () => true,
      (err: unknown) => {
        if (err instanceof WorkflowNotFoundError) return false;
        throw err;
      },
    ),
  ).catch(() => ({ done: false as const }));
  return described.done && described.value;
}

const STARTED_CHECK_MS = 3000;
