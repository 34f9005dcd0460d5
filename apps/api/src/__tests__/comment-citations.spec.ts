import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * Comments and docs cite only files that exist in this repository, and never anything outside it
 * (`../shared`, a session's notes). Scanned: the comments of every .ts/.tsx/.mjs/.js/.cjs file and every
 * shell script (`#` comments) under apps, libs, migrations, bench, tools, docker and .ci, the root's config
 * files, and the whole text of every Markdown file. Build outputs, node_modules and lint fixtures are not.
 *
 * What counts as a citation (paths are runs of `/`-separated segments of letters, digits, `_`, `-`, `.`):
 * - a path that starts with a directory of the repository's top level (`apps/…`, `libs/…`, `migrations/…`,
 *   `bench/…`, `docs/…`, `tools/…`, `docker/…`, `.ci/…`), with `test/…`, `src/…`, `e2e/…`, or with `./` or
 *   `../`: it must exist;
 * - any other path that ends in a file name with an extension and whose first directory exists where it is
 *   looked for (`database/connection-faults.ts`, `seed/seed-runner.ts`): it must exist;
 * - a bare file name with a code extension (`faults-postgres.e2e.ts`, `harness.ts`): some file of that name
 *   must exist in the repository.
 * A path is looked for relative to the repository, the citing file's directory, its package (the nearest
 * directory with a package.json) and that package's `src/`; a file at the repository's top (README.md) may
 * cite relative to any package or its `src/`. A build output (`dist/…/x.js`) is looked for as its source
 * (`src/…/x.ts`); an elided path (`apps/api/…/quotes.service.ts`) needs its file name to exist.
 * Not citations: URLs, package specifiers (`@nestjs/common`, `node:fs`), API routes (`/api/…`), string
 * literals (a path right after a quote, as in an example `import … from './RoundList'`), globs and
 * placeholders (a path followed by `*`, `<`, `{`, `(`).
 */
const ROOT = join(__dirname, '../../../..');
const SCANNED_DIRS = ['apps', 'libs', 'migrations', 'bench', 'tools', 'docker', '.ci'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', '.nx', '.git', 'var', 'tmp']);
/** deliberate lint violations, not documentation */
const SKIPPED_PATHS = new Set(['tools/lint/fixtures']);
const CODE = new Set(['.ts', '.tsx', '.mts', '.cts', '.mjs', '.js', '.cjs']);
const ROOTS = ['apps', 'libs', 'migrations', 'bench', 'docs', 'tools', 'docker', '.ci', 'test', 'src', 'e2e'];
/** A citation of the sessions' shared notes, outside the repository. */
const OUTSIDE = /(?:\.\.\/|\/work\/|(?<![\w/.-]))shared\/\S*|\bshared (?:STACK|STYLE|notes)\b/;
const FILE_EXTENSIONS = 'ts|tsx|mts|cts|mjs|js|cjs|sh|md|json|sql|yml|yaml|csv|xlsx|html';

function walk(dir: string, out: string[]) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (SKIPPED_DIRS.has(entry.name) || SKIPPED_PATHS.has(relative(ROOT, path))) continue;
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

const isShell = (file: string) => extname(file) === '.sh' || (extname(file) === '' && readFileSync(file, 'utf8').startsWith('#!/'));

/** The repository's files that may cite others. */
function scannedFiles(): string[] {
  const files = SCANNED_DIRS.filter((d) => existsSync(join(ROOT, d))).flatMap((d) => walk(join(ROOT, d), []));
  const top = readdirSync(ROOT, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(ROOT, e.name));
  return [...files, ...top].filter((f) => CODE.has(extname(f)) || extname(f) === '.md' || isShell(f));
}

/** The text of every comment in a TypeScript/JavaScript file (found by the TypeScript parser, so strings are not comments). */
function codeComments(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, extname(file) === '.tsx' ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const seen = new Set<number>();
  const comments: string[] = [];
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) {
      if (seen.has(r.pos)) continue;
      seen.add(r.pos);
      comments.push(text.slice(r.pos, r.end));
    }
  };
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
    node.getChildren(source).forEach(visit);
  };
  visit(source);
  return comments;
}

