import { BadRequestException } from '@nestjs/common';
import { parseInstant } from '@jimukyoku/domain';
import type { Response } from 'express';
import { LONE_SURROGATE } from './hostile-input';
import { isSerial } from './is-serial';
import { canonicalUuids, isUuid } from './is-uuid';

/**
 * The list conventions of react-admin's ra-data-simple-rest:
 *   GET /things?sort=["name","ASC"]&range=[0,24]&filter={"q":"abc","id":[1,2]}
 * answered with the rows and `Content-Range: things 0-24/319`.
 *
 * Every list declares, next to its sortable fields, the type of each filter it understands
 * (`ListSpec.filters`); `parseListQuery` checks `sort`, `range` and `filter` against it before any SQL
 * runs, so a bad parameter is a 400 `INVALID_LIST_QUERY` naming it, never a 500. A filter key the list
 * does not declare is refused (400) rather than silently ignored; `null` and `""` mean "no filter".
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

/**
 * The type of one filter field:
 * - `uuid` / `uuids` (one id or a non-empty array of ids, normalised to an array)
 * - `serials`: one or several bigint row ids (digits, as number or string), normalised to strings
 * - `string` / `strings` (one or a non-empty array, normalised to an array)
 * - `integer`, `boolean`, `instant` (ISO-8601 with an offset; passed on as the string)
 * - `{ enum: [...] }` one of the values, `{ enums: [...] }` one or several (normalised to an array)
 */
export type FilterType =
  'uuid' | 'uuids' | 'serials' | 'string' | 'strings' | 'integer' | 'boolean' | 'instant' | { enum: readonly string[] } | { enums: readonly string[] };

export interface ListSpec {
  sortable: readonly string[];
  defaultSort: readonly [string, 'ASC' | 'DESC'];
  /** the filter fields besides `id` (a list of UUIDs unless declared otherwise) */
  filters: Readonly<Record<string, FilterType>>;
}

export const MAX_PAGE_SIZE = 1000;
/** Longest text filter and most values in one array filter. */
export const MAX_FILTER_TEXT = 200;
export const MAX_FILTER_VALUES = 1000;
/** Largest integer a filter or range may carry (PostgreSQL int4; a page offset beyond is no page). */
export const MAX_LIST_INTEGER = 2_147_483_647;

/**
 * The fields a list sorts by: its own, and `id` in every list, which react-admin's stock provider asks for
 * (`["id","ASC"]`) from a `<List>` without a sort of its own and from a reference list.
 */
export const sortableFields = (spec: ListSpec): readonly string[] => (spec.sortable.includes('id') ? spec.sortable : ['id', ...spec.sortable]);

export function parseListQuery<F = Record<string, unknown>>(params: ListQueryParams, spec: ListSpec): ListQuery<F> {
  const sort = parseJson('sort', params.sort) ?? [...spec.defaultSort];
  if (
    !Array.isArray(sort) ||
    sort.length !== 2 ||
    typeof sort[0] !== 'string' ||
    typeof sort[1] !== 'string' ||
    !['ASC', 'DESC'].includes(sort[1].toUpperCase())
  ) {
    throw badList('sort', 'sort は ["項目名","ASC"|"DESC"] の形式で指定してください');
  }
  const sortable = sortableFields(spec);
  if (!sortable.includes(sort[0])) {
    throw badList('sort', `sort に指定できる項目は ${sortable.join(', ')} です (指定: ${sort[0].slice(0, 50)})`);
  }
  const raw = parseJson('filter', params.filter) ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badList('filter', 'filter はJSONオブジェクトで指定してください');
  const filter = parseFilter(raw as Record<string, unknown>, spec.filters);
  // react-admin's getMany asks for records by id without a range: answer every id asked for (at most
  // MAX_FILTER_VALUES = MAX_PAGE_SIZE), not the default page of 25.
  const ids = (filter as { id?: unknown[] }).id;
  const range = parseJson('range', params.range) ?? [0, Math.max(ids?.length ?? 0, 25) - 1];
  if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isInteger(n) && n >= 0 && n <= MAX_LIST_INTEGER) || range[1] < range[0]) {
    throw badList('range', `range は [開始, 終了] の0以上 ${MAX_LIST_INTEGER} 以下の整数 (開始 ≦ 終了) で指定してください`);
  }
  const limit = range[1] - range[0] + 1;
  if (limit > MAX_PAGE_SIZE) throw badList('range', `1ページの件数は ${MAX_PAGE_SIZE} 件までです`);
  return { sortField: sort[0], sortOrder: sort[1].toUpperCase() as 'ASC' | 'DESC', offset: range[0], limit, filter: filter as F };
}

