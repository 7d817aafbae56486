import type { Db, Tx } from './pool';

/** The lead as it was written at registration: kept with the creation record, not in workflow state. */
export interface LeadText {
  description: string | null;
  sourceDetail: string | null;
}

export async function leadTextOf(q: Db | Tx, caseId: string): Promise<LeadText> {
  const rows = await q.query<{ description: string | null; source_detail: string | null }>(
    `SELECT input ->> 'description' AS description, input ->> 'sourceDetail' AS source_detail
     FROM case_creations WHERE case_id = $1`,
    [caseId],
  );
  return { description: rows[0]?.description ?? null, sourceDetail: rows[0]?.source_detail ?? null };
}
