// Lints source text as if it were a file at another path of the workspace, with the real
// eslint.config.mjs, and prints ESLint's results as JSON. tools/lint/boundaries.spec.ts runs it in a
// child process: jest's module sandbox cannot load an ES-module config file, plain Node can.
//
//   node tools/lint/lint-as.mjs '[{ "fixture": "tools/lint/fixtures/x.ts", "as": "libs/domain/src/x.ts" }]'
//
// A fixture keeps its violation in tools/lint/fixtures (ignored by `npm run lint`); linted "as" a
// path under apps/ or libs/, it gets exactly the rules a real file there gets. The path need not exist.
import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cases = JSON.parse(process.argv[2] ?? '[]');

// @nx/enforce-module-boundaries reads the cached project graph (projects and their tags): refresh it
await createProjectGraphAsync({ exitOnError: true });

const eslint = new ESLint({ cwd: root });
const results = [];
for (const { fixture, as } of cases) {
  const [result] = await eslint.lintText(readFileSync(path.join(root, fixture), 'utf8'), { filePath: path.join(root, as), warnIgnored: true });
  results.push({
    fixture,
    as,
    // the fixture where it lies must be skipped by `npm run lint`
    ignoredInPlace: await eslint.isPathIgnored(path.join(root, fixture)),
    messages: result.messages.map(({ ruleId, message, line, severity }) => ({ ruleId, message, line, severity })),
  });
}
process.stdout.write(JSON.stringify(results));
