-- Idempotency-Key reservations and the first response of each. A key is reserved before
-- its request runs, so two concurrent duplicates never both execute; a reservation whose
-- request died is taken over after locked_until, and a key is forgotten after a day.
CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  state text NOT NULL CHECK (state IN ('in_flight', 'done')),
  locked_until timestamptz,
  status integer,
  headers jsonb,
  body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);
