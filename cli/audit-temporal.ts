// `duban audit verify --temporal`: each case's timeline against what its workflow's own history
// says was written, over every run Temporal still holds (running or closed). The history lives in
// Temporal, out of the database owner's reach: an entry rewritten and re-hashed, or a deleted
// tail, no longer matches the hashes the journal activity returned to the workflow.
import { Client, isGrpcServiceError, WorkflowNotFoundError, type Connection } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { LoadedDataConverter } from '@temporalio/common';
import { decodeFromPayloadsAtIndex, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import {
  connectTemporalClient,
  temporalDataConverter,
  temporalSettings,
} from '../config/temporal-connection';
import type { TimelineRow } from '../store/timeline';
import { caseWorkflowId } from '../workflows/contract';

export type HistoryProblemReason = 'history_mismatch' | 'history_missing';

export interface HistoryProblem {
  seq: number;
  reason: HistoryProblemReason;
}

/**
 * What Temporal still holds of a case's workflow: the hashes the journal activity returned to it,
 * over every run it still has (latest first, back through continue-as-new and resets). `gone` says
 * what the namespace's retention has already removed: nothing, the earliest runs, or all of it.
 */
export interface CaseHistory {
  written: Map<number, string>;
  runs: number;
  gone: 'none' | 'earlier_runs' | 'all';
}

/** A connection to the cases' Temporal namespace, with the payload codec to read their histories. */
export interface CaseHistories {
  historyOf(caseId: string): Promise<CaseHistory>;
  close(): Promise<void>;
}

export async function openCaseHistories(env: NodeJS.ProcessEnv): Promise<CaseHistories> {
  const connection: Connection = await connectTemporalClient(temporalSettings(env), {
    connectTimeout: '10 s',
  });
  const dataConverter = temporalDataConverter({ TEMPORAL_CODEC_KEYS: env.TEMPORAL_CODEC_KEYS });
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE || 'default', dataConverter });
  const converter = loadDataConverter(dataConverter);
  return {
    historyOf: (caseId) => historyOfCase(client, converter, caseId),
    close: () => connection.close(),
  };
}

/**
 * Walks the case's runs from the latest (running or closed) back to every run it came from: the run
 * it continued from (`continuedExecutionRunId`) and, when an operator reset the workflow, the run
 * it was reset from (the reset's `baseRunId`; a run reset several times names each base in turn).
 * Entries journaled by a run that continued as new, or by the part of a reset run its successor no
 * longer holds, are compared too. Where two runs hold the same entry, the later run's hash counts.
 */
async function historyOfCase(
  client: Client,
  converter: LoadedDataConverter,
  caseId: string,
): Promise<CaseHistory> {
  const workflowId = caseWorkflowId(caseId);
  const written = new Map<number, string>();
  const pending: (string | undefined)[] = [undefined]; // undefined: the latest run
  const seen = new Set<string>();
  let runs = 0;
  let lost = 0;
  while (pending.length > 0) {
    const runId = pending.shift();
    const events = await eventsOfRun(client, workflowId, runId);
    if (events === undefined) {
      if (runId === undefined) return { written, runs: 0, gone: 'all' };
      lost++;
      continue;
    }
    runs++;
    await collectJournalWrites(converter, events, written);
    for (const earlier of earlierRuns(events)) {
      if (seen.has(earlier)) continue;
      seen.add(earlier);
      pending.push(earlier);
    }
  }
  return { written, runs, gone: lost > 0 ? 'earlier_runs' : 'none' };
}

/** The runs a run's history names as its predecessors: continued from, and reset from. */
function earlierRuns(events: readonly temporal.api.history.v1.IHistoryEvent[]): string[] {
  const continued = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
  const resetFrom = events.flatMap((event) => event.workflowTaskFailedEventAttributes?.baseRunId || []);
  return [...(continued ? [continued] : []), ...resetFrom];
}

/**
 * One run's events (the latest run when `runId` is undefined); undefined when Temporal no longer has
 * it. Deletion (retention's or an operator's) is asynchronous and takes its time: a read that raced
 * it can come back without the run's first events, or from a run that is gone by the time the read
 * ends. Either counts as gone, so a half-removed history is never compared as if whole.
 */
async function eventsOfRun(client: Client, workflowId: string, runId: string | undefined) {
  try {
    const handle = client.workflow.getHandle(workflowId, runId);
    const events = (await handle.fetchHistory()).events ?? [];
    if (!events[0]?.workflowExecutionStartedEventAttributes) return undefined;
    await handle.describe();
    return events;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return undefined;
    if (isGrpcServiceError(err) && err.code === GRPC_NOT_FOUND) return undefined;
    throw err;
  }
}

/** gRPC status NOT_FOUND: the history read for a run the namespace no longer keeps. */
const GRPC_NOT_FOUND = 5;

/**
 * Adds seq → hash for each completed journal activity of the run, queued (its completion event) or
 * local (the marker the worker recorded with its result); a later run's value stays.
 */
async function collectJournalWrites(
  converter: LoadedDataConverter,
  events: readonly temporal.api.history.v1.IHistoryEvent[],
  written: Map<number, string>,
): Promise<void> {
  const journalWrites = new Set<string>();
  for (const event of events) {
    if (event.activityTaskScheduledEventAttributes?.activityType?.name === 'journal')
      journalWrites.add(String(event.eventId));
    const done = event.activityTaskCompletedEventAttributes;
    if (done && journalWrites.has(String(done.scheduledEventId)))
      addWrites(await decodeFromPayloadsAtIndex<JournalResult>(converter, 0, done.result?.payloads), written);
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName === LOCAL_ACTIVITY_MARKER && marker.details?.result?.payloads?.length) {
      const data = await decodeFromPayloadsAtIndex<{ activity_type?: string }>(
        converter,
        0,
        marker.details.data?.payloads,
      );
      if (data?.activity_type !== 'journal') continue;
      addWrites(
        await decodeFromPayloadsAtIndex<JournalResult>(converter, 0, marker.details.result.payloads),
        written,
      );
    }
  }
}

/** The marker a worker records for a local activity: `data` names it, `result` holds what it returned. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

interface JournalResult {
  seqs?: number[];
  hashes?: string[];
}

function addWrites(result: JournalResult | undefined, written: Map<number, string>): void {
  // Results recorded before the activity returned hashes vouch for nothing here.
  result?.seqs?.forEach((seq, i) => {
    const hash = result.hashes?.[i];
    if (hash && !written.has(seq)) written.set(seq, hash);
  });
}

/** The first entry the database holds otherwise than written, and the first it lost. */
export function compareWithHistory(
  rows: readonly TimelineRow[],
  written: ReadonlyMap<number, string>,
): HistoryProblem[] {
  const stored = new Map(rows.map((row) => [row.seq, row.hash]));
  const seqs = [...written.keys()].sort((a, b) => a - b);
  const changed = seqs.find((seq) => stored.has(seq) && stored.get(seq) !== written.get(seq));
  const missing = seqs.find((seq) => !stored.has(seq));
  return [
    ...(changed === undefined ? [] : [{ seq: changed, reason: 'history_mismatch' as const }]),
    ...(missing === undefined ? [] : [{ seq: missing, reason: 'history_missing' as const }]),
  ];
}
