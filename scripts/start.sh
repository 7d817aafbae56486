#!/usr/bin/env bash
# npm start: installs what is missing, then starts the whole system on embedded defaults.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$DUBAN_ROOT"
bash scripts/ensure-node-modules.sh
# Best effort: without LibreOffice documents are served as DOCX only.
bash scripts/ensure-libreoffice.sh || log "LibreOffice unavailable: documents will be served as DOCX only"
bash scripts/build-web.sh # the web application, rebuilt only when its sources changed
if [ -z "${TEMPORAL_ADDRESS:-}" ] && [ "${DUBAN_TEMPORAL:-dev}" = server ]; then
  # The production Temporal server, with Debian's PostgreSQL for its state.
  TEMPORAL_SERVER_DIR=$(bash scripts/ensure-temporal-server.sh)
  export TEMPORAL_SERVER_DIR
elif [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  [ "${DUBAN_TEMPORAL:-dev}" = dev ] || die "DUBAN_TEMPORAL=${DUBAN_TEMPORAL} is neither dev nor server"
  TEMPORAL_CLI_PATH=$(bash scripts/ensure-temporal-cli.sh)
  export TEMPORAL_CLI_PATH
fi
exec node --require tsx/cjs dev/start.ts "$@"
