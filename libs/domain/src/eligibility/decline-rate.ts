import { Yen } from '../money';

/**
 * A sales decline rate as an exact fraction: (comparison − current) ÷ comparison, reduced.
 * Negative when sales grew. Never a float: thresholds are compared by BigInt cross-multiplication.
 */
export interface DeclineRate {
  readonly numerator: number;
  readonly denominator: number;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** (comparison − current) ÷ comparison; comparison must be > 0. */
export const declineRate = (comparison: Yen, current: Yen): DeclineRate => {
  if (!Number.isSafeInteger(comparison) || comparison <= 0) {
    throw new RangeError(`comparison sales must be a positive integer, got ${comparison}`);
  }
  const n = BigInt(comparison) - BigInt(current);
  const d = BigInt(comparison);
  const g = gcd(n, d) || 1n;
  return { numerator: Number(n / g), denominator: Number(d / g) };
};

/** −1, 0 or 1 as a is smaller than, equal to or larger than b. */
export const compareDeclineRates = (a: DeclineRate, b: DeclineRate): -1 | 0 | 1 => {
  const left = BigInt(a.numerator) * BigInt(b.denominator);
  const right = BigInt(b.numerator) * BigInt(a.denominator);
  return left < right ? -1 : left > right ? 1 : 0;
};

/** rate ≥ percent% (percent an integer, e.g. 10 for 10%). */
export const declineAtLeastPercent = (rate: DeclineRate, percent: number): boolean =>
  BigInt(rate.numerator) * 100n >= BigInt(percent) * BigInt(rate.denominator);

/**
 * '12.34%'. Truncated toward zero to 2 decimals, so a rate just below a threshold never prints as
 * the threshold (29.999…% shows as 29.99%, not 30.00%).
 */
export const formatDeclineRate = (rate: DeclineRate): string => {
  const n = BigInt(rate.numerator);
  const sign = n < 0n ? '-' : '';
  const hundredths = ((n < 0n ? -n : n) * 10_000n) / BigInt(rate.denominator);
  const whole = hundredths / 100n;
  const fraction = String(hundredths % 100n).padStart(2, '0');
  return `${sign}${whole}.${fraction}%`;
};
