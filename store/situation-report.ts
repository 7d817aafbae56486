/** What the 情况汇报 needs beyond the period figures: the procuratorate's name and the period's typical cases. */
import type { Db } from './pool';
import { FILED_ON, type Period } from './statistics';

export async function procuratorateName(db: Db, procuratorateId: string): Promise<string> {
  const rows = await db.query<{ name: string }>('SELECT name FROM procuratorates WHERE id = $1', [
    procuratorateId,
  ]);
  return rows[0]?.name ?? '';
}

/** Cases marked typical that were filed in the period, oldest first. */
export function typicalCasesFiled(db: Db, procuratorateId: string, p: Period) {
  return db.query<{ id: string; title: string; domain: string }>(
    `SELECT c.id, c.title, COALESCE((SELECT d.name FROM domains d WHERE d.code = c.domain_code
       ORDER BY d.version DESC LIMIT 1), c.domain_code) AS domain
     FROM cases c
     WHERE c.procuratorate_id = $1 AND c.typical AND ${FILED_ON} BETWEEN $2::date AND $3::date
     ORDER BY ${FILED_ON}, c.id`,
    [procuratorateId, p.from, p.to],
  );
}
