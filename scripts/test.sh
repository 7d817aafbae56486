#!/usr/bin/env bash
# npm test: installs what is missing, then runs the whole suite (unit, workflow, replay,
# integration, e2e) against real servers started by the suite itself.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$DUBAN_ROOT"
bash scripts/ensure-node-modules.sh
TEMPORAL_CLI_PATH=$(bash scripts/ensure-temporal-cli.sh)
TEMPORAL_TEST_SERVER_PATH=$(bash scripts/ensure-test-server.sh)
SCHEMATHESIS_PATH=$(bash scripts/ensure-schemathesis.sh)
MOTO_SERVER_PATH=$(bash scripts/ensure-moto.sh)
HELM_PATH=$(bash scripts/ensure-helm.sh)
KUBERNETES_VALIDATE_PATH=$(bash scripts/ensure-kubernetes-validate.sh)
export TEMPORAL_CLI_PATH TEMPORAL_TEST_SERVER_PATH SCHEMATHESIS_PATH MOTO_SERVER_PATH HELM_PATH KUBERNETES_VALIDATE_PATH
# The PDF tests skip (saying so) when LibreOffice is absent and cannot be installed here.
bash scripts/ensure-libreoffice.sh || log "LibreOffice unavailable: the PDF assertions will be skipped"
exec npx jest "$@"
