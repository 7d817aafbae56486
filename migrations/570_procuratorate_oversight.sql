-- The procuratorate above: its oversight role reads the tree below it, receives the 备案 filed
-- with it, and assigns cases (上级交办) to a lower procuratorate that then runs them.
CREATE INDEX IF NOT EXISTS procuratorates_parent ON procuratorates (parent_id);

-- A case assigned from above: the lower procuratorate runs it, the assigning one follows it.
CREATE TABLE case_assignments (
  case_id text PRIMARY KEY REFERENCES case_creations (case_id),
  assigned_by_procuratorate text NOT NULL REFERENCES procuratorates (id),
  assigned_by text NOT NULL REFERENCES users (id),
  assigned_at timestamptz NOT NULL DEFAULT now(),
  instructions text
);
CREATE INDEX case_assignments_by ON case_assignments (assigned_by_procuratorate);

-- A 备案 (a recommendation's, or a suspension decision's) that the procuratorate above has
-- seen: it leaves that procuratorate's inbox. The filing itself is the case's timeline entry.
CREATE TABLE filing_receipts (
  procuratorate_id text NOT NULL REFERENCES procuratorates (id),
  case_id text NOT NULL,
  seq integer NOT NULL,
  acknowledged_by text NOT NULL REFERENCES users (id),
  acknowledged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (procuratorate_id, case_id, seq)
);
