-- The case list reads a page in the order it shows it, from an index, instead of sorting every case
-- of the procuratorate: by next deadline (a case with none last), within a stage or not, and by
-- registration. The indexes they replace served only their first columns; no new column is
-- indexed, so a timeline write that changes none of them still updates its row in place.
DROP INDEX cases_next_due;
CREATE INDEX cases_next_due ON cases (procuratorate_id, (COALESCE(next_due, DATE '9999-12-31')), id);
DROP INDEX cases_scope;
CREATE INDEX cases_scope ON cases (procuratorate_id, stage, (COALESCE(next_due, DATE '9999-12-31')), id);
CREATE INDEX cases_created ON cases (procuratorate_id, created_at, id);
