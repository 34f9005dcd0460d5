// The writes of one change as ONE statement, for the hot path of intake (bench/README.md, issue 17): every
// round trip costs the API and PostgreSQL a fixed share of CPU (the socket write, the protocol, the executor's
// start-up), whatever it writes, so the application, its audit records, its outbox rows and its attachments'
// link go to PostgreSQL together, as `WITH part AS (…), … SELECT …`.
//
// Each part is added by the repository that owns its table (table-owners.spec), through `insert` or `add`.
// A part may read an earlier part's RETURNING rows by its name (`from`): it then writes one row per row of
// that part, so when a part writes nothing (an INSERT … ON CONFLICT DO NOTHING that met its conflict) the
// parts after it write nothing either, and the statement as a whole is still all or nothing. PostgreSQL runs
// the parts on one snapshot and in no promised order, except that a part runs before one that reads it: a
// part that must come after another (the audit records of one change, in their order) reads it.
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { columnsOf, hookedRows, hydrate, prepared } from './entity-rows';
import { transactionManager, type Transaction } from './unit-of-work';

/** A part of a chain: its name, and the entity its RETURNING rows are (every column unless `returning` was given). */
export interface ChainPart<T extends ObjectLiteral = ObjectLiteral> {
  readonly name: string;
  readonly target?: EntityTarget<T>;
}

export interface ChainInsertOptions<T> {
  /** one row per row of this part (and none when it has none); `refs` may name its columns */
  from?: ChainPart;
  /** properties whose value is a column of `from`'s rows: `{ auditId: 'id' }` */
  refs?: Partial<Record<keyof T & string, string>>;
  /** e.g. `ON CONFLICT ON CONSTRAINT x DO NOTHING` */
  onConflict?: string;
  /** the columns RETURNING gives (default: every column of the entity, for `rowsOf`) */
  returning?: string[];
}

export class WriteChain {
  private readonly params: unknown[] = [];
  private readonly parts: string[] = [];
  readonly manager: EntityManager;

  constructor(tx: Transaction) {
    this.manager = transactionManager(tx);
  }

  /** The placeholder (`$n`) bound to `value`, for a part's SQL. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Adds the part `name AS (sql)`; its values come from `param`. */
  add(name: string, sql: string): ChainPart {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`WriteChain: ${name} is not a part name`);
    this.parts.push(`${name} AS (${sql})`);
    return { name };
  }

  /**
   * Adds the INSERT of `rows` into `target`'s table as the part `name`: a property left undefined takes the
   * column's default, as with insertRows (whose hook, the demo's story clock, applies here too).
   */
  insert<T extends ObjectLiteral>(name: string, target: EntityTarget<T>, given: Partial<T>[], options: ChainInsertOptions<T> = {}): ChainPart<T> {
    if (given.length === 0) throw new Error(`WriteChain: ${name} inserts no row`);
    const m = this.manager;
    const meta = m.connection.getMetadata(target);
    const driver = m.connection.driver;
    const rows = hookedRows(m, target, given);
    const refs = (options.refs ?? {}) as Record<string, string>;
    const columns = meta.columns.filter((c) => c.isInsert && (c.propertyName in refs || rows.some((r) => c.getEntityValue(r) !== undefined)));
    const from = options.from?.name;
    const valuesOf = (r: Partial<T>) =>
      columns.map((c) => {
        if (c.propertyName in refs) return `${from}."${refs[c.propertyName]}"`;
        const v = c.getEntityValue(r);
        if (v === undefined) return 'DEFAULT';
        // a SELECT's values are typed before they meet their columns: cast them as insertUnnest does
        const p = this.param(driver.preparePersistentValue(v, c));
        return from ? `${p}::${driver.normalizeType(c)}` : p;
      });
    if (from && rows.some((r) => columns.some((c) => !(c.propertyName in refs) && c.getEntityValue(r) === undefined)))
      throw new Error(`WriteChain: ${name} reads ${from}, so every row must set every column it inserts`);
    const source = from
      ? rows.map((r) => `SELECT ${valuesOf(r).join(', ')} FROM ${from}`).join(' UNION ALL ')
      : `VALUES ${rows.map((r) => `(${valuesOf(r).join(', ')})`).join(', ')}`;
    const returning = options.returning ? options.returning.map((k) => `"${k}"`).join(', ') : columnsOf(m, target);
    this.add(
      name,
      `INSERT INTO "${meta.tableName}" (${columns.map((c) => `"${c.databaseName}"`).join(', ')}) ${source} ${options.onConflict ?? ''} RETURNING ${returning}`,
    );
    return { name, target: options.returning ? undefined : target };
  }

  /**
   * Sends the chain as one prepared statement and returns `part`'s rows as entities (none when it wrote none).
   * Throws as the statements it replaces would: a failed part fails the whole statement.
   */
  async rowsOf<T extends ObjectLiteral>(part: ChainPart<T>): Promise<T[]> {
    if (!part.target) throw new Error(`WriteChain: ${part.name} does not return its entity`);
    const target = part.target;
    const rows = await prepared(this.manager, `WITH ${this.parts.join(', ')} SELECT ${columnsOf(this.manager, target)} FROM ${part.name}`, this.params);
    return rows.map((raw) => hydrate(this.manager, target, raw));
  }
}
