-- The narrative of a typical case (典型案例): 基本案情, 检察机关履职过程 and 典型意义, written by the
-- staff for publication. Text, not case state: whether the case is typical stays the workflow's
-- markTypical; this row is kept beside it, edited like a document draft, and read at export.
CREATE TABLE typical_narratives (
  case_id text PRIMARY KEY REFERENCES cases (id),
  basic_facts text NOT NULL,
  performance text NOT NULL,
  significance text NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL REFERENCES users (id)
);
