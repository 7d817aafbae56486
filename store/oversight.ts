/**
 * What the procuratorate above keeps: the cases it assigned downward (上级交办) and which 备案
 * filed with it by the procuratorates directly below it it has seen.
 */
import { CASE_COLUMNS, type CaseRow } from './case-reads';
import type { Db } from './pool';

/** Timeline entries that are a 备案 with the procuratorate above. */
export const FILING_KINDS = ['recordRecommendationFiledAbove', 'recordSuspensionFiledAbove'] as const;

export async function recordAssignment(
  db: Db,
  a: { caseId: string; by: string; userId: string; instructions: string | null },
): Promise<void> {
  await db.query(
    `INSERT INTO case_assignments (case_id, assigned_by_procuratorate, assigned_by, instructions)
     VALUES ($1, $2, $3, $4) ON CONFLICT (case_id) DO NOTHING`,
    [a.caseId, a.by, a.userId, a.instructions],
  );
}

export interface AssignmentRow {
  case_id: string;
  procuratorate_id: string;
  procuratorate_name: string;
  assigned_at: Date;
  instructions: string | null;
  /** The lower procuratorate's case, once its workflow has recorded it. */
  case: CaseRow | null;
}

/** The cases `procuratorateId` assigned downward (or the one `caseId`), newest first. */
export async function assignmentsBy(
  db: Db,
  procuratorateId: string,
  caseId?: string,
): Promise<AssignmentRow[]> {
  const rows = await db.query<Omit<AssignmentRow, 'case'>>(
    `SELECT a.case_id, cc.procuratorate_id, p.name AS procuratorate_name, a.assigned_at, a.instructions
       FROM case_assignments a
       JOIN case_creations cc ON cc.case_id = a.case_id
       JOIN procuratorates p ON p.id = cc.procuratorate_id
      WHERE a.assigned_by_procuratorate = $1 AND ($2::text IS NULL OR a.case_id = $2)
      ORDER BY a.assigned_at DESC, a.case_id`,
    [procuratorateId, caseId ?? null],
  );
  const cases = await db.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = ANY($1)`, [
    rows.map((r) => r.case_id),
  ]);
  return rows.map((r) => ({ ...r, case: cases.find((c) => c.id === r.case_id) ?? null }));
}

export interface FilingRow {
  case_id: string;
  seq: number;
  kind: (typeof FILING_KINDS)[number];
  title: string;
  procuratorate_name: string;
  filed_on: string;
}

/** 备案 filed by the procuratorates directly below `procuratorateId` that it has not acknowledged. */
export async function unacknowledgedFilings(db: Db, procuratorateId: string): Promise<FilingRow[]> {
  return db.query<FilingRow>(
    `SELECT e.case_id, e.seq, e.kind, c.title, p.name AS procuratorate_name,
            coalesce(e.data->>'filedOn', to_char(e.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')) AS filed_on
       FROM procuratorates p
       JOIN cases c ON c.procuratorate_id = p.id
       JOIN audit_entries e ON e.case_id = c.id AND e.kind = ANY($2)
      WHERE p.parent_id = $1
        AND NOT EXISTS (SELECT 1 FROM filing_receipts r
                         WHERE r.procuratorate_id = $1 AND r.case_id = e.case_id AND r.seq = e.seq)`,
    [procuratorateId, FILING_KINDS],
  );
}

/** Marks a 备案 seen; false when the entry is no 备案 filed with `procuratorateId`. */
export async function acknowledgeFiling(
  db: Db,
  f: { procuratorateId: string; caseId: string; seq: number; userId: string },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO filing_receipts (procuratorate_id, case_id, seq, acknowledged_by)
     SELECT $1, e.case_id, e.seq, $4
       FROM audit_entries e JOIN cases c ON c.id = e.case_id JOIN procuratorates p ON p.id = c.procuratorate_id
      WHERE e.case_id = $2 AND e.seq = $3 AND e.kind = ANY($5) AND p.parent_id = $1
     ON CONFLICT DO NOTHING RETURNING 1`,
    [f.procuratorateId, f.caseId, f.seq, f.userId, FILING_KINDS],
  );
  if (rows.length > 0) return true;
  const seen = await db.query(
    'SELECT 1 FROM filing_receipts WHERE procuratorate_id = $1 AND case_id = $2 AND seq = $3',
    [f.procuratorateId, f.caseId, f.seq],
  );
  return seen.length > 0;
}
