-- A decision role (chief 检察长, head 部门负责人) or the admin role is given only when a second
-- admin approves: the request is kept here until an admin other than the one who asked, and
-- other than the user concerned, approves or rejects it. One open request per user; a later change
-- of the user's roles supersedes it.
CREATE TABLE role_grants (
  id text PRIMARY KEY,
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  user_id text NOT NULL REFERENCES users (id),
  -- The user's roles once approved, and among them those that needed the approval.
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  added text[] NOT NULL CHECK (cardinality(added) > 0),
  -- A new account asked with such a role stays inactive until approved; true: activate it then.
  activate boolean NOT NULL DEFAULT false,
  requested_by text NOT NULL REFERENCES users (id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by text REFERENCES users (id),
  decided_at timestamptz,
  outcome text CHECK (outcome IN ('approved', 'rejected', 'superseded')),
  CHECK ((outcome IS NULL) = (decided_at IS NULL)),
  CHECK (outcome IN ('approved', 'rejected') IS NOT TRUE OR (decided_by IS NOT NULL AND decided_by <> requested_by AND decided_by <> user_id))
);
CREATE UNIQUE INDEX role_grants_open ON role_grants (user_id) WHERE outcome IS NULL;
CREATE INDEX role_grants_scope ON role_grants (procuratorate_id, requested_at);
