#!/usr/bin/env node
'use strict';
// Runs the TypeScript CLI in place (no build step) through tsx's CommonJS loader.
require('tsx/cjs');
require('../cli/main.ts').runFromProcess();
