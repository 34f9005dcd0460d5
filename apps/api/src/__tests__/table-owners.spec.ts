import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';

/**
 * One owner per table: only the owning module's repositories write a table. Pure file reading, no database.
 *
 * Owners. A table's owner is the module whose directory holds its entity: every `@Entity('table')` in an
 * `*.entity.ts` under apps/api/src (`modules/<module>/…` → `<module>`; elsewhere the top-level directory, e.g.
 * `auth/` for auth_session). Tables without an entity are in TABLES_WITHOUT_ENTITY. Every table the migrations
 * create (`CREATE TABLE x` in migrations/*.ts) must have an owner, so that map cannot fall behind.
 *
 * Writes. Every `*.repository.ts` under apps/api/src/modules/<module>/ is parsed with the TypeScript parser:
 * - SQL in string and template literals (the text of a template's parts, substitutions left out):
 *   `INSERT INTO t`, `UPDATE t`, `DELETE FROM t`, case-insensitive; `FOR UPDATE`, `FOR NO KEY UPDATE` and
 *   `ON CONFLICT … DO UPDATE` are locks and upserts of a statement already counted, not writes of their own;
 * - TypeORM calls whose first argument is an entity class: `.insert(E`, `.update(E`, `.delete(E`, `.save(E`,
 *   `.upsert(E`, `.softDelete(E`, `.create(E` (a repository's `m.save(m.create(E, …))`), `.into(E` (a query
 *   builder's insert), and any write method called on `getRepository(E)`.
 * Comments are not code and are never read. Not seen: a table name built at run time (`UPDATE ${table}`) and
 * a save of an entity instance whose class the call does not name (`m.save(row)`); write those as the
 * forms above when the table is another module's.
 */
const SRC = join(__dirname, '..');
const ROOT = join(SRC, '../../..');
const MODULES = join(SRC, 'modules');

/** Tables no entity maps, and the module whose repository writes them. */
const TABLES_WITHOUT_ENTITY: Record<string, string> = {
  idempotency_record: 'intake',
  audit_chain: 'audit',
  audit_seal_queue: 'audit',
  application_import_row: 'imports',
  manager_digest: 'schedules',
  application_count: 'pipeline',
  application_count_change: 'pipeline',
  application_intake_day: 'pipeline',
  application_intake_day_change: 'pipeline',
  assignment_count: 'pipeline',
  assignment_count_change: 'pipeline',
};

const TYPEORM_WRITES = new Set(['insert', 'update', 'delete', 'save', 'upsert', 'softDelete', 'create', 'into']);
/** `INSERT INTO t` / `UPDATE t` / `DELETE FROM t`, not the `UPDATE` of `FOR [NO KEY] UPDATE` or `DO UPDATE` */
const SQL_WRITE = /(?:\bINSERT\s+INTO|(?<!\b(?:FOR|KEY|DO)\s+)\bUPDATE|\bDELETE\s+FROM)\s+([a-z_][a-z0-9_]*)/gi;

function files(dir: string, suffix: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files(path, suffix, out);
    else if (entry.name.endsWith(suffix)) out.push(path);
  }
  return out;
}

/** `modules/<module>/…` → `<module>`; any other file under apps/api/src → its top-level directory. */
function moduleOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  return parts[0] === 'modules' ? parts[1] : parts[0];
}

interface EntityDeclaration {
  className: string;
  table: string;
  module: string;
}

/** Every `@Entity('table') … class Name` under apps/api/src. */
function entityDeclarations(): EntityDeclaration[] {
  return files(SRC, '.entity.ts').flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/@Entity\(\s*['"]([a-z_][a-z0-9_]*)['"][^)]*\)\s*export\s+class\s+(\w+)/g)].map((m) => ({
      table: m[1],
      className: m[2],
      module: moduleOf(file),
    })),
  );
}

interface Write {
  table: string;
  line: number;
  how: string;
}

/**
 * The writes of one source text: SQL in its literals and TypeORM calls naming an entity class
 * (`entityTables`: class name → table).
 */
