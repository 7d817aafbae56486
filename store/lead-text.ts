import type { Db, Tx } from './pool';

/** A transferred lead's origin, as registered. */
export interface LeadOrigin {
  unit: string;
  letterRef?: string;
  sentOn: string;
}

/**
 * The lead as it was written at registration: its words and, for a transferred lead, where it
 * came from. Kept with the creation record, not in workflow state.
 */
export interface LeadText {
  description: string | null;
  sourceDetail: string | null;
  transferFrom: LeadOrigin | null;
}

export async function leadTextOf(q: Db | Tx, caseId: string): Promise<LeadText> {
  const rows = await q.query<{
    description: string | null;
    source_detail: string | null;
    transfer_from: LeadOrigin | null;
  }>(
    `SELECT input ->> 'description' AS description, input ->> 'sourceDetail' AS source_detail,
       input -> 'transferFrom' AS transfer_from
     FROM case_creations WHERE case_id = $1`,
    [caseId],
  );
  const row = rows[0];
  return {
    description: row?.description ?? null,
    sourceDetail: row?.source_detail ?? null,
    transferFrom: row?.transfer_from ?? null,
  };
}
