import type { Db, Tx } from './pool';

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

/** The version of each domain in force: the highest version per code. */
export async function currentDomain(q: Db | Tx, code: string): Promise<DomainRow | undefined> {
  return (
    await q.query<DomainRow>(
      `SELECT code, version, name, statutory, allows_administrative, allows_civil, min_level,
              to_char(in_force_from, 'YYYY-MM-DD') AS in_force_from
       FROM domains WHERE code = $1 ORDER BY version DESC LIMIT 1`,
      [code],
    )
  )[0];
}

export async function procuratorateLevel(q: Db | Tx, id: string): Promise<string | undefined> {
  return (await q.query<{ level: string }>('SELECT level FROM procuratorates WHERE id = $1', [id]))[0]?.level;
}
