#!/usr/bin/env bash
# npm run build: what the image runs, with no TypeScript and no webpack left to do at start —
# the compiled JavaScript (dist/), the workflow bundle (dist/workflow-bundle.js) and the web
# application (web/dist). dist/ is emptied first, so no file of a moved module lingers there.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$DUBAN_ROOT"
rm -rf dist
log "compiling the TypeScript (dist/)…"
node node_modules/typescript/bin/tsc -p tsconfig.build.json
node --require tsx/cjs scripts/build-workflows.ts dist/workflow-bundle.js
bash scripts/build-web.sh