/** `#` comments of a shell script (not the shebang, not `$#` or `${#…}`). */
const shellComments = (text: string) =>
  text
    .split('\n')
    .filter((l) => !l.startsWith('#!'))
    .map((l) => /(?:^|\s)#(?![{#])(.*)$/.exec(l)?.[1])
    .filter((c): c is string => c !== undefined);

const PATH = /(?<![\w@:/.\-~\]'"…])((?:\.{1,2}\/)*(?:[\w.\-…]+\/)+[\w.\-…]*)(?![\w.\-/*<{…(])/g;
const BARE_FILE = /(?<![\w@:/.\-~'"…])([\w-]+(?:\.[\w-]+)*\.(?:ts|tsx|mts|mjs|cjs|sh))(?![\w/(.-])/g;
const HAS_FILE_NAME = new RegExp(`\\.(?:${FILE_EXTENSIONS})$`);

/** The package directory (nearest package.json) of a file. */
function packageOf(file: string): string {
  let dir = dirname(file);
  while (dir.startsWith(ROOT) && dir !== ROOT) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return ROOT;
}

let allNames: Set<string> | undefined;
const repositoryFileNames = () => (allNames ??= new Set(walk(ROOT, []).map((f) => basename(f))));

let packages: string[] | undefined;
/** Every workspace package directory (apps/*, libs/*, migrations). */
const workspacePackages = () =>
  (packages ??= walk(ROOT, [])
    .filter((f) => basename(f) === 'package.json' && dirname(f) !== ROOT)
    .map((f) => dirname(f)));

/** Where a file's citations are looked for. */
function basesOf(from: string): string[] {
  const pkg = packageOf(from);
  const bases = [ROOT, dirname(from), pkg, join(pkg, 'src')];
  if (pkg === ROOT) for (const p of workspacePackages()) bases.push(p, join(p, 'src'));
  return bases;
}

function resolves(citation: string, bases: string[]): boolean {
  const path = citation.replace(/\/$/, '');
  if (/…|\/\.\.\.\//.test(path)) return repositoryFileNames().has(basename(path));
  const candidates = [path];
  const built = /(?:^|\/)dist\/(.*)\.js$/.exec(path);
  if (built) candidates.push(path.replace(/(^|\/)dist\/.*$/, `$1src/${built[1]}.ts`));
  return bases.some((b) => candidates.some((c) => existsSync(join(b, c))));
}

interface Citation {
  file: string;
  citation: string;
}

/** The paths a comment cites that do not exist (see the rules at the top). */
function brokenCitations(text: string, from: string): string[] {
  const bases = basesOf(from);
  const broken: string[] = [];
  for (const m of text.matchAll(PATH)) {
    const path = m[1].replace(/[.,;:]+$/, '');
    if (path.endsWith('…')) continue; // `apps/…`: anything under apps/
    const segments = path.split('/').filter((x) => x !== '');
    const first = segments.find((x) => x !== '.' && x !== '..') ?? '';
    if (segments.some((x) => x.startsWith('.') && !['.', '..', '.ci'].includes(x))) continue; // `.ts/.tsx`, not a path
    const rooted = ROOTS.includes(first) || path.startsWith('./') || path.startsWith('../');
    const fileLike = HAS_FILE_NAME.test(path) && bases.some((b) => existsSync(join(b, first)));
    if ((rooted || fileLike) && !resolves(path, bases)) broken.push(path);
  }
  for (const m of text.matchAll(BARE_FILE)) if (!repositoryFileNames().has(m[1])) broken.push(m[1]);
  return broken;
}

describe('comments and docs cite files that exist', () => {
  const files = scannedFiles();
  const broken: Citation[] = [];
  const outside: Citation[] = [];
  for (const file of files) {
    if (file === __filename) continue; // its rules above name patterns, not files
    const text = readFileSync(file, 'utf8');
    const where = relative(ROOT, file);
    const comments = extname(file) === '.md' ? [text] : CODE.has(extname(file)) ? codeComments(file, text) : shellComments(text);
    for (const comment of comments) {
      const shared = OUTSIDE.exec(comment);
      if (shared) outside.push({ file: where, citation: shared[0] });
      for (const citation of brokenCitations(comment, file)) if (!OUTSIDE.test(citation)) broken.push({ file: where, citation });
    }
  }

  it('scans the code base', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('cites no path that does not exist', () => {
    expect(broken).toEqual([]);
  });

  it('cites nothing outside the repository (../shared)', () => {
    expect(outside).toEqual([]);
  });
});

describe('what counts as a citation', () => {
  const readme = join(ROOT, 'README.md');
  const inApi = join(ROOT, 'apps/api/src/configure-app.ts');

  it.each([
    ['apps/api/src/no-such-file.ts', readme],
    ['see `libs/domain/src/nowhere/` for it', readme],
    ['as in database/no-such-fault.ts', inApi],
    ['(`test/no-such-harness.ts`)', readme],
    ['no-such-suite.e2e.ts pins it', readme],
    ['./no-such-sibling.ts', inApi],
  ])('flags %j', (text, from) => {
    expect(brokenCitations(text, from)).toHaveLength(1);
  });

  it.each([
    ['apps/api/src/testing/index.ts and apps/api/test/harness.ts', readme],
    ['`docker/postgres-init/` and .ci/run', readme],
    ['node apps/api/dist/main.js', readme],
    ['`modules/intake/intake-gate.middleware.ts`, `test/harness.ts`', readme],
    ['database/connection-faults.ts', inApi],
    ['apps/api/…/quotes.service.ts, apps/…', readme],
    ['https://example.jp/apps/x.ts, @nestjs/common, node:fs, /api/rounds/:id', readme],
    ["import { RoundList } from './RoundList';", readme],
    ['apps/api/test/faults-*.e2e.ts, apps/<app>/x.ts, .ts/.tsx', readme],
    ["react-admin's examples/demo/src/orders/index.ts", readme],
  ])('does not flag %j', (text, from) => {
    expect(brokenCitations(text, from)).toEqual([]);
  });
});
