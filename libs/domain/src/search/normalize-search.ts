/**
 * The text search of 事業者名 (and 受付番号, 法人番号) compares normalised text on both sides, so
 * `ＲＥＳ１１` finds RES11-…, `株式会社 富士` (with an ideographic space) finds （株）富士… and `㈲昭和` finds 有限会社昭和….
 *
 * The SQL side is the function `search_normalize(text)` (migrations/1764203500000-SearchNormalize.ts),
 * which must give the same answer for every input: apps/api/test/search-normalize.e2e.ts compares
 * both on a table of inputs and on every alias below. Change one, change the other (with a migration).
 */

/**
 * Abbreviated legal-entity forms (after NFKC, which already turns ㈱ and （株） into `(株)` and ㍿ into
 * 株式会社) → the spelled-out form. Applied in this order, as plain substring replacements.
 */
export const COMPANY_NAME_ALIASES: readonly (readonly [abbreviation: string, full: string])[] = [
  ['(株)', '株式会社'],
  ['(有)', '有限会社'],
  ['(合)', '合同会社'],
  ['(名)', '合名会社'],
  ['(資)', '合資会社'],
  ['(一社)', '一般社団法人'],
  ['(一財)', '一般財団法人'],
  ['(公社)', '公益社団法人'],
  ['(公財)', '公益財団法人'],
  ['(社)', '社団法人'],
  ['(財)', '財団法人'],
  ['(医)', '医療法人'],
  ['(特非)', '特定非営利活動法人'],
  ['(学)', '学校法人'],
  ['(福)', '社会福祉法人'],
];

const ASCII_WHITESPACE = /[ \t\n\r\f\v]+/g;
const ASCII_UPPER = /[A-Z]/g;

/**
 * The search form of a text: Unicode NFKC (full-width letters, digits, parentheses and spaces become
 * ASCII; ㈱ becomes (株)), whitespace removed, legal-entity abbreviations spelled out
 * (COMPANY_NAME_ALIASES), ASCII letters lower-cased. Pure; what the SQL function does too.
 */
export function normalizeSearchText(text: string): string {
  let s = text.normalize('NFKC').replace(ASCII_WHITESPACE, '');
  for (const [abbreviation, full] of COMPANY_NAME_ALIASES) s = s.split(abbreviation).join(full);
  return s.replace(ASCII_UPPER, (c) => c.toLowerCase());
}
