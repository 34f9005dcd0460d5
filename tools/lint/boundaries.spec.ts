/**
 * The boundary lint (eslint.config.mjs) fires on each deliberate violation in ./fixtures and stays
 * quiet on clean code. Each fixture is linted, with the real config, as if it sat at `as`: the rules a
 * real file there gets. `npm run lint` itself ignores ./fixtures (asserted below).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
interface Expected {
  ruleId: string;
  /** a part of the message that names the violation */
  says: string;
}
/** `no-restricted-imports` refusing the import of `module` */
const banned = (module: string): Expected => ({ ruleId: 'no-restricted-imports', says: `'${module}' import is restricted` });
/** `@nx/enforce-module-boundaries`: a relative path into another project */
const crossesProject: Expected = { ruleId: '@nx/enforce-module-boundaries', says: 'cannot be imported by a relative or absolute path' };
/** `@nx/enforce-module-boundaries`: a dependency the project's tags do not allow */
const tagRefuses = (tag: string): Expected => ({
  ruleId: '@nx/enforce-module-boundaries',
  says: `A project tagged with "${tag}" can only depend on libs tagged with`,
});
const TYPEORM = [banned('@nestjs/typeorm'), banned('typeorm')];

interface Case {
  /** what the row proves */
  rule: string;
  fixture: string;
  as: string;
  /** one per violation, in source order */
  expected: Expected[];
}

const CASES: Case[] = [
  // libs/domain and libs/workflow import no framework and depend on libraries only
  {
    rule: 'a library imports no framework, database, queue or UI package',
    fixture: 'lib-imports-framework.ts',
    as: 'libs/domain/src/lint-fixture.ts',
    expected: ['@nestjs/common', '@nestjs/typeorm', 'typeorm', 'react', 'react-dom/client', 'bullmq', 'ioredis', 'pg'].map(banned),
  },
  {
    rule: 'a library reaches into no app, by path or by package',
    fixture: 'lib-imports-app.ts',
    as: 'libs/workflow/src/lint-fixture.ts',
    expected: [crossesProject, tagRefuses('type:lib')],
  },
  { rule: 'a library may use another library and its own files', fixture: 'clean-lib.ts', as: 'libs/workflow/src/lint-fixture.ts', expected: [] },

  // the admin imports no API code
  {
    rule: 'the admin imports no API source, package, test kit or TypeORM',
    fixture: 'admin-imports-api.tsx',
    as: 'apps/admin/src/lint-fixture.tsx',
    expected: [crossesProject, banned('@jimukyoku/api'), banned('@jimukyoku/api/testing'), banned('typeorm')],
  },
  {
    rule: "the admin's browser tests import nothing of apps/api by path",
    fixture: 'admin-e2e-imports-api.ts',
    as: 'apps/admin/e2e/lint-fixture.e2e.ts',
    expected: [crossesProject, crossesProject],
  },
  {
    rule: "the admin's browser tests may use the API's test kit",
    fixture: 'admin-e2e-uses-test-kit.ts',
    as: 'apps/admin/e2e/lint-fixture.e2e.ts',
    expected: [],
  },
  { rule: 'the admin may use react-admin, MUI and the libraries', fixture: 'clean-admin.tsx', as: 'apps/admin/src/lint-fixture.tsx', expected: [] },

  // only repositories touch TypeORM
  ...[
    'modules/rounds/lint-fixture.service.ts',
    'modules/rounds/lint-fixture.controller.ts',
    'modules/schedules/lint-fixture.job.ts',
    'auth/lint-fixture.guard.ts',
    'common/lint-fixture.ts',
  ].map((file): Case => ({ rule: `no TypeORM in ${file}`, fixture: 'service-imports-typeorm.ts', as: `apps/api/src/${file}`, expected: TYPEORM })),
  {
    rule: 'a module may register entities, nothing more',
    fixture: 'service-imports-typeorm.ts',
    as: 'apps/api/src/modules/rounds/lint-fixture.module.ts',
    expected: [banned('typeorm')],
  },
  { rule: 'a module registers its entities', fixture: 'module-registers-entities.ts', as: 'apps/api/src/modules/rounds/lint-fixture.module.ts', expected: [] },
  ...[
    'apps/api/src/modules/rounds/lint-fixture.repository.ts',
    'apps/api/src/modules/rounds/lint-fixture.entity.ts',
    'apps/api/src/database/lint-fixture.ts',
    'apps/api/src/seed/lint-fixture.seed.ts',
    'apps/api/src/cli/lint-fixture.ts',
    'apps/api/src/testing/lint-fixture.ts',
    'apps/api/src/modules/rounds/lint-fixture.spec.ts',
    'apps/api/src/modules/rounds/__tests__/lint-fixture.ts',
    'apps/api/test/lint-fixture.e2e.ts',
    'migrations/1799999999999-LintFixture.ts',
  ].map((as): Case => ({ rule: `TypeORM is allowed in ${as}`, fixture: 'repository-uses-typeorm.ts', as, expected: [] })),
];

interface Message {
  ruleId: string | null;
  message: string;
  line: number;
}
interface Result {
  fixture: string;
  as: string;
  ignoredInPlace: boolean;
  messages: Message[];
}

let results: Result[];

beforeAll(() => {
  // one child process for all rows: loading ESLint, typescript-eslint and the Nx graph takes seconds
  const input = CASES.map((c) => ({ fixture: `tools/lint/fixtures/${c.fixture}`, as: c.as }));
  const out = execFileSync(process.execPath, [path.join(__dirname, 'lint-as.mjs'), JSON.stringify(input)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  results = JSON.parse(out);
}, 180_000);

describe('boundary lint', () => {
  it.each(CASES.map((c, i) => [c.rule, i] as const))('%s', (_rule, i) => {
    const { expected } = CASES[i];
    const { messages } = results[i];
    // every message is listed on failure, so a parse error or an unexpected rule shows up here
    expect(messages.map((m) => `${m.line}: ${m.ruleId}: ${m.message}`)).toHaveLength(expected.length);
    expected.forEach(({ ruleId, says }, n) => {
      expect(messages[n].ruleId).toBe(ruleId);
      expect(messages[n].message).toContain(says);
    });
  });

  it('`npm run lint` skips the fixtures (they are linted only here)', () => {
    expect(results.filter((r) => !r.ignoredInPlace).map((r) => r.fixture)).toEqual([]);
  });
});
