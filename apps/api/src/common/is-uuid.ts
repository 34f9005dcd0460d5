const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path or filter value is a UUID: anything else cannot name a row, so it is "not found", not a 500. */
export const isUuid = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);

/** How deep into a body UUIDs are made canonical; the bodies the API accepts are far shallower. */
const MAX_DEPTH = 32;

/**
 * `value` with every string that is a whole UUID in lower case, the form PostgreSQL answers with
 * (RFC 9562: UUIDs are read in either case, written in lower case). A UUID sent in upper case names the
 * same row, so code comparing it with ids read back (a Map keyed by id, `===`) must see the same string.
 * Objects and arrays are changed in place.
 */
export function canonicalUuids<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return (isUuid(value) ? value.toLowerCase() : value) as T;
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof Date) return value;
  const holder = value as Record<string, unknown>;
  for (const key of Object.keys(holder)) holder[key] = canonicalUuids(holder[key], depth + 1);
  return value;
}
