-- Signed checkpoints of each case's hash chain: the head (last seq, its hash) at a time,
-- signed with an Ed25519 key held outside the database. Append-only like audit_entries.
CREATE TABLE audit_checkpoints (
  id bigserial PRIMARY KEY,
  case_id text NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  head_hash text NOT NULL,
  signed_at timestamptz NOT NULL,
  key_id text NOT NULL,
  signature text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, seq)
);

CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
