-- Sessions, integration tokens and the auth log. Token secrets are never stored: only
-- their SHA-256 (they are long random strings, so a fast hash is enough).

-- Refresh tokens rotate on every use; all tokens issued from one login form a family, and
-- presenting an already rotated token revokes the whole family (it was probably stolen).
CREATE TABLE refresh_tokens (
  id text PRIMARY KEY,
  family_id text NOT NULL,
  user_id text NOT NULL REFERENCES users (id),
  token_hash text NOT NULL UNIQUE,
  family_started_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  rotated_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id) WHERE revoked_at IS NULL;

-- Long-lived tokens for integrations ("duban_…"), issued by an admin for a user of the same
-- procuratorate; the token acts with that user's current roles.
CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  user_id text NOT NULL REFERENCES users (id),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_by text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by text REFERENCES users (id)
);
CREATE INDEX api_tokens_scope ON api_tokens (procuratorate_id, created_at);

-- Every login, failure, refresh, logout and token event. No passwords, no token values;
-- a login name is kept only as a keyed hash (account_key), since people type passwords
-- into the name field.
CREATE TABLE auth_events (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  kind text NOT NULL,
  user_id text,
  procuratorate_id text,
  account_key text,
  ip text,
  token_id text,
  actor_id text,
  request_id text,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX auth_events_account ON auth_events (account_key, at) WHERE account_key IS NOT NULL;
CREATE INDEX auth_events_ip ON auth_events (ip, at) WHERE kind = 'login_failed';
CREATE INDEX auth_events_user ON auth_events (user_id, at);
