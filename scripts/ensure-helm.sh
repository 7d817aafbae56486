#!/usr/bin/env bash
# Prints the path of Helm (to lint and render the chart in deploy/helm), building it once per machine.
# Order: $HELM_PATH, the repo cache, the per-user cache, then `go install` (v4.3.2: the
# maintained major version; v3.22.0 is not served to every build machine).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
use_path_from HELM_PATH
go_tool helm helm.sh/helm/v4/cmd/helm v4.3.2 "install Go (1.24+) so Helm can be built, or set HELM_PATH to a helm binary (v3.18+ or v4)."
