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

apt_install "install Debian's libreoffice-writer-nogui, fonts-noto-cjk and poppler-utils." "${missing[@]}"
command -v soffice >/dev/null 2>&1 || die "libreoffice-writer-nogui was installed but soffice is not on PATH"
