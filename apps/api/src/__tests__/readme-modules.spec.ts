import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * README's architecture section has a table of the API's feature modules (`| module | what it owns |`).
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
