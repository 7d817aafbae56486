#!/usr/bin/env bash
# The browser of the UI's end-to-end tests: Debian's chromium (never a downloaded build), and
# CJK fonts so that screenshots show the Chinese text. Installs only what is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0

command -v apt-get >/dev/null 2>&1 || die "chromium is missing and apt-get is not available: install Debian's chromium and fonts-noto-cjk."
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "installing ${missing[*]} needs root or sudo."
  sudo_cmd=(sudo)
fi
log "installing ${missing[*]} (apt-get)…"
"${sudo_cmd[@]}" apt-get update -qq >&2 || die "apt-get update failed"
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 ||
  die "apt-get install ${missing[*]} failed"
[ -x /usr/bin/chromium ] || die "chromium was installed but /usr/bin/chromium is missing"
