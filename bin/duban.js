#!/usr/bin/env node
'use strict';
// In a checkout, runs the TypeScript CLI in place through tsx's CommonJS loader, so that it
// never runs a stale build. In a production install (no devDependencies, so no tsx), runs the
// compiled CLI that `npm run build` wrote to dist/.
let tsx = true;
try {
  require.resolve('tsx/cjs');
} catch {
  tsx = false;
}
if (tsx) {
  require('tsx/cjs');
  require('../cli/main.ts').runFromProcess();
} else {
  require('../dist/cli/main.js').runFromProcess();
}
