import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

/**
 * argon2id, slow on purpose (64 MiB, three passes, four lanes: about half a second here): for staff passwords only (API
 * keys and refresh tokens use SHA-256). What a password must be: password-policy.ts.
 */
export const hashPassword = (plain: string) => argon2.hash(plain, { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 4 });

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/** A hash of a random string, verified against when the email is unknown so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomBytes(24).toString('base64url')));
