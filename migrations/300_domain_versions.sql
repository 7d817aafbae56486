-- Domains are versioned by (code, version): a change is a new version, never an edit, so the
-- version in force when a case was registered stays readable as it was. Each version added
-- through the API records the admin who added it; the fifteen of 002 have none.
ALTER TABLE domains ADD COLUMN created_by text REFERENCES users (id);
ALTER TABLE domains ADD CONSTRAINT domains_some_track CHECK (allows_administrative OR allows_civil);
ALTER TABLE domains ADD CONSTRAINT domains_min_level CHECK (min_level IN ('district', 'city'));

CREATE FUNCTION domains_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'domains is versioned: % is not allowed, add a version instead', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER domains_no_update BEFORE UPDATE OR DELETE ON domains
  FOR EACH ROW EXECUTE FUNCTION domains_append_only();
