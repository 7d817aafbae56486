// Prints one plain line `tests: N passed, N failed` after jest's own summary and keeps it in
// .cache/test-summary.txt for CI. A suite that fails to run counts as one failed test. The fault
// suite uses it with options { label: 'faults', file: 'faults-summary.txt' }, which .ci/run adds
// to the suite's line.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig, options = {}) {
    this.rootDir = globalConfig.rootDir;
    this.label = options.label ?? 'tests';
    this.file = options.file ?? 'test-summary.txt';
  }

  onRunComplete(_contexts, results) {
    const brokenSuites = results.testResults.filter(
      (s) => s.testExecError || (s.failureMessage && s.numFailingTests === 0),
    ).length;
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + brokenSuites;
    const line = `${this.label}: ${passed} passed, ${failed} failed`;
    const dir = join(this.rootDir, '.cache');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, this.file), `${line}\n`);
    process.stdout.write(`\n${line}\n`);
  }
}

module.exports = SummaryReporter;
