import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import Ajv, { type ValidateFunction } from 'ajv';

const DOCUMENT_ID = 'openapi';

/** A schema with each `#/components/…` reference pointed at the document, and every object closed to undeclared keys. */
function strict(schema: unknown, inDocument = false): unknown {
  if (Array.isArray(schema)) return schema.map((s) => strict(s, inDocument));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === '$ref' && typeof value === 'string' && !inDocument ? `${DOCUMENT_ID}${value}` : strict(value, inDocument);
  }
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  // a nullable nested class, as @nestjs/swagger writes it ({ nullable, type: 'object', allOf: [$ref] }): that object or
  // null (Ajv's `nullable` widens only `type`, and the referenced schema alone would refuse null)
  if (out.nullable === true && Array.isArray(out.allOf)) {
    const { nullable: _n, type: _t, allOf, ...rest } = out;
    return { ...rest, anyOf: [{ type: 'null' }, { allOf }] };
  }
  // one of several classes, or null (`{ nullable, oneOf: [$ref, …] }`)
  if (out.nullable === true && Array.isArray(out.oneOf) && out.type === undefined) {
    const { nullable: _n, oneOf, ...rest } = out;
    return { ...rest, anyOf: [{ type: 'null' }, { oneOf }] };
  }
  return out;
}

/**
 * Checks a success answer against what the OpenAPI document declares for it: `check('post', '/api/intake/applications',
 * 201, body)` answers the schema's complaints (empty when the body conforms). Every declared object is closed: a key
 * the document does not name is a complaint too, so the document cannot fall behind what the API answers. Throws when
 * the route declares no JSON schema for that status (`declares` says whether it does).
 */
export function answerChecker(doc: OpenAPIObject) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat('date-time', (v: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)));
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('binary', () => true);
  ajv.addSchema({ $id: DOCUMENT_ID, components: strict(doc.components, true) });
  const compiled = new Map<string, ValidateFunction>();
  const schemaOf = (method: string, path: string, status: number) =>
    ((doc.paths[path] as Record<string, OperationObject> | undefined)?.[method]?.responses?.[String(status)] as ResponseObject | undefined)?.content?.[
      'application/json'
    ]?.schema;
  const check = (method: string, path: string, status: number, body: unknown): string[] => {
    const key = `${method} ${path} ${status}`;
    let validate = compiled.get(key);
    if (!validate) {
      const schema = schemaOf(method, path, status);
      if (!schema) throw new Error(`${key}: the document declares no JSON body`);
      validate = ajv.compile(strict(schema) as object);
      compiled.set(key, validate);
    }
    return validate(body)
      ? []
      : (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '(body)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  };
  /** Whether the route declares a JSON body for that status (lower-case method, `{param}` path). */
  const declares = (method: string, path: string, status: number) => schemaOf(method, path, status) !== undefined;
  return Object.assign(check, { declares });
}
