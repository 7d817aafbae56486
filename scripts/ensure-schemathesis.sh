#!/usr/bin/env bash
# Prints the path of a schemathesis executable (the outside API fuzzer of the test suite),
# installing it once into a virtualenv under .cache/. Order: $SCHEMATHESIS_PATH, the cache, pip.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
version="4.32.5"

use_path_from SCHEMATHESIS_PATH

venv="$DUBAN_CACHE/schemathesis-$version"
# The marker is written last, so an install stopped half-way is started again.
if [ -f "$venv/.installed" ]; then echo "$venv/bin/schemathesis"; exit 0; fi
command -v python3 >/dev/null 2>&1 || die "python3 is missing: install Python 3.9+ (with venv) for the API fuzzer, or set SCHEMATHESIS_PATH."
log "installing schemathesis $version into $venv (first run only)…"
rm -rf "$venv"
if ! python3 -m venv "$venv" >&2; then
  # Debian's python3 lacks venv until python3-venv is installed.
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing Debian's python3-venv…"
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >&2
  fi
  rm -rf "$venv"
  python3 -m venv "$venv" >&2 || die "python3 -m venv failed: install Debian's python3-venv, or set SCHEMATHESIS_PATH."
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version" >&2 ||
  die "pip install schemathesis==$version failed (is the package index reachable?). Set SCHEMATHESIS_PATH instead."
touch "$venv/.installed"
echo "$venv/bin/schemathesis"
