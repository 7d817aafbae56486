/**
 * The cases behind one figure of the statistics (the drill-down of every chart): the same
 * criteria and the same legal dates as the figure, answering the cases instead of a count.
 */
import { likePattern, matchesText } from './case-list-text';
import type { Db } from './pool';
import { FILED_ON, RECEIVED_ON, type Period } from './statistics';

export type FigureCriteria =
  /** Leads received in the period (by stage, source or domain). */
  | { figure: 'received'; stage?: string; source?: string; domainCode?: string }
  /** Cases filed in the period (by domain or track). */
  | { figure: 'filed'; domainCode?: string; track?: string }
  /** Outcomes in the period (by outcome, organ or domain); `outcomes` is any of several. */
  | { figure: 'outcome'; outcomes?: readonly string[]; organId?: string; domainCode?: string }
  /** Non-performance findings of the period naming an art. 82 reason. */
  | { figure: 'reason'; reason?: string }
  /** Recommendations issued in the period, replies received in it (by organ). */
  | { figure: 'issued'; organId?: string }
  | { figure: 'replied'; organId?: string; onTime?: boolean }
  /** Clocks whose last day fell in the period (or that month) and ran out. */
  | { figure: 'overdue'; month?: string };

export interface FigureCaseRow {
  case_id: string;
  title: string;
  stage: string;
  domain_code: string;
  track: string;
}

const SELECT = 'SELECT c.id AS case_id, c.title, c.stage, c.domain_code, c.track FROM cases c';
const ORDER = 'ORDER BY c.created_at, c.id';

/**
 * One page of the cases behind a figure, and how many there are in all; with `q`, only those whose
 * title, case number or lead has the words (as the case list searches), the total counting them.
 */
export async function casesOfFigure(
  db: Db,
  procuratorateId: string,
  p: Period,
  f: FigureCriteria,
  window: { limit: number; offset: number; q?: string },
): Promise<{ rows: FigureCaseRow[]; total: number }> {
  const [where, extra] = criteriaOf(f);
  const values = [procuratorateId, p.from, p.to, ...extra];
  let condition = `WHERE c.procuratorate_id = $1 AND ${where}`;
  if (window.q) condition += ` AND ${matchesText(`$${values.push(likePattern(window.q))}`, 'c')}`;
  const paging = `LIMIT $${values.length + 1} OFFSET $${values.length + 2}`;
  const rows = await db.query<FigureCaseRow>(`${SELECT} ${condition} ${ORDER} ${paging}`, [
    ...values,
    window.limit,
    window.offset,
  ]);
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cases c ${condition}`,
    values,
  );
  return { rows, total: count?.n ?? 0 };
}

/** The condition on `c` and its parameters from $4 on; a criterion left out is `NULL`: any. */
function criteriaOf(f: FigureCriteria): [string, unknown[]] {
  switch (f.figure) {
    case 'received':
      return [
        `${RECEIVED_ON} BETWEEN $2::date AND $3::date AND ($4::text IS NULL OR c.stage = $4)
         AND ($5::text IS NULL OR c.source = $5) AND ($6::text IS NULL OR c.domain_code = $6)`,
        [f.stage ?? null, f.source ?? null, f.domainCode ?? null],
      ];
    case 'filed':
      return [
        `${FILED_ON} BETWEEN $2::date AND $3::date AND ($4::text IS NULL OR c.domain_code = $4)
         AND ($5::text IS NULL OR c.track = $5)`,
        [f.domainCode ?? null, f.track ?? null],
      ];
    case 'outcome':
      return [
        `($6::text IS NULL OR c.domain_code = $6) AND EXISTS (SELECT 1 FROM statistics_outcomes o
           WHERE o.case_id = c.id AND o.on_date BETWEEN $2::date AND $3::date
             AND ($4::text[] IS NULL OR o.outcome = ANY ($4)) AND ($5::text IS NULL OR o.organ_id = $5))`,
        [f.outcomes ?? null, f.organId ?? null, f.domainCode ?? null],
      ];
    case 'reason':
      return [
        `EXISTS (SELECT 1 FROM audit_entries a WHERE a.case_id = c.id AND a.kind = 'recordFinding'
           AND a.data ->> 'result' <> 'rectified' AND (a.data ->> 'checkedOn')::date BETWEEN $2::date AND $3::date
           AND ($4::text IS NULL OR COALESCE(a.data -> 'reasons', '[]'::jsonb) ? $4))`,
        [f.reason ?? null],
      ];
    case 'issued':
      return [recommendationsWhere('r.decided_on', ''), [f.organId ?? null]];
    case 'replied':
      return [
        recommendationsWhere('r.replied_on', 'AND ($5::boolean IS NULL OR r.replied_on_time = $5)'),
        [f.organId ?? null, f.onTime ?? null],
      ];
    case 'overdue':
      return [
        `EXISTS (SELECT 1 FROM audit_entries a WHERE a.case_id = c.id AND a.kind = 'clock_expired'
           AND (a.data ->> 'due')::date BETWEEN $2::date AND $3::date
           AND ($4::text IS NULL OR to_char((a.data ->> 'due')::date, 'YYYY-MM') = $4))`,
        [f.month ?? null],
      ];
  }
}

function recommendationsWhere(dateColumn: 'r.decided_on' | 'r.replied_on', more: string): string {
  return `EXISTS (SELECT 1 FROM case_recommendations r WHERE r.case_id = c.id
    AND ${dateColumn} BETWEEN $2::date AND $3::date AND ($4::text IS NULL OR r.organ_id = $4) ${more})`;
}
