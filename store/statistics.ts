import type { Db } from './pool';

export interface OrganRecordRow {
  organ_id: string;
  name: string;
  recommendations: number;
  served: number;
  replied_on_time: number;
  replied_late: number;
  no_reply: number;
  rectified: number;
  non_performance: number;
  rebounds: number;
  litigated_cases: number;
}

/**
 * Every organ of a procuratorate with its record across all cases (seed part 2.3): how many
 * recommendations it received, answered on time, rectified, and how often it failed or rebounded.
 */
export async function organRecords(db: Db, procuratorateId: string): Promise<OrganRecordRow[]> {
  return db.query<OrganRecordRow>(
    `SELECT o.id AS organ_id, o.name,
       count(r.recommendation_id)::int AS recommendations,
       count(r.served_on)::int AS served,
       count(*) FILTER (WHERE r.replied_on_time)::int AS replied_on_time,
       count(*) FILTER (WHERE r.replied_on_time = false)::int AS replied_late,
       count(*) FILTER (WHERE r.finding = 'no_reply' OR (r.status = 'reply_overdue'))::int AS no_reply,
       count(*) FILTER (WHERE r.outcome = 'rectified')::int AS rectified,
       count(*) FILTER (WHERE r.outcome = 'non_performance')::int AS non_performance,
       COALESCE(sum(r.rebounds), 0)::int AS rebounds,
       (SELECT count(*)::int FROM cases c WHERE c.procuratorate_id = o.procuratorate_id
          AND c.summary -> 'litigatedOrganIds' ? o.id) AS litigated_cases
     FROM organs o LEFT JOIN case_recommendations r ON r.organ_id = o.id AND r.procuratorate_id = o.procuratorate_id
     WHERE o.procuratorate_id = $1
     GROUP BY o.id, o.name, o.procuratorate_id
     ORDER BY count(*) FILTER (WHERE r.outcome = 'non_performance') + COALESCE(sum(r.rebounds), 0) DESC, o.name`,
    [procuratorateId],
  );
}

export interface Period {
  from: string;
  to: string;
}

export async function casesByStage(db: Db, procuratorateId: string, p: Period) {
  return db.query<{ stage: string; n: number }>(
    `SELECT stage, count(*)::int AS n FROM cases WHERE procuratorate_id = $1
       AND created_at >= $2::date AND created_at < ($3::date + 1) GROUP BY stage ORDER BY stage`,
    [procuratorateId, p.from, p.to],
  );
}

export async function casesByDomain(db: Db, procuratorateId: string, p: Period) {
  return db.query<{ domain_code: string; name: string | null; n: number }>(
    `SELECT c.domain_code, (SELECT d.name FROM domains d WHERE d.code = c.domain_code ORDER BY d.version DESC LIMIT 1) AS name,
       count(*)::int AS n
     FROM cases c WHERE c.procuratorate_id = $1 AND c.created_at >= $2::date AND c.created_at < ($3::date + 1)
     GROUP BY c.domain_code ORDER BY n DESC`,
    [procuratorateId, p.from, p.to],
  );
}

/** Clocks that ran out in each month of the period (from the timeline's `clock_expired` entries). */
export async function overdueByMonth(db: Db, procuratorateId: string, p: Period) {
  return db.query<{ month: string; n: number }>(
    `SELECT to_char(date_trunc('month', a.at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM') AS month, count(*)::int AS n
     FROM audit_entries a JOIN cases c ON c.id = a.case_id
     WHERE c.procuratorate_id = $1 AND a.kind = 'clock_expired'
       AND a.at >= $2::date AND a.at < ($3::date + 1)
     GROUP BY 1 ORDER BY 1`,
    [procuratorateId, p.from, p.to],
  );
}

/** Recommendations decided in the period, and how many of their cases went to litigation. */
export async function recommendationOutcomes(db: Db, procuratorateId: string, p: Period) {
  const rows = await db.query<{
    recommendations: number;
    rectified: number;
    non_performance: number;
    litigated: number;
  }>(
    `SELECT count(*)::int AS recommendations,
       count(*) FILTER (WHERE r.outcome = 'rectified')::int AS rectified,
       count(*) FILTER (WHERE r.outcome = 'non_performance')::int AS non_performance,
       count(*) FILTER (WHERE c.summary -> 'litigatedOrganIds' ? r.organ_id)::int AS litigated
     FROM case_recommendations r JOIN cases c ON c.id = r.case_id
     WHERE r.procuratorate_id = $1 AND r.decided_on >= $2::date AND r.decided_on <= $3::date`,
    [procuratorateId, p.from, p.to],
  );
  return rows[0]!;
}
