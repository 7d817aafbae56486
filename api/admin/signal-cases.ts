// Tells each affected case workflow to recompute its open clocks after a schedule or policy change.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Logger } from 'pino';
import { scopedReport, type CaseRef, type MoveReport } from '../../calendar/whatif';
import { caseWorkflowId, recomputeClocksSignal, type RecomputeClocksRequest } from '../../workflows/contract';

export interface SignalReport {
  /** Cases whose workflow received the signal. */
  signalled: CaseRef[];
  /** Cases without a running workflow (closed, or never started): reported, not an error. */
  notFound: CaseRef[];
  /** Cases the signal could not reach for another reason; the change itself stands. */
  failed: (CaseRef & { message: string })[];
}

const BATCH = 20;

export async function signalRecompute(
  deps: { temporal: Client; log: Logger },
  cases: readonly CaseRef[],
  request: RecomputeClocksRequest,
): Promise<SignalReport> {
  const report: SignalReport = { signalled: [], notFound: [], failed: [] };
  for (let i = 0; i < cases.length; i += BATCH) {
    const batch = cases.slice(i, i + BATCH);
    const outcomes = await Promise.allSettled(
      batch.map(({ caseId }) =>
        deps.temporal.workflow.getHandle(caseWorkflowId(caseId)).signal(recomputeClocksSignal, request),
      ),
    );
    outcomes.forEach((outcome, index) => {
      const ref = batch[index]!;
      if (outcome.status === 'fulfilled') report.signalled.push(ref);
      else if (outcome.reason instanceof WorkflowNotFoundError) report.notFound.push(ref);
      else {
        deps.log.warn({ err: outcome.reason, caseId: ref.caseId }, 'recompute signal failed');
        report.failed.push({ ...ref, message: '通知案件重新计算期限失败：再次提交同一内容即可重试' });
      }
    });
  }
  return report;
}

/** Another procuratorate's share of the signals: counts, no case. */
export interface SignalsElsewhere {
  procuratorateId: string;
  signalled: number;
  notFound: number;
  failed: number;
}

export interface ScopedSignalReport {
  signalled: string[];
  notFound: string[];
  failed: { caseId: string; message: string }[];
  elsewhere: SignalsElsewhere[];
}

/**
 * The signals as one procuratorate's staff see them, like the moves of the report: its own cases
 * listed, every other procuratorate's only counted (a national change reaches cases not theirs).
 */
export function scopedSignals(report: SignalReport, procuratorateId: string): ScopedSignalReport {
  const others = new Map<string, SignalsElsewhere>();
  const mine = <T extends CaseRef>(refs: readonly T[], key: 'signalled' | 'notFound' | 'failed'): T[] =>
    refs.filter((ref) => {
      if (ref.procuratorateId === procuratorateId) return true;
      const entry = others.get(ref.procuratorateId) ?? {
        procuratorateId: ref.procuratorateId,
        signalled: 0,
        notFound: 0,
        failed: 0,
      };
      entry[key] += 1;
      others.set(ref.procuratorateId, entry);
      return false;
    });
  return {
    signalled: mine(report.signalled, 'signalled').map((ref) => ref.caseId),
    notFound: mine(report.notFound, 'notFound').map((ref) => ref.caseId),
    failed: mine(report.failed, 'failed').map(({ caseId, message }) => ({ caseId, message })),
    elsewhere: [...others.values()].sort((a, b) => a.procuratorateId.localeCompare(b.procuratorateId)),
  };
}

/** The answer of an applied change (holiday import, policy change) for a member of `procuratorateId`. */
export function scopedChange<R extends MoveReport & { signals: SignalReport }>(
  report: R,
  procuratorateId: string,
) {
  return {
    ...scopedReport(report, procuratorateId),
    signals: scopedSignals(report.signals, procuratorateId),
  };
}
