/**
 * The smoke suite (npm run test:smoke): the whole system on the production Temporal server
 * (PostgreSQL persistence, scripts/ensure-temporal-server.sh) instead of the dev server, through
 * the API as a user would use it, with a worker killed, a second worker, and a stalled one.
 * Files end in .smoke.ts so that `npm test` does not run them.
 */
const base = require('../../jest.config.js');

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname + '/../..',
  testMatch: ['<rootDir>/tests/smoke/**/*.smoke.ts'],
  transform: base.transform,
  reporters: [
    'default',
    ['<rootDir>/tests/helpers/summary-reporter.js', { label: 'smoke', file: 'smoke-summary.txt' }],
  ],
  testTimeout: 600_000,
  maxWorkers: 1,
  forceExit: true,
  modulePathIgnorePatterns: base.modulePathIgnorePatterns,
};
