import { BadRequestException } from '@nestjs/common';
import type { Response } from 'express';

/**
 * The list conventions of react-admin's ra-data-simple-rest:
 *   GET /things?sort=["name","ASC"]&range=[0,24]&filter={"q":"abc","id":[1,2]}
 * answered with the rows and `Content-Range: things 0-24/319`.
 */
export interface ListQuery<F = Record<string, unknown>> {
  sortField: string;
  sortOrder: 'ASC' | 'DESC';
  offset: number;
  limit: number;
  filter: F;
}

export interface ListQueryParams {
  sort?: string;
  range?: string;
  filter?: string;
}

export const MAX_PAGE_SIZE = 1000;

export function parseListQuery<F = Record<string, unknown>>(
  params: ListQueryParams,
  options: { sortable: readonly string[]; defaultSort: [string, 'ASC' | 'DESC'] },
): ListQuery<F> {
  const sort = parseJson<[string, string]>('sort', params.sort) ?? options.defaultSort;
  if (!Array.isArray(sort) || typeof sort[0] !== 'string' || !['ASC', 'DESC'].includes(String(sort[1]).toUpperCase())) {
    throw badList('sort', 'sort は ["項目名","ASC"|"DESC"] の形式で指定してください');
  }
  if (!options.sortable.includes(sort[0])) {
    throw badList('sort', `sort に指定できる項目は ${options.sortable.join(', ')} です (指定: ${sort[0]})`);
  }
  const range = parseJson<[number, number]>('range', params.range) ?? [0, 24];
  if (!Array.isArray(range) || !Number.isInteger(range[0]) || !Number.isInteger(range[1]) || range[0] < 0 || range[1] < range[0]) {
    throw badList('range', 'range は [開始, 終了] の0以上の整数で指定してください');
  }
  const limit = range[1] - range[0] + 1;
  if (limit > MAX_PAGE_SIZE) throw badList('range', `1ページの件数は ${MAX_PAGE_SIZE} 件までです`);
  const filter = parseJson<F>('filter', params.filter) ?? ({} as F);
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw badList('filter', 'filter はJSONオブジェクトで指定してください');
  return { sortField: sort[0], sortOrder: String(sort[1]).toUpperCase() as 'ASC' | 'DESC', offset: range[0], limit, filter };
}

/** Sets the Content-Range header ra-data-simple-rest reads the total from. */
export function setContentRange(res: Response, resource: string, query: Pick<ListQuery, 'offset'>, count: number, total: number) {
  const end = count === 0 ? query.offset : query.offset + count - 1;
  res.setHeader('Content-Range', `${resource} ${query.offset}-${end}/${total}`);
}

/** `filter.id` as ra's getMany sends it: one id or an array of ids. */
export function idsFilter(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = Array.isArray(value) ? value : [value];
  return ids.map(String);
}

function parseJson<T>(name: string, raw: string | undefined): T | undefined {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw badList(name, `${name} がJSONとして読み取れません`);
  }
}

function badList(field: string, message: string) {
  return new BadRequestException({ code: 'INVALID_LIST_QUERY', message, errors: [{ field, message }] });
}

/**
 * One list route end to end: parse the react-admin parameters, fetch the page, set Content-Range.
 * `filter.id` is normalised to an array (ra's getMany sends one id or several).
 */
export async function listPage<F extends { id?: string[] }, T>(
  res: Response,
  resource: string,
  params: ListQueryParams,
  options: { sortable: readonly string[]; defaultSort: [string, 'ASC' | 'DESC'] },
  fetch: (query: ListQuery<F>) => Promise<[T[], number]>,
): Promise<T[]> {
  const query = parseListQuery<F>(params, options);
  query.filter.id = idsFilter(query.filter.id);
  const [rows, total] = await fetch(query);
  setContentRange(res, resource, query, rows.length, total);
  return rows;
}
