// `faults: N passed, N failed` into .cache/faults-summary.txt, for .ci/run to add to the suite's line.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class FaultSummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const broken = results.testResults.filter(
      (s) => s.testExecError || (s.failureMessage && s.numFailingTests === 0),
    ).length;
    const failed = results.numFailedTests + broken;
    const line = `faults: ${results.numPassedTests} passed, ${failed} failed`;
    mkdirSync(join(this.rootDir, '.cache'), { recursive: true });
    writeFileSync(join(this.rootDir, '.cache', 'faults-summary.txt'), `${line}\n`);
    process.stdout.write(`\n${line}\n`);
  }
}

module.exports = FaultSummaryReporter;
