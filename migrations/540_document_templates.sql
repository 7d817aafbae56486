-- A procuratorate's own .docx templates, per document kind, versioned (1, 2, … per procuratorate
-- and kind). A template is never changed: a new upload is the next version. New drafts use the
-- latest version (or the shipped default while there is none); a draft is issued with exactly the
-- version recorded on it (case_documents template id and version), so replacing a template changes
-- later documents only. The template id on a document is '<procuratorate id>/<kind>'.
CREATE TABLE document_templates (
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  kind text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  bytes bytea NOT NULL,
  size integer NOT NULL CHECK (size >= 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (procuratorate_id, kind, version)
);
