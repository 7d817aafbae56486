/** Typical cases (典型案例): their narrative, the names the anonymisation check looks for, the list. */
import type { KnownName, Narrative } from '../domain/typical/names';
import type { Db } from './pool';
import { FILED_ON } from './statistics';

export interface NarrativeRow extends Narrative {
  updatedAt: string;
  updatedBy: string;
}

export async function narrativeOf(db: Db, caseId: string): Promise<NarrativeRow | undefined> {
  const rows = await db.query<NarrativeRow>(
    `SELECT basic_facts AS "basicFacts", performance, significance,
            to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt",
            updated_by AS "updatedBy"
     FROM typical_narratives WHERE case_id = $1`,
    [caseId],
  );
  return rows[0];
}

export async function saveNarrative(
  db: Db,
  caseId: string,
  n: Narrative,
  by: { userId: string; at: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO typical_narratives (case_id, basic_facts, performance, significance, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (case_id) DO UPDATE SET basic_facts = EXCLUDED.basic_facts,
       performance = EXCLUDED.performance, significance = EXCLUDED.significance,
       updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [caseId, n.basicFacts, n.performance, n.significance, by.at, by.userId],
  );
}

/**
 * The names of people and companies the database holds for a case: the organs' contact people,
 * the users who handled or acted on it, the public lead's submitter. (Civil parties live in the
 * workflow's state; the caller adds them.)
 */
export function storedNamesOf(db: Db, caseId: string): Promise<KnownName[]> {
  return db.query<KnownName>(
    `SELECT o.contact_name AS name, '行政机关联系人' AS who
       FROM cases c JOIN organs o ON o.id = ANY (c.organ_ids)
      WHERE c.id = $1 AND o.contact_name IS NOT NULL
     UNION ALL
     SELECT u.display_name, '办案人员' FROM users u
      WHERE u.id IN (SELECT handler_id FROM cases WHERE id = $1
                     UNION SELECT actor_id FROM audit_entries WHERE case_id = $1)
     UNION ALL
     SELECT l.contact_name, '举报人' FROM case_creations cc JOIN public_leads l ON l.id = cc.public_lead_id
      WHERE cc.case_id = $1 AND l.contact_name IS NOT NULL`,
    [caseId],
  );
}

export interface TypicalCaseRow {
  id: string;
  title: string;
  domainCode: string;
  domain: string;
  filedOn: string | null;
  narrativeWritten: boolean;
}

/** The procuratorate's typical cases, newest filing first, by domain and by the year filed. */
export function typicalCases(
  db: Db,
  procuratorateId: string,
  filter: { domain?: string | undefined; year?: number | undefined },
): Promise<TypicalCaseRow[]> {
  return db.query<TypicalCaseRow>(
    `SELECT c.id, c.title, c.domain_code AS "domainCode",
            COALESCE((SELECT d.name FROM domains d WHERE d.code = c.domain_code
              ORDER BY d.version DESC LIMIT 1), c.domain_code) AS domain,
            to_char(${FILED_ON}, 'YYYY-MM-DD') AS "filedOn",
            EXISTS (SELECT 1 FROM typical_narratives n WHERE n.case_id = c.id) AS "narrativeWritten"
     FROM cases c
     WHERE c.procuratorate_id = $1 AND c.typical
       AND ($2::text IS NULL OR c.domain_code = $2)
       AND ($3::int IS NULL OR extract(year FROM ${FILED_ON}) = $3)
     ORDER BY ${FILED_ON} DESC NULLS LAST, c.id`,
    [procuratorateId, filter.domain ?? null, filter.year ?? null],
  );
}
