import type { Db } from './pool';

export interface CaseRow {
  id: string;
  procuratorate_id: string;
  title: string;
  track: string;
  stage: string;
  domain_code: string;
  source: string;
  handler_id: string;
  organ_ids: string[];
  external_ref: string | null;
  next_due: string | null;
  next_due_clock: string | null;
  next_due_provisional: boolean;
  overdue: boolean;
  typical: boolean;
  summary: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, procuratorate_id, title, track, stage, domain_code, source, handler_id, organ_ids, external_ref,
  to_char(next_due, 'YYYY-MM-DD') AS next_due, next_due_clock, next_due_provisional, overdue, typical, summary,
  created_at, updated_at`;

/** A case of the given procuratorate; another procuratorate's case is simply not found. */
export async function findCaseInScope(
  db: Db,
  caseId: string,
  procuratorateId: string,
): Promise<CaseRow | undefined> {
  return (
    await db.query<CaseRow>(`SELECT ${COLUMNS} FROM cases WHERE id = $1 AND procuratorate_id = $2`, [
      caseId,
      procuratorateId,
    ])
  )[0];
}
