/**
 * Number helpers for scores. Scores are sums of products of small decimals (weights like 1.5), so
 * results are rounded to 4 decimals to remove binary floating-point noise (0.1 + 0.2 → 0.3) before
 * they are stored, compared or shown.
 */

/** Rounds half away from zero to 4 decimals; never returns -0. */
export const round4 = (x: number): number => {
  const r = (Math.sign(x) * Math.round(Math.abs(x) * 10_000)) / 10_000;
  return r === 0 ? 0 : r;
};

export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const isNonNegativeSafeInteger = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** Code-unit order: the same on every machine and locale (unlike localeCompare). */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
