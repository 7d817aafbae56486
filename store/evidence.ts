/**
 * Evidence files of a case: their record, and their bytes behind `EvidenceStorage`: PostgreSQL by
 * default, 256 KiB chunks (`evidence_chunks`) written and read one chunk at a time, or an
 * S3-compatible object store (store/evidence-s3.ts). Neither holds a whole file in memory.
 */
import { firstRow, type Db, type Tx } from './pool';

export const CHUNK_BYTES = 256 * 1024;

/** The bytes of one file on their way into storage, in order. */
export interface EvidenceWriter {
  write(bytes: Buffer): Promise<void>;
  /** Every byte written: resolves once they are stored. */
  finish(): Promise<void>;
  /** The upload was refused or failed: leaves nothing behind, whether or not `finish` ran. */
  abort(): Promise<void>;
}

/** Where the bytes of evidence files live. A file's bytes are written once, under a fresh id, and never rewritten. */
export interface EvidenceStorage {
  /** Kept on each file's record (`evidence_files.storage`): a file is read from where it was written. */
  readonly name: string;
  /** Starts writing a file's bytes, inside the transaction that records the file. */
  open(tx: Tx, fileId: string): EvidenceWriter;
  /** The file's bytes in order, a chunk at a time; none when they are missing. */
  read(db: Db, fileId: string): AsyncIterable<Buffer>;
  /** Removes the bytes of a file whose record was deleted before it reached the timeline. */
  discard(fileId: string): Promise<void>;
}

export const pgChunkStorage: EvidenceStorage = {
  name: 'pg_chunks',
  open(tx, fileId) {
    let seq = 0;
    return {
      async write(bytes) {
        await tx.query('INSERT INTO evidence_chunks (file_id, seq, bytes) VALUES ($1, $2, $3)', [
          fileId,
          seq++,
          bytes,
        ]);
      },
      finish: async () => undefined,
      // The transaction's rollback removes the chunks with the record.
      abort: async () => undefined,
    };
  },
  async *read(db, fileId) {
    // A few chunks per query: bounded memory, few round trips.
    for (let from = 0; ; from += 4) {
      const rows = await db.query<{ bytes: Buffer }>(
        'SELECT bytes FROM evidence_chunks WHERE file_id = $1 AND seq >= $2 AND seq < $3 ORDER BY seq',
        [fileId, from, from + 4],
      );
      for (const row of rows) yield row.bytes;
      if (rows.length < 4) return;
    }
  },
  // The chunks go with the record (ON DELETE CASCADE).
  discard: async () => undefined,
};

export interface EvidenceFileRow {
  id: string;
  case_id: string;
  file_name: string;
  media_type: string;
  size: string;
  /** The storage holding the bytes (`EvidenceStorage.name`). */
  storage: string;
  sha256: string;
  recommendation_id: string | null;
  action_seq: number | null;
  supersedes: string | null;
  supersede_reason: string | null;
  superseded_by: string | null;
  source: 'upload' | 'public_lead';
  public_lead_id: string | null;
  added_by: string;
  added_at: Date;
  recorded_seq: number | null;
  /** The hash the timeline holds for it (what a check compares the stored bytes with). */
  recorded_sha256: string | null;
}

