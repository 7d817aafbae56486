-- A registration sent again with the same Idempotency-Key (after a 202, a timeout or a lost
-- answer) finds the case it already numbered instead of numbering a second one.
ALTER TABLE case_creations ADD COLUMN request_key text;
CREATE UNIQUE INDEX case_creations_request_key ON case_creations (procuratorate_id, request_key)
  WHERE request_key IS NOT NULL;
