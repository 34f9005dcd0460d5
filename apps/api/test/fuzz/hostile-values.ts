import fc from 'fast-check';

/**
 * The catalogue of hostile input: values that must be refused with a 4xx (never a 5xx, never stored),
 * the mutations that put them into an otherwise valid body, hostile list parameters, upload files and
 * forged credentials.
 */

/** Strings that are not UUIDs, for path parameters and id fields. */
export const NOT_A_UUID = [
  'x',
  '1',
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000g',
  "' OR 1=1 --",
  '%00',
  'a'.repeat(3000),
  '..%2F..%2Fetc',
  '-1',
  '1e30',
  '9223372036854775808',
];

/** JSON nested `n` levels deep, alternating arrays and objects. */
export const deep = (n: number): unknown => (n === 0 ? 1 : n % 2 ? [deep(n - 1)] : { a: deep(n - 1) });

/** null, wrong types, NUL, huge numbers, deep nesting, long strings and arrays, non-UUIDs, any JSON. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constantFrom('a\u0000b', '\u0000', 'ok\u0000'),
  fc.constantFrom(1e20, -1e20, 2 ** 53 + 2, 2 ** 31, -(2 ** 31) - 1, 1e308, 0.5, -1, 1e-7),
  fc.constantFrom('', ' ', 'x'.repeat(20_000), '１２３', '2022-02-30T00:00:00+09:00', '2022-03-24', 'true', '0x10', '1e30'),
  // JavaScript reads these, PostgreSQL does not: an offset past ±15:59, the year 0000, half a surrogate pair
  fc.constantFrom('2022-01-01T00:00:00+16:00', '0000-01-01T00:00:00Z', 'x\ud800', '\udfff', 'toString', '__proto__'),
  fc.constantFrom(...NOT_A_UUID),
  fc.constant(deep(60)),
  fc.constantFrom({}, [], [null], { a: 1 }, [1, 2, 3], true, false, 0, 123),
  fc.array(fc.constant('x'), { minLength: 300, maxLength: 1200 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Every path to a value in a JSON value (objects and arrays), the root as []. */
export function pathsOf(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (at.length > 6) return out;
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}

/** A copy of `v` with the value at `path` replaced (or removed). */
export function setAt(v: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const copy: any = Array.isArray(v) ? [...v] : { ...(v as object) };
  const [head, ...rest] = path;
  if (rest.length === 0) {
    if (remove) delete copy[head];
    else copy[head] = value;
  } else copy[head] = setAt(copy[head], rest, value, remove);
  return copy;
}

/** A copy of `v` with every string in it replaced by `text`. */
export function everyString(v: unknown, text: string): unknown {
  if (typeof v === 'string') return text;
  if (Array.isArray(v)) return v.map((x) => everyString(x, text));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, everyString(x, text)]));
  return v;
}

/**
 * A body made hostile: one value replaced, a key removed, a stray key added, the whole body replaced, or
 * every string in it made text that JavaScript reads and PostgreSQL refuses (so that the one field that
 * reaches a jsonb column is among them).
 */
export const mutateBody = (body: unknown): fc.Arbitrary<unknown> => {
  const paths = pathsOf(body);
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...paths), hostileValue).map(([p, h]) => setAt(body, p, h)) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...paths.filter((p) => p.length > 0), [] as (string | number)[])
        .map((p) => (p.length ? setAt(body, p, undefined, true) : body)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('__proto__', 'constructor', 'id', 'version', 'role', 'x\u0000'), hostileValue)
        .map(([k, h]) => (body && typeof body === 'object' && !Array.isArray(body) ? { ...body, [k]: h } : body)),
    },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, [], 'text', 123, true, deep(100)) },
    { weight: 1, arbitrary: fc.constantFrom('x\ud800', '\udfffx', '2022-01-01T00:00:00+16:00').map((text) => everyString(body, text)) },
  );
};

/** List parameters no list accepts: bad sorts and ranges, unknown or ill-typed filters (`filterKeys`: the list's own). */
export const hostileListParams = (filterKeys: string[]): fc.Arbitrary<Record<string, string>> =>
  fc.record(
    {
      sort: fc.oneof(
        fc.constantFrom(
          '["id","ASC"]',
          '["name","SIDEWAYS"]',
          '["x"]',
          '[]',
          '{"a":1}',
          'null',
          '["createdAt","DESC",1]',
          '[1,2]',
          'not json',
          '["createdAt",null]',
          '"createdAt"',
        ),
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
      ),
      range: fc.oneof(
        fc.constantFrom(
          '[0,1e30]',
          '[1e30,1e30]',
          '[-1,5]',
          '[5,1]',
          '[0.5,2]',
          '["0","9"]',
          '[0]',
          '{}',
          'null',
          '[0,99999]',
          '[2147483647,2147483647]',
          '[9007199254740993,9007199254740993]',
          '[0,24]',
        ),
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
      ),
      filter: fc.oneof(
        fc.dictionary(fc.constantFrom(...filterKeys, 'unknownKey', '__proto__'), hostileValue, { maxKeys: 3 }).map((v) => JSON.stringify(v)),
        fc.constantFrom(
          '{"id":["x"]}',
          '{"id":[]}',
          '{"roundId":123}',
          '{"status":{"a":1}}',
          '{"q":"a\\u0000"}',
          '[]',
          '"x"',
          'null',
          '{',
          '{"active":"yes"}',
          '{"occurredFrom":"yesterday"}',
        ),
      ),
    },
    { requiredKeys: [] },
  );

/** Hostile text for a multipart form field. */
export const hostileText = (): fc.Arbitrary<string> => fc.constantFrom('a\u0000b', '', 'x'.repeat(20_000), ...NOT_A_UUID, '{"a":1}', 'null');

export interface UploadFile {
  name: string;
  type: string;
  bytes: number[];
}

/** Files to upload: a tiny PDF, CSVs with a formula and a broken quote, an empty CSV, a fake XLSX, random bytes. */
export function uploadFile(): fc.Arbitrary<UploadFile> {
  const text = (t: string) => [...Buffer.from(t, 'utf8')];
  return fc.oneof(
    fc.constant({ name: 'plan.pdf', type: 'application/pdf', bytes: text('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') }),
    fc.constant({ name: 'rows.csv', type: 'text/csv', bytes: text('事業者名,法人番号\n=cmd|calc,123\n"unterminated\n') }),
    fc.constant({ name: 'empty.csv', type: 'text/csv', bytes: [] as number[] }),
    fc.constant({
      name: 'book.xlsx',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: text('PK\u0003\u0004 not really a zip'),
    }),
    fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 2000 }).map((bytes) => ({ name: 'random.bin', type: 'application/octet-stream', bytes })),
  ) as fc.Arbitrary<UploadFile>;
}

/** Made-up credentials, sent in turn by the `forged` caller. */
export const FORGED_CREDENTIALS: readonly Record<string, string>[] = [
  { Authorization: 'Bearer x' },
  { Authorization: `Bearer ${'a'.repeat(4000)}` },
  { Authorization: 'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAiLCJyb2xlIjoiYWRtaW4ifQ.' },
  { Authorization: 'Basic YWRtaW46YWRtaW4=' },
  { Authorization: 'Bearer' },
  { 'X-Api-Key': 'forged-key' },
  { 'X-Api-Key': 'x'.repeat(4000) },
];
