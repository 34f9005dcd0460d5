import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { FilterType, ListSpec, MAX_FILTER_TEXT, MAX_PAGE_SIZE, sortableFields } from './list-query';

const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000';

const typeLabel = (type: FilterType): string => {
  if (typeof type === 'object') return 'enum' in type ? type.enum.join(' | ') : `(${type.enums.join(' | ')}) またはその配列`;
  return {
    uuid: 'UUID',
    uuids: 'UUID またはその配列',
    serials: '数字のID またはその配列',
    string: `文字列 (${MAX_FILTER_TEXT}文字まで)`,
    strings: '文字列 またはその配列',
    integer: '整数',
    boolean: 'true | false',
    instant: '時差付きの日時 (例: 2022-03-24T00:00:00+09:00)',
  }[type];
};

const sample = (type: FilterType): unknown => {
  if (typeof type === 'object') return 'enum' in type ? type.enum[0] : [type.enums[0]];
  return {
    uuid: SAMPLE_UUID,
    uuids: [SAMPLE_UUID],
    serials: ['1'],
    string: 'abc',
    strings: ['abc'],
    integer: 1,
    boolean: true,
    instant: '2022-03-24T00:00:00+09:00',
  }[type];
};

/**
 * Documents a list's `sort`, `range` and `filter` from its ListSpec, so OpenAPI shows exactly what
 * parseListQuery accepts (the filter's example names every declared field).
 */
export function ApiListQuery(spec: ListSpec) {
  const filters: Record<string, FilterType> = { id: 'uuids', ...spec.filters };
  return applyDecorators(
    ApiQuery({
      name: 'sort',
      required: false,
      description: `JSON [項目, "ASC"|"DESC"]。項目: ${sortableFields(spec).join(', ')}`,
      example: JSON.stringify(spec.defaultSort),
    }),
    ApiQuery({ name: 'range', required: false, description: `JSON [開始, 終了] (0始まり、両端を含む、${MAX_PAGE_SIZE}件まで)`, example: '[0,24]' }),
    ApiQuery({
      name: 'filter',
      required: false,
      description: `JSON オブジェクト。項目: ${Object.entries(filters)
        .map(([k, t]) => `${k} (${typeLabel(t)})`)
        .join(', ')}。ほかの項目は 400、null と "" は絞り込みなし`,
      example: JSON.stringify(Object.fromEntries(Object.entries(filters).map(([k, t]) => [k, sample(t)]))),
    }),
  );
}
