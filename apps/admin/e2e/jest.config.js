// The admin's browser tests: the real API (from the API's test kit, `@jimukyoku/api/testing`, resolved to its
// sources like the libraries) serving the built admin, driven through Chromium.
const path = require('node:path');
const preset = require('../../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'admin-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  moduleNameMapper: { ...preset.moduleNameMapper, '^@jimukyoku/api/testing$': path.join(__dirname, '../../api/src/testing/index.ts') },
  // the same run lifecycle as the API's tests (run id, database and Redis cleanup: apps/api/src/testing/run-lifecycle.ts)
  globalSetup: '<rootDir>/../../api/test/global-setup.ts',
  globalTeardown: '<rootDir>/../../api/test/global-teardown.ts',
  // for `npx jest -c apps/admin/e2e/jest.config.js` alone (under the root config the root's own applies)
  testTimeout: 60_000,
};
