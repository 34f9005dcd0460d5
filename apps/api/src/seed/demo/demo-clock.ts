import type { EntityManager } from 'typeorm';
import { onInsertRows } from '../../database/entity-rows';
import { AuditLogEntry } from '../../modules/audit/audit-log.entity';

/** `2026-01-05T09:30:00.000Z`-like strings: the instants services write into jsonb (stamps, audit changes). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/**
 * The story time ($1) as the services write an instant into jsonb (Date#toISOString). Not `$1::text`: the statement
 * also reads $1 as a timestamptz, so PostgreSQL types it so and its text is `2026-01-05 09:30:00+00`.
 */
const ISO_OF_STORY_TIME = `to_char($1::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/**
 * Tables the story clock never rewrites: the audit log is append-only (its times are set as it is written);
 * so are the tables the seed's role may not update (application memos), which keep the seed's time.
 */
const UNTOUCHED = /^(audit_|migrations$|typeorm_)/;
/**
 * The row's current version was written by this transaction (or one of its savepoints): its xmin is in progress, and
 * only our own in-progress writes are visible to us. `npm start` seeds while the API and its worker already serve, and
 * their writes committed during a step (the dispatcher's `queued_at`, an intake channel's `last_used_at`) fall in the
 * step's time window too; without this they were dated at the story time (a mail queued before it was written).
 * xmin is 32 bits: the epoch is the current transaction's.
 */
const WRITTEN_BY_THIS_TRANSACTION = `pg_xact_status(((pg_current_xact_id()::text::bigint >> 32) << 32 | xmin::text::bigint)::text::xid8) = 'in progress'`;
/** the correction period of the application's round */
const PERIOD = `(SELECT make_interval(days => r.correction_period_days) FROM round r WHERE r.id = "application".round_id)`;

/**
 * The demo's story clock. The services the demo goes through stamp what they write with the database's
 * clock, and the whole demo step is one transaction, so every event would carry the same instant: 受付 after
 * the 締切, assignments after their due dates, decisions before the applications arrived. `at(t, work)` runs
 * `work` as if it happened at `t`:
 * - the audit records it writes get `occurred_at = t` as they are inserted (the manager from `manager()`
 *   adds it; the audit log is append-only, so it is never rewritten afterwards), and instants of this
 *   transaction inside their `changes` (a transition's stamps) become `t`;
 * - afterwards every timestamptz column (and every top-level instant in a jsonb column) of the other tables
 *   that holds an instant of this transaction (between its start and the wall clock), in a row this transaction
 *   wrote, is set to `t`, and a
 *   補正期限 set by this step moves with it (the round's correction period after `t`).
 * Times must be given in story order, and in the past or far enough from the present not to be confused
 * with the seed's own instants.
 */
export class StoryClock {
  private current: Date | null = null;
  private txStart: Date | null = null;
  /** per table, the statement that dates its rows written at the seed's time ($1: the story time, $2: a LIKE pattern) */
  private rewrites: Map<string, string> | null = null;
  /** per table, inserts + updates so far in this transaction (pg_stat_xact_user_tables) */
  private written = new Map<string, number>();

  constructor(private readonly m: EntityManager) {}

  /** The step's manager, whose audit inserts carry the story time: hand it to demoServices. */
  manager(): EntityManager {
    const proxy = new Proxy(this.m, {
      get: (target, prop, receiver) => {
        if (prop === 'insert') {
          return (entity: unknown, values: unknown) => target.insert(entity as never, (entity === AuditLogEntry ? this.dated(values) : values) as never);
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    // the repositories that write audit records in plain SQL (database/entity-rows.ts insertRows) are dated alike
    onInsertRows(proxy, (entity, rows) => (entity === AuditLogEntry ? (this.dated(rows) as typeof rows) : rows));
    return proxy;
  }

  /** The story time of the step running now (inside `at`), else null. */
  now(): Date | null {
    return this.current;
  }

  /** Runs `work` at story time `t`, then dates what it wrote at `t`. */
  async at<T>(t: Date | number, work: () => Promise<T>): Promise<T> {
    await this.prepare();
    this.current = new Date(t);
    try {
      const result = await work();
      // only the tables this step wrote (the transaction's own statistics tell), one statement each
      const params = [this.current.toISOString(), `%"${this.txStart!.toISOString()}"%`];
      for (const table of await this.writtenSinceLast()) {
        const sql = this.rewrites!.get(table)!;
        await this.m.query(sql, sql.includes('$2') ? params : params.slice(0, 1));
      }
      await this.writtenSinceLast();
      return result;
    } finally {
      this.current = null;
    }
  }

  /** The tables with inserts or updates since the last call, of those the clock rewrites. */
  private async writtenSinceLast(): Promise<string[]> {
    const rows: { table: string; n: string }[] = await this.m.query(
      `SELECT relname AS table, (n_tup_ins + n_tup_upd)::text AS n FROM pg_stat_xact_user_tables WHERE schemaname = current_schema()`,
    );
    const changed: string[] = [];
    for (const { table, n } of rows) {
      if (this.rewrites!.has(table) && Number(n) !== (this.written.get(table) ?? 0)) changed.push(table);
      this.written.set(table, Number(n));
    }
    return changed;
  }

  private dated(values: unknown): unknown {
    const one = (v: Record<string, unknown>) => (this.current ? { ...v, occurredAt: this.current, changes: this.restamp(v.changes) } : v);
    return Array.isArray(values) ? values.map(one) : one(values as Record<string, unknown>);
  }

  /** Instants of this transaction inside a jsonb value become the story time (one level of nesting and arrays). */
  private restamp(value: unknown, depth = 0): unknown {
    if (typeof value === 'string' && ISO_INSTANT.test(value)) {
      const t = Date.parse(value);
      return t >= this.txStart!.getTime() - 1 && t <= Date.now() + 1000 ? this.current!.toISOString() : value;
    }
    if (depth > 3 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => this.restamp(v, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.restamp(v, depth + 1)]));
  }

  /** Reads the schema once and builds, per table, the statement that dates a step's writes. */
  private async prepare(): Promise<void> {
    if (this.rewrites) return;
    const [{ now }] = await this.m.query(`SELECT now() AS now`);
    this.txStart = new Date(now);
    const columns: { table: string; column: string; type: string }[] = await this.m.query(
      `SELECT table_name AS table, column_name AS column, data_type AS type FROM information_schema.columns
        WHERE table_schema = current_schema() AND data_type IN ('timestamp with time zone', 'jsonb')
          AND has_table_privilege(format('%I.%I', table_schema, table_name), 'UPDATE')
        ORDER BY table_name, ordinal_position`,
    );
    const byTable = new Map<string, { column: string; type: string }[]>();
    for (const c of columns) if (!UNTOUCHED.test(c.table)) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
    const ours = (col: string) => `${col} BETWEEN now() - interval '1 millisecond' AND clock_timestamp()`;
    // a jsonb object whose text holds the transaction's start as the services write it (`SELECT now()` as an ISO string): $2
    const jsonOurs = (col: string) => `jsonb_typeof(${col}) = 'object' AND ${col}::text LIKE $2`;
    const jsonInstants = (col: string) =>
      `(SELECT jsonb_object_agg(k, CASE WHEN jsonb_typeof(v) = 'string' AND v #>> '{}' ~ '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$'
                                        THEN CASE WHEN ${ours(`(v #>> '{}')::timestamptz`)} THEN to_jsonb(${ISO_OF_STORY_TIME}) ELSE v END ELSE v END)
          FROM jsonb_each(${col}) e(k, v))`;
    this.rewrites = new Map();
    for (const [table, cols] of byTable) {
      const times = cols.filter((c) => c.type !== 'jsonb').map((c) => c.column);
      const jsons = cols.filter((c) => c.type === 'jsonb').map((c) => c.column);
      const sets = [
        ...times.map((c) =>
          table === 'application' && c === 'correction_due_at'
            ? // a 補正期限 this step opened: the round's correction period after the step's time, not after the seed's
              `"${c}" = CASE WHEN ${ours(`"${c}" - ${PERIOD}`)} THEN $1::timestamptz + ${PERIOD} ELSE "${c}" END`
            : `"${c}" = CASE WHEN ${ours(`"${c}"`)} THEN $1::timestamptz ELSE "${c}" END`,
        ),
        ...jsons.map((c) => `"${c}" = CASE WHEN ${jsonOurs(`"${c}"`)} THEN ${jsonInstants(`"${c}"`)} ELSE "${c}" END`),
      ];
      // a table that stamps every write in updated_at is searched by it alone (cheap: no jsonb read per row)
      const where = times.includes('updated_at')
        ? [ours('"updated_at"')]
        : [
            ...times.map((c) => (table === 'application' && c === 'correction_due_at' ? ours(`"${c}" - ${PERIOD}`) : ours(`"${c}"`))),
            ...jsons.map((c) => jsonOurs(`"${c}"`)),
          ];
      if (sets.length === 0) continue;
      this.rewrites.set(
        table,
        `UPDATE "${table}" SET ${sets.join(', ')} WHERE (${where.map((w) => `(${w})`).join(' OR ')}) AND ${WRITTEN_BY_THIS_TRANSACTION}`,
      );
    }
    await this.writtenSinceLast();
  }
}
