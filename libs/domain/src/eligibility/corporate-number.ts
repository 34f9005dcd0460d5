import { CheckResult, failed, passed } from './result';

/**
 * 法人番号 (corporateNumber): 13 half-width digits; the FIRST digit is a check digit over the other 12
 * (国税庁「法人番号の指定等に関する省令」第2条):
 *
 *   check digit = 9 − (Σ_{n=1..12} P_n × Q_n  mod 9)
 *
 * where P_n is the n-th digit of the 12-digit base counted from its RIGHT end (the lowest digit is
 * n = 1) and Q_n = 1 for odd n, 2 for even n. The result is always 1…9, so a leading 0 is never valid.
 */
export const corporateNumberCheckDigit = (base12: string): number => {
  if (!/^[0-9]{12}$/.test(base12)) throw new RangeError(`base must be 12 half-width digits, got "${base12}"`);
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base12[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
};

const FIELD = 'corporateNumber';
const FULL_WIDTH_DIGIT = /[０-９]/;
// ASCII hyphen-minus, Unicode hyphens and dashes, minus sign, katakana 長音, full- and half-width forms.
const HYPHEN = /[-‐‑‒–—―−ーｰ－]/;
const WHITESPACE = /\s/;

/**
 * Validates a 法人番号 as typed by a person. The first problem found is reported, in this order
 * (each with its own code and message): empty, full-width digits, hyphens, spaces, other
 * characters, length, check digit. Full-width digits and hyphens are rejected rather than
 * normalised: the value is stored and matched exactly as the 国税庁 publishes it.
 */
export const validateCorporateNumber = (input: string): CheckResult => {
  if (input.length === 0) {
    return failed('corporateNumber.empty', '法人番号が入力されていません（13桁の半角数字）。', FIELD);
  }
  if (FULL_WIDTH_DIGIT.test(input)) {
    return failed('corporateNumber.fullWidthDigits', '法人番号に全角数字が含まれています。半角数字13桁で入力してください。', FIELD);
  }
  if (HYPHEN.test(input)) {
    return failed('corporateNumber.hyphen', '法人番号にハイフン等の区切り文字は入れられません。半角数字13桁のみを入力してください。', FIELD);
  }
  if (WHITESPACE.test(input)) {
    return failed('corporateNumber.whitespace', '法人番号に空白が含まれています。半角数字13桁のみを入力してください。', FIELD);
  }
  if (!/^[0-9]+$/.test(input)) {
    return failed('corporateNumber.invalidCharacter', '法人番号に数字以外の文字が含まれています。半角数字13桁で入力してください。', FIELD);
  }
  if (input.length !== 13) {
    return failed('corporateNumber.length', `法人番号は13桁です（入力された桁数: ${input.length}桁）。`, FIELD, { length: input.length });
  }
  const expected = corporateNumberCheckDigit(input.slice(1));
  const actual = Number(input[0]);
  if (expected !== actual) {
    return failed(
      'corporateNumber.checkDigit',
      `法人番号のチェックデジットが一致しません（先頭の数字 ${actual}、残り12桁から計算した値 ${expected}）。番号を確認してください。`,
      FIELD,
      { expected, actual },
    );
  }
  return passed();
};
