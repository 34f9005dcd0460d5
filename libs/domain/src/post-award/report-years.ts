import { fiscalYearOf } from '../time/fiscal-year';

/** The 年度 a 事業化状況報告 may name on `today`: `first` (null when no 額の確定 is recorded) to `last`. */
export interface ReportableFiscalYears {
  readonly first: number | null;
  readonly last: number;
}

/**
 * The 年度 a 事業化状況報告 may report on (docs/post-award.md "事業化状況報告の予定"): from the 年度 in which the
 * project ended, its 額の確定 (`amountFixedOn`, a JST date), to the current one (`today`, a JST date); a 年度 runs
 * 1 April to 31 March (fiscalYearOf). A year before the project's end says nothing of its commercialisation, and a
 * year not begun cannot be reported.
 */
export function reportableFiscalYears(amountFixedOn: string | null, today: string): ReportableFiscalYears {
  return { first: amountFixedOn === null ? null : fiscalYearOf(amountFixedOn), last: fiscalYearOf(today) };
}
