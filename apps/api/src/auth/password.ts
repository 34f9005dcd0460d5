import * as argon2 from 'argon2';

/** argon2id, slow on purpose: for staff passwords only (API keys and refresh tokens use SHA-256). */
export const hashPassword = (plain: string) => argon2.hash(plain, { type: argon2.argon2id });

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

export const MIN_PASSWORD_LENGTH = 12;

export function isAcceptablePassword(next: string, current?: string): boolean {
  return next.length >= MIN_PASSWORD_LENGTH && next.length <= 200 && next !== current;
}

/** A hash of a random string, verified against when the email is unknown so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummyHash ??= hashPassword(`no-such-user-${Math.random()}`));