function writesIn(text: string, entityTables: ReadonlyMap<string, string>): Write[] {
  const source = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true);
  const writes: Write[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const sql = (node: ts.Node, literal: string) => {
    for (const m of literal.matchAll(SQL_WRITE)) writes.push({ table: m[1].toLowerCase(), line: lineOf(node), how: m[0].replace(/\s+/g, ' ') });
  };
  const entityIn = (args: ts.NodeArray<ts.Expression>) => (args[0] && ts.isIdentifier(args[0]) ? entityTables.get(args[0].text) : undefined);
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) sql(node, node.text);
    else if (ts.isTemplateExpression(node)) sql(node, [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ? '));
    else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const receiver = node.expression.expression;
      const onRepository =
        ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression) && receiver.expression.name.text === 'getRepository'
          ? entityIn(receiver.arguments)
          : undefined;
      const table = TYPEORM_WRITES.has(method) ? (entityIn(node.arguments) ?? onRepository) : undefined;
      if (table) writes.push({ table, line: lineOf(node), how: `.${method}(…)` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return writes;
}

function owners(entities: EntityDeclaration[]): Map<string, string> {
  const owner = new Map(Object.entries(TABLES_WITHOUT_ENTITY));
  for (const e of entities) owner.set(e.table, e.module);
  return owner;
}

describe('one owner per table', () => {
  const entities = entityDeclarations();
  const owner = owners(entities);
  const entityTables = new Map(entities.map((e) => [e.className, e.table]));
  const repositories = files(MODULES, '.repository.ts');
  const writes = repositories.flatMap((file) =>
    writesIn(readFileSync(file, 'utf8'), entityTables).map((w) => ({ ...w, file: relative(SRC, file), module: moduleOf(file) })),
  );

  it('reads the entities, the repositories and their writes', () => {
    expect(entities.length).toBeGreaterThan(10);
    expect(repositories.length).toBeGreaterThan(10);
    expect(writes.some((w) => w.module === 'assignments' && w.table === 'application_assignment')).toBe(true);
  });

  it('knows the owner of every table the migrations create', () => {
    const created = readdirSync(join(ROOT, 'migrations'))
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        [...readFileSync(join(ROOT, 'migrations', f), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_][a-z0-9_]*)/g)].map((m) => m[1]),
      );
    expect(created.length).toBeGreaterThan(10);
    expect([...new Set(created)].filter((t) => !owner.has(t))).toEqual([]);
  });

  it('has no table declared by two entities', () => {
    const tables = entities.map((e) => e.table);
    expect(tables.filter((t, i) => tables.indexOf(t) !== i)).toEqual([]);
  });

  it('has every repository write only tables its module owns', () => {
    const wrong = writes
      .filter((w) => owner.get(w.table) !== w.module)
      .map((w) =>
        owner.has(w.table)
          ? `${w.file}:${w.line} writes ${w.table} (${w.how}), owned by ${owner.get(w.table)}`
          : `${w.file}:${w.line} writes ${w.table} (${w.how}), a table with no known owner`,
      );
    expect(wrong).toEqual([]);
  });
});

describe('what counts as a write', () => {
  const entityTables = new Map([
    ['Notification', 'notification'],
    ['Round', 'round'],
  ]);
  const tables = (text: string) => writesIn(text, entityTables).map((w) => w.table);

  it('finds SQL writes in string and template literals, in any case', () => {
    expect(tables("q('insert into notification (id) VALUES ($1)')")).toEqual(['notification']);
    expect(tables('q(`UPDATE round r SET closed_at = now() WHERE ${deadline} <= now()`)')).toEqual(['round']);
    expect(tables('q(`WITH x AS (SELECT id FROM attachment) DELETE FROM attachment a USING x`)')).toEqual(['attachment']);
  });

  it('does not count row locks, upserts of the same statement, reads or comments', () => {
    expect(tables('q(`SELECT id FROM application FOR UPDATE SKIP LOCKED`)')).toEqual([]);
    expect(tables('q(`SELECT id FROM application a FOR UPDATE OF a`)')).toEqual([]);
    expect(tables('q(`SELECT id FROM application FOR NO KEY UPDATE`)')).toEqual([]);
    expect(tables('q(`INSERT INTO rubric (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET id = $1`)')).toEqual(['rubric']);
    expect(tables('// UPDATE round SET nothing\n/* INSERT INTO notification */ q(`SELECT 1`)')).toEqual([]);
  });

  it('finds TypeORM writes that name an entity class', () => {
    expect(tables('m.insert(Notification, rows)')).toEqual(['notification']);
    expect(tables('m.save(m.create(Round, fields))')).toEqual(['round']);
    expect(tables('m.update(Round, { id }, set); m.delete(Round, { id })')).toEqual(['round', 'round']);
    expect(tables('ds.getRepository(Notification).save(fields)')).toEqual(['notification']);
    expect(tables('m.createQueryBuilder().insert().into(Round).values(v)')).toEqual(['round']);
    expect(tables('m.findOneBy(Round, { id }); m.save(row); Object.create(Other)')).toEqual([]);
  });
});
