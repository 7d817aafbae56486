-- Bulk import of existing cases from a workbook (既往案件批量导入). A job is one uploaded file being
-- imported in the background, with its progress; a row is one case of it, keyed by its 原案号 in
-- the procuratorate, so that importing the same file again creates nothing twice and an import cut
-- off half way resumes at the action it had reached.
CREATE TABLE case_import_jobs (
  id text PRIMARY KEY,
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  created_by text NOT NULL REFERENCES users (id),
  file_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
  total integer NOT NULL,
  processed integer NOT NULL DEFAULT 0,
  created integer NOT NULL DEFAULT 0,
  skipped integer NOT NULL DEFAULT 0,
  failed integer NOT NULL DEFAULT 0,
  -- Per row that did not simply succeed: { row, key, status, message }.
  problems jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Last sign of life: a job whose process went away stops touching it, and its rows may be
  -- taken over by a later import of the same file.
  touched_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

CREATE TABLE case_import_rows (
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  row_key text NOT NULL,
  job_id text NOT NULL REFERENCES case_import_jobs (id),
  case_id text,
  -- How many of the row's planned actions the case workflow has taken.
  steps_done integer NOT NULL DEFAULT 0,
  steps_total integer NOT NULL,
  completed_at timestamptz,
  PRIMARY KEY (procuratorate_id, row_key)
);
