-- An admin's return of a kind to the shipped default template: the procuratorate's uploads of the
-- kind up to and including version `through_version` are no longer used for new drafts (they stay
-- stored, and documents drafted from them are still issued with them). A later upload, whose
-- version is higher, is used again. One row per procuratorate and kind: the latest return.
CREATE TABLE document_template_resets (
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  kind text NOT NULL,
  through_version integer NOT NULL CHECK (through_version >= 0),
  reset_by text NOT NULL,
  reset_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (procuratorate_id, kind)
);
