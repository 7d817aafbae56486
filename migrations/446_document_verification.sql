-- Anyone holding a paper copy of an issued document can check it is genuine at /verify/<token>:
-- the token is random (not derived from the case or the number), given when the document is
-- issued and printed on it as a QR code. issued_on is the date the document bears (its 落款).
ALTER TABLE case_documents ADD COLUMN verification_token text;
ALTER TABLE case_documents ADD COLUMN issued_on date;
CREATE UNIQUE INDEX case_documents_verification_token ON case_documents (verification_token)
  WHERE verification_token IS NOT NULL;
