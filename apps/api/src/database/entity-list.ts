// The lists read with TypeORM's query builder: one react-admin page, sorted and then tie-broken by id.
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export interface EntityPage {
  /** the sort expression (from the list's own whitelist) and its direction */
  order: { column: string; direction: 'ASC' | 'DESC'; nulls?: 'NULLS LAST' };
  /** the row's id, which orders rows equal in the sort column */
  tieBreak: string;
  offset: number;
  limit: number;
}

/**
 * One page of rows in order and the total of the list (react-admin's Content-Range). The tie-break runs
 * in the sort's direction: TypeORM keeps one direction per ordered expression, so a tie-break in another
 * direction overwrote the sort of a list sorted by id itself (react-admin's default sort) and answered
 * `["id","DESC"]` in ascending order.
 */
export function entityPage<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, page: EntityPage): Promise<[T[], number]> {
  const { column, direction, nulls } = page.order;
  return qb.orderBy(column, direction, nulls).addOrderBy(page.tieBreak, direction).skip(page.offset).take(page.limit).getManyAndCount();
}
