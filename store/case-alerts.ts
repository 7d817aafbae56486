import type { Db } from './pool';

export interface CaseAlertInput {
  caseId: string;
  at: string;
  kind: 'action_refused' | 'alarm_not_recorded' | 'mail_not_sent';
  subject: string;
  errorType: string;
}

/** Records an alert once (a retried activity writes nothing twice). Carries no user data. */
export async function recordCaseAlert(db: Db, alert: CaseAlertInput): Promise<void> {
  await db.query(
    `INSERT INTO case_alerts (case_id, at, kind, subject, error_type) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING`,
    [alert.caseId, alert.at, alert.kind, alert.subject, alert.errorType],
  );
}
