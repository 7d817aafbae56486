/**
 * 类案分析 (seed part 4.2): the period's outcomes by domain and by organ, leads by source, cases by
 * track, the art. 82 reasons of the non-performance findings, and how organs replied. Each figure
 * counts its events by their legal dates, as store/statistics.ts does.
 */
import type { Db } from './pool';
import { FILED_ON, RECEIVED_ON, type Period } from './statistics';

const IN_PERIOD = 'c.procuratorate_id = $1 AND o.on_date BETWEEN $2::date AND $3::date';

/** Cases with each outcome in the period, per domain (a case counts once per outcome). */
export function domainOutcomes(db: Db, procuratorateId: string, p: Period) {
  return db.query<{ domain_code: string; outcome: string; n: number }>(
    `SELECT c.domain_code, o.outcome, count(DISTINCT o.case_id)::int AS n
     FROM statistics_outcomes o JOIN cases c ON c.id = o.case_id WHERE ${IN_PERIOD}
     GROUP BY c.domain_code, o.outcome ORDER BY c.domain_code, o.outcome`,
    [procuratorateId, p.from, p.to],
  );
}

/** Outcomes in the period that name an organ (findings, rebounds, suits, judgments), per organ. */
export function organOutcomes(db: Db, procuratorateId: string, p: Period) {
  return db.query<{ organ_id: string; name: string; outcome: string; n: number }>(
    `SELECT o.organ_id, g.name, o.outcome, count(*)::int AS n
     FROM statistics_outcomes o JOIN cases c ON c.id = o.case_id JOIN organs g ON g.id = o.organ_id
     WHERE ${IN_PERIOD} GROUP BY o.organ_id, g.name, o.outcome ORDER BY g.name, o.organ_id, o.outcome`,
    [procuratorateId, p.from, p.to],
  );
}

/** Cases whose date `dateExpr` falls in the period, counted by `column` (source or track). */
function casesBy<K extends 'source' | 'track'>(
  db: Db,
  column: K,
  dateExpr: string,
  procuratorateId: string,
  p: Period,
) {
  return db.query<Record<K, string> & { n: number }>(
    `SELECT c.${column}, count(*)::int AS n FROM cases c
     WHERE c.procuratorate_id = $1 AND ${dateExpr} BETWEEN $2::date AND $3::date
     GROUP BY c.${column} ORDER BY n DESC, c.${column}`,
    [procuratorateId, p.from, p.to],
  );
}

/** Leads received in the period, by source. */
export const leadSources = (db: Db, procuratorateId: string, p: Period) =>
  casesBy(db, 'source', RECEIVED_ON, procuratorateId, p);

/** Cases filed (立案) in the period, by track. */
export const filedByTrack = (db: Db, procuratorateId: string, p: Period) =>
  casesBy(db, 'track', FILED_ON, procuratorateId, p);

/** The Rules art. 82 reasons named by the non-performance findings of the period. */
export function nonPerformanceReasons(db: Db, procuratorateId: string, p: Period) {
  return db.query<{ reason: string; n: number }>(
    `SELECT x.reason_key AS reason, count(*)::int AS n
     FROM audit_entries a JOIN cases c ON c.id = a.case_id
     CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(a.data -> 'reasons', '[]'::jsonb)) AS x (reason_key)
     WHERE c.procuratorate_id = $1 AND a.kind = 'recordFinding' AND a.data ->> 'result' <> 'rectified'
       AND (a.data ->> 'checkedOn')::date BETWEEN $2::date AND $3::date
     GROUP BY x.reason_key ORDER BY n DESC, x.reason_key`,
    [procuratorateId, p.from, p.to],
  );
}

export interface ReplyFiguresRow {
  replies: number;
  on_time: number;
  median_days: number | null;
  mean_days: number | null;
  findings: number;
  on_time_and_rectified: number;
}

/**
 * Replies received in the period and the days from the organ's receipt of the recommendation to
 * its reply; findings made in the period and how many of them were on a recommendation replied to
 * on time and found rectified (回复整改率).
 */
export async function replyFigures(db: Db, procuratorateId: string, p: Period): Promise<ReplyFiguresRow> {
  const rows = await db.query<ReplyFiguresRow>(
    `WITH replies AS (
       SELECT r.replied_on - r.received_on AS days, r.replied_on_time FROM case_recommendations r
       WHERE r.procuratorate_id = $1 AND r.replied_on BETWEEN $2::date AND $3::date),
     findings AS (
       SELECT o.outcome, r.replied_on_time FROM statistics_outcomes o JOIN cases c ON c.id = o.case_id
       LEFT JOIN case_recommendations r ON r.case_id = o.case_id AND r.recommendation_id = o.recommendation_id
       WHERE ${IN_PERIOD} AND o.outcome IN ('rectified', 'non_performance'))
     SELECT (SELECT count(*)::int FROM replies) AS replies,
       (SELECT count(*)::int FROM replies WHERE replied_on_time) AS on_time,
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::float8 FROM replies WHERE days IS NOT NULL) AS median_days,
       (SELECT round(avg(days), 1)::float8 FROM replies WHERE days IS NOT NULL) AS mean_days,
       (SELECT count(*)::int FROM findings) AS findings,
       (SELECT count(*)::int FROM findings WHERE outcome = 'rectified' AND replied_on_time) AS on_time_and_rectified`,
    [procuratorateId, p.from, p.to],
  );
  return rows[0]!;
}
