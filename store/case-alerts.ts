import type { Db, Tx } from './pool';

export interface CaseAlertInput {
  caseId: string;
  at: string;
  kind: 'action_refused' | 'alarm_not_recorded' | 'mail_not_sent';
  subject: string;
  errorType: string;
}

export type AcknowledgedAlert = Omit<CaseAlertInput, 'caseId'> & { by: string };

/** Records an alert once (a retried activity writes nothing twice). Carries no user data. */
export async function recordCaseAlert(db: Db, alert: CaseAlertInput): Promise<void> {
  await db.query(
    `INSERT INTO case_alerts (case_id, at, kind, subject, error_type) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING`,
    [alert.caseId, alert.at, alert.kind, alert.subject, alert.errorType],
  );
}

/**
 * Marks alerts acknowledged by the timeline entry `seq`, inside the journal's transaction. Written
 * whole (an alert row may not be stored yet: its background write can come after).
 */
export async function acknowledgeCaseAlerts(
  tx: Tx,
  caseId: string,
  alerts: AcknowledgedAlert[],
  seq: number,
): Promise<void> {
  for (const a of alerts)
    await tx.query(
      `INSERT INTO case_alerts (case_id, at, kind, subject, error_type, acknowledged_by, acknowledged_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (case_id, at, kind, subject)
       DO UPDATE SET acknowledged_by = EXCLUDED.acknowledged_by, acknowledged_seq = EXCLUDED.acknowledged_seq`,
      [caseId, a.at, a.kind, a.subject, a.errorType, a.by, seq],
    );
}
