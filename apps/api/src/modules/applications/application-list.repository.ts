// The application list's pages at a million rows (bench/README.md "lists", issue 17): which statement reads a page,
// and when its total is counted or the planner's estimate. ApplicationsRepository.list builds the filter and calls it.
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import type { ListQuery } from '../../common/list-query';
import { Application } from './application.entity';
import type { ApplicationFilter } from './application-list-spec';

/** The sortable fields whose column holds NULLs (a draft has neither): they sort last both ways. */
const NULLABLE_SORT_FIELDS: ReadonlySet<string> = new Set(['receiptNumber', 'receivedAt']);

/**
 * What a sortable field is ordered by where it is not its own property, each read in order by its index with the id:
 * - 都道府県 by their JIS code (北海道 … 沖縄県), the column `prefecture_order` PostgreSQL generates (migration
 *   PrefectureOrder; not an entity property, as nothing writes or reads it);
 * - 状態 in its workflow's order (下書き, 受付, 形式チェック, … as the dashboard lists them), application_state_order
 *   (migration StateOrder).
 */
const SORT_EXPRESSION: Readonly<Record<string, string>> = {
  prefecture: 'a.prefecture_order',
  status: 'application_state_order(a.workflow_code, a.workflow_version, a.status)',
};

/** An estimate this many times the exact-count limit is not counted at all (a filter's estimate is rarely off by that much). */
const SURELY_MORE = 10;
/** From this offset on, a page of many rows is found by its ids in the index first (see applicationListPage). */
const DEEP_OFFSET = 500;

/**
 * What a row of the list carries: what the admin's list and its references (受付番号, 事業者名) show, the
 * sortable fields, and what the 状態's label is made from. The whole application — its 経費, 見積, the
 * applicant's address, e-mail and birth date, the 形式チェック — is `GET /api/applications/:id`: reading,
 * hydrating and serialising 25 whole rows cost the API more than the page's SQL took (bench/README.md
 * "lists"), and a list has no need of the applicant's personal details.
 */
export const APPLICATION_LIST_FIELDS = [
  'id',
  'roundId',
  'categoryId',
  'reconsideredFromCategoryId',
  'receiptNumber',
  'status',
  'workflowCode',
  'workflowVersion',
  'version',
  'applicantKind',
  'applicantName',
  'corporateNumber',
  'sizeClass',
  'prefecture',
  'quotedAmount',
  'receivedAt',
  'receivedInGrace',
  'correctionDueAt',
  'channelId',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof Application)[];

export type ApplicationListRow = Pick<Application, (typeof APPLICATION_LIST_FIELDS)[number]>;

/** The list's fields as find() selects them, and as the query builder does (alias `a`). */
const LIST_SELECT = Object.fromEntries(APPLICATION_LIST_FIELDS.map((f) => [f, true])) as Record<(typeof APPLICATION_LIST_FIELDS)[number], true>;
const LIST_COLUMNS = APPLICATION_LIST_FIELDS.map((f) => `a.${f}`);

/** One page of the application list, its total, and whether that total is the planner's estimate. */
export interface ApplicationListPage {
  rows: ApplicationListRow[];
  total: number;
  estimated: boolean;
}

/**
 * A page of what the user may see (a reviewer only the applications assigned to them), in the list's
 * order: the sort column, then `id` in the same direction (NULLs last both ways), which an index of
 * migration ApplicationListIndexes reads as is. The total is the planner's estimate (EXPLAIN, nothing
 * read) when that is far beyond `exactCountLimit`; otherwise the rows are counted, up to the limit, and
 * estimated only beyond it — unless the page itself ends the list. The page:
 * - few rows (counted): the filter's own indexes pick them, then they are counted and sorted in the same
 *   statement — a sort index would walk the table looking for a selective filter's rows;
 * - many, near the top: read in index order;
 * - many, deep (offset ≥ DEEP_OFFSET): the ids in index order, skipping `offset` of them in the index
 *   alone (an index-only scan when no filter reads the table), then those rows, so a deep page does not
 *   fetch every row it skips.
 */