function parseFilter(raw: Record<string, unknown>, declared: ListSpec['filters']): Record<string, unknown> {
  const types: Record<string, FilterType> = { id: 'uuids', ...declared };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const type = Object.prototype.hasOwnProperty.call(types, key) ? types[key] : undefined;
    if (!type) {
      const known = Object.keys(types).join(', ');
      throw badList(`filter.${key.slice(0, 50)}`, `filter に指定できる項目は ${known} です (指定: ${key.slice(0, 50)})`);
    }
    if (value === null || value === '') continue;
    out[key] = filterValue(`filter.${key}`, value, type);
  }
  return out;
}

function filterValue(field: string, value: unknown, type: FilterType): unknown {
  if (typeof type === 'object') {
    const allowed = 'enum' in type ? type.enum : type.enums;
    const message = `${field} は ${allowed.join(', ')} のいずれかで指定してください`;
    if ('enum' in type) {
      if (typeof value !== 'string' || !allowed.includes(value)) throw badList(field, message);
      return value;
    }
    return oneOrMany(field, value, (v) => typeof v === 'string' && allowed.includes(v), message);
  }
  switch (type) {
    case 'uuid':
      if (!isUuid(value)) throw badList(field, `${field} はUUIDで指定してください`);
      return canonicalUuids(value);
    case 'uuids':
      return canonicalUuids(oneOrMany(field, value, isUuid, `${field} はUUID、またはUUIDの配列で指定してください`));
    case 'serials':
      return oneOrMany(field, value, isSerial, `${field} は数字のID、またはその配列で指定してください`).map(String);
    case 'string':
      if (!isFilterText(value)) throw badList(field, textMessage(field));
      return value;
    case 'strings':
      return oneOrMany(field, value, isFilterText, textMessage(field));
    case 'integer':
      if (!Number.isInteger(value) || Math.abs(value as number) > MAX_LIST_INTEGER)
        throw badList(field, `${field} は ${MAX_LIST_INTEGER} 以下の整数で指定してください`);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw badList(field, `${field} は true か false で指定してください`);
      return value;
    case 'instant': {
      const r = parseInstant(value, field);
      if (!r.ok) throw badList(field, r.message);
      return value;
    }
  }
}

const isFilterText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_FILTER_TEXT && !v.includes('\u0000') && !LONE_SURROGATE.test(v);
const textMessage = (field: string) =>
  `${field} は ${MAX_FILTER_TEXT} 文字以内の文字列で指定してください (制御文字 NUL と、対になっていないサロゲートは使えません)`;

/** One value or a non-empty array of values, each checked; always returned as an array. */
function oneOrMany(field: string, value: unknown, ok: (v: unknown) => boolean, message: string): unknown[] {
  const values = Array.isArray(value) ? value : [value];
  if (values.length === 0) throw badList(field, `${field} に空の配列は指定できません`);
  if (values.length > MAX_FILTER_VALUES) throw badList(field, `${field} に指定できる値は ${MAX_FILTER_VALUES} 個までです`);
  if (!values.every(ok)) throw badList(field, message);
  return values;
}

/**
 * Sets the Content-Range header ra-data-simple-rest reads the total from (the figure after the slash). A page with
 * no rows (an empty list, or a range past its end) has no first and last row: `things *\/308`, HTTP's form for
 * a range that selects nothing, rather than a range naming a row that is not there.
 */
export function setContentRange(res: Response, resource: string, query: Pick<ListQuery, 'offset'>, count: number, total: number) {
  res.setHeader('Content-Range', count === 0 ? `${resource} */${total}` : `${resource} ${query.offset}-${query.offset + count - 1}/${total}`);
}

function parseJson(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw badList(name, `${name} は1つだけ指定してください`);
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw badList(name, `${name} がJSONとして読み取れません`);
  }
}

function badList(field: string, message: string) {
  return new BadRequestException({ code: 'INVALID_LIST_QUERY', message, errors: [{ field, message }] });
}

/**
 * Says whether the total in Content-Range is counted or estimated, on a list that may estimate it
 * (the application list beyond LIST_EXACT_COUNT_LIMIT rows): `X-Total-Count-Estimated: true | false`.
 */
export const TOTAL_ESTIMATED_HEADER = 'X-Total-Count-Estimated';

/**
 * One list route end to end: check the react-admin parameters against the list's spec, fetch the
 * page, set Content-Range. `filter.id` (and every `…s` type) arrives as an array. A fetch that
 * answers a third element (whether its total is an estimate) also gets TOTAL_ESTIMATED_HEADER.
 */
export async function listPage<F, T>(
  res: Response,
  resource: string,
  params: ListQueryParams,
  spec: ListSpec,
  fetch: (query: ListQuery<F>) => Promise<[T[], number] | [T[], number, boolean]>,
): Promise<T[]> {
  const query = parseListQuery<F>(params, spec);
  const [rows, total, estimated] = await fetch(query);
  setContentRange(res, resource, query, rows.length, total);
  if (estimated !== undefined) res.setHeader(TOTAL_ESTIMATED_HEADER, String(estimated));
  return rows;
}
