-- Access tokens issued before a user's roles change or the user is deactivated no longer write:
-- every write compares the token's issue time with valid_after. Set by the database itself, so
-- every path that changes a user (API, CLI, demo seeding) moves it.
ALTER TABLE users ADD COLUMN valid_after timestamptz NOT NULL DEFAULT '-infinity';

CREATE FUNCTION users_move_valid_after() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.valid_after := clock_timestamp();
  RETURN NEW;
END $$;

CREATE TRIGGER users_valid_after BEFORE UPDATE OF roles, active ON users
  FOR EACH ROW WHEN (NEW.roles IS DISTINCT FROM OLD.roles OR NEW.active IS DISTINCT FROM OLD.active)
  EXECUTE FUNCTION users_move_valid_after();
