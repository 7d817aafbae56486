import { firstRow, type Db, type Tx } from './pool';

export interface DomainRow {
  code: string;
  version: number;
  name: string;
  statutory: boolean;
  allows_administrative: boolean;
  allows_civil: boolean;
  min_level: string;
  in_force_from: string;
}

/**
 * A domain's version in force on `on` (YYYY-MM-DD): the highest version whose in-force date has
 * come by then. Without `on`, the newest version whatever its date (does the code exist at all).
 */
export async function currentDomain(q: Db | Tx, code: string, on?: string): Promise<DomainRow | undefined> {
  return firstRow<DomainRow>(
    q,
    `SELECT code, version, name, statutory, allows_administrative, allows_civil, min_level,
              to_char(in_force_from, 'YYYY-MM-DD') AS in_force_from
       FROM domains WHERE code = $1 AND ($2::date IS NULL OR in_force_from <= $2::date)
       ORDER BY version DESC LIMIT 1`,
    [code, on ?? null],
  );
}

export async function procuratorateLevel(q: Db | Tx, id: string): Promise<string | undefined> {
  return (await q.query<{ level: string }>('SELECT level FROM procuratorates WHERE id = $1', [id]))[0]?.level;
}
