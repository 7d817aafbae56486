import type { Db } from './pool';

export interface OrganRow {
  id: string;
  procuratorate_id: string;
  name: string;
  kind: string;
  email: string | null;
  address: string | null;
  created_at: Date;
}

const COLUMNS = 'id, procuratorate_id, name, kind, email, address, created_at';

export async function listOrgans(db: Db, procuratorateId: string): Promise<OrganRow[]> {
  return db.query<OrganRow>(
    `SELECT ${COLUMNS} FROM organs WHERE procuratorate_id = $1 ORDER BY name LIMIT 2000`,
    [procuratorateId],
  );
}

export interface NewOrgan {
  id: string;
  procuratorateId: string;
  name: string;
  kind: string;
  email: string | null;
  address: string | null;
}

/** Throws a unique violation when the procuratorate already has an organ of that name. */
export async function insertOrgan(db: Db, o: NewOrgan): Promise<OrganRow> {
  const rows = await db.query<OrganRow>(
    `INSERT INTO organs (id, procuratorate_id, name, kind, email, address) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${COLUMNS}`,
    [o.id, o.procuratorateId, o.name, o.kind, o.email, o.address],
  );
  return rows[0]!;
}

export interface OrganChanges {
  name?: string;
  kind?: string;
  /** null clears the field; absent leaves it. */
  email?: string | null;
  address?: string | null;
}

export async function updateOrgan(
  db: Db,
  id: string,
  procuratorateId: string,
  c: OrganChanges,
): Promise<OrganRow | undefined> {
  const rows = await db.query<OrganRow>(
    `UPDATE organs SET name = coalesce($3, name), kind = coalesce($4, kind),
       email = CASE WHEN $5 THEN $6 ELSE email END, address = CASE WHEN $7 THEN $8 ELSE address END
     WHERE id = $1 AND procuratorate_id = $2 RETURNING ${COLUMNS}`,
    [
      id,
      procuratorateId,
      c.name ?? null,
      c.kind ?? null,
      c.email !== undefined,
      c.email ?? null,
      c.address !== undefined,
      c.address ?? null,
    ],
  );
  return rows[0];
}
