import type { Db } from './pool';

export interface OrganRef {
  name: string;
  /** The day (Asia/Shanghai) the organ was deactivated, or null while it is in use. */
  deactivatedOn: string | null;
}

/** The organs among `organIds` registered by this procuratorate, by id; ids not found are absent. */
export async function knownOrgans(
  db: Db,
  procuratorateId: string,
  organIds: string[],
): Promise<Map<string, OrganRef>> {
  if (organIds.length === 0) return new Map();
  const rows = await db.query<{ id: string; name: string; deactivated_on: string | null }>(
    `SELECT id, name, to_char(deactivated_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS deactivated_on
       FROM organs WHERE procuratorate_id = $1 AND id = ANY($2::text[])`,
    [procuratorateId, organIds],
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, deactivatedOn: r.deactivated_on }]));
}
