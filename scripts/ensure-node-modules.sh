#!/usr/bin/env bash
# Installs the npm dependencies with `npm ci` when node_modules is missing or older than the lock file.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$DUBAN_ROOT"
marker=node_modules/.package-lock.json
if [ ! -f "$marker" ] || [ package-lock.json -nt "$marker" ]; then
  command -v npm >/dev/null 2>&1 || die "npm is not installed: install Node.js 20 (with npm)."
  log "installing npm dependencies (npm ci)…"
  npm ci --no-audit --no-fund >&2 || die "npm ci failed"
fi
