// The versioned domains (领域) as admins see and add them. Rows are only ever inserted: the
// version in force on a day is the highest one whose in_force_from has come by then.
import type { Db, Tx } from './pool';

export interface DomainVersionRow {
  code: string;
  version: number;
  name: string;
  basis: string | null;
  statutory: boolean;
  allows_administrative: boolean;
  allows_civil: boolean;
  min_level: 'district' | 'city';
  in_force_from: string;
  created_by: string | null;
  created_at: Date;
}

const COLUMNS = `code, version, name, basis, statutory, allows_administrative, allows_civil, min_level,
  to_char(in_force_from, 'YYYY-MM-DD') AS in_force_from, created_by, created_at`;

/** Every version of every domain, by code, the newest version first. */
export async function allDomainVersions(db: Db): Promise<DomainVersionRow[]> {
  return db.query<DomainVersionRow>(`SELECT ${COLUMNS} FROM domains ORDER BY code, version DESC`);
}

/** The version of each domain in force on `on` (YYYY-MM-DD); domains not yet in force are left out. */
export async function domainsInForce(db: Db, on: string): Promise<DomainVersionRow[]> {
  return db.query<DomainVersionRow>(
    `SELECT DISTINCT ON (code) ${COLUMNS} FROM domains WHERE in_force_from <= $1::date
      ORDER BY code, version DESC`,
    [on],
  );
}

/** The newest version of `code`, locked so that concurrent changes take turns. */
export async function latestDomainVersionForUpdate(
  tx: Tx,
  code: string,
): Promise<DomainVersionRow | undefined> {
  const rows = await tx.query<DomainVersionRow>(
    `SELECT ${COLUMNS} FROM domains WHERE code = $1 ORDER BY version DESC LIMIT 1 FOR UPDATE`,
    [code],
  );
  return rows[0];
}

/** Another domain whose newest version bears `name`, if any. */
export async function domainNamedAs(
  q: Db | Tx,
  name: string,
  exceptCode: string,
): Promise<string | undefined> {
  const rows = await q.query<{ code: string }>(
    `SELECT code FROM (SELECT DISTINCT ON (code) code, name FROM domains ORDER BY code, version DESC) d
      WHERE d.name = $1 AND d.code <> $2 LIMIT 1`,
    [name, exceptCode],
  );
  return rows[0]?.code;
}

export type NewDomainVersion = Omit<DomainVersionRow, 'created_at' | 'created_by'> & { created_by: string };

/** Inserts one version; a taken (code, version) is a unique violation for the caller to report. */
export async function insertDomainVersion(q: Db | Tx, d: NewDomainVersion): Promise<DomainVersionRow> {
  const rows = await q.query<DomainVersionRow>(
    `INSERT INTO domains (code, version, name, basis, statutory, allows_administrative, allows_civil,
                          min_level, in_force_from, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::date, $10) RETURNING ${COLUMNS}`,
    [
      d.code,
      d.version,
      d.name,
      d.basis,
      d.statutory,
      d.allows_administrative,
      d.allows_civil,
      d.min_level,
      d.in_force_from,
      d.created_by,
    ],
  );
  return rows[0]!;
}
