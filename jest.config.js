// `npm test` runs every project's tests in one jest run: the boundary lint and the pure libraries
// first, then the API's integration/e2e suites against the real PostgreSQL and Redis, then the admin's browser tests.
module.exports = {
  projects: [
    '<rootDir>/tools/lint',
    '<rootDir>/libs/domain',
    '<rootDir>/libs/workflow',
    '<rootDir>/apps/api',
    '<rootDir>/apps/admin',
    '<rootDir>/apps/admin/e2e',
  ],
  // a global option (ignored inside projects): e2e hooks boot the app and migrate a database
  testTimeout: 60_000,
  // two test files at once even on two cores (jest's default there is one): an e2e suite waits on PostgreSQL,
  // Redis or Chromium much of its time; each has its own database and Redis prefix. 1,545 s → 1,266 s on 2 cores.
  maxWorkers: Math.max(2, require('node:os').availableParallelism() - 1),
  reporters: ['default', '<rootDir>/.ci/jest-summary-reporter.js'],
};
