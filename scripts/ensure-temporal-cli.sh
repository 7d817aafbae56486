#!/usr/bin/env bash
# Prints the path of a Temporal CLI (used for its dev server), building it once per machine.
# Order: $TEMPORAL_CLI_PATH, the repo cache, the per-user cache, then `go install` (v1.5.1:
# later tags carry `replace` directives and cannot be installed with `go install`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
version="v1.5.1"

use_path_from TEMPORAL_CLI_PATH

repo_bin="$DUBAN_CACHE/bin/temporal-$version"
user_bin="$DUBAN_USER_CACHE/bin/temporal-$version"
if [ -x "$repo_bin" ]; then echo "$repo_bin"; exit 0; fi
mkdir -p "$DUBAN_CACHE/bin"
if [ -x "$user_bin" ]; then
  cp "$user_bin" "$repo_bin.tmp" && mv "$repo_bin.tmp" "$repo_bin"
  echo "$repo_bin"
  exit 0
fi

command -v go >/dev/null 2>&1 || die "no Temporal CLI found and Go is not installed. Install Go (1.23+) so the CLI can be built, or set TEMPORAL_CLI_PATH to a temporal binary (v1.5.x)."
log "building the Temporal CLI $version with go install (first run only; takes a few minutes)…"
build_dir=$(mktemp -d)
trap 'rm -rf "$build_dir"' EXIT
if ! GOBIN="$build_dir" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@$version" >&2; then
  die "go install github.com/temporalio/cli/cmd/temporal@$version failed (is the Go module proxy reachable?). Set TEMPORAL_CLI_PATH to an existing temporal binary instead."
fi
mkdir -p "$DUBAN_USER_CACHE/bin"
cp "$build_dir/temporal" "$user_bin.tmp" && mv "$user_bin.tmp" "$user_bin"
cp "$build_dir/temporal" "$repo_bin.tmp" && mv "$repo_bin.tmp" "$repo_bin"
log "Temporal CLI cached at $repo_bin"
echo "$repo_bin"
