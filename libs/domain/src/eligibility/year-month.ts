/**
 * 'YYYY-MM' months as a month index (year × 12 + month − 1), so that "6 consecutive months" and
 * "the same month one year earlier" are plain integer arithmetic. Internal to the domain lib.
 */
const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' → month index, or null when the text is not a valid month. */
export const parseYearMonth = (text: string): number | null => {
  const m = YEAR_MONTH.exec(text);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
};

export const yearOf = (index: number): number => Math.floor(index / 12);
/** 1…12 */
export const calendarMonthOf = (index: number): number => (index % 12) + 1;

export const toYearMonth = (index: number): string => `${String(yearOf(index)).padStart(4, '0')}-${String(calendarMonthOf(index)).padStart(2, '0')}`;

/** The same calendar month in another year. */
export const sameMonthIn = (index: number, year: number): number => year * 12 + (index % 12);

/** month index → '2020年4月' */
export const formatMonthJa = (index: number): string => `${yearOf(index)}年${calendarMonthOf(index)}月`;

/** 'YYYY-MM' → '2020年4月' (the text unchanged when it is not a month). */
export const formatYearMonthJa = (text: string): string => {
  const index = parseYearMonth(text);
  return index === null ? text : formatMonthJa(index);
};
