import { GENESIS_HASH, entryHash, type ChainedFields } from './audit/chain';
import type { Tx } from './pool';

export interface TimelineEntryInput {
  caseId: string;
  seq: number;
  at: string;
  actorId: string;
  kind: string;
  stage: string;
  data: Record<string, unknown>;
  reason?: string | null;
}

export interface TimelineRow {
  case_id: string;
  seq: number;
  at: Date;
  actor_id: string;
  kind: string;
  stage: string;
  data: unknown;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

export class ChainGapError extends Error {
  constructor(caseId: string, seq: number) {
    super(`timeline of case ${caseId} has no entry ${seq - 1} to chain entry ${seq} to`);
    this.name = 'ChainGapError';
  }
}

/**
 * Appends one entry to a case's hash chain inside the caller's transaction. Idempotent:
 * an entry already stored under (case, seq) is returned as it is, so a retried activity
 * writes nothing twice.
 */
export async function appendTimelineEntry(tx: Tx, input: TimelineEntryInput): Promise<{ hash: string }> {
  const existing = await tx.query<{ hash: string }>(
    'SELECT hash FROM audit_entries WHERE case_id = $1 AND seq = $2',
    [input.caseId, input.seq],
  );
  if (existing[0]) return { hash: existing[0].hash };
  const prevHash = await previousHash(tx, input.caseId, input.seq);
  const fields: ChainedFields = {
    caseId: input.caseId,
    seq: input.seq,
    at: new Date(input.at).toISOString(),
    actorId: input.actorId,
    kind: input.kind,
    stage: input.stage,
    data: input.data,
    reason: input.reason ?? null,
    prevHash,
  };
  const hash = entryHash(fields);
  await tx.query(
    `INSERT INTO audit_entries (case_id, seq, at, actor_id, kind, stage, data, reason, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      fields.caseId,
      fields.seq,
      fields.at,
      fields.actorId,
      fields.kind,
      fields.stage,
      JSON.stringify(fields.data),
      fields.reason,
      prevHash,
      hash,
    ],
  );
  return { hash };
}

async function previousHash(tx: Tx, caseId: string, seq: number): Promise<string> {
  if (seq === 1) return GENESIS_HASH;
  const rows = await tx.query<{ hash: string }>(
    'SELECT hash FROM audit_entries WHERE case_id = $1 AND seq = $2',
    [caseId, seq - 1],
  );
  if (!rows[0]) throw new ChainGapError(caseId, seq);
  return rows[0].hash;
}

export function rowToChainedFields(row: TimelineRow): ChainedFields {
  return {
    caseId: row.case_id,
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    kind: row.kind,
    stage: row.stage,
    data: row.data,
    reason: row.reason,
    prevHash: row.prev_hash,
  };
}

export async function timelineOf(q: { query: Tx['query'] }, caseId: string): Promise<TimelineRow[]> {
  return q.query<TimelineRow>(
    'SELECT case_id, seq, at, actor_id, kind, stage, data, reason, prev_hash, hash FROM audit_entries WHERE case_id = $1 ORDER BY seq',
    [caseId],
  );
}
