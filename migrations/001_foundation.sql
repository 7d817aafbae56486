-- Procuratorates (院), their staff, the organs they supervise, and the reference domains.
CREATE TABLE procuratorates (
  id text PRIMARY KEY,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('district', 'city', 'province', 'supreme')),
  parent_id text REFERENCES procuratorates (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  email text NOT NULL,
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_procuratorate ON users (procuratorate_id);

CREATE TABLE organs (
  id text PRIMARY KEY,
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  name text NOT NULL,
  kind text NOT NULL DEFAULT 'administrative',
  email text,
  address text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (procuratorate_id, name)
);

CREATE TABLE domains (
  code text NOT NULL,
  version integer NOT NULL,
  name text NOT NULL,
  basis text,
  statutory boolean NOT NULL,
  allows_administrative boolean NOT NULL,
  allows_civil boolean NOT NULL,
  min_level text NOT NULL DEFAULT 'district',
  in_force_from date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (code, version)
);

-- Case numbers: <procuratorate>-<year>-<sequence>, allocated before the case workflow starts.
CREATE TABLE case_sequences (
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  year integer NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (procuratorate_id, year)
);

-- The workflow input of every case, kept before its workflow starts so that an interrupted
-- creation can be resumed; one case per external reference (e.g. a transfer letter's number).
CREATE TABLE case_creations (
  case_id text PRIMARY KEY,
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  external_ref text,
  input jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (procuratorate_id, external_ref)
);

-- Read model of every case, kept by the case workflow's activities.
CREATE TABLE cases (
  id text PRIMARY KEY,
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  workflow_id text NOT NULL UNIQUE,
  title text NOT NULL,
  track text NOT NULL,
  stage text NOT NULL,
  domain_code text NOT NULL,
  source text NOT NULL,
  handler_id text NOT NULL REFERENCES users (id),
  organ_ids text[] NOT NULL DEFAULT '{}',
  external_ref text,
  next_due date,
  next_due_clock text,
  next_due_provisional boolean NOT NULL DEFAULT false,
  overdue boolean NOT NULL DEFAULT false,
  typical boolean NOT NULL DEFAULT false,
  summary jsonb NOT NULL DEFAULT '{}',
  last_seq integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX cases_scope ON cases (procuratorate_id, stage);
CREATE INDEX cases_handler ON cases (handler_id);
CREATE INDEX cases_next_due ON cases (procuratorate_id, next_due);

-- Every clock of every case, with the explanation that produced its due date.
CREATE TABLE case_clocks (
  case_id text NOT NULL REFERENCES cases (id),
  clock_key text NOT NULL,
  clock_id text NOT NULL,
  recommendation_id text,
  start_date date NOT NULL,
  due_date date,
  status text NOT NULL,
  provisional boolean NOT NULL DEFAULT false,
  request jsonb NOT NULL,
  explanation jsonb NOT NULL,
  catalogue_version text NOT NULL,
  policy_version text NOT NULL,
  schedule_version text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, clock_key)
);
CREATE INDEX case_clocks_open_due ON case_clocks (due_date) WHERE status = 'running';

-- The audit timeline: append-only, one SHA-256 hash chain per case.
CREATE TABLE audit_entries (
  case_id text NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  at timestamptz NOT NULL,
  actor_id text NOT NULL,
  kind text NOT NULL,
  stage text NOT NULL,
  data jsonb NOT NULL,
  reason text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, seq)
);

CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();

-- Outgoing mail. dedupe_key makes each message (e.g. one reminder step to one recipient) unique.
CREATE TABLE mail_outbox (
  id bigserial PRIMARY KEY,
  dedupe_key text NOT NULL UNIQUE,
  case_id text,
  kind text NOT NULL,
  recipient_user_id text,
  to_address text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  claimed_until timestamptz,
  sent_at timestamptz
);
CREATE INDEX mail_outbox_case ON mail_outbox (case_id);

-- What the embedded development mail catcher received.
CREATE TABLE dev_mail (
  id bigserial PRIMARY KEY,
  received_at timestamptz NOT NULL DEFAULT now(),
  mail_from text NOT NULL,
  rcpt_to text[] NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  raw text NOT NULL
);
