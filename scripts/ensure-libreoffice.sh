#!/usr/bin/env bash
# The PDF of statutory documents: LibreOffice running headless (Debian's libreoffice-writer-nogui),
# CJK fonts so that the Chinese text is drawn, and poppler-utils (pdftotext, pdfinfo) for the tests.
# Installs only what is missing. Without them the product serves documents as DOCX only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
{ command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; } || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

command -v apt-get >/dev/null 2>&1 || die "${missing[*]} missing and apt-get is not available: install Debian's libreoffice-writer-nogui, fonts-noto-cjk and poppler-utils."
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "installing ${missing[*]} needs root or sudo."
  sudo_cmd=(sudo)
fi
log "installing ${missing[*]} (apt-get)…"
"${sudo_cmd[@]}" apt-get update -qq >&2 || die "apt-get update failed"
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 ||
  die "apt-get install ${missing[*]} failed"
command -v soffice >/dev/null 2>&1 || die "libreoffice-writer-nogui was installed but soffice is not on PATH"
