import type { Db } from './pool';

/** The subset of `organIds` that are organs registered by this procuratorate. */
export async function knownOrganIds(
  db: Db,
  procuratorateId: string,
  organIds: string[],
): Promise<Set<string>> {
  if (organIds.length === 0) return new Set();
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM organs WHERE procuratorate_id = $1 AND id = ANY($2::text[])',
    [procuratorateId, organIds],
  );
  return new Set(rows.map((r) => r.id));
}

export async function delegatedDecisions(db: Db, procuratorateId: string): Promise<string[]> {
  const rows = await db.query<{ delegated_decisions: string[] }>(
    'SELECT delegated_decisions FROM procuratorate_settings WHERE procuratorate_id = $1',
    [procuratorateId],
  );
  return rows[0]?.delegated_decisions ?? [];
}

/**
 * Whether the procuratorate asks the head to review proposals before the decision: yes unless
 * its settings waive it (a procuratorate with no settings row keeps the default).
 */
export async function headReviewRequired(db: Db, procuratorateId: string): Promise<boolean> {
  const rows = await db.query<{ head_review_required: boolean }>(
    'SELECT head_review_required FROM procuratorate_settings WHERE procuratorate_id = $1',
    [procuratorateId],
  );
  return rows[0]?.head_review_required ?? true;
}
