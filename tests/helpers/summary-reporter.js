// Prints one plain line `tests: N passed, N failed` after jest's own summary and keeps it in
// .cache/test-summary.txt for CI. A suite that fails to run counts as one failed test. The fault
// suite uses it with options { label: 'faults', file: 'faults-summary.txt' }, which .ci/run adds
// to the suite's line. It also keeps each file's wall time, slowest first, in .cache/test-times.txt
// (test-times-<label>.txt for another label) and prints the ten slowest, so a suite that grows slow
// is seen in CI's own output.
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
    const times = results.testResults
      .map((s) => ({
        seconds: (s.perfStats.end - s.perfStats.start) / 1000,
        file: s.testFilePath.slice(this.rootDir.length + 1),
      }))
      .sort((a, b) => b.seconds - a.seconds)
      .map(({ seconds, file }) => `${seconds.toFixed(1).padStart(7)} s  ${file}`);
    const timesFile = this.label === 'tests' ? 'test-times.txt' : `test-times-${this.label}.txt`;
    writeFileSync(join(dir, timesFile), `${times.join('\n')}\n`);
    writeFileSync(join(dir, this.file), `${line}\n`);
    process.stdout.write(`\nslowest files (all in .cache/${timesFile}):\n${times.slice(0, 10).join('\n')}\n`);
    process.stdout.write(`\n${line}\n`);
  }
}

module.exports = SummaryReporter;
