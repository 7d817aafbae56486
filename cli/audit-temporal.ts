// `duban audit verify --temporal`: each running case's timeline against what its workflow's own
// history says was written. The history lives in Temporal, out of the database owner's reach: an
// entry rewritten and re-hashed, or a deleted tail, no longer matches the hashes the journal
// activity returned to the workflow.
import { Client, WorkflowNotFoundError, type Connection } from '@temporalio/client';
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

/** A connection to the cases' Temporal namespace, with the payload codec to read their histories. */
export interface CaseHistories {
  /** seq → hash of every entry the running workflow wrote; undefined when the case's workflow is not running. */
  written(caseId: string): Promise<Map<number, string> | undefined>;
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
    written: (caseId) => writtenByWorkflow(client, converter, caseId),
    close: () => connection.close(),
  };
}

/** The hashes the journal activity returned to the case's running workflow (its current run), by seq. */
async function writtenByWorkflow(
  client: Client,
  converter: LoadedDataConverter,
  caseId: string,
): Promise<Map<number, string> | undefined> {
  const handle = client.workflow.getHandle(caseWorkflowId(caseId));
  let events;
  try {
    if ((await handle.describe()).status.name !== 'RUNNING') return undefined;
    events = (await handle.fetchHistory()).events ?? [];
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return undefined;
    throw err;
  }
  const journalWrites = new Set<string>();
  const written = new Map<number, string>();
  for (const event of events) {
    if (event.activityTaskScheduledEventAttributes?.activityType?.name === 'journal')
      journalWrites.add(String(event.eventId));
    const done = event.activityTaskCompletedEventAttributes;
    if (!done || !journalWrites.has(String(done.scheduledEventId))) continue;
    const result = await decodeFromPayloadsAtIndex<{ seqs?: number[]; hashes?: string[] }>(
      converter,
      0,
      done.result?.payloads,
    );
    // Results recorded before the activity returned hashes vouch for nothing here.
    result.seqs?.forEach((seq, i) => {
      const hash = result.hashes?.[i];
      if (hash) written.set(seq, hash);
    });
  }
  return written;
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
