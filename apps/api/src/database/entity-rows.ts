// Entity rows through plain SQL, for the hot path of intake (bench/README.md, issue 17): TypeORM's
// query builders cost more CPU than the statements they build (a third of the API's time under
// deadline-day load). These helpers write and read rows with one hand-written statement each, and
// convert values with the entity's own metadata and the driver's conversions (column names, jsonb,
// bigint, dates, transformers), so an entity comes back exactly as find() would hydrate it.
//
// `prepared` runs a statement as a named prepared statement of its connection: PostgreSQL parses and
// plans it once per connection instead of on every request (parse and bind were half of the server
// time of an intake submission). Prepared statements name their columns (no `*`): a column a later
// migration adds does not change what a cached plan returns. A connection pooler in front of
// PostgreSQL must keep protocol-level prepared statements per server connection (PgBouncer 1.21+ in
// transaction mode with max_prepared_statements set; session mode always does).
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryFailedError } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}

const statementNames = new Map<string, string>();

/**
 * Runs `text` with `values` in the manager's transaction (or on a pooled connection of its own), as a
 * prepared statement of that connection; returns its rows (RETURNING rows of an INSERT or UPDATE). A
 * failure is a QueryFailedError, as from manager.query().
 */
export async function prepared(m: EntityManager, text: string, values: unknown[]): Promise<Record<string, unknown>[]> {
  let name = statementNames.get(text);
  if (!name) {
    name = `jimukyoku_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  const runner = m.queryRunner ?? m.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    try {
      return (await client.query({ name, text, values })).rows;
    } catch (e) {
      throw new QueryFailedError(text, values, e as Error);
    }
  } finally {
    if (runner !== m.queryRunner) await runner.release();
  }
}

/** An entity from a row of raw SQL whose columns are the table's (`alias__column` when `alias` is given). */
export function hydrate<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>, raw: Record<string, unknown>, alias?: string): T {
  const meta = m.connection.getMetadata(target);
  const entity = meta.create() as T;
  for (const c of meta.columns) {
    const key = alias ? `${alias}__${c.databaseName}` : c.databaseName;
    if (key in raw) c.setEntityValue(entity, m.connection.driver.prepareHydratedValue(raw[key], c));
  }
  return entity;
}

const selectLists = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * Every column of the entity, for a select list or RETURNING: `"column", …`, or with `alias`
 * `alias."column" AS "alias__column", …` (for hydrate with that alias).
 */
export function columnsOf(m: EntityManager, target: EntityTarget<ObjectLiteral>, alias = ''): string {
  const meta = m.connection.getMetadata(target);
  const lists = selectLists.get(meta) ?? new Map<string, string>();
  selectLists.set(meta, lists);
  let list = lists.get(alias);
  if (!list) {
    list = meta.columns.map((c) => (alias ? `${alias}."${c.databaseName}" AS "${alias}__${c.databaseName}"` : `"${c.databaseName}"`)).join(', ');
    lists.set(alias, list);
  }
  return list;
}

function insertStatement(m: EntityManager, target: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[], returning: string) {
  const meta = m.connection.getMetadata(target);
  const driver = m.connection.driver;
  const columns = meta.columns.filter((c) => c.isInsert && rows.some((r) => c.getEntityValue(r) !== undefined));
  const params: unknown[] = [];
  const values = rows.map(
    (r) =>
      `(${columns
        .map((c) => {
          const v = c.getEntityValue(r);
          if (v === undefined) return 'DEFAULT';
          params.push(driver.preparePersistentValue(v, c));
          return `$${params.length}`;
        })
        .join(', ')})`,
  );
  const sql = `INSERT INTO "${meta.tableName}" (${columns.map((c) => `"${c.databaseName}"`).join(', ')}) VALUES ${values.join(', ')} RETURNING ${returning}`;
  return { sql, params };
}

/**
 * Inserts `rows` in one statement and returns them as stored (RETURNING every column): a property left undefined
 * takes the column's default, as with TypeORM's insert().
 */
export async function insertReturning<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>, rows: Partial<T>[]): Promise<T[]> {
  if (rows.length === 0) return [];
  const { sql, params } = insertStatement(m, target, rows, columnsOf(m, target));
  const inserted = await prepared(m, sql, params);
  return inserted.map((raw) => hydrate(m, target, raw));
}

type InsertHook = (target: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]) => ObjectLiteral[];
const insertHooks = new WeakMap<EntityManager, InsertHook>();

/**
 * Rewrites the rows `m` inserts through insertRows, insertUnnest and WriteChain.insert: the demo's story clock (seed/demo/demo-clock.ts) dates the audit
 * records its services write, as it does for manager.insert(). Nothing else registers one.
 */
export function onInsertRows(m: EntityManager, hook: InsertHook): void {
  insertHooks.set(m, hook);
}

/** `rows` as the hook registered for `m` rewrites them (onInsertRows), or as given. */
export function hookedRows<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>, rows: Partial<T>[]): Partial<T>[] {
  const hook = insertHooks.get(m);
  return (hook ? hook(target as EntityTarget<ObjectLiteral>, rows) : rows) as Partial<T>[];
}

/** Inserts `rows` in one statement; returns the primary key column `key` of each (e.g. the audit record's id). */
export async function insertRows<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>, given: Partial<T>[], key = 'id'): Promise<unknown[]> {
  if (given.length === 0) return [];
  const rows = hookedRows(m, target, given);
  const { sql, params } = insertStatement(m, target, rows, `"${key}"`);
  const inserted = await prepared(m, sql, params);
  return inserted.map((raw) => raw[key]);
}

/**
 * Inserts many `rows` in one statement whose text does not depend on how many there are: each column is bound
 * as one array (`INSERT … SELECT * FROM unnest($1::uuid[], $2::text[], …)`), so 20,000 rows are one prepared
 * statement, not 20,000 (nor one text per batch size), and the protocol's 65,535-parameter limit does not
 * apply. Every row must set the same columns (a column left undefined cannot take its default row by row).
 * The demo's story clock (onInsertRows) rewrites the rows as for insertRows. Returns the `returning` columns
 * of each inserted row, not necessarily in the order given: map them by a column you know.
 */
export async function insertUnnest<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  given: Partial<T>[],
  returning: string[] = [],
): Promise<Record<string, unknown>[]> {
  if (given.length === 0) return [];
  const rows = hookedRows(m, target, given);
  const meta = m.connection.getMetadata(target);
  const driver = m.connection.driver;
  const columns = meta.columns.filter((c) => c.isInsert && c.getEntityValue(rows[0]) !== undefined);
  for (const r of rows) {
    for (const c of meta.columns) {
      if (c.isInsert && (c.getEntityValue(r) === undefined) !== !columns.includes(c))
        throw new Error(`insertUnnest: ${meta.tableName}.${c.databaseName} is set in some rows only`);
    }
  }
  const arrays = columns.map((c) => rows.map((r) => driver.preparePersistentValue(c.getEntityValue(r), c)));
  const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
  const unnest = columns.map((c, i) => `$${i + 1}::${driver.normalizeType(c)}[]`).join(', ');
  const sql = `INSERT INTO "${meta.tableName}" (${names}) SELECT * FROM unnest(${unnest})${returning.length ? ` RETURNING ${returning.map((k) => `"${k}"`).join(', ')}` : ''}`;
  return prepared(m, sql, arrays);
}
