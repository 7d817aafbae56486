#!/usr/bin/env bash
# Builds the web application into web/dist when it is missing or older than its sources;
# does nothing (fast) when it is up to date. Builds into a scratch folder and swaps it in,
# under a lock, so a running server or a parallel `npm start` never sees half a build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$DUBAN_ROOT"

stamp=web/dist/index.html
sources=(web/src web/index.html web/vite.config.mts domain/case/stages.ts domain/roles.ts domain/case/payloads.ts package-lock.json)
up_to_date() {
  [ -f "$stamp" ] && [ -z "$(find "${sources[@]}" -newer "$stamp" -print -quit 2>/dev/null)" ]
}
up_to_date && exit 0

mkdir -p .cache
exec 9>.cache/web-build.lock
flock 9
up_to_date && exit 0 # built by another process while this one waited

log "building the web application (web/dist)…"
scratch=$(mktemp -d "$DUBAN_CACHE/web-build.XXXXXX")
trap 'rm -rf "$scratch" "$scratch.old"' EXIT
WEB_OUT_DIR="$scratch/dist" node node_modules/vite/bin/vite.js build --config web/vite.config.mts --logLevel warn >&2 ||
  die "building the web application failed (see the messages above)"
[ -d web/dist ] && mv web/dist "$scratch.old"
mv "$scratch/dist" web/dist
