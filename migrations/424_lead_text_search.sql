-- The lead's own words (description and source detail), kept in case_creations.input, searched by
-- the case list: one generated column, and a trigram index where the server offers pg_trgm (the
-- search is the same ILIKE without it, only slower on a large register, e.g. when the role may not
-- create extensions).
ALTER TABLE case_creations ADD COLUMN lead_text text GENERATED ALWAYS AS (
  coalesce(input ->> 'description', '') || E'\n' || coalesce(input ->> 'sourceDetail', '')
) STORED;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX case_creations_lead_text_trgm ON case_creations USING gin (lead_text gin_trgm_ops);
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pg_trgm not installed (no privilege): lead text is searched without an index';
END
$$;
