/** 予算 typed as yen: digits (full-width too) and separators in, an integer or null (= no limit) out. */
export function parseYen(text: string): number | null {
  const digits = text.normalize('NFKC').replace(/[,\s円]/g, '');
  if (digits === '') return null;
  if (!/^\d+$/.test(digits)) return null;
  return Number(digits);
}

/** 1234567 → "1,234,567" (the input shows 円 beside it). */
export const groupYen = (amount: number | null): string => (amount === null ? '' : amount.toLocaleString('ja-JP'));
