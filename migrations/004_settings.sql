-- Per-procuratorate policy: which of the chief's decisions a department head may take.
CREATE TABLE procuratorate_settings (
  procuratorate_id text PRIMARY KEY REFERENCES procuratorates (id),
  delegated_decisions text[] NOT NULL DEFAULT '{}'
    CHECK (delegated_decisions <@ ARRAY['filing', 'recommendation', 'litigation']::text[]),
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
