import { corporateNumberCheckDigit, validateCorporateNumber } from './corporate-number';

describe('corporateNumberCheckDigit', () => {
  // Hand computation, digits of the 12-digit base read from the right (n = 1 is the last digit):
  // 国税庁 000012050002: 2×1 + 5×1 (n=5) + 2×1 (n=7) + 1×2 (n=8) = 11; 11 mod 9 = 2; 9 − 2 = 7.
  // トヨタ自動車 180301018771: 1×1 + 7×2 + 7×1 + 8×2 + 1×1 + 0×2 + 1×1 + 0×2 + 3×1 + 0×2 + 8×1 + 1×2
  //   = 53; 53 mod 9 = 8; 9 − 8 = 1.
  // 000000000009: 9×1 = 9; 9 mod 9 = 0; 9 − 0 = 9 (the sum divisible by 9 gives 9, never 0).
  it.each`
    rule                                        | base              | digit
    ${'国税庁 7000012050002'}                   | ${'000012050002'} | ${7}
    ${'トヨタ自動車 1180301018771'}             | ${'180301018771'} | ${1}
    ${'sum divisible by 9 gives check digit 9'} | ${'000000000009'} | ${9}
    ${'all zero base gives 9'}                  | ${'000000000000'} | ${9}
    ${'even position doubles: 10 → 2, 9−2=7'}   | ${'000000000010'} | ${7}
  `('$rule', ({ base, digit }) => {
    expect(corporateNumberCheckDigit(base)).toBe(digit);
  });

  it('rejects a base that is not 12 digits', () => {
    expect(() => corporateNumberCheckDigit('12345')).toThrow(RangeError);
  });
});

describe('validateCorporateNumber', () => {
  it.each`
    rule                                           | input
    ${'valid: 国税庁'}                             | ${'7000012050002'}
    ${'valid: トヨタ自動車'}                       | ${'1180301018771'}
    ${'valid: check digit 9 (sum divisible by 9)'} | ${'9000000000000'}
  `('$rule', ({ input }) => {
    expect(validateCorporateNumber(input)).toEqual({ ok: true });
  });

  it.each`
    rule                                        | input                             | code                                  | message
    ${'empty'}                                  | ${''}                             | ${'corporateNumber.empty'}            | ${'入力されていません'}
    ${'full-width digits'}                      | ${'７０００００１２０５０００２'} | ${'corporateNumber.fullWidthDigits'}  | ${'全角数字'}
    ${'mixed full-width digit'}                 | ${'700001205000２'}               | ${'corporateNumber.fullWidthDigits'}  | ${'全角数字'}
    ${'ASCII hyphens'}                          | ${'7-0000-1205-0002'}             | ${'corporateNumber.hyphen'}           | ${'ハイフン'}
    ${'full-width hyphen'}                      | ${'7－000012050002'}              | ${'corporateNumber.hyphen'}           | ${'ハイフン'}
    ${'space'}                                  | ${'7000 012050002'}               | ${'corporateNumber.whitespace'}       | ${'空白'}
    ${'letter'}                                 | ${'T000012050002'}                | ${'corporateNumber.invalidCharacter'} | ${'数字以外'}
    ${'12 digits'}                              | ${'700001205000'}                 | ${'corporateNumber.length'}           | ${'入力された桁数: 12桁'}
    ${'14 digits'}                              | ${'70000120500021'}               | ${'corporateNumber.length'}           | ${'入力された桁数: 14桁'}
    ${'wrong check digit (8 instead of 7)'}     | ${'8000012050002'}                | ${'corporateNumber.checkDigit'}       | ${'先頭の数字 8、残り12桁から計算した値 7'}
    ${'leading 0 is never a valid check digit'} | ${'0180301018771'}                | ${'corporateNumber.checkDigit'}       | ${'先頭の数字 0、残り12桁から計算した値 1'}
    ${'transposed digits in the base'}          | ${'1180301018717'}                | ${'corporateNumber.checkDigit'}       | ${'先頭の数字 1'}
  `('rejects $rule', ({ input, code, message }) => {
    const result = validateCorporateNumber(input);
    expect(result).toMatchObject({ ok: false, code, field: 'corporateNumber' });
    expect(result.ok === false && result.message).toContain(message);
  });
});
