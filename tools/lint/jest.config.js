// The boundary lint's own test: eslint.config.mjs reports the deliberate violations in ./fixtures.
module.exports = { ...require('../../jest.preset.js'), displayName: 'lint', rootDir: __dirname, testMatch: ['<rootDir>/**/*.spec.ts'] };
