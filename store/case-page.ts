/**
 * Everything the case page reads, in one round trip: the case row, its page state, the lead's own
 * words, its clocks and recommendations, the alerts recorded after its state, and the reader's
 * decision policy (what the chief delegated to them, whether heads review proposals).
 */
import type { PageState, RecordedAlert } from '../domain/case/page-state';
import { CASE_COLUMNS, CLOCK_SELECT, RECOMMENDATION_SELECT, type CaseRow, type ClockRow } from './case-reads';
import type { RecommendationRow } from './case-reads';
import type { StoredDecisionPolicy } from './decision-policy';
import type { LeadText } from './lead-text';
import { firstRow, type Db } from './pool';
import { IN_READ_SCOPE, type ReadScope } from './procuratorate-tree';

export interface CasePage {
  row: CaseRow;
  /** Null for a case whose last timeline entry was written before page states were kept. */
  state: PageState | null;
  lead: LeadText;
  clocks: ClockRow[];
  recommendations: RecommendationRow[];
  /** Open alerts as case_alerts holds them (the state may predate the latest). */
  openAlerts: RecordedAlert[];
  /** The reader's procuratorate's policy, with only the delegations to the reader. */
  policy: StoredDecisionPolicy;
}

type PageRow = CaseRow & {
  state: PageState | null;
  lead: LeadText | null;
  clocks: ClockRow[];
  recommendations: RecommendationRow[];
  open_alerts: RecordedAlert[];
  head_review_required: boolean | null;
  delegations: StoredDecisionPolicy['delegations'];
};

const PAGE_SQL = `SELECT ${CASE_COLUMNS},
  (SELECT s.state FROM case_states s WHERE s.case_id = cases.id) AS state,
  (SELECT json_build_object('description', c.input ->> 'description', 'sourceDetail', c.input ->> 'sourceDetail',
            'transferFrom', c.input -> 'transferFrom')
     FROM case_creations c WHERE c.case_id = cases.id) AS lead,
  (SELECT COALESCE(json_agg(k ORDER BY k.start_date, k.clock_key), '[]')
     FROM (${CLOCK_SELECT} WHERE case_id = cases.id) k) AS clocks,
  (SELECT COALESCE(json_agg(x ORDER BY x.recommendation_id), '[]')
     FROM (${RECOMMENDATION_SELECT} WHERE r.case_id = cases.id) x) AS recommendations,
  (SELECT COALESCE(json_agg(json_build_object('at', a.at, 'kind', a.kind, 'subject', a.subject,
            'errorType', a.error_type)), '[]')
     FROM case_alerts a WHERE a.case_id = cases.id AND a.acknowledged_seq IS NULL) AS open_alerts,
  (SELECT p.head_review_required FROM procuratorate_settings p WHERE p.procuratorate_id = $4) AS head_review_required,
  (SELECT COALESCE(json_agg(json_build_object('kind', d.kind, 'headId', d.head_id, 'delegatedBy', d.delegated_by)
            ORDER BY d.kind), '[]')
     FROM decision_delegations d WHERE d.procuratorate_id = $4 AND d.head_id = $5) AS delegations
FROM cases WHERE id = $1 AND ${IN_READ_SCOPE}`;

/** The page of a case within `scope`, as `reader` sees it; undefined when the case is not in scope. */
export async function casePageOf(
  db: Db,
  caseId: string,
  scope: ReadScope,
  reader: { userId: string; procuratorateId: string },
): Promise<CasePage | undefined> {
  const values = [caseId, scope.procuratorateIds, scope.assignedBy, reader.procuratorateId, reader.userId];
  const found = await firstRow<PageRow>(db, PAGE_SQL, values, { prepared: true });
  if (!found) return undefined;
  const { state, lead, clocks, recommendations, open_alerts, head_review_required, delegations, ...row } =
    found;
  return {
    row,
    state,
    lead: {
      description: lead?.description ?? null,
      sourceDetail: lead?.sourceDetail ?? null,
      transferFrom: lead?.transferFrom ?? null,
    },
    clocks,
    recommendations,
    openAlerts: open_alerts,
    policy: { headReviewRequired: head_review_required ?? true, delegations },
  };
}