export interface NewEvidenceFile {
  id: string;
  caseId: string;
  procuratorateId: string;
  fileName: string;
  mediaType: string;
  recommendationId?: string;
  actionSeq?: number;
  supersedes?: { id: string; reason: string };
  addedBy: string;
  source?: { publicLeadId: string; n: number };
}

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Records a file before its bytes (size and hash follow with `finishFile`, in the same transaction). */
export async function beginFile(tx: Tx, f: NewEvidenceFile, storage: EvidenceStorage): Promise<void> {
  await tx.query(
    `INSERT INTO evidence_files (id, case_id, procuratorate_id, file_name, media_type, size, sha256, storage,
       recommendation_id, action_seq, supersedes, supersede_reason, source, public_lead_id, public_lead_n, added_by)
     VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      f.id,
      f.caseId,
      f.procuratorateId,
      f.fileName,
      f.mediaType,
      EMPTY_SHA256,
      storage.name,
      f.recommendationId ?? null,
      f.actionSeq ?? null,
      f.supersedes?.id ?? null,
      f.supersedes?.reason ?? null,
      f.source ? 'public_lead' : 'upload',
      f.source?.publicLeadId ?? null,
      f.source?.n ?? null,
      f.addedBy,
    ],
  );
}

export async function finishFile(tx: Tx, id: string, size: number, sha256: string): Promise<void> {
  await tx.query('UPDATE evidence_files SET size = $2, sha256 = $3 WHERE id = $1', [id, size, sha256]);
}

/** Bytes the case's files take, locking the case's files against a parallel upload's count. */
export async function caseBytes(tx: Tx, caseId: string): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`evidence:${caseId}`]);
  const [row] = await tx.query<{ n: string }>(
    'SELECT coalesce(sum(size), 0)::text AS n FROM evidence_files WHERE case_id = $1',
    [caseId],
  );
  return Number(row!.n);
}

const COLUMNS = `f.id, f.case_id, f.file_name, f.media_type, f.size::text AS size, f.storage, f.sha256, f.recommendation_id,
  f.action_seq, f.supersedes, f.supersede_reason,
  (SELECT s.id FROM evidence_files s WHERE s.supersedes = f.id ORDER BY s.added_at DESC LIMIT 1) AS superseded_by,
  f.source, f.public_lead_id, f.added_by, f.added_at,
  (SELECT e.seq FROM audit_entries e WHERE e.case_id = f.case_id AND e.kind = 'attachEvidence'
     AND e.data->'file'->>'id' = f.id ORDER BY e.seq LIMIT 1) AS recorded_seq,
  (SELECT e.data->'file'->>'sha256' FROM audit_entries e WHERE e.case_id = f.case_id AND e.kind = 'attachEvidence'
     AND e.data->'file'->>'id' = f.id ORDER BY e.seq LIMIT 1) AS recorded_sha256`;

export async function caseEvidence(db: Db, caseId: string): Promise<EvidenceFileRow[]> {
  return db.query<EvidenceFileRow>(
    `SELECT ${COLUMNS} FROM evidence_files f WHERE f.case_id = $1 ORDER BY f.added_at, f.id`,
    [caseId],
  );
}

export async function findEvidence(
  q: Db | Tx,
  caseId: string,
  fileId: string,
): Promise<EvidenceFileRow | undefined> {
  return firstRow<EvidenceFileRow>(
    q,
    `SELECT ${COLUMNS} FROM evidence_files f WHERE f.case_id = $1 AND f.id = $2`,
    [caseId, fileId],
  );
}

/** Deletes the record of a file not on the timeline; answers where its bytes were, if it was deleted. */
export async function deleteUnrecorded(db: Db, fileId: string): Promise<string | undefined> {
  const rows = await db.query<{ storage: string }>(
    `DELETE FROM evidence_files f WHERE f.id = $1 AND NOT EXISTS (SELECT 1 FROM audit_entries e
       WHERE e.case_id = f.case_id AND e.kind = 'attachEvidence' AND e.data->'file'->>'id' = f.id)
     RETURNING f.storage`,
    [fileId],
  );
  return rows[0]?.storage;
}

/**
 * Copies a public lead's attachments into the case it becomes (inside the transaction that
 * registers the case); the case workflow records them on the timeline once it runs.
 */
export async function adoptLeadAttachments(
  tx: Tx,
  t: { caseId: string; procuratorateId: string; leadId: string; addedBy: string },
  newId: () => string,
): Promise<void> {
  const attachments = await tx.query<{ n: number; file_name: string; media_type: string }>(
    'SELECT n, file_name, media_type FROM public_lead_attachments WHERE lead_id = $1 ORDER BY n',
    [t.leadId],
  );
  for (const a of attachments) {
    const id = newId();
    await tx.query(
      `INSERT INTO evidence_files (id, case_id, procuratorate_id, file_name, media_type, size, sha256, source,
         public_lead_id, public_lead_n, added_by)
       SELECT $1, $2, $3, file_name, media_type, size, sha256, 'public_lead', lead_id, n, $4
       FROM public_lead_attachments WHERE lead_id = $5 AND n = $6`,
      [id, t.caseId, t.procuratorateId, t.addedBy, t.leadId, a.n],
    );
    // The attachment is at most a few megabytes (the intake form's limit): chunk it in SQL.
    await tx.query(
      `INSERT INTO evidence_chunks (file_id, seq, bytes)
       SELECT $1, g.i, substring(a.content FROM g.i * $4 + 1 FOR $4)
       FROM public_lead_attachments a, generate_series(0, greatest(0, (length(a.content) - 1) / $4)) AS g (i)
       WHERE a.lead_id = $2 AND a.n = $3`,
      [id, t.leadId, a.n, CHUNK_BYTES],
    );
  }
}

/** The case's files not yet on its timeline (a lead's attachments, or an upload whose recording was cut off). */
export async function unrecordedEvidence(db: Db, caseId: string): Promise<EvidenceFileRow[]> {
  return (await caseEvidence(db, caseId)).filter((f) => f.recorded_seq === null);
}
