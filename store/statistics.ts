/**
 * The statistics of a period. Every figure counts an event by its legal date — the civil date the
 * staff recorded (立案, issue of a recommendation, reply, finding, filing with the court, judgment)
 * — never by the time a row was written, so a backfilled case counts where its events happened and
 * the session's TimeZone changes nothing. Outcomes come from the `statistics_outcomes` view.
 */
import type { Db } from './pool';

export interface Period {
  from: string;
  to: string;
}

/** The day the lead was received (线索受理), as the case projection keeps it. */
export const RECEIVED_ON = `COALESCE((c.summary ->> 'receivedOn')::date, (c.created_at AT TIME ZONE 'Asia/Shanghai')::date)`;
/** The day the case was filed (立案); null while it is not. */
export const FILED_ON = `(c.summary ->> 'filedOn')::date`;

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
 * Every organ of a procuratorate with its record in the period (seed part 2.3): recommendations
 * issued to it and served on it, its replies (on time or late) and the reply periods that ran out
 * without one, the findings on it (rectified or not), the rebounds found at revisits, and the
 * suits filed against it — each on its own date.
 */
export async function organRecords(db: Db, procuratorateId: string, p: Period, today: string) {
  return db.query<OrganRecordRow>(
    `WITH rec AS (
       SELECT r.organ_id,
         count(*) FILTER (WHERE r.decided_on BETWEEN $2::date AND $3::date)::int AS recommendations,
         count(*) FILTER (WHERE r.served_on BETWEEN $2::date AND $3::date)::int AS served,
         count(*) FILTER (WHERE r.replied_on BETWEEN $2::date AND $3::date AND r.replied_on_time)::int AS replied_on_time,
         count(*) FILTER (WHERE r.replied_on BETWEEN $2::date AND $3::date AND NOT r.replied_on_time)::int AS replied_late,
         count(*) FILTER (WHERE r.replied_on IS NULL AND r.reply_due BETWEEN $2::date AND $3::date
                            AND r.reply_due < $4::date)::int AS no_reply
       FROM case_recommendations r WHERE r.procuratorate_id = $1 GROUP BY r.organ_id),
     outc AS (
       SELECT o.organ_id,
         count(*) FILTER (WHERE o.outcome = 'rectified')::int AS rectified,
         count(*) FILTER (WHERE o.outcome = 'non_performance')::int AS non_performance,
         count(*) FILTER (WHERE o.outcome = 'rebound')::int AS rebounds,
         count(DISTINCT o.case_id) FILTER (WHERE o.outcome = 'sued')::int AS litigated_cases
       FROM statistics_outcomes o JOIN cases c ON c.id = o.case_id
       WHERE c.procuratorate_id = $1 AND o.on_date BETWEEN $2::date AND $3::date AND o.organ_id IS NOT NULL
       GROUP BY o.organ_id)
     SELECT g.id AS organ_id, g.name,
       COALESCE(rec.recommendations, 0) AS recommendations, COALESCE(rec.served, 0) AS served,
       COALESCE(rec.replied_on_time, 0) AS replied_on_time, COALESCE(rec.replied_late, 0) AS replied_late,
       COALESCE(rec.no_reply, 0) AS no_reply, COALESCE(outc.rectified, 0) AS rectified,
       COALESCE(outc.non_performance, 0) AS non_performance, COALESCE(outc.rebounds, 0) AS rebounds,
       COALESCE(outc.litigated_cases, 0) AS litigated_cases
     FROM organs g LEFT JOIN rec ON rec.organ_id = g.id LEFT JOIN outc ON outc.organ_id = g.id
     WHERE g.procuratorate_id = $1
     ORDER BY COALESCE(outc.non_performance, 0) + COALESCE(outc.rebounds, 0) DESC, g.name, g.id`,
    [procuratorateId, p.from, p.to, today],
  );
}

/** Cases whose lead was received in the period, by the stage they are in now. */
export async function casesByStage(db: Db, procuratorateId: string, p: Period) {
  return db.query<{ stage: string; n: number }>(
    `SELECT c.stage, count(*)::int AS n FROM cases c WHERE c.procuratorate_id = $1
       AND ${RECEIVED_ON} BETWEEN $2::date AND $3::date GROUP BY c.stage ORDER BY c.stage`,
    [procuratorateId, p.from, p.to],
  );
}

/** Per domain: leads received in the period, and cases filed (立案) in it. */
export async function casesByDomain(db: Db, procuratorateId: string, p: Period) {
  return db.query<{ domain_code: string; name: string | null; received: number; filed: number }>(
    `SELECT c.domain_code, (SELECT d.name FROM domains d WHERE d.code = c.domain_code ORDER BY d.version DESC LIMIT 1) AS name,
       count(*) FILTER (WHERE ${RECEIVED_ON} BETWEEN $2::date AND $3::date)::int AS received,
       count(*) FILTER (WHERE ${FILED_ON} BETWEEN $2::date AND $3::date)::int AS filed
     FROM cases c WHERE c.procuratorate_id = $1
       AND (${RECEIVED_ON} BETWEEN $2::date AND $3::date OR ${FILED_ON} BETWEEN $2::date AND $3::date)
     GROUP BY c.domain_code ORDER BY filed DESC, received DESC, c.domain_code`,
    [procuratorateId, p.from, p.to],
  );
}

/** Clocks whose last day fell in each month of the period and that then ran out unmet. */
export async function overdueByMonth(db: Db, procuratorateId: string, p: Period) {
  return db.query<{ month: string; n: number }>(
    `SELECT to_char((a.data ->> 'due')::date, 'YYYY-MM') AS month, count(*)::int AS n
     FROM audit_entries a JOIN cases c ON c.id = a.case_id
     WHERE c.procuratorate_id = $1 AND a.kind = 'clock_expired'
       AND (a.data ->> 'due')::date BETWEEN $2::date AND $3::date
     GROUP BY 1 ORDER BY 1`,
    [procuratorateId, p.from, p.to],
  );
}

/** Recommendations issued in the period; findings and suits filed in it. */
export async function recommendationOutcomes(db: Db, procuratorateId: string, p: Period) {
  const rows = await db.query<{
    recommendations: number;
    rectified: number;
    non_performance: number;
    litigated: number;
  }>(
    `SELECT
       (SELECT count(*)::int FROM case_recommendations r
         WHERE r.procuratorate_id = $1 AND r.decided_on BETWEEN $2::date AND $3::date) AS recommendations,
       count(*) FILTER (WHERE o.outcome = 'rectified')::int AS rectified,
       count(*) FILTER (WHERE o.outcome = 'non_performance')::int AS non_performance,
       count(DISTINCT o.case_id) FILTER (WHERE o.outcome = 'sued')::int AS litigated
     FROM statistics_outcomes o JOIN cases c ON c.id = o.case_id
     WHERE c.procuratorate_id = $1 AND o.on_date BETWEEN $2::date AND $3::date`,
    [procuratorateId, p.from, p.to],
  );
  return rows[0]!;
}
