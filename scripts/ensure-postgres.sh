#!/usr/bin/env bash
# Starts a PostgreSQL server (Debian's package) and prints its DATABASE_URL: a new one in an empty
# <data-dir> (with the roles duban_owner and duban_app and the database duban), or the one whose
# data <data-dir> already holds. On <port>, or a free port. Installs the package when it is
# missing and apt-get is usable.
# Usage: scripts/ensure-postgres.sh <data-dir> [port]     (stop with: pg_ctl -D <data-dir> stop)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
data_dir="${1:?usage: ensure-postgres.sh <data-dir> [port]}"
port="${2:-}"

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

bin=$(find_bin || true)
if [ -z "$bin" ]; then
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and apt-get is unavailable: install PostgreSQL 15+ or set DATABASE_URL."
  log "installing Debian's postgresql package…"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 ||
    { $sudo_cmd apt-get update -q >&2 && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; } ||
    die "apt-get install postgresql failed"
  bin=$(find_bin) || die "postgresql installed but initdb was not found"
fi

# PostgreSQL refuses to run as root: run it as the 'postgres' system user then.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

[ -n "$port" ] || port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
start_server() {
  as_owner "$bin/pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -w -t 60 \
    -o "-p $port -k $data_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null ||
    { cat "$data_dir/server.log" >&2; die "PostgreSQL did not start"; }
}
if [ -f "$data_dir/PG_VERSION" ]; then
  # Kept data (npm start's): start the server unless it runs already, on the same port as before.
  if as_owner "$bin/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; then
    port=$(sed -n 4p "$data_dir/postmaster.pid") # the port it runs on
  else
    start_server
  fi
  echo "postgres://postgres@127.0.0.1:$port/duban"
  exit 0
fi
mkdir -p "$data_dir"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data_dir"
as_owner "$bin/initdb" -D "$data_dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
start_server
# Least privilege as in production: duban_owner owns the database and runs the migrations
# (DATABASE_OWNER_URL), duban_app is the application's role (DATABASE_URL), granted at start.
# The URL printed is the superuser's, which the tests use to set up and to tamper.
as_owner "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
  -c "CREATE ROLE duban_owner LOGIN" -c "CREATE ROLE duban_app LOGIN" >/dev/null
as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres -O duban_owner duban
as_owner "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d duban -c "ALTER SCHEMA public OWNER TO duban_owner" >/dev/null
echo "postgres://postgres@127.0.0.1:$port/duban"
