import { firstRow, type Db } from './pool';

export interface CaseRow {
  id: string;
  procuratorate_id: string;
  title: string;
  track: string;
  stage: string;
  domain_code: string;
  source: string;
  handler_id: string;
  organ_ids: string[];
  external_ref: string | null;
  next_due: string | null;
  next_due_clock: string | null;
  next_due_provisional: boolean;
  overdue: boolean;
  typical: boolean;
  summary: Record<string, unknown>;
  /** ISO 8601 in UTC to the millisecond, as JavaScript writes an instant: spelt by PostgreSQL, not parsed here. */
  created_at: string;
  updated_at: string;
  /** Alerts raised on the case (see case_alerts). */
  alert_count: number;
}

/** The columns of a CaseRow, as the case page and the case list read them. */
export const CASE_COLUMNS = `id, procuratorate_id, title, track, stage, domain_code, source, handler_id, organ_ids, external_ref,
  to_char(next_due, 'YYYY-MM-DD') AS next_due, next_due_clock, next_due_provisional, overdue, typical, summary,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at,
  (SELECT count(*)::int FROM case_alerts a WHERE a.case_id = cases.id AND a.acknowledged_seq IS NULL) AS alert_count`;

/** A case of the given procuratorate; another procuratorate's case is simply not found. */
export async function findCaseInScope(
  db: Db,
  caseId: string,
  procuratorateId: string,
): Promise<CaseRow | undefined> {
  return firstRow<CaseRow>(db, `SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1 AND procuratorate_id = $2`, [
    caseId,
    procuratorateId,
  ]);
}

export interface ClockRow {
  clock_key: string;
  clock_id: string;
  recommendation_id: string | null;
  start_date: string;
  due_date: string | null;
  status: string;
  provisional: boolean;
  request: unknown;
  explanation: {
    steps?: { kind: string; text: string }[];
    name?: string;
    basis?: string;
    rule?: unknown;
    rawEnd?: string;
  };
  catalogue_version: string;
  policy_version: string;
  schedule_version: string;
}

/** A ClockRow from case_clocks; its dates are text, so they also sort as the dates do. */
export const CLOCK_SELECT = `SELECT clock_key, clock_id, recommendation_id, to_char(start_date, 'YYYY-MM-DD') AS start_date,
       to_char(due_date, 'YYYY-MM-DD') AS due_date, status, provisional, request, explanation,
       catalogue_version, policy_version, schedule_version
     FROM case_clocks`;

export async function clocksOf(db: Db, caseId: string): Promise<ClockRow[]> {
  return db.query<ClockRow>(`${CLOCK_SELECT} WHERE case_id = $1 ORDER BY start_date, clock_key`, [caseId]);
}

export interface RecommendationRow {
  recommendation_id: string;
  organ_id: string;
  organ_name: string | null;
  urgent: boolean;
  status: string;
  decided_on: string | null;
  served_on: string | null;
  received_on: string | null;
  reply_due: string | null;
  replied_on: string | null;
  replied_on_time: boolean | null;
  finding: string | null;
  outcome: string | null;
  rebounds: number;
}

/** A RecommendationRow from case_recommendations `r`, with its organ's name. */
export const RECOMMENDATION_SELECT = `SELECT r.recommendation_id, r.organ_id, o.name AS organ_name, r.urgent, r.status,
       to_char(r.decided_on, 'YYYY-MM-DD') AS decided_on, to_char(r.served_on, 'YYYY-MM-DD') AS served_on,
       to_char(r.received_on, 'YYYY-MM-DD') AS received_on, to_char(r.reply_due, 'YYYY-MM-DD') AS reply_due,
       to_char(r.replied_on, 'YYYY-MM-DD') AS replied_on, r.replied_on_time, r.finding, r.outcome, r.rebounds
     FROM case_recommendations r LEFT JOIN organs o ON o.id = r.organ_id`;

export async function recommendationsOf(db: Db, caseId: string): Promise<RecommendationRow[]> {
  return db.query<RecommendationRow>(
    `${RECOMMENDATION_SELECT} WHERE r.case_id = $1 ORDER BY r.recommendation_id`,
    [caseId],
  );
}
