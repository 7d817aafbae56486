#!/usr/bin/env bash
# Prints a directory holding the Temporal server (the production engine, with PostgreSQL
# persistence), its sql tool and its PostgreSQL schema, built once per machine:
#   temporal-server, temporal-sql-tool, schema/postgresql/v12/{temporal,visibility}/versioned
# v1.29.1: the newest release the machine's Go (1.26) builds without another toolchain; the
# Temporal CLI v1.5.1 (the dev server) embeds the same server generation.
# Order: $TEMPORAL_SERVER_DIR, the repo cache, then `go install`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
if [ -n "${TEMPORAL_SERVER_DIR:-}" ]; then
  [ -x "$TEMPORAL_SERVER_DIR/temporal-server" ] || die "TEMPORAL_SERVER_DIR=$TEMPORAL_SERVER_DIR has no temporal-server"
  echo "$TEMPORAL_SERVER_DIR"
  exit 0
fi
version=v1.29.1
dir="$DUBAN_CACHE/temporal-server-$version"
if [ -f "$dir/.complete" ]; then echo "$dir"; exit 0; fi
hint="install Go (1.24+) so the Temporal server can be built, or set TEMPORAL_SERVER_DIR to a directory holding temporal-server, temporal-sql-tool and schema/."
server=$(go_tool temporal-server go.temporal.io/server/cmd/server "$version" "$hint" server)
sql_tool=$(go_tool temporal-sql-tool go.temporal.io/server/cmd/tools/sql "$version" "$hint" sql)
# The schema ships in the module's source, which go install has just put in the module cache.
module_dir=$(GOFLAGS=-mod=mod go mod download -json "go.temporal.io/server@$version" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])') ||
  die "go mod download go.temporal.io/server@$version failed: $hint"
rm -rf "$dir"
mkdir -p "$dir/schema/postgresql"
cp "$server" "$dir/temporal-server"
cp "$sql_tool" "$dir/temporal-sql-tool"
cp -r "$module_dir/schema/postgresql/v12" "$dir/schema/postgresql/v12"
chmod -R u+w "$dir/schema"
touch "$dir/.complete"
log "Temporal server $version ready in $dir"
echo "$dir"
