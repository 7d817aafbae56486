-- Notifications to staff: one row per event and person (a proposal awaiting their review or
-- decision, a decision on their proposal, a case handed to them, an organ's reply on their case),
-- shown under the bell and, when the person chose it, mailed through the outbox. The key makes a
-- retried journal write notify nobody twice.
CREATE TABLE notifications (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  event_key text NOT NULL,
  kind text NOT NULL,
  case_id text REFERENCES cases (id),
  headline text NOT NULL,
  detail text,
  link text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  UNIQUE (user_id, event_key)
);
CREATE INDEX notifications_unread ON notifications (user_id, id DESC) WHERE read_at IS NULL;
CREATE INDEX notifications_recent ON notifications (user_id, id DESC);

-- Which kinds each person wants by mail; a kind without a row takes its default. Reminders of
-- legal clocks are not a choice and have no row here.
CREATE TABLE notification_preferences (
  user_id text NOT NULL REFERENCES users (id),
  kind text NOT NULL,
  by_mail boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind)
);
