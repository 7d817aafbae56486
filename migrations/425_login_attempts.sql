-- A login attempt holds a place in the throttle from before its password is hashed until its
-- outcome is logged, so a parallel burst cannot get more guesses than the limit allows.
CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  account_key text NOT NULL,
  ip text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX login_attempts_account ON login_attempts (account_key, started_at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, started_at);

-- Failures of one account from one address, and the addresses an account signed in from.
CREATE INDEX auth_events_account_ip ON auth_events (account_key, ip, at)
  WHERE kind IN ('login_failed', 'login_succeeded');
