import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { Db } from '../pool';
import { entryHash } from './chain';
import { rowToChainedFields, type TimelineRow } from '../timeline';
import type { CheckpointSigner, SignedCheckpoint } from './signing';

interface CheckpointRow {
  case_id: string;
  seq: number;
  head_hash: string;
  signed_at: Date;
  key_id: string;
  signature: string;
}

function fromRow(r: CheckpointRow): SignedCheckpoint {
  return {
    caseId: r.case_id,
    seq: r.seq,
    headHash: r.head_hash,
    signedAt: r.signed_at.toISOString(),
    keyId: r.key_id,
    signature: r.signature,
  };
}

export interface CheckpointRun {
  /** Checkpoints written in this run. */
  written: SignedCheckpoint[];
  /** Cases left unsigned because their chain no longer continues their last checkpoint. */
  refused: { caseId: string; seq: number; reason: string }[];
}

/**
 * Signs the head of every case whose chain grew since its last checkpoint. A chain is signed
 * only if it still holds the last checkpointed head and every entry after it verifies: a
 * rewritten chain is never endorsed. Checkpoints go to audit_checkpoints and, when `file` is
 * given, are appended to it as JSON lines.
 */
export async function writeCheckpoints(
  db: Db,
  signer: CheckpointSigner,
  options: { file?: string; now?: () => Date } = {},
): Promise<CheckpointRun> {
  const heads = await db.query<{
    case_id: string;
    seq: number;
    hash: string;
    cp_seq: number | null;
    cp_hash: string | null;
  }>(
    `SELECT h.case_id, h.seq, e.hash, c.seq AS cp_seq, c.head_hash AS cp_hash
       FROM (SELECT case_id, max(seq) AS seq FROM audit_entries GROUP BY case_id) h
       JOIN audit_entries e ON e.case_id = h.case_id AND e.seq = h.seq
       LEFT JOIN LATERAL (SELECT seq, head_hash FROM audit_checkpoints c
                           WHERE c.case_id = h.case_id ORDER BY seq DESC LIMIT 1) c ON true
      WHERE c.seq IS NULL OR c.seq <> h.seq
      ORDER BY h.case_id`,
  );
  const run: CheckpointRun = { written: [], refused: [] };
  for (const head of heads) {
    const from = head.cp_seq ?? 0;
    const rows = await db.query<TimelineRow>(
      `SELECT case_id, seq, at, actor_id, kind, stage, data, reason, prev_hash, hash FROM audit_entries
        WHERE case_id = $1 AND seq >= $2 AND seq <= $3 ORDER BY seq`,
      [head.case_id, Math.max(from, 1), head.seq],
    );
    const problem = continuationProblem(rows, head.cp_seq, head.cp_hash, head.seq);
    if (problem) {
      run.refused.push({ caseId: head.case_id, seq: problem.seq, reason: problem.reason });
      continue;
    }
    const checkpoint = signer.sign({
      caseId: head.case_id,
      seq: head.seq,
      headHash: head.hash,
      signedAt: (options.now?.() ?? new Date()).toISOString(),
    });
    const inserted = await db.query(
      `INSERT INTO audit_checkpoints (case_id, seq, head_hash, signed_at, key_id, signature)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_id, seq) DO NOTHING RETURNING id`,
      [
        checkpoint.caseId,
        checkpoint.seq,
        checkpoint.headHash,
        checkpoint.signedAt,
        checkpoint.keyId,
        checkpoint.signature,
      ],
    );
    if (inserted.length === 0) continue; // another process signed this head first
    if (options.file) appendFileSync(options.file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o640 });
    run.written.push(checkpoint);
  }
  return run;
}

/**
 * Why `rows` (entries from the last checkpoint's seq up to the head) do not extend that
 * checkpoint, or undefined when they do.
 */
function continuationProblem(
  rows: readonly TimelineRow[],
  cpSeq: number | null,
  cpHash: string | null,
  headSeq: number,
): { seq: number; reason: string } | undefined {
  if (cpSeq !== null && cpSeq > headSeq) return { seq: headSeq, reason: 'tail_missing' };
  let expectedSeq = cpSeq ?? 1;
  let prev: string | null = null;
  for (const row of rows) {
    if (row.seq !== expectedSeq) return { seq: expectedSeq, reason: 'sequence_gap' };
    if (cpSeq !== null && row.seq === cpSeq) {
      if (row.hash !== cpHash) return { seq: row.seq, reason: 'checkpoint_mismatch' };
    } else {
      if (prev !== null && row.prev_hash !== prev) return { seq: row.seq, reason: 'link_mismatch' };
      if (entryHash(rowToChainedFields(row)) !== row.hash) return { seq: row.seq, reason: 'hash_mismatch' };
    }
    prev = row.hash;
    expectedSeq++;
  }
  if (expectedSeq !== headSeq + 1) return { seq: expectedSeq, reason: 'sequence_gap' };
  return undefined;
}

/** Every checkpoint of a case in the database, oldest seq first. */
export async function checkpointsOf(db: Db, caseId: string): Promise<SignedCheckpoint[]> {
  const rows = await db.query<CheckpointRow>(
    `SELECT case_id, seq, head_hash, signed_at, key_id, signature FROM audit_checkpoints
      WHERE case_id = $1 ORDER BY seq, id`,
    [caseId],
  );
  return rows.map(fromRow);
}

/** The case ids that have checkpoints. */
export async function checkpointedCases(db: Db): Promise<string[]> {
  return (await db.query<{ case_id: string }>('SELECT DISTINCT case_id FROM audit_checkpoints')).map(
    (r) => r.case_id,
  );
}

/** The checkpoints of an AUDIT_CHECKPOINT_FILE, by case; a line that does not parse is reported. */
export function readCheckpointFile(file: string): {
  byCase: Map<string, SignedCheckpoint[]>;
  badLines: number[];
} {
  const byCase = new Map<string, SignedCheckpoint[]>();
  const badLines: number[] = [];
  if (!existsSync(file)) return { byCase, badLines };
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const c = JSON.parse(line) as SignedCheckpoint;
        if (typeof c.caseId !== 'string' || typeof c.seq !== 'number' || typeof c.signature !== 'string')
          throw new Error('not a checkpoint');
        byCase.set(c.caseId, [...(byCase.get(c.caseId) ?? []), c]);
      } catch {
        badLines.push(i + 1);
      }
    });
  return { byCase, badLines };
}