export async function applicationListPage(
  ds: DataSource,
  base: SelectQueryBuilder<Application>,
  query: ListQuery<ApplicationFilter>,
  exactCountLimit: number,
): Promise<ApplicationListPage> {
  const estimate = await estimateRows(ds, base);
  const direction = query.sortOrder;
  const nulls = NULLABLE_SORT_FIELDS.has(query.sortField) ? ' NULLS LAST' : '';
  const sortKey = SORT_EXPRESSION[query.sortField] ?? `a.${query.sortField}`;
  if (estimate <= exactCountLimit * SURELY_MORE) {
    // at most exactCountLimit + 1 rows of the filter, counted and sorted in one statement
    // (sorted by id itself, the key is the id: TypeORM selects one property once, under its first alias)
    const byId = sortKey === 'a.id';
    const keyed = base.clone().select('a.id', 'id');
    const [sql, params] = (byId ? keyed : keyed.addSelect(sortKey, 'k')).getQueryAndParameters();
    const order = byId ? `id ${direction}` : `k ${direction}${nulls}, id ${direction}`;
    const found: { n: number; id: string | null; ord: string | null }[] = await ds.query(
      `WITH m AS MATERIALIZED (${sql} LIMIT ${exactCountLimit + 1})
       SELECT c.n, p.id, p.ord FROM (SELECT count(*)::int AS n FROM m) c
         LEFT JOIN LATERAL (SELECT id, row_number() OVER (ORDER BY ${order}) AS ord FROM m ORDER BY ${order}
                             OFFSET $${params.length + 1} LIMIT $${params.length + 2}) p ON true`,
      [...params, query.offset, query.limit],
    );
    if (found[0].n <= exactCountLimit) {
      const ids = found.filter((r) => r.id !== null).sort((x, y) => Number(x.ord) - Number(y.ord));
      return {
        rows: await byIds(
          ds,
          ids.map((r) => r.id!),
        ),
        total: found[0].n,
        estimated: false,
      };
    }
  }
  // the admin's order within one round or one status: the filtered column first (one value, so the same
  // order), which its own index (…, received_at DESC NULLS LAST, id DESC) gives — otherwise the planner may
  // walk the whole 受付日時 index past every newer round's rows, expecting the round's rows spread evenly
  const statuses = ([] as string[]).concat(query.filter.status ?? []);
  const leading =
    query.sortField === 'receivedAt' && direction === 'DESC'
      ? query.filter.roundId && isUuid(query.filter.roundId)
        ? 'a.round_id'
        : statuses.length === 1
          ? 'a.status'
          : null
      : null;
  const ordered = (qb: SelectQueryBuilder<Application>) =>
    (leading ? qb.orderBy(leading, 'ASC').addOrderBy(sortKey, direction, 'NULLS LAST') : qb.orderBy(sortKey, direction, nulls ? 'NULLS LAST' : undefined))
      .addOrderBy('a.id', direction)
      .offset(query.offset)
      .limit(query.limit);
  // ids first also within a round or a status: the index that has the filtered column is then the only one
  // answering from the index alone (the planner drops a column fixed by the filter from the order, and
  // fetching whole rows it may still pick the 受付日時 index)
  const rows =
    query.offset < DEEP_OFFSET && !leading
      ? await ordered(base.clone().select(LIST_COLUMNS)).getMany()
      : await byIds(
          ds,
          (await ordered(base.clone().select('a.id', 'id')).getRawMany<{ id: string }>()).map((r) => r.id),
        );
  // the page ends the list: its total is known
  if (rows.length < query.limit && (rows.length > 0 || query.offset === 0)) return { rows, total: query.offset + rows.length, estimated: false };
  return { rows, total: Math.max(estimate, exactCountLimit + 1, query.offset + rows.length + 1), estimated: true };
}

/** The list rows of `ids`, in that order. */
async function byIds(ds: DataSource, ids: string[]): Promise<ApplicationListRow[]> {
  const found = ids.length ? await ds.manager.find(Application, { select: LIST_SELECT, where: { id: In(ids) } }) : [];
  const byId = new Map(found.map((a) => [a.id, a] as const));
  return ids.map((id) => byId.get(id)).filter((a): a is Application => a !== undefined);
}

/** The planner's estimate of how many rows `qb` selects (EXPLAIN, nothing read). */
async function estimateRows(ds: DataSource, qb: SelectQueryBuilder<Application>): Promise<number> {
  const [sql, params] = qb.clone().select('1').getQueryAndParameters();
  const [row] = await ds.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  const plan = row['QUERY PLAN'] as { Plan: { 'Plan Rows': number } }[];
  return Math.round(plan[0].Plan['Plan Rows']);
}
