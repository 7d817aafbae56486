// Tells each affected case workflow to recompute its open clocks after a schedule or policy change.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Logger } from 'pino';
import { caseWorkflowId, recomputeClocksSignal, type RecomputeClocksRequest } from '../../workflows/contract';

export interface SignalReport {
  /** Cases whose workflow received the signal. */
  signalled: string[];
  /** Cases without a running workflow (closed, or never started): reported, not an error. */
  notFound: string[];
  /** Cases the signal could not reach for another reason; the change itself stands. */
  failed: { caseId: string; message: string }[];
}

const BATCH = 20;

export async function signalRecompute(
  deps: { temporal: Client; log: Logger },
  caseIds: readonly string[],
  request: RecomputeClocksRequest,
): Promise<SignalReport> {
  const report: SignalReport = { signalled: [], notFound: [], failed: [] };
  for (let i = 0; i < caseIds.length; i += BATCH) {
    const batch = caseIds.slice(i, i + BATCH);
    const outcomes = await Promise.allSettled(
      batch.map((caseId) =>
        deps.temporal.workflow.getHandle(caseWorkflowId(caseId)).signal(recomputeClocksSignal, request),
      ),
    );
    outcomes.forEach((outcome, index) => {
      const caseId = batch[index]!;
      if (outcome.status === 'fulfilled') report.signalled.push(caseId);
      else if (outcome.reason instanceof WorkflowNotFoundError) report.notFound.push(caseId);
      else {
        deps.log.warn({ err: outcome.reason, caseId }, 'recompute signal failed');
        report.failed.push({ caseId, message: '通知案件重新计算期限失败：再次提交同一内容即可重试' });
      }
    });
  }
  return report;
}
