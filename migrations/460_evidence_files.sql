-- Evidence files of a case (photos, video, PDFs, 鉴定 reports, an organ's reply scanned). A file is
-- never changed: a later file may supersede it, naming it and why. The bytes live in
-- evidence_chunks (256 KiB each, in order), written and read a chunk at a time, so neither the
-- upload nor the download holds a whole file in memory; the same table works on PostgreSQL and on
-- the embedded PGlite. The case workflow records each file on the case's timeline (`attachEvidence`
-- entries, data.file.id naming the file).
CREATE TABLE evidence_files (
  id text PRIMARY KEY,
  case_id text NOT NULL,
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  file_name text NOT NULL,
  media_type text NOT NULL,
  size bigint NOT NULL CHECK (size >= 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage text NOT NULL DEFAULT 'pg_chunks',
  recommendation_id text,
  action_seq integer,
  supersedes text REFERENCES evidence_files (id),
  supersede_reason text,
  -- Where the file came from: uploaded on the case, or a public lead's attachment.
  source text NOT NULL DEFAULT 'upload' CHECK (source IN ('upload', 'public_lead')),
  public_lead_id text,
  public_lead_n integer,
  added_by text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((supersedes IS NULL) = (supersede_reason IS NULL)),
  UNIQUE (public_lead_id, public_lead_n)
);
CREATE INDEX evidence_files_case ON evidence_files (case_id, added_at);

CREATE TABLE evidence_chunks (
  file_id text NOT NULL REFERENCES evidence_files (id) ON DELETE CASCADE,
  seq integer NOT NULL CHECK (seq >= 0),
  bytes bytea NOT NULL,
  PRIMARY KEY (file_id, seq)
);
