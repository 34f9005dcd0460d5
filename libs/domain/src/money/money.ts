/**
 * Money is integer yen. Rates are exact fractions. No floating point touches an amount:
 * products are computed with BigInt and truncated (floored) to 1円 at the end of each rule's step,
 * as the programmes' 1円未満切捨て rule requires.
 */
export type Yen = number;

export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
}

export const rate = (numerator: number, denominator: number): Rate => {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator <= 0) {
    throw new RangeError(`invalid rate ${numerator}/${denominator}`);
  }
  return { numerator, denominator };
};

/**
 * The largest amount any request may carry: 1兆円, far above any programme's amounts and budgets (a 予算 of a
 * whole programme included), well inside the bigint money columns and JavaScript's exact integers.
 */
export const YEN_MAX: Yen = 1_000_000_000_000;

export const MAN = 10_000;
/** 万円 → yen, e.g. man(2000) = 20,000,000. */
export const man = (amountInMan: number): Yen => amountInMan * MAN;

export const assertYen = (value: number, label = 'amount'): Yen => {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${label} must be a non-negative integer number of yen, got ${value}`);
  }
  return value;
};

/** floor(amount × rate), exact. */
export const applyRateFloor = (amount: Yen, r: Rate): Yen => Number((BigInt(amount) * BigInt(r.numerator)) / BigInt(r.denominator));

/** The smallest expense amount whose subsidy at rate r reaches `subsidy`: ceil(subsidy ÷ rate). */
export const expenseConsumedBy = (subsidy: Yen, r: Rate): Yen => {
  const n = BigInt(subsidy) * BigInt(r.denominator);
  const d = BigInt(r.numerator);
  return Number((n + d - 1n) / d);
};

export const formatRate = (r: Rate): string => (r.numerator === r.denominator ? '10/10' : `${r.numerator}/${r.denominator}`);

/** 1234567 → "1,234,567円". */
export const formatYen = (amount: Yen): string => `${amount.toLocaleString('ja-JP')}円`;

/** A whole number of 万 as 億 and 万 parts: 15000 → "1億5,000万", 10000 → "1億", 8000 → "8,000万" (no 円). */
const manParts = (amountInMan: number): string => {
  const oku = Math.floor(amountInMan / MAN);
  const rest = amountInMan % MAN;
  if (oku === 0) return `${rest.toLocaleString('ja-JP')}万`;
  return `${oku.toLocaleString('ja-JP')}億${rest === 0 ? '' : `${rest.toLocaleString('ja-JP')}万`}`;
};

/**
 * An amount as it is written in a 公募要領: 80000000 → "8,000万円", 150000000 → "1億5,000万円",
 * 100000000 → "1億円"; an amount that is not a whole number of 万 falls back to 円 ("1,234,567円").
 * The one place caps, floors and thresholds are worded (describeCategory, the quote's explanation,
 * the admin).
 */
export const formatMan = (amount: Yen): string => {
  if (amount < 0) return `−${formatMan(-amount)}`;
  if (amount % MAN === 0) return `${manParts(amount / MAN)}円`;
  return formatYen(amount);
};

/** An approximate amount rounded to 万, for chart axes: 149999999 → "1億5,000万" (no 円); the axis's origin is "0", not "0万". */
export const formatManRounded = (amount: Yen): string => {
  const man = Math.round(Math.abs(amount) / MAN);
  if (man === 0) return '0';
  return amount < 0 ? `−${manParts(man)}` : manParts(man);
};
