import type { StaffRole } from '../../src/auth/roles';

/** A schema object of the OpenAPI document (or a `$ref` to one). */
export type Schema = Record<string, any>;

/** Who sends a request. `forged`: a made-up credential (bad token, alg "none" JWT, wrong scheme, forged API key). */
export type Who = StaffRole | 'anonymous' | 'apiKey' | 'forged';

export const STAFF: readonly StaffRole[] = ['admin', 'manager', 'reviewer', 'auditor'];

/** One route of the document: what it takes and who calls it in the fuzz. */
export interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: Schema; example?: unknown }[];
  headers: string[];
  body: Schema | null;
  multipart: boolean;
  who: readonly Who[];
}

export interface FuzzRequest {
  method: string;
  path: string;
  who: Who;
  query: Record<string, string>;
  headers?: Record<string, string>;
  body: unknown;
  /** the documented route (`/api/rounds/:id`) the request was generated for */
  route?: string;
  /** a multipart/form-data body instead of JSON: text fields and at most one file */
  form?: { fields: Record<string, string>; file?: { name: string; type: string; bytes: number[] } };
}

export interface Outcome {
  status: number;
  body: any;
}

/** Real records the requests can name, so they reach the services instead of stopping at "not found". */
export interface Targets {
  /** resource (`rounds`) → ids of its records */
  ids: Map<string, string[]>;
  /** for PUT routes: real records (id and the body fields they already hold), to mutate one field of a valid body */
  records: Map<string, { id: string; body: Record<string, unknown> }[]>;
}

/** `/api/rounds/:id` → `rounds` */
export const resourceOf = (path: string) => path.split('/')[2];
