import type { Tx } from './pool';

/** A clock row as the case workflow reports it after computing or changing a clock. */
export interface ClockRowInput {
  clockKey: string;
  clockId: string;
  recommendationId: string | null;
  startDate: string;
  dueDate: string | null;
  status: string;
  provisional: boolean;
  request: unknown;
  /** Omitted when only the status changed: the stored explanation stays. */
  explanation?: unknown;
  versions: { catalogue: string; policy: string; schedule: string };
}

export interface RecommendationRowInput {
  recommendationId: string;
  organId: string;
  urgent: boolean;
  status: string;
  decidedOn: string | null;
  servedOn: string | null;
  receivedOn: string | null;
  replyDue: string | null;
  repliedOn: string | null;
  repliedOnTime: boolean | null;
  finding: string | null;
  outcome: string | null;
  rebounds: number;
}

export async function upsertClock(tx: Tx, caseId: string, c: ClockRowInput, at: string): Promise<void> {
  await tx.query(
    `INSERT INTO case_clocks (case_id, clock_key, clock_id, recommendation_id, start_date, due_date, status, provisional,
       request, explanation, catalogue_version, policy_version, schedule_version, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,COALESCE($10::jsonb, '[]'::jsonb),$11,$12,$13,$14)
     ON CONFLICT (case_id, clock_key) DO UPDATE SET clock_id = EXCLUDED.clock_id, start_date = EXCLUDED.start_date,
       due_date = EXCLUDED.due_date, status = EXCLUDED.status, provisional = EXCLUDED.provisional,
       request = EXCLUDED.request,
       explanation = CASE WHEN $10::jsonb IS NULL THEN case_clocks.explanation ELSE EXCLUDED.explanation END, catalogue_version = EXCLUDED.catalogue_version,
       policy_version = EXCLUDED.policy_version, schedule_version = EXCLUDED.schedule_version,
       updated_at = EXCLUDED.updated_at`,
    [
      caseId,
      c.clockKey,
      c.clockId,
      c.recommendationId,
      c.startDate,
      c.dueDate,
      c.status,
      c.provisional,
      JSON.stringify(c.request),
      c.explanation === undefined ? null : JSON.stringify(c.explanation),
      c.versions.catalogue,
      c.versions.policy,
      c.versions.schedule,
      at,
    ],
  );
}

export async function upsertRecommendation(
  tx: Tx,
  caseId: string,
  procuratorateId: string,
  r: RecommendationRowInput,
  at: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO case_recommendations (case_id, recommendation_id, procuratorate_id, organ_id, urgent, status, decided_on,
       served_on, received_on, reply_due, replied_on, replied_on_time, finding, outcome, rebounds, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)
     ON CONFLICT (case_id, recommendation_id) DO UPDATE SET status = EXCLUDED.status, served_on = EXCLUDED.served_on,
       received_on = EXCLUDED.received_on, reply_due = EXCLUDED.reply_due, replied_on = EXCLUDED.replied_on,
       replied_on_time = EXCLUDED.replied_on_time, finding = EXCLUDED.finding, outcome = EXCLUDED.outcome,
       rebounds = EXCLUDED.rebounds, updated_at = EXCLUDED.updated_at`,
    [
      caseId,
      r.recommendationId,
      procuratorateId,
      r.organId,
      r.urgent,
      r.status,
      r.decidedOn,
      r.servedOn,
      r.receivedOn,
      r.replyDue,
      r.repliedOn,
      r.repliedOnTime,
      r.finding,
      r.outcome,
      r.rebounds,
      at,
    ],
  );
}
