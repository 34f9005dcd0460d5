/**
 * A fresh Idempotency-Key for one thing a person records (a repayment received): sent with every try of that
 * record, so a try whose answer was lost, sent again, is recorded once (the API answers it as already done).
 * 128 random bits as hex, from `crypto.getRandomValues`, which a page served over plain http has too
 * (`crypto.randomUUID` is for secure contexts only).
 */
export function newRequestKey(fill: (bytes: Uint8Array<ArrayBuffer>) => unknown = (b) => globalThis.crypto.getRandomValues(b)): string {
  const bytes = new Uint8Array(16);
  fill(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
