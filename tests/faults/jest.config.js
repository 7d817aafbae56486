/**
 * The fault suite (npm run test:faults): each file starts a whole installation of its own
 * (PostgreSQL, a file-persisted Temporal dev server, SMTP, worker and API processes), breaks
 * it, and checks the shared oracle. Files end in .fault.ts so that `npm test` does not run them.
 */
const base = require('../../jest.config.js');

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname + '/../..',
  testMatch: ['<rootDir>/tests/faults/**/*.fault.ts'],
  transform: base.transform,
  reporters: [
    'default',
    ['<rootDir>/tests/helpers/summary-reporter.js', { label: 'faults', file: 'faults-summary.txt' }],
  ],
  testTimeout: 900_000,
  // The scenarios kill and restart servers and measure recovery: one at a time on 2 cores.
  maxWorkers: 1,
  // A scenario that failed may leave a load loop retrying against a stopped API.
  forceExit: true,
  modulePathIgnorePatterns: base.modulePathIgnorePatterns,
};
