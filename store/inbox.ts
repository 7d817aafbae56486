/**
 * What waits for one person, read from the read model the case workflows keep: pending
 * proposals and escalations (cases.summary), running clocks (case_clocks), open alerts,
 * untriaged public leads and handovers (the timeline). Each read is one query over the
 * caller's procuratorate; the API runs only those the caller's role needs.
 */
import type { Db } from './pool';

export interface ProposalRow {
  case_id: string;
  title: string;
  proposal: {
    kind: string;
    proposedOn: string;
    proposedBy?: string;
    review?: 'pending' | 'approved';
    reviewedBy?: string;
  };
}

export async function pendingProposals(db: Db, procuratorateId: string): Promise<ProposalRow[]> {
  return db.query<ProposalRow>(
    `SELECT id AS case_id, title, summary->'proposal' AS proposal FROM cases
      WHERE procuratorate_id = $1 AND jsonb_typeof(summary->'proposal') = 'object'`,
    [procuratorateId],
  );
}

export interface EscalationRow {
  case_id: string;
  title: string;
  pending: number;
  since: string;
}

export async function pendingEscalations(db: Db, procuratorateId: string): Promise<EscalationRow[]> {
  return db.query<EscalationRow>(
    `SELECT id AS case_id, title, (summary->>'pendingEscalations')::int AS pending,
            to_char(coalesce(next_due, (updated_at AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY-MM-DD') AS since
       FROM cases
      WHERE procuratorate_id = $1 AND coalesce((summary->>'pendingEscalations')::int, 0) > 0`,
    [procuratorateId],
  );
}

export interface DueClockRow {
  case_id: string;
  title: string;
  clock_key: string;
  name: string;
  due: string;
  provisional: boolean;
}

/** Running clocks of the cases `handlerId` handles that fall due on or before `until`. */
export async function dueClocksOfHandler(
  db: Db,
  scope: { procuratorateId: string; handlerId: string; until: string },
): Promise<DueClockRow[]> {
  return db.query<DueClockRow>(
    `SELECT k.case_id, c.title, k.clock_key, coalesce(k.explanation->>'name', k.clock_id) AS name,
            to_char(k.due_date, 'YYYY-MM-DD') AS due, k.provisional
       FROM case_clocks k JOIN cases c ON c.id = k.case_id
      WHERE k.status = 'running' AND k.due_date <= $3::date
        AND c.procuratorate_id = $1 AND c.handler_id = $2`,
    [scope.procuratorateId, scope.handlerId, scope.until],
  );
}

export interface OpenAlertRow {
  case_id: string;
  title: string;
  at: string;
  kind: string;
  subject: string;
}

export async function openAlerts(db: Db, procuratorateId: string): Promise<OpenAlertRow[]> {
  return db.query<OpenAlertRow>(
    `SELECT a.case_id, c.title, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
            a.kind, a.subject
       FROM case_alerts a JOIN cases c ON c.id = a.case_id
      WHERE c.procuratorate_id = $1 AND a.acknowledged_seq IS NULL`,
    [procuratorateId],
  );
}

export interface UntriagedLeadRow {
  id: string;
  tracking_code: string;
  excerpt: string;
  submitted_on: string;
}

/** Public leads neither declined nor registered as a case. */
export async function untriagedLeads(db: Db, procuratorateId: string): Promise<UntriagedLeadRow[]> {
  return db.query<UntriagedLeadRow>(
    `SELECT pl.id, pl.tracking_code, left(pl.description, 40) AS excerpt,
            to_char(pl.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS submitted_on
       FROM public_leads pl
      WHERE pl.procuratorate_id = $1 AND pl.declined_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM case_creations cc WHERE cc.public_lead_id = pl.id)`,
    [procuratorateId],
  );
}

export interface HandoverRow {
  case_id: string;
  title: string;
  handed_on: string;
  from_id: string | null;
}

/**
 * Cases handed to `userId` (the last reassignment made them the handler) on which they have
 * recorded nothing since: the first entry they write takes the case out of their inbox.
 */
export async function handoversTo(
  db: Db,
  scope: { procuratorateId: string; userId: string },
): Promise<HandoverRow[]> {
  return db.query<HandoverRow>(
    `SELECT c.id AS case_id, c.title, r.data->>'from' AS from_id,
            to_char(r.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS handed_on
       FROM cases c
       JOIN LATERAL (SELECT e.seq, e.at, e.data FROM audit_entries e
                      WHERE e.case_id = c.id AND e.kind = 'reassign'
                      ORDER BY e.seq DESC LIMIT 1) r ON true
      WHERE c.procuratorate_id = $1 AND c.handler_id = $2
        AND NOT EXISTS (SELECT 1 FROM audit_entries m WHERE m.case_id = c.id AND m.seq > r.seq AND m.actor_id = $2)`,
    [scope.procuratorateId, scope.userId],
  );
}
