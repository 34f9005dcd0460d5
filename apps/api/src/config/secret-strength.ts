/** Shortest signing secret accepted in production (characters). */
export const MIN_SECRET_LENGTH = 32;
/**
 * Least estimated entropy, in bits (length × the string's own Shannon entropy per character). 32 random
 * bytes written as base64 (44 characters, ≈ 210 bits) or hex (64 characters, ≈ 245 bits) pass with a wide
 * margin; a repeated word, a run of one character or `0123…` repeated stay far below.
 */
export const MIN_SECRET_BITS = 160;

/** Why `secret` cannot be a production signing secret ("is too short", "is too regular"), or null. */
export function secretProblem(secret: string): string | null {
  if (secret.length < MIN_SECRET_LENGTH) return `is too short (${secret.length} characters, at least ${MIN_SECRET_LENGTH})`;
  if (estimatedBits(secret) < MIN_SECRET_BITS) return 'is too regular (too few different characters to be random)';
  return null;
}

/** length × empirical Shannon entropy of the characters: a cheap upper estimate that catches low-variety strings. */
export function estimatedBits(secret: string): number {
  const chars = [...secret];
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    perChar -= p * Math.log2(p);
  }
  return perChar * chars.length;
}
