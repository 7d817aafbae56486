/** Jobs and rows of the bulk case import (migrations/590_case_imports.sql). */
import { firstRow, type Db } from './pool';

export interface ImportJobRow {
  id: string;
  procuratorate_id: string;
  created_by: string;
  file_name: string;
  status: 'running' | 'finished' | 'failed';
  total: number;
  processed: number;
  created: number;
  skipped: number;
  failed: number;
  problems: { row: number; key: string; status: string; message: string }[];
  created_at: Date;
  touched_at: Date;
  finished_at: Date | null;
}

/** How long a running job may go without progress before it counts as interrupted. */
export const IMPORT_JOB_STALE_AFTER = '5 minutes';

export interface ImportedRow {
  row_key: string;
  case_id: string | null;
  steps_done: number;
  steps_total: number;
  completed_at: Date | null;
}

export async function insertImportJob(
  db: Db,
  job: { id: string; procuratorateId: string; createdBy: string; fileName: string; total: number },
): Promise<void> {
  await db.query(
    `INSERT INTO case_import_jobs (id, procuratorate_id, created_by, file_name, status, total)
     VALUES ($1, $2, $3, $4, 'running', $5)`,
    [job.id, job.procuratorateId, job.createdBy, job.fileName, job.total],
  );
}

/** The job; one still 'running' that has shown no progress for a while reads as 'failed' (interrupted). */
export async function findImportJob(db: Db, id: string, procuratorateId: string) {
  return firstRow<ImportJobRow>(
    db,
    `SELECT id, procuratorate_id, created_by, file_name,
            CASE WHEN status = 'running' AND touched_at < now() - $3::interval THEN 'failed' ELSE status END AS status,
            total, processed, created, skipped, failed, problems, created_at, touched_at, finished_at
       FROM case_import_jobs WHERE id = $1 AND procuratorate_id = $2`,
    [id, procuratorateId, IMPORT_JOB_STALE_AFTER],
  );
}

/** Counts one more processed row; `outcome` names the counter it adds to. */
export async function countImportRow(
  db: Db,
  jobId: string,
  outcome: 'created' | 'skipped' | 'failed',
  problem?: { row: number; key: string; status: string; message: string },
): Promise<void> {
  await db.query(
    `UPDATE case_import_jobs SET processed = processed + 1, ${outcome} = ${outcome} + 1, touched_at = now(),
            problems = CASE WHEN $2::jsonb IS NULL THEN problems ELSE problems || $2::jsonb END
      WHERE id = $1`,
    [jobId, problem ? JSON.stringify([problem]) : null],
  );
}

export async function finishImportJob(db: Db, jobId: string, status: 'finished' | 'failed'): Promise<void> {
  await db.query('UPDATE case_import_jobs SET status = $2, finished_at = now() WHERE id = $1', [
    jobId,
    status,
  ]);
}

/** The rows of `keys` this procuratorate has imported (or started to). */
export async function importedRows(
  db: Db,
  procuratorateId: string,
  keys: string[],
): Promise<Map<string, ImportedRow>> {
  const rows = await db.query<ImportedRow>(
    `SELECT row_key, case_id, steps_done, steps_total, completed_at FROM case_import_rows
      WHERE procuratorate_id = $1 AND row_key = ANY($2::text[])`,
    [procuratorateId, keys],
  );
  return new Map(rows.map((r) => [r.row_key, r]));
}

/**
 * Claims a row for `jobId`: a new row, or one an earlier job left unfinished. Returns the row
 * as it stands, or undefined when another job completed it or is importing it right now.
 */
export async function claimImportRow(
  db: Db,
  row: { procuratorateId: string; key: string; jobId: string; stepsTotal: number },
): Promise<ImportedRow | undefined> {
  return firstRow<ImportedRow>(
    db,
    `INSERT INTO case_import_rows (procuratorate_id, row_key, job_id, steps_total)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (procuratorate_id, row_key) DO UPDATE SET job_id = EXCLUDED.job_id
       WHERE case_import_rows.completed_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM case_import_jobs j
                          WHERE j.id = case_import_rows.job_id AND j.id <> EXCLUDED.job_id
                            AND j.status = 'running' AND j.touched_at >= now() - $5::interval)
     RETURNING row_key, case_id, steps_done, steps_total, completed_at`,
    [row.procuratorateId, row.key, row.jobId, row.stepsTotal, IMPORT_JOB_STALE_AFTER],
  );
}

export async function recordImportProgress(
  db: Db,
  procuratorateId: string,
  key: string,
  progress: { caseId: string; stepsDone: number; completed: boolean },
): Promise<void> {
  await db.withTransaction(async (tx) => {
    const [row] = await tx.query<{ job_id: string }>(
      `UPDATE case_import_rows SET case_id = $3, steps_done = $4,
              completed_at = CASE WHEN $5 THEN now() ELSE NULL END
        WHERE procuratorate_id = $1 AND row_key = $2 RETURNING job_id`,
      [procuratorateId, key, progress.caseId, progress.stepsDone, progress.completed],
    );
    if (row) await tx.query('UPDATE case_import_jobs SET touched_at = now() WHERE id = $1', [row.job_id]);
  });
}

/** Reference data a row is checked against: organs, active staff, domains in force, the review policy. */
export async function importReferences(db: Db, procuratorateId: string, today: string) {
  const organs = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM organs WHERE procuratorate_id = $1',
    [procuratorateId],
  );
  const users = await db.query<{ id: string; username: string; roles: string[] }>(
    'SELECT id, username, roles FROM users WHERE procuratorate_id = $1 AND active',
    [procuratorateId],
  );
  const domains = await db.query<{
    code: string;
    name: string;
    allows_administrative: boolean;
    min_level: string;
  }>(
    `SELECT DISTINCT ON (code) code, name, allows_administrative, min_level FROM domains
      WHERE in_force_from <= $1::date ORDER BY code, version DESC`,
    [today],
  );
  const level = (
    await db.query<{ level: string }>('SELECT level FROM procuratorates WHERE id = $1', [procuratorateId])
  )[0]?.level;
  return { organs, users, domains, level };
}
