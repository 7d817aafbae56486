-- The case list pages through a procuratorate's cases in one of three orders (next deadline,
-- newest, last handled) and stops at a page: with an index in each order, a page reads about as
-- many rows as it shows instead of sorting every case of the procuratorate (a million-case register
-- took about a second a page). The list orders by these same expressions (store/case-list.ts).
CREATE INDEX cases_list_next_due ON cases (procuratorate_id, (COALESCE(next_due, DATE '9999-12-31')), id);
CREATE INDEX cases_list_created ON cases (procuratorate_id, created_at, id);
CREATE INDEX cases_list_updated ON cases (procuratorate_id, updated_at, id);
-- A stage's cases by deadline (the list's default), which also serves everything cases_scope did.
CREATE INDEX cases_list_stage ON cases (procuratorate_id, stage, (COALESCE(next_due, DATE '9999-12-31')), id);
DROP INDEX cases_scope;

-- The few cases with a provisional deadline (the predicate is the list's, store/case-list.ts).
CREATE INDEX cases_list_provisional ON cases (procuratorate_id, (COALESCE(next_due, DATE '9999-12-31')), id)
  WHERE COALESCE((summary ->> 'anyProvisional')::boolean, next_due_provisional);
-- A domain's cases, when the domain is one of many.
CREATE INDEX cases_domain ON cases (procuratorate_id, domain_code);

-- "Cases involving this organ": an organ is one of hundreds, too rare to find by walking an order.
CREATE INDEX cases_organs ON cases USING gin (organ_ids);

-- The free-text search of title and case number, where the server offers pg_trgm (see 424).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX cases_title_trgm ON cases USING gin (title gin_trgm_ops);
    CREATE INDEX cases_id_trgm ON cases USING gin (id gin_trgm_ops);
  END IF;
END
$$;
