#!/usr/bin/env bash
# Prints the path of a Temporal CLI (used for its dev server), building it once per machine.
# Order: $TEMPORAL_CLI_PATH, the repo cache, the per-user cache, then `go install` (v1.5.1:
# later tags carry `replace` directives and cannot be installed with `go install`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
use_path_from TEMPORAL_CLI_PATH
go_tool temporal github.com/temporalio/cli/cmd/temporal v1.5.1 \
  "install Go (1.23+) so the CLI can be built, or set TEMPORAL_CLI_PATH to a temporal binary (v1.5.x)."
