import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * README's architecture section names every top-level directory of apps/api/src (`config/`, …, `modules/<feature>/`
 * in the paragraph before the module table), and has a table of the API's feature modules (`| module | what it owns |`).
 * It must name every directory under apps/api/src/modules/ (read at run time) and nothing else; a row may
 * name several modules (`users`, `audit`), each in backticks in the first cell.
 */
const ROOT = join(__dirname, '../../../..');
const MODULES_DIR = join(ROOT, 'apps/api/src/modules');

function moduleTable(): string[] {
  const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  const header = lines.findIndex((l) => /^\| module \| what it owns \|$/.test(l));
  if (header < 0) throw new Error('README has no "| module | what it owns |" table');
  const rows: string[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const first = line.split(' | ')[0].replace(/^\| /, '');
    rows.push(...[...first.matchAll(/`([^`]+)`/g)].map((m) => m[1]));
  }
  return rows;
}

const moduleDirectories = () =>
  readdirSync(MODULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('__'))
    .map((d) => d.name)
    .sort();

describe("README's module table", () => {
  const listed = moduleTable();

  it('names each module once', () => {
    expect(listed.filter((m, i) => listed.indexOf(m) !== i)).toEqual([]);
  });

  it('lists every directory under apps/api/src/modules', () => {
    expect(moduleDirectories().filter((d) => !listed.includes(d))).toEqual([]);
  });

  it('lists no module that does not exist', () => {
    const dirs = moduleDirectories();
    expect(listed.filter((m) => !dirs.includes(m)).sort()).toEqual([]);
  });
});

describe("README's paragraph on apps/api/src", () => {
  it('names every top-level directory of apps/api/src', () => {
    const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const marker = 'Inside `apps/api/src`:';
    const start = text.indexOf(marker);
    expect(start).toBeGreaterThan(-1);
    const paragraph = text.slice(start + marker.length, text.indexOf('\n\n', start));
    const named = [...paragraph.matchAll(/`([\w-]+)\/[^`]*`/g)].map((m) => m[1]);
    const directories = readdirSync(join(ROOT, 'apps/api/src'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('__'))
      .map((d) => d.name);
    expect(directories.filter((d) => !named.includes(d))).toEqual([]);
    expect(named.filter((n) => !directories.includes(n))).toEqual([]);
  });
});
