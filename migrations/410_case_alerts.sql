-- Failures staff must see on a case: an action the database refused, a reminder or expiry that
-- could not be put on the timeline, a message not sent. Names only (action, failure type),
-- never the data involved. Written by the case workflow, read by the case page and list.
CREATE TABLE case_alerts (
  case_id text NOT NULL REFERENCES cases (id),
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('action_refused', 'alarm_not_recorded', 'mail_not_sent')),
  subject text NOT NULL,
  error_type text NOT NULL,
  PRIMARY KEY (case_id, at, kind, subject)
);
