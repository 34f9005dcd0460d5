// Shared jest settings: swc transpiles TypeScript (with decorator metadata for NestJS/TypeORM),
// and the libraries resolve to their sources so tests never need a prior build.
const path = require('node:path');
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.$schema;

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@jimukyoku/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@jimukyoku/domain/zengin$': path.join(__dirname, 'libs/domain/src/payment/zengin/index.ts'),
    '^@jimukyoku/workflow$': path.join(__dirname, 'libs/workflow/src/index.ts'),
    '^@jimukyoku/migrations$': path.join(__dirname, 'migrations/index.ts'),
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
