import type { Db } from './pool';

export interface OrganRow {
  id: string;
  procuratorate_id: string;
  name: string;
  kind: string;
  email: string | null;
  address: string | null;
  contact_name: string | null;
  phone: string | null;
  deactivated_at: Date | null;
  created_at: Date;
}

const COLUMNS =
  'id, procuratorate_id, name, kind, email, address, contact_name, phone, deactivated_at, created_at';

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
  contactName: string | null;
  phone: string | null;
}

/** Throws a unique violation when the procuratorate already has an organ of that name. */
export async function insertOrgan(db: Db, o: NewOrgan): Promise<OrganRow> {
  const rows = await db.query<OrganRow>(
    `INSERT INTO organs (id, procuratorate_id, name, kind, email, address, contact_name, phone)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     RETURNING ${COLUMNS}`,
    [o.id, o.procuratorateId, o.name, o.kind, o.email, o.address, o.contactName, o.phone],
  );
  return rows[0]!;
}

export interface OrganChanges {
  name?: string;
  kind?: string;
  /** null clears the field; absent leaves it. */
  email?: string | null;
  address?: string | null;
  contactName?: string | null;
  phone?: string | null;
  /** false deactivates (keeping the first deactivation's time), true reactivates. */
  active?: boolean;
}

/** Whether a nullable column is to be written, and its new value: absent leaves it. */
const optional = (v: string | null | undefined) => [v !== undefined, v ?? null];

export async function updateOrgan(
  db: Db,
  id: string,
  procuratorateId: string,
  c: OrganChanges,
): Promise<OrganRow | undefined> {
  const rows = await db.query<OrganRow>(
    `UPDATE organs SET name = coalesce($3, name), kind = coalesce($4, kind),
       email = CASE WHEN $5 THEN $6 ELSE email END, address = CASE WHEN $7 THEN $8 ELSE address END,
       contact_name = CASE WHEN $9 THEN $10 ELSE contact_name END, phone = CASE WHEN $11 THEN $12 ELSE phone END,
       deactivated_at = CASE $13::boolean WHEN true THEN NULL WHEN false THEN coalesce(deactivated_at, now())
         ELSE deactivated_at END
     WHERE id = $1 AND procuratorate_id = $2 RETURNING ${COLUMNS}`,
    [
      id,
      procuratorateId,
      c.name ?? null,
      c.kind ?? null,
      ...optional(c.email),
      ...optional(c.address),
      ...optional(c.contactName),
      ...optional(c.phone),
      c.active ?? null,
    ],
  );
  return rows[0];
}

export async function findOrgan(db: Db, id: string, procuratorateId: string): Promise<OrganRow | undefined> {
  const rows = await db.query<OrganRow>(
    `SELECT ${COLUMNS} FROM organs WHERE id = $1 AND procuratorate_id = $2`,
    [id, procuratorateId],
  );
  return rows[0];
}
