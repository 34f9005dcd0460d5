/** An Idempotency-Key header: 1 to 200 visible ASCII characters (a UUID, a ULID, the portal's own scheme). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** What to tell the sender of a key that is not one (the `errors[]` entry of its 4xx). */
export const INVALID_IDEMPOTENCY_KEY = { field: 'Idempotency-Key', message: 'Idempotency-Key は200文字以内の英数字・記号で指定してください' };

export const isIdempotencyKey = (raw: string): boolean => IDEMPOTENCY_KEY.test(raw);
