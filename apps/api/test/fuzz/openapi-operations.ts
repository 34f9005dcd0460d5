import type { OpenAPIObject } from '@nestjs/swagger';
import type { Operation, Schema } from './types';

/** Follows `$ref`s (and a single `allOf`) to the schema they name in `doc`. */
export function schemaResolver(doc: OpenAPIObject): (s: Schema) => Schema {
  const resolve = (s: Schema): Schema => {
    let cur = s;
    for (let i = 0; i < 10 && cur?.$ref; i++) {
      const parts = String(cur.$ref).replace(/^#\//, '').split('/');
      cur = parts.reduce((o: any, k) => o?.[k], doc as any);
    }
    if (cur?.allOf?.length === 1) return resolve(cur.allOf[0]);
    return cur ?? {};
  };
  return resolve;
}

/** Every route of the document (but the docs' own), with its parameters, body and the callers to try. */
export function readOperations(doc: OpenAPIObject): Operation[] {
  const resolve = schemaResolver(doc);
  const out: Operation[] = [];
  for (const [rawPath, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = (item as any)[method];
      if (!op || rawPath.startsWith('/api/docs')) continue;
      const params = (op.parameters ?? []).map((p: any) => (p.$ref ? resolve(p) : p));
      const content = op.requestBody ? (resolve(op.requestBody).content ?? {}) : {};
      const path = rawPath.replace(/\{(\w+)\}/g, ':$1');
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p: any) => p.in === 'path').map((p: any) => p.name),
        query: params
          .filter((p: any) => p.in === 'query')
          .map((p: any) => ({ name: p.name, required: !!p.required, schema: p.schema ?? {}, example: p.example })),
        headers: params.filter((p: any) => p.in === 'header').map((p: any) => p.name),
        body: content['application/json']?.schema ?? content['multipart/form-data']?.schema ?? null,
        multipart: !!content['multipart/form-data'],
        who: path.startsWith('/api/intake/')
          ? ['apiKey', 'apiKey', 'apiKey', 'anonymous', 'admin', 'forged']
          : // a staff logout would end the session the rest of the run uses (logout is tested in auth.e2e)
            path === '/api/auth/logout'
            ? ['anonymous', 'forged']
            : ['admin', 'manager', 'reviewer', 'auditor', 'anonymous', 'forged'],
      });
    }
  }
  return out;
}

/** A list route: it takes react-admin's `range` (with `sort` and `filter`). */
export const isListRoute = (op: Operation) => op.query.some((q) => q.name === 'range');
