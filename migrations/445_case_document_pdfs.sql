-- The PDF of a document, converted once per content (a draft's content changes when it is
-- revised; an issued document's never does) and kept with the case like the DOCX itself.
CREATE TABLE case_document_pdfs (
  document_id text NOT NULL REFERENCES case_documents (id),
  docx_sha256 text NOT NULL,
  pdf bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, docx_sha256)
);
