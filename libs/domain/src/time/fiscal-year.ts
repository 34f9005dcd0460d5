/**
 * The 年度 (Japan's fiscal year, 1 April to 31 March, named by the year it begins in) that a calendar date
 * (YYYY-MM-DD, a JST day) falls in: 2027-03-31 → 2026, 2027-04-01 → 2027.
 */
export function fiscalYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5, 7) < '04' ? year - 1 : year;
}
