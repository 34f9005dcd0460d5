import { isListRoute } from './openapi-operations';
import { resourceOf, type FuzzRequest, type Operation, type Outcome, type Schema, type Targets } from './types';

/**
 * Reads real ids from every list route (and, for PUT routes, the fields real records already hold),
 * so the generated requests reach the services. `own`: ids never offered as targets (the fuzz's own
 * accounts); the channel named 'fuzz channel' (the fuzz's intake key) is skipped too.
 */
export async function collectTargets(
  ops: Operation[],
  resolve: (s: Schema) => Schema,
  call: (r: FuzzRequest) => Promise<Outcome>,
  own: Set<string>,
): Promise<Targets> {
  const ids = new Map<string, string[]>();
  const records: Targets['records'] = new Map();
  for (const op of ops.filter((o) => o.method === 'GET' && o.pathParams.length === 0 && isListRoute(o))) {
    for (const who of ['admin', 'manager', 'auditor'] as const) {
      const res = await call({ method: 'GET', path: op.path, who, query: { range: '[0,49]' }, body: undefined });
      if (res.status !== 200 || !Array.isArray(res.body)) continue;
      // the fuzz's own accounts and its intake key stay usable: never offered as targets
      const rows = res.body.filter((r: any) => r && !own.has(r.id) && r.name !== 'fuzz channel');
      ids.set(
        resourceOf(op.path),
        rows.map((r: any) => String(r.id)),
      );
      break;
    }
  }
  for (const op of ops.filter((o) => o.method === 'PUT' && o.pathParams.length === 1 && o.body && !o.multipart)) {
    const props = Object.keys(resolve(op.body!).properties ?? {});
    const found: { id: string; body: Record<string, unknown> }[] = [];
    for (const id of (ids.get(resourceOf(op.path)) ?? []).slice(0, 3)) {
      const path = op.path.replace(`:${op.pathParams[0]}`, encodeURIComponent(id));
      for (const who of ['admin', 'manager', 'auditor'] as const) {
        const res = await call({ method: 'GET', path, who, query: {}, body: undefined });
        if (res.status !== 200 || !res.body || typeof res.body !== 'object') continue;
        found.push({ id, body: Object.fromEntries(props.filter((k) => res.body[k] !== undefined).map((k) => [k, res.body[k]])) });
        break;
      }
    }
    if (found.length) records.set(op.path, found);
  }
  return { ids, records };
}
