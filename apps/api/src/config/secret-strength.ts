/** Development and test only: published in this repository, refused in production (README "What production refuses"). */
export const DEV_JWT_SECRET = 'jimukyoku-development-secret-change-me';
/** Development and test only: marked as such, refused in production like DEV_JWT_SECRET. */
export const DEV_STATUS_LINK_SECRET = 'jimukyoku-development-status-link-secret-change-me';
const PUBLISHED_SECRETS = [DEV_JWT_SECRET, DEV_STATUS_LINK_SECRET];

/** Shortest signing secret accepted in production (characters). */
export const MIN_SECRET_LENGTH = 32;
/**
 * Least estimated entropy, in bits (see estimatedBits). 32 random bytes written as base64 (≈ 210 bits) or hex
 * (≈ 245 bits) pass with a wide margin (the least of 200,000 random base64url ones: 170); a repeated word, a
 * run of one character, `0123…` repeated or `abcd…xyz0123` stay far below.
 */
export const MIN_SECRET_BITS = 160;
/** A stretch of this many characters (or steps) seen before is a repeat and counts for nothing. */
const MIN_REPEAT = 4;

/**
 * Why `secret` cannot be a production signing secret, or null. The rule (README "What production refuses"):
 * at least 32 characters, no published development value inside, and at least 160 bits of estimated entropy.
 */
export function secretProblem(secret: string): string | null {
  if (secret.length < MIN_SECRET_LENGTH) return `is too short (${secret.length} characters, at least ${MIN_SECRET_LENGTH})`;
  const lower = secret.toLowerCase();
  if (PUBLISHED_SECRETS.some((published) => lower.includes(published))) return 'contains a published development value';
  if (estimatedBits(secret) < MIN_SECRET_BITS) return 'is too regular (a repeated block, a run such as abcd… or 1234…, or too few different characters)';
  return null;
}

/**
 * The secret's entropy, estimated twice and the lesser kept: over its characters and over the steps between
 * successive characters (a run such as `abcdef` is one step repeated), each with repeated stretches removed
 * (a block written again adds nothing), as length × empirical Shannon entropy per symbol.
 */
export function estimatedBits(secret: string): number {
  const codes = [...secret].map((c) => c.codePointAt(0)!);
  const steps = codes.slice(1).map((code, i) => code - codes[i]!);
  return Math.min(shannonBits(withoutRepeats(codes)), shannonBits(withoutRepeats(steps)));
}

/** `symbols` without every stretch of MIN_REPEAT or more that already started earlier (overlapping allowed, as in LZ77). */
function withoutRepeats(symbols: number[]): number[] {
  const kept: number[] = [];
  for (let i = 0; i < symbols.length;) {
    let longest = 0;
    for (let j = 0; j < i; j++) {
      let k = 0;
      while (i + k < symbols.length && symbols[j + k] === symbols[i + k]) k++;
      longest = Math.max(longest, k);
    }
    if (longest >= MIN_REPEAT) i += longest;
    else kept.push(symbols[i++]!);
  }
  return kept;
}

/** length × empirical Shannon entropy of the symbols. */
function shannonBits(symbols: number[]): number {
  const counts = new Map<number, number>();
  for (const s of symbols) counts.set(s, (counts.get(s) ?? 0) + 1);
  let perSymbol = 0;
  for (const n of counts.values()) {
    const p = n / symbols.length;
    perSymbol -= p * Math.log2(p);
  }
  return perSymbol * symbols.length;
}
