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
