-- The administrative organ's online access to one recommendation. A link (/organ/<token>) is made
-- and mailed to the organ's registered address when the recommendation is issued; the page opens
-- with a one-time code sent to that address, for a short session on that recommendation only.
-- Codes and sessions are kept as keyed hashes, never in the clear.
CREATE TABLE organ_access (
  token text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id),
  recommendation_id text NOT NULL,
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  organ_id text NOT NULL REFERENCES organs (id),
  email text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, recommendation_id)
);

CREATE TABLE organ_access_codes (
  id bigserial PRIMARY KEY,
  token text NOT NULL REFERENCES organ_access (token),
  code_hash text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organ_access_codes_token ON organ_access_codes (token, created_at);

-- Wrong or expired codes entered, for the throttle.
CREATE TABLE organ_code_failures (
  token text NOT NULL REFERENCES organ_access (token),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organ_code_failures_token ON organ_code_failures (token, at);

CREATE TABLE organ_sessions (
  session_hash text PRIMARY KEY,
  token text NOT NULL REFERENCES organ_access (token),
  contact text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
