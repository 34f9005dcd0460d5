import { round4 } from './numbers';

const ONE_DECIMAL = new Intl.NumberFormat('ja-JP', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  roundingMode: 'halfExpand',
} as Intl.NumberFormatOptions);

/**
 * A score as people read it, everywhere: one decimal (34 → 34.0, 36.666… → 36.7, 1234.5 → 1,234.5), half
 * away from zero after removing floating-point noise; '-' for no score.
 */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '-';
  const r = round4(score);
  return ONE_DECIMAL.format(r === 0 ? 0 : r);
}
