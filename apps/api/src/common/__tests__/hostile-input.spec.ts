import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { undeclaredNulls, unsafeValues } from '../hostile-input';
import { clientErrorBody, jsonDepthExceeds } from '../http-limits';

class Inner {
  @ApiPropertyOptional() label?: string;
  @ApiPropertyOptional({ nullable: true }) note?: string | null;
}
class Outer {
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true }) clearable?: string | null;
  @ApiPropertyOptional() inner?: Inner;
  @ApiPropertyOptional() list?: Inner[];
  @ApiPropertyOptional() scores?: Record<string, number | null>;
}
const outer = (values: Partial<Outer>) => Object.assign(new Outer(), values);
const inner = (values: Partial<Inner>) => Object.assign(new Inner(), values);

describe('unsafeValues', () => {
  it.each([
    ['a NUL in a nested text', { a: { b: ['ok', 'x\u0000'] } }, 'a.b[1]'],
    ['a NUL in a key', { a: { 'k\u0000': 1 } }, 'a'],
    ['a lone high surrogate', { name: 'x\ud800' }, 'name'],
    ['a lone low surrogate at the start', { list: ['\udfffx'] }, 'list[0]'],
    ['two high surrogates in a row', { name: '\ud83d\ud83d\ude00' }, 'name'],
    ['a lone surrogate in a key', { a: { 'k\udc00': 1 } }, 'a'],
    ['a right-to-left override in a name', { applicant: { name: '株式会社ABC\u202eXYZ' } }, 'applicant.name'],
    ['a first-strong isolate', { list: ['a\u2068b'] }, 'list[0]'],
    ['a bidi embedding in a key', { a: { 'k\u202a': 1 } }, 'a'],
    ['a key __proto__ (JSON.parse keeps it as data)', JSON.parse('{"scores": {"a": 1, "__proto__": 5}}'), 'scores'],
    ['a key constructor (the DTO copy drops it)', JSON.parse('{"scores": {"constructor": 3}}'), 'scores'],
    ['a key toString (the DTO copy drops a key the object has as a function)', { comments: { toString: 'x' } }, 'comments'],
    ['a number past a safe integer', { n: 1e20 }, 'n'],
    ['a negative one', { list: [-(2 ** 53)] }, 'list[0]'],
  ])('finds %s', (_name, value, field) => {
    expect(unsafeValues(value).map((p) => p.field)).toEqual([field]);
  });

  it('names the member key in Japanese', () => {
    expect(unsafeValues({ comments: { valueOf: 'x' } })[0].message).toBe('comments の項目名に「valueOf」は使えません');
  });

  it('passes ordinary values, and the direction marks that reorder nothing around them', () => {
    expect(unsafeValues({ name: '株式会社さくら', n: Number.MAX_SAFE_INTEGER, f: 0.5, list: [null, true], mark: 'a\u200eb\u200f' })).toEqual([]);
  });

  it('passes characters outside the BMP (a surrogate pair: 𠮷, an emoji)', () => {
    expect(unsafeValues({ name: '𠮷野家', note: '\ud83d\ude00', [`k\ud842\udfb7`]: 'ok' })).toEqual([]);
  });

  it('says in Japanese what to do about a lone surrogate', () => {
    expect(unsafeValues({ name: 'x\ud800' })[0].message).toMatch(/^name に文字として読めないデータ.*入力し直してください$/);
  });
});

describe('undeclaredNulls', () => {
  it('refuses null where the DTO does not declare the field nullable, at any depth', () => {
    const v = outer({
      name: null as unknown as string,
      inner: inner({ label: null as unknown as string }),
      list: [inner({}), inner({ label: null as unknown as string })],
    });
    expect(undeclaredNulls(v).map((p) => p.field)).toEqual(['name', 'inner.label', 'list[1].label']);
  });

  it('accepts null in nullable fields and leaves free-form maps to their own validation', () => {
    expect(undeclaredNulls(outer({ clearable: null, inner: inner({ note: null }), scores: { a: null } }))).toEqual([]);
  });
});

describe('jsonDepthExceeds', () => {
  it.each([
    ['{"a":[1,{"b":2}]}', 3, false],
    ['{"a":[1,{"b":2}]}', 2, true],
    ['{"a":"[[[[[[[["}', 1, false],
    ['{"a":"\\"[[[["}', 1, false],
    ['[[[]]]', 2, true],
  ])('%s with limit %i → %s', (text, limit, expected) => {
    expect(jsonDepthExceeds(Buffer.from(text), limit)).toBe(expected);
  });
});

describe('clientErrorBody', () => {
  it('answers oversized headers with 431 and anything else malformed with 400, in Japanese', () => {
    expect(clientErrorBody('HPE_HEADER_OVERFLOW')).toMatchObject({ statusCode: 431, code: 'HEADERS_TOO_LARGE' });
    expect(clientErrorBody('HPE_INVALID_METHOD')).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
  });
});
