// The raw-SQL lists that join other modules' tables for their labels (bank accounts, payment batches, memos,
// 問い合わせ): one WHERE builder with numbered parameters and one react-admin page (rows in order, and the total).
import type { EntityManager } from 'typeorm';

/** The conditions of a WHERE clause with their parameters, numbered $1, $2 … in the order they are added. */
export class SqlWhere {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /** Adds the condition `sql` builds around the placeholder of `value`. */
  add(sql: (placeholder: string) => string, value: unknown): this {
    this.params.push(value);
    this.conditions.push(sql(`$${this.params.length}`));
    return this;
  }

  /** `WHERE a AND b …`, or nothing without a condition. */
  get sql(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

export interface SqlPage {
  /** the SELECT list */
  columns: string;
  /** `FROM … WHERE …` (the WHERE of `where`) */
  from: string;
  where: SqlWhere;
  /** the sort column (from the list's own whitelist), its direction and the tie-break */
  order: { column: string; direction: 'ASC' | 'DESC'; tieBreak: string };
  offset: number;
  limit: number;
}

/** One page of rows in order and the total of the list (react-admin's Content-Range). */
export async function sqlPage<T>(m: EntityManager, page: SqlPage): Promise<[T[], number]> {
  const { column, direction, tieBreak } = page.order;
  const rows: T[] = await m.query(
    `SELECT ${page.columns} ${page.from} ORDER BY ${column} ${direction === 'DESC' ? 'DESC' : 'ASC'}, ${tieBreak} OFFSET ${Number(page.offset)} LIMIT ${Number(page.limit)}`,
    page.where.params,
  );
  const [{ n }] = await m.query(`SELECT count(*)::int AS n ${page.from}`, page.where.params);
  return [rows, n];
}
