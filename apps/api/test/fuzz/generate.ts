import fc from 'fast-check';
import { hostileListParams, hostileText, hostileValue, mutateBody, NOT_A_UUID, uploadFile } from './hostile-values';
import { isListRoute } from './openapi-operations';
import { resourceOf, type FuzzRequest, type Operation, type Schema, type Targets } from './types';

/**
 * Requests for one route of the OpenAPI document, as fast-check arbitraries: bodies, query strings,
 * headers and path parameters shaped by the route's schema (with the real ids and records of `targets`
 * where the route names one), then, in the hostile phase, always made hostile (otherwise sometimes).
 */
export class RequestGenerator {
  constructor(
    private readonly resolve: (s: Schema) => Schema,
    private readonly targets: Targets,
  ) {}

  /** A value the schema allows (its example, an enum member, a string within maxLength, ...). */
  shaped(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    if (s.enum?.length) return fc.constantFrom(...s.enum);
    if (s.allOf?.length) return this.shaped(s.allOf[0], depth);
    if (s.oneOf?.length || s.anyOf?.length) return fc.oneof(...(s.oneOf ?? s.anyOf).map((x: Schema) => this.shaped(x, depth)));
    const example = s.example !== undefined ? [fc.constant(s.example)] : [];
    switch (s.type) {
      case 'string':
        if (s.format === 'uuid') return fc.oneof(fc.uuid({ version: 4 }), ...example);
        if (s.format === 'date-time')
          return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().replace('Z', '+00:00'));
        if (s.format === 'binary') return fc.constant('file');
        return fc.oneof(
          ...example,
          ...example,
          fc.string({ maxLength: s.maxLength ? Math.min(s.maxLength, 40) : 40 }),
          fc.string({ unit: 'grapheme', maxLength: 20 }),
        );
      case 'integer':
        return fc.oneof(...example, fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1_000_000 }));
      case 'number':
        return fc.oneof(...example, fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1_000_000, noNaN: true, noDefaultInfinity: true }));
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth > 4 ? fc.constant([]) : fc.array(this.shaped(s.items ?? {}, depth + 1), { maxLength: 3 });
      case 'object':
      case undefined:
        if (s.properties && depth <= 5) {
          const props: Record<string, fc.Arbitrary<unknown>> = {};
          for (const [k, v] of Object.entries(s.properties)) props[k] = this.shaped(v as Schema, depth + 1);
          return fc.record(props, { requiredKeys: (s.required ?? []).filter((k: string) => k in props) });
        }
        return example.length ? example[0] : fc.jsonValue({ maxDepth: 2 });
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  }

  /** A request for `op`: schema-shaped and sometimes hostile, or (`hostile`) always hostile. */
  requestOf(op: Operation, hostile: boolean): fc.Arbitrary<FuzzRequest> {
    const pathArb = fc
      .tuple(...op.pathParams.map((p) => this.pathValue(op, p)))
      .map((values) => op.pathParams.reduce((path, p, i) => path.replace(`:${p}`, encodeURIComponent(values[i])), op.path));
    const isList = isListRoute(op);
    const queryShape: Record<string, fc.Arbitrary<string>> = {};
    for (const q of op.query) queryShape[q.name] = this.shaped(q.schema).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    let queryArb: fc.Arbitrary<Record<string, string>> = fc.record(queryShape, { requiredKeys: op.query.filter((q) => q.required).map((q) => q.name) });
    if (isList) queryArb = hostile ? this.hostileListParams(op) : fc.oneof(this.validListParams(op), this.hostileListParams(op));
    else if (hostile && op.query.length)
      queryArb = fc
        .tuple(queryArb, fc.constantFrom(...op.query.map((q) => q.name)), hostileValue)
        .map(([q, k, h]) => ({ ...q, [k]: typeof h === 'string' ? h : (JSON.stringify(h) ?? 'null') }));
    if (op.multipart && op.body) {
      return fc.record({
        method: fc.constant(op.method),
        route: fc.constant(op.path),
        path: pathArb,
        who: fc.constantFrom(...op.who),
        query: queryArb,
        body: fc.constant(undefined),
        form: this.formOf(op, hostile),
      });
    }
    const known = this.targets.records.get(op.path);
    if (known) {
      // a real record's own fields as the body, one of them made hostile (or, when not hostile, sometimes as is)
      const fromRecord = fc.constantFrom(...known).chain((rec) =>
        fc.record({
          method: fc.constant(op.method),
          route: fc.constant(op.path),
          path: fc.constant(op.path.replace(`:${op.pathParams[0]}`, encodeURIComponent(rec.id))),
          who: fc.constantFrom(...op.who),
          query: fc.constant({}),
          body: hostile ? mutateBody(rec.body) : fc.oneof(fc.constant<unknown>(rec.body), mutateBody(rec.body)),
        }),
      );
      return fc.oneof(fromRecord, this.shapedRequest(op, hostile, pathArb, queryArb));
    }
    return this.shapedRequest(op, hostile, pathArb, queryArb);
  }

  private shapedRequest(
    op: Operation,
    hostile: boolean,
    pathArb: fc.Arbitrary<string>,
    queryArb: fc.Arbitrary<Record<string, string>>,
  ): fc.Arbitrary<FuzzRequest> {
    const bodyArb: fc.Arbitrary<unknown> = op.body
      ? this.shaped(op.body).chain((b) => (hostile ? mutateBody(b) : fc.oneof(fc.constant(b), mutateBody(b))))
      : hostile
        ? fc.oneof(fc.constant(undefined), hostileValue)
        : fc.constant(undefined);
    // documented headers (Idempotency-Key): printable ASCII of any length, or absent
    const headerValue = fc.oneof(
      fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 40 }),
      fc.constantFrom('x'.repeat(5000), ' ', 'key with spaces', '../../etc'),
    );
    const headersArb = fc.record(Object.fromEntries(op.headers.map((h) => [h, headerValue])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>;
    return fc.record({
      method: fc.constant(op.method),
      route: fc.constant(op.path),
      path: pathArb,
      who: fc.constantFrom(...op.who),
      query: queryArb,
      headers: headersArb,
      body: bodyArb,
    });
  }

  /** A path parameter: mostly a real id of the route's resource (or a transition name), else a random UUID or not a UUID. */
  private pathValue(op: Operation, name: string): fc.Arbitrary<string> {
    const resource = resourceOf(op.path);
    const known = name === 'name' ? ['submit', 'withdraw', 'return', 'approve', 'reject', 'adopt'] : (this.targets.ids.get(resource) ?? []);
    return fc.oneof(
      { weight: 4, arbitrary: known.length ? fc.constantFrom(...known) : fc.uuid({ version: 4 }) },
      // the same ids in upper case name the same rows
      { weight: 1, arbitrary: known.length ? fc.constantFrom(...known.map((id) => id.toUpperCase())) : fc.uuid({ version: 4 }) },
      { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
      { weight: 2, arbitrary: fc.constantFrom(...NOT_A_UUID, 'a\u0000b') },
    );
  }

  /** The list's declared filter fields, from the `filter` example the document gives (ApiListQuery). */
  private filterExample(op: Operation): Record<string, unknown> {
    try {
      const v = JSON.parse(String(op.query.find((q) => q.name === 'filter')?.example ?? '{}'));
      return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
    } catch {
      return {};
    }
  }

  /** Well-formed list parameters: a sortable field, a page, a few declared filters with real ids where the example has a UUID. */
  private validListParams(op: Operation): fc.Arbitrary<Record<string, string>> {
    const sortable = /項目: (.*)$/.exec(String((op.query.find((q) => q.name === 'sort') as any)?.description ?? ''))?.[1]?.split(', ') ?? ['createdAt'];
    const example = this.filterExample(op);
    const realIds = [...this.targets.ids.values()].flat().filter((id) => /^[0-9a-f-]{36}$/.test(id));
    const values: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, v] of Object.entries(example)) {
      const isUuid = (x: unknown) => typeof x === 'string' && /^0{8}-/.test(x);
      values[k] =
        isUuid(v) && realIds.length
          ? fc.constantFrom(...realIds, ...realIds.map((id) => id.toUpperCase()))
          : Array.isArray(v) && isUuid(v[0]) && realIds.length
            ? fc.array(fc.constantFrom(...realIds), { minLength: 1, maxLength: 3 })
            : fc.constant(v);
    }
    return fc.record(
      {
        sort: fc.tuple(fc.constantFrom(...sortable), fc.constantFrom('ASC', 'DESC', 'asc')).map((v) => JSON.stringify(v)),
        range: fc.nat({ max: 100 }).chain((a) => fc.nat({ max: 200 }).map((n) => JSON.stringify([a, a + n]))),
        filter: fc.record(values, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
      },
      { requiredKeys: [] },
    );
  }

  private hostileListParams(op: Operation): fc.Arbitrary<Record<string, string>> {
    return hostileListParams(Object.keys(this.filterExample(op)));
  }

  /** Upload routes: the documented text fields (schema-shaped, a real round id, or hostile text) and a file of any kind. */
  private formOf(op: Operation, hostile: boolean): fc.Arbitrary<NonNullable<FuzzRequest['form']>> {
    const schema = this.resolve(op.body!);
    const hostileField = hostileText();
    const fields: Record<string, fc.Arbitrary<string>> = {};
    const rounds = this.targets.ids.get('rounds');
    for (const [name, prop] of Object.entries<Schema>(schema.properties ?? {})) {
      if (prop.format === 'binary') continue;
      const real = name === 'roundId' && rounds?.length ? [fc.constantFrom(...rounds)] : [];
      const sane = fc.oneof(
        ...real,
        this.shaped(prop).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
      );
      fields[name] = hostile ? fc.oneof(sane, hostileField) : fc.oneof({ weight: 3, arbitrary: sane }, { weight: 1, arbitrary: hostileField });
    }
    return fc.record({
      fields: fc.record(fields, { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>,
      file: fc.option(uploadFile(), { nil: undefined, freq: 4 }),
    });
  }
}
