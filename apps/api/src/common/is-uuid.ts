const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path or filter value is a UUID: anything else cannot name a row, so it is "not found", not a 500. */
export const isUuid = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);
