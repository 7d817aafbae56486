#!/bin/sh
# Run once by the postgres image on a new volume (docker-entrypoint-initdb.d), as POSTGRES_USER
# (`duban`, the owner: it runs the migrations through DATABASE_OWNER_URL). Creates the
# application's own role, `duban_app` (DATABASE_URL), which the owner grants at each start only
# what it needs: INSERT and SELECT on the timeline, never UPDATE, DELETE, TRUNCATE or ownership.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="${DUBAN_APP_DB_PASSWORD:-duban_app}" <<'SQL'
CREATE ROLE duban_app LOGIN PASSWORD :'app_password';
GRANT CONNECT ON DATABASE duban TO duban_app;
SQL
