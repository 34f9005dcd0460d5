/**
 * Whether a path or filter value can be the id of a `bigserial` row (the audit log's): at most 18 digits, so
 * it always fits PostgreSQL's bigint; anything else cannot name a row, so it is "not found" or a 400, not a 500.
 */
export const isSerial = (v: unknown): boolean => (typeof v === 'string' && /^\d{1,18}$/.test(v)) || (Number.isSafeInteger(v) && (v as number) >= 0);
