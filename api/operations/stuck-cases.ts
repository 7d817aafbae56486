/**
 * Cases whose workflow task keeps failing (a mistyped search attribute, a broken deployment):
 * such a case does not move and its requests answer 202 for ever, so the case office must hear
 * of it. A periodic scan, not a check per request: it lists the running case workflows of the
 * task queue through visibility, describes each (a few at a time) and keeps those whose pending
 * workflow task is on a retry, with the failure the history recorded.
 */
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import type { Logger } from 'pino';
import { CASE_WORKFLOW_TYPE } from '../../workflows/contract';
import { procuratorateKey } from '../../workflows/search-attributes';

export interface StuckCase {
  caseId: string;
  workflowId: string;
  procuratorateId: string | null;
  /** The pending workflow task's attempt: 2 means it failed once and is being retried. */
  attempt: number;
  /** When the first failing attempt was scheduled. */
  since: string | null;
  /** The failure the history recorded (WorkflowTaskFailed): its cause and message. */
  cause: string | null;
  error: string | null;
}

export interface StuckCaseSnapshot {
  /** When the last scan finished; null before the first (or when scanning is off). */
  scannedAt: string | null;
  cases: StuckCase[];
}

export interface StuckCaseWatch {
  current(): StuckCaseSnapshot;
  /** Scans now (tests, and the first scan at start). */
  scan(): Promise<StuckCaseSnapshot>;
  stop(): void;
}

/** An attempt this high means the task failed (or timed out) at least once and is still pending. */
export const STUCK_ATTEMPT = 2;
const CONCURRENCY = 4;
const CASE_ID = /^case-(.+)$/;

/**
 * Scans every `intervalMs` (0: never on its own, `scan()` still works). The timer does not keep
 * the process alive; `stop()` ends it.
 */
export function watchStuckCases(deps: {
  temporal: Client;
  taskQueue: string;
  log: Logger;
  intervalMs: number;
}): StuckCaseWatch {
  let snapshot: StuckCaseSnapshot = { scannedAt: null, cases: [] };
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const scan = async () => {
    const cases = await findStuckCases(deps.temporal, deps.taskQueue);
    snapshot = { scannedAt: new Date().toISOString(), cases };
    return snapshot;
  };
  const schedule = () => {
    if (stopped || deps.intervalMs <= 0) return;
    timer = setTimeout(() => {
      scan()
        .then((s) => {
          if (s.cases.length > 0) deps.log.warn({ stuck: s.cases.map((c) => c.caseId) }, 'stuck cases');
        })
        .catch((err: unknown) => deps.log.warn({ err }, 'stuck-case scan failed'))
        .finally(schedule);
    }, deps.intervalMs);
    timer.unref();
  };
  schedule();
  return {
    current: () => snapshot,
    scan,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

async function findStuckCases(temporal: Client, taskQueue: string): Promise<StuckCase[]> {
  const running: WorkflowExecutionInfo[] = [];
  const query = [
    `WorkflowType = ${literal(CASE_WORKFLOW_TYPE)}`,
    `ExecutionStatus = 'Running'`,
    `TaskQueue = ${literal(taskQueue)}`,
  ].join(' AND ');
  for await (const info of temporal.workflow.list({ query })) running.push(info);
  const found: StuckCase[] = [];
  for (let i = 0; i < running.length; i += CONCURRENCY) {
    const batch = await Promise.all(running.slice(i, i + CONCURRENCY).map((info) => inspect(temporal, info)));
    for (const c of batch) if (c) found.push(c);
  }
  return found.sort((a, b) => a.caseId.localeCompare(b.caseId));
}

/** A visibility string literal; the values are settings of ours, and a quote in one is refused. */
function literal(value: string): string {
  if (/['"\\]/.test(value)) throw new Error(`cannot query visibility for ${JSON.stringify(value)}`);
  return `'${value}'`;
}

async function inspect(temporal: Client, info: WorkflowExecutionInfo): Promise<StuckCase | undefined> {
  const handle = temporal.workflow.getHandle(info.workflowId, info.runId);
  const pending = await handle.describe().then(
    (d) => d.raw.pendingWorkflowTask,
    () => undefined, // closed or gone since the listing
  );
  const attempt = pending?.attempt ?? 0;
  if (attempt < STUCK_ATTEMPT) return undefined;
  const failure = await lastTaskFailure(temporal, info.workflowId, info.runId);
  const since = pending?.originalScheduledTime ?? pending?.scheduledTime;
  return {
    caseId: CASE_ID.exec(info.workflowId)?.[1] ?? info.workflowId,
    workflowId: info.workflowId,
    procuratorateId: info.typedSearchAttributes.get(procuratorateKey) ?? null,
    attempt,
    since: since?.seconds != null ? new Date(Number(since.seconds) * 1000).toISOString() : null,
    ...failure,
  };
}

const CAUSES = proto.api.enums.v1.WorkflowTaskFailedCause;

/** The newest WorkflowTaskFailed event, read from the end of the history (one short page). */
async function lastTaskFailure(
  temporal: Client,
  workflowId: string,
  runId: string,
): Promise<{ cause: string | null; error: string | null }> {
  try {
    const { history } = await temporal.workflowService.getWorkflowExecutionHistoryReverse({
      namespace: temporal.options.namespace,
      execution: { workflowId, runId },
      maximumPageSize: 50,
    });
    const failed = history?.events?.find(
      (e) => e.workflowTaskFailedEventAttributes,
    )?.workflowTaskFailedEventAttributes;
    if (!failed) return { cause: null, error: null };
    const cause = failed.cause != null ? (CAUSES[failed.cause] ?? String(failed.cause)) : null;
    return {
      cause: cause?.replace(/^WORKFLOW_TASK_FAILED_CAUSE_/, '') ?? null,
      error: failed.failure?.message?.slice(0, 500) ?? null,
    };
  } catch {
    return { cause: null, error: null };
  }
}
