import { MonthlySales } from '../applicant';
import { Yen } from '../money';
import { CheckFailed, failed } from './result';
import { formatMonthJa, parseYearMonth } from './year-month';

/** Monthly sales keyed by month index (see year-month.ts). */
export type SalesIndex = ReadonlyMap<number, Yen>;

export const SALES_FIELD = 'monthlySales';

/**
 * Indexes an applicant's monthly sales. Malformed months, duplicated months and amounts that are
 * not non-negative integer yen are reported (under `<requirement>.invalidSalesData`), never ignored:
 * a silently dropped month could turn a failing test into a passing one.
 */
export const indexMonthlySales = (
  requirement: string,
  sales: readonly MonthlySales[] | undefined,
): { readonly ok: true; readonly index: SalesIndex } | CheckFailed => {
  const index = new Map<number, Yen>();
  for (const { month, amount } of sales ?? []) {
    const at = parseYearMonth(month);
    if (at === null) {
      return failed(`${requirement}.invalidSalesData`, `月次売上高の月「${month}」の形式が不正です（YYYY-MM）。`, SALES_FIELD);
    }
    if (index.has(at)) {
      return failed(`${requirement}.invalidSalesData`, `月次売上高に${formatMonthJa(at)}が重複しています。`, SALES_FIELD);
    }
    if (!Number.isSafeInteger(amount) || amount < 0) {
      return failed(`${requirement}.invalidSalesData`, `${formatMonthJa(at)}の売上高（${amount}）は0以上の整数（円）で入力してください。`, SALES_FIELD);
    }
    index.set(at, amount);
  }
  return { ok: true, index };
};

/** '2020年4月・2020年5月・2020年6月' */
export const formatMonthListJa = (months: readonly number[]): string => months.map(formatMonthJa).join('・');
