// @ts-check
// ESLint for the whole workspace (`npm run lint`). Besides a lean correctness set (the recommended
// JavaScript and typescript-eslint rules, no type-aware rules, nothing Prettier owns), it enforces the
// boundaries of the layout that README.md describes:
//   1. libs/domain and libs/workflow are pure: no framework, database, queue or UI package, and they
//      depend on libraries only (Nx tags in each project's package.json, rule @nx/enforce-module-boundaries);
//   2. the admin imports no API code: it talks to the API over HTTP; its browser tests may use the
//      API's test kit `@jimukyoku/api/testing`, nothing else of apps/api;
//   3. only repositories touch TypeORM: `typeorm` and `@nestjs/typeorm` are imported by
//      `*.repository.ts`, `*.entity.ts`, apps/api/src/database/**, the seeds, migrations, tests and the
//      API's test kit (apps/api/src/testing), and the CLI entry points (apps/api/src/cli) that open
//      their own connection; a `*.module.ts` may register entities (`TypeOrmModule.forFeature`) but
//      import nothing of `typeorm` itself.
// tools/lint/boundaries.spec.ts proves each rule fires on a deliberate violation (tools/lint/fixtures,
// which the normal run ignores) and stays quiet on clean code.
// @nx/enforce-module-boundaries reads Nx's cached project graph and skips itself (with a warning) when
// there is none: `npm run lint` runs `nx show projects` first, which writes it.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Packages a pure library must not import (rule 1). */
const FRAMEWORK_IMPORTS = {
  regex: '^(@nestjs/|typeorm(/|$)|react(-dom)?(/|$)|react-admin(/|$)|ra-|@mui/|@emotion/|bullmq(/|$)|ioredis(/|$)|pg(/|$)|express(/|$)|nodemailer(/|$))',
  message: 'libs/* are pure (no framework, database, queue or UI package): take plain data and return plain data; the API or the admin does the I/O.',
};

/** TypeORM, outside the files allowed to use it (rule 3). */
const TYPEORM_IMPORTS = {
  regex: '^(typeorm|@nestjs/typeorm)(/|$)',
  message:
    'Only repositories touch TypeORM: move the query into a *.repository.ts and pass the opaque Transaction from apps/api/src/database (UnitOfWork) instead of an EntityManager or DataSource.',
};

/** The API package itself (rule 2); the admin's browser tests get its test kit instead. */
const API_PACKAGE = {
  regex: '^@jimukyoku/api(/|$)',
  message: 'The admin imports no API code: call the HTTP API (the browser tests may use @jimukyoku/api/testing).',
};

/** Files of apps/api/src that may import TypeORM (rule 3). */
const TYPEORM_HOMES = [
  'apps/api/src/**/*.repository.ts',
  'apps/api/src/**/*.entity.ts',
  'apps/api/src/database/**',
  'apps/api/src/seed/**',
  // process entry points (npm start, audit:verify) that open or hand over the connection themselves
  'apps/api/src/cli/**',
  // tests and the test kit the API exports for the admin's browser tests
  'apps/api/src/testing/**',
  'apps/api/src/**/*.spec.ts',
  'apps/api/src/**/__tests__/**',
];

export default defineConfig(
  globalIgnores([
    '**/dist/**',
    '**/coverage/**',
    '**/node_modules/**',
    '.nx/**',
    'var/**',
    'tmp/**',
    // CommonJS tool configs (jest.config.js and the like): not part of the code base's layering
    '**/*.js',
    '**/*.cjs',
    // deliberate violations, linted only by tools/lint/boundaries.spec.ts
    'tools/lint/fixtures/**',
  ]),

  {
    name: 'jimukyoku/language',
    files: ['**/*.{ts,tsx,mts,cts,mjs}'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    name: 'jimukyoku/admin-browser',
    files: ['apps/admin/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },

  { ...js.configs.recommended, name: 'eslint/recommended', files: ['**/*.{ts,tsx,mts,cts,mjs}'] },
  ...tseslint.configs.recommended,
  {
    name: 'jimukyoku/correctness',
    files: ['**/*.{ts,tsx,mts,cts,mjs}'],
    rules: {
      // `_name` marks a parameter or destructured part kept for its position or to leave it out of a rest
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `(await repo.find(id, tx)) ?? notFound('…')` asserts presence (notFound throws)
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },

  {
    name: 'jimukyoku/react-hooks',
    files: ['apps/admin/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // the two classic rules only (the plugin's recommended set adds the React Compiler's checks)
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    name: 'jimukyoku/tests',
    files: ['apps/api/test/**', 'apps/admin/e2e/**', '**/*.spec.{ts,tsx}', '**/__tests__/**', 'tools/**'],
    // fuzzing and fault injection hand deliberately ill-typed values to the app
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  // Rule 1 and the direction of dependencies between projects (tags in each package.json `nx.tags`).
  {
    name: 'jimukyoku/module-boundaries',
    files: ['**/*.{ts,tsx,mts,cts,mjs}'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          // the API's test kit for the admin's browser tests; rule 2 keeps it out of everything else
          allow: ['@jimukyoku/api/testing'],
          depConstraints: [
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:migrations', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:migrations'] },
            { sourceTag: 'scope:admin', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
    },
  },

  // Rule 1: pure libraries.
  {
    name: 'jimukyoku/libs-are-pure',
    files: ['libs/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [FRAMEWORK_IMPORTS, { ...API_PACKAGE, message: 'libs/* depend on libraries only.' }] }],
    },
  },

  // Rule 2: the admin imports no API code (relative paths into apps/api are refused by
  // @nx/enforce-module-boundaries, the package name here).
  {
    name: 'jimukyoku/admin-without-api',
    files: ['apps/admin/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            API_PACKAGE,
            { regex: '^(@nestjs/|typeorm(/|$))', message: 'The admin runs in the browser: no server framework or ORM; ask the HTTP API.' },
          ],
        },
      ],
    },
  },
  {
    name: 'jimukyoku/admin-e2e-uses-test-kit',
    files: ['apps/admin/e2e/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ ...API_PACKAGE, regex: '^@jimukyoku/api(?!/testing$)(/|$)' }] }],
    },
  },

  // Rule 3: only repositories touch TypeORM.
  {
    name: 'jimukyoku/typeorm-in-repositories',
    files: ['apps/api/src/**/*.{ts,tsx}'],
    ignores: [...TYPEORM_HOMES, 'apps/api/src/**/*.module.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [TYPEORM_IMPORTS] }],
    },
  },
  {
    name: 'jimukyoku/modules-register-entities-only',
    files: ['apps/api/src/**/*.module.ts'],
    ignores: TYPEORM_HOMES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^typeorm(/|$)',
              message: 'A module wires providers: it may register entities with TypeOrmModule.forFeature, queries belong in a *.repository.ts.',
            },
          ],
        },
      ],
    },
  },

  // Prettier owns the layout: switch off every stylistic rule (last, so it wins).
  prettier,
);
