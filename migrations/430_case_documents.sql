-- Statutory documents (法律文书) of a case: drafted from the case's data, issued once with a
-- number (文号) and never changed afterwards; a later version supersedes an earlier one.
CREATE TABLE case_documents (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id),
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  kind text NOT NULL,
  -- What the document concerns within its kind (e.g. the organ a recommendation goes to).
  subject text NOT NULL DEFAULT '',
  title text NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  status text NOT NULL CHECK (status IN ('draft', 'issued', 'superseded')),
  number text,
  number_year integer,
  number_seq integer,
  superseded_by text REFERENCES case_documents (id),
  superseded_reason text,
  template_id text NOT NULL,
  template_version integer NOT NULL,
  data jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  issued_by text,
  issued_at timestamptz,
  -- The decision that issued it (case and timeline entry), so a retried issue finds its documents.
  issue_key text,
  content bytea,
  sha256 text,
  CHECK (status <> 'issued' OR (number IS NOT NULL AND content IS NOT NULL AND sha256 IS NOT NULL
    AND issued_by IS NOT NULL AND issued_at IS NOT NULL))
);
CREATE INDEX case_documents_case ON case_documents (case_id, created_at);
CREATE UNIQUE INDEX case_documents_number ON case_documents (procuratorate_id, number)
  WHERE number IS NOT NULL;

-- An issued document is never changed: only the move to superseded (with who replaces it and why)
-- is allowed, and nothing may be deleted.
CREATE FUNCTION case_documents_issued_are_final() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'issued document % cannot be deleted', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'issued' AND NOT (
    NEW.status = 'superseded' AND NEW.superseded_reason IS NOT NULL
    AND (to_jsonb(NEW) - 'status' - 'superseded_by' - 'superseded_reason')
      = (to_jsonb(OLD) - 'status' - 'superseded_by' - 'superseded_reason')
  ) THEN
    RAISE EXCEPTION 'issued document % cannot be changed', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status = 'superseded' THEN
    RAISE EXCEPTION 'superseded document % cannot be changed', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER case_documents_final BEFORE UPDATE OR DELETE ON case_documents
  FOR EACH ROW EXECUTE FUNCTION case_documents_issued_are_final();

-- How a procuratorate numbers its documents: its short name (e.g. 浦检) and each kind's code
-- (e.g. {"recommendation": "行公建"}); absent rows fall back to defaults derived from its name.
CREATE TABLE procuratorate_document_settings (
  procuratorate_id text PRIMARY KEY REFERENCES procuratorates (id),
  short_name text NOT NULL,
  kind_codes jsonb NOT NULL DEFAULT '{}',
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The last number given per procuratorate, kind and year; locked by the transaction that issues.
CREATE TABLE document_number_counters (
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  kind text NOT NULL,
  year integer NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (procuratorate_id, kind, year)
);
