import { COMPANY_NAME_ALIASES, normalizeSearchText } from './normalize-search';

describe('normalizeSearchText', () => {
  it.each([
    ['full-width letters and digits', 'ＲＥＳ１１', 'res11'],
    ['a receipt number as typed', 'RES11-00000003', 'res11-00000003'],
    ['full-width hyphen', 'ＲＥＳ１１－０００', 'res11-000'],
    ['ideographic space removed', '株式会社　富士', '株式会社富士'],
    ['ASCII spaces, tabs and newlines removed', ' 株式会社 \t富士\n精機 ', '株式会社富士精機'],
    ['（株） full-width parentheses', '（株）富士', '株式会社富士'],
    ['(株) half-width parentheses', '(株)富士', '株式会社富士'],
    ['㈱ the enclosed character', '㈱富士', '株式会社富士'],
    ['㍿ the square character', '富士㍿', '富士株式会社'],
    ['（有）', '（有）昭和木工', '有限会社昭和木工'],
    ['㈲', '㈲昭和木工', '有限会社昭和木工'],
    ['(合) after the name', '信栄テクノ(合)', '信栄テクノ合同会社'],
    ['（一社） is not (社)', '（一社）地域振興会', '一般社団法人地域振興会'],
    ['（社）', '（社）地域振興会', '社団法人地域振興会'],
    ['spaces inside the parentheses', '( 株 )富士', '株式会社富士'],
    ['half-width katakana', 'ﾌｼﾞ', 'フジ'],
    ['ASCII letters lower-cased', 'ABC Trading', 'abctrading'],
    ['already normal', '株式会社富士精機', '株式会社富士精機'],
    ['empty', '', ''],
  ])('%s: %s → %s', (_what, input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });

  it('is idempotent on its own output', () => {
    for (const input of ['ＲＥＳ１１', '（株）富士', '㈲ 昭和', 'ABC']) {
      expect(normalizeSearchText(normalizeSearchText(input))).toBe(normalizeSearchText(input));
    }
  });

  it('spells out every alias, whichever parentheses were typed', () => {
    for (const [abbreviation, full] of COMPANY_NAME_ALIASES) {
      const fullWidth = abbreviation.replace('(', '（').replace(')', '）');
      expect(normalizeSearchText(`${fullWidth}富士`)).toBe(`${full}富士`);
      expect(normalizeSearchText(`${full} 富士`)).toBe(`${full}富士`);
    }
  });
});
