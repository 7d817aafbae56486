#!/usr/bin/env bash
# The browser of the UI's end-to-end tests: Debian's chromium (never a downloaded build), and
# CJK fonts so that screenshots show the Chinese text. Installs only what is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0

apt_install "install Debian's chromium and fonts-noto-cjk." "${missing[@]}"
[ -x /usr/bin/chromium ] || die "chromium was installed but /usr/bin/chromium is missing"
