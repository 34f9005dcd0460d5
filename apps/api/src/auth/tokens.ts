import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../common/is-uuid';

/** Refresh tokens and API keys are long random strings: store SHA-256, compare in constant time. */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The refresh cookie's value: `<sessionId>.<secret>`. */
export function parseRefreshCookie(value: unknown): { sessionId: string; secret: string } | null {
  if (typeof value !== 'string') return null;
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,})$/.exec(value);
  // 36 characters of hex and dashes need not be a UUID ('-' × 36), and PostgreSQL refuses what is not
  return m && isUuid(m[1]) ? { sessionId: m[1].toLowerCase(), secret: m[2] } : null;
}
