import { createSecretKey, type KeyObject } from 'node:crypto';

/**
 * The key that signs and verifies access tokens (HS256), made once from JWT_SECRET. jsonwebtoken
 * turns a string secret into a key on every call, and first tries to read it as a PEM public key,
 * which fails and throws each time: about a quarter of an authenticated request's CPU.
 */
export function accessTokenKey(jwtSecret: string): KeyObject {
  return createSecretKey(Buffer.from(jwtSecret, 'utf8'));
}
