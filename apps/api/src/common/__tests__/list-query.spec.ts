import { BadRequestException } from '@nestjs/common';
import { ListSpec, parseListQuery, sortableFields } from '../list-query';

const SPEC: ListSpec = {
  sortable: ['name', 'createdAt'],
  defaultSort: ['name', 'ASC'],
  filters: {
    roundId: 'uuid',
    status: 'strings',
    active: 'boolean',
    size: 'integer',
    from: 'instant',
    state: { enum: ['open', 'closed'] },
    kinds: { enums: ['a', 'b'] },
    q: 'string',
  },
};
const ID = '11111111-1111-4111-8111-111111111111';
const parse = (p: { sort?: string; range?: string; filter?: string }) => parseListQuery(p, SPEC);

function refusal(p: { sort?: string; range?: string; filter?: string }) {
  try {
    parse(p);
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestException);
    const body = (e as BadRequestException).getResponse() as { code: string; message: string; errors: { field: string; message: string }[] };
    expect(body.code).toBe('INVALID_LIST_QUERY');
    expect(body.errors[0].message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    return body.errors[0].field;
  }
  throw new Error(`accepted ${JSON.stringify(p)}`);
}

describe('parseListQuery', () => {
  it('applies the defaults and normalises one-or-many filters to arrays', () => {
    expect(parse({})).toEqual({ sortField: 'name', sortOrder: 'ASC', offset: 0, limit: 25, filter: {} });
    const q = parse({
      sort: '["createdAt","desc"]',
      range: '[10,19]',
      filter: JSON.stringify({
        id: ID,
        status: 'draft',
        kinds: ['a', 'b'],
        active: false,
        size: 3,
        from: '2022-03-24T00:00:00+09:00',
        state: 'open',
        q: '検索',
      }),
    });
    expect(q).toEqual({
      sortField: 'createdAt',
      sortOrder: 'DESC',
      offset: 10,
      limit: 10,
      filter: { id: [ID], status: ['draft'], kinds: ['a', 'b'], active: false, size: 3, from: '2022-03-24T00:00:00+09:00', state: 'open', q: '検索' },
    });
  });

  it('sorts every list by id too, the sort react-admin sends by default, though the list does not name it', () => {
    expect(parse({ sort: '["id","DESC"]' })).toMatchObject({ sortField: 'id', sortOrder: 'DESC' });
    expect(sortableFields(SPEC)).toEqual(['id', 'name', 'createdAt']);
    expect(sortableFields({ ...SPEC, sortable: ['name', 'id'] })).toEqual(['name', 'id']);
    expect(refusal({ sort: '["nope","ASC"]' })).toBe('sort');
  });

  it('treats null and "" as no filter', () => {
    expect(parse({ filter: '{"roundId":null,"q":""}' }).filter).toEqual({});
  });

  it.each([
    ['sort not JSON', { sort: '[name' }, 'sort'],
    ['sort field not sortable', { sort: '["password","ASC"]' }, 'sort'],
    ['sort of three elements', { sort: '["name","ASC","x"]' }, 'sort'],
    ['sort order an object', { sort: '["name",{"a":1}]' }, 'sort'],
    ['range past int4', { range: '[0,1e30]' }, 'range'],
    ['range offset huge', { range: '[1e30,1e30]' }, 'range'],
    ['range negative', { range: '[-1,5]' }, 'range'],
    ['range fractional', { range: '[0.5,5]' }, 'range'],
    ['range reversed', { range: '[5,1]' }, 'range'],
    ['range too long a page', { range: '[0,5000]' }, 'range'],
    ['range of strings', { range: '["0","9"]' }, 'range'],
    ['filter an array', { filter: '[1]' }, 'filter'],
    ['filter a string', { filter: '"x"' }, 'filter'],
    ['unknown filter key', { filter: '{"password":"x"}' }, 'filter.password'],
    ['id list of a non-UUID', { filter: '{"id":["x"]}' }, 'filter.id'],
    ['empty id list', { filter: '{"id":[]}' }, 'filter.id'],
    ['uuid filter given a number', { filter: '{"roundId":123}' }, 'filter.roundId'],
    ['strings filter given an object', { filter: '{"status":{"a":1}}' }, 'filter.status'],
    ['boolean given a string', { filter: '{"active":"yes"}' }, 'filter.active'],
    ['integer given a huge number', { filter: '{"size":1e20}' }, 'filter.size'],
    ['instant without an offset', { filter: '{"from":"2022-03-24"}' }, 'filter.from'],
    ['enum outside its values', { filter: '{"state":"nope"}' }, 'filter.state'],
    ['text with a NUL', { filter: '{"q":"a\\u0000b"}' }, 'filter.q'],
    ['text with half a surrogate pair', { filter: '{"q":"a\\ud800"}' }, 'filter.q'],
    ['text too long', { filter: JSON.stringify({ q: 'x'.repeat(201) }) }, 'filter.q'],
  ])('refuses %s with a 400 naming the parameter', (_name, params, field) => {
    expect(refusal(params)).toBe(field);
  });
});
