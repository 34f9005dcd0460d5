import { parseBankAccount, type BankAccountInput } from './bank-account';
import { toZenginText } from './zengin-kana';

const valid: BankAccountInput = { bankCode: '0001', branchCode: '001', depositType: '1', accountNumber: '1234567', accountHolderKana: 'ｶ)ｼﾞﾑｷﾖｸ' };

describe('toZenginText: a 全銀 text field typed by a person', () => {
  it.each([
    ['half-width kana stay as they are', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['full-width katakana become half-width, voiced marks split off', 'ヤマダ　タロウ', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['ﾊﾟ行 takes the 半濁点', 'パピプペポ', 'ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ'],
    ['ヴ is ｳ with the 濁点', 'ヴ', 'ｳﾞ'],
    ['hiragana read as katakana', 'やまだ たろう', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['small kana are written large, as banks register names', 'キュウヨ ショウイチ', 'ｷﾕｳﾖ ｼﾖｳｲﾁ'],
    ['half-width small kana are written large too', 'ｷｬｯﾁ', 'ｷﾔﾂﾁ'],
    ['the 長音 is written as the hyphen', 'データー', 'ﾃﾞ-ﾀ-'],
    ['the half-width 長音 likewise', 'ﾃﾞｰﾀ', 'ﾃﾞ-ﾀ'],
    ['lower-case letters are upper-cased, full-width letters and digits read', 'ｶ)abcＸＹＺ１２３', 'ｶ)ABCXYZ123'],
    ['full-width symbols of the set become half-width', '（カ）．，／－「」', '(ｶ).,/-｢｣'],
    ['spaces trimmed and collapsed', '  ﾔﾏﾀﾞ   ﾀﾛｳ  ', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['ヲ has a half-width form', 'ヲ', 'ｦ'],
    ['a separate spacing 濁点 joins the kana before it', 'カ゛', 'ｶﾞ'],
  ])('%s: %j → %j', (_rule, typed, expected) => {
    expect(toZenginText(typed, '口座名義', 30)).toEqual({ ok: true, text: expected });
  });

  it.each([
    ['kanji', '山田太郎', '「山」'],
    ['the 中黒', 'ヤマダ・タロウ', '「・」'],
    ['ヰ (no half-width form)', 'ヰ', '「ヰ」'],
    ['the yen sign', '¥100', '「¥」'],
    ['an ampersand', 'A&B', '「&」'],
    ['an emoji', 'ﾀﾛｳ😀', '「😀」'],
    ['the circled 株 (its reading holds a kanji)', '㈱ｼﾞﾑｷﾖｸ', '「㈱」'],
  ])('refuses %s, naming the character', (_what, typed, named) => {
    const parsed = toZenginText(typed, '口座名義', 30);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toContain(named);
      expect(parsed.reason).toContain('口座名義に使えない文字');
    }
  });

  it('counts the voiced marks as characters of their own against the length', () => {
    expect(toZenginText('ガ'.repeat(15), '口座名義', 30)).toEqual({ ok: true, text: 'ｶﾞ'.repeat(15) });
    const over = toZenginText('ガ'.repeat(16), '口座名義', 30);
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.reason).toContain('32文字');
  });

  it.each([
    ['a 濁点 at the start', 'ﾞｱ', '先頭'],
    ['a 濁点 on a kana that takes none', 'ｱﾞ', '「ｱ」の後'],
    ['a 半濁点 on a カ行 kana', 'ｶﾟ', '「ｶ」の後'],
  ])('refuses %s', (_what, typed, where) => {
    const parsed = toZenginText(typed, '口座名義', 30);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(where);
  });

  it('refuses an empty required field and takes an empty optional one', () => {
    expect(toZenginText('  ', '口座名義', 30)).toEqual({ ok: false, reason: '口座名義を入力してください。' });
    expect(toZenginText('', '支店名', 15, { required: false })).toEqual({ ok: true, text: '' });
  });
});

describe('parseBankAccount: a payee bank account validated on entry', () => {
  it('takes a complete account as the file needs it', () => {
    expect(parseBankAccount(valid)).toEqual({
      ok: true,
      account: { bankCode: '0001', branchCode: '001', depositType: '1', accountNumber: '1234567', accountHolderKana: 'ｶ)ｼﾞﾑｷﾖｸ' },
    });
  });

  it.each([
    ['full-width digits', { bankCode: '０００５', branchCode: '１２３' }, { bankCode: '0005', branchCode: '123' }],
    ['a short 口座番号 is left-padded with 0 to 7 digits', { accountNumber: '12345' }, { accountNumber: '0012345' }],
    ['a 口座番号 given as a number', { accountNumber: 987654 }, { accountNumber: '0987654' }],
    ['預金種目 by name: 当座', { depositType: '当座' }, { depositType: '2' }],
    ['預金種目 by name: 貯蓄預金', { depositType: '貯蓄預金' }, { depositType: '4' }],
    ['預金種目 as a number', { depositType: 1 }, { depositType: '1' }],
    ['口座名義 typed in full-width katakana', { accountHolderKana: 'カ）ジムキョク' }, { accountHolderKana: 'ｶ)ｼﾞﾑｷﾖｸ' }],
  ])('reads %s', (_rule, input, expected) => {
    const parsed = parseBankAccount({ ...valid, ...input });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.account).toMatchObject(expected);
  });

  it.each([
    ['bankCode', { bankCode: '001' }, '金融機関コードは4桁'],
    ['bankCode', { bankCode: '00011' }, '金融機関コードは4桁'],
    ['bankCode', { bankCode: 'ABCD' }, '金融機関コードは4桁'],
    ['bankCode', { bankCode: null }, '金融機関コードは4桁'],
    ['branchCode', { branchCode: '01' }, '支店コードは3桁'],
    ['branchCode', { branchCode: '0001' }, '支店コードは3桁'],
    ['depositType', { depositType: '9' }, '普通（1）・当座（2）・貯蓄（4）'],
    ['depositType', { depositType: '3' }, '普通（1）・当座（2）・貯蓄（4）'],
    ['depositType', { depositType: undefined }, '普通（1）・当座（2）・貯蓄（4）'],
    // names every object has on its prototype are not 預金種目 (they were a CHECK violation, a 500)
    ['depositType', { depositType: 'toString' }, '普通（1）・当座（2）・貯蓄（4）'],
    ['depositType', { depositType: '__proto__' }, '普通（1）・当座（2）・貯蓄（4）'],
    ['depositType', { depositType: 'constructor' }, '普通（1）・当座（2）・貯蓄（4）'],
    ['accountNumber', { accountNumber: '12345678' }, 'ゆうちょ銀行'],
    ['accountNumber', { accountNumber: '123-4567' }, '口座番号は数字7桁'],
    ['accountNumber', { accountNumber: '' }, '口座番号は数字7桁'],
    ['accountNumber', { accountNumber: '0000' }, '0 だけ'],
    ['accountNumber', { accountNumber: -5 }, '口座番号は数字7桁'],
    ['accountHolderKana', { accountHolderKana: '事務局' }, '「事」'],
    ['accountHolderKana', { accountHolderKana: '' }, '口座名義（カナ）を入力してください'],
    ['accountHolderKana', { accountHolderKana: 42 }, '口座名義（カナ）を入力してください'],
    ['accountHolderKana', { accountHolderKana: 'ｱ'.repeat(31) }, '30文字以内'],
  ])('refuses a wrong %s with a Japanese message for that field (%j)', (field, input, message) => {
    const parsed = parseBankAccount({ ...valid, ...input });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(Object.keys(parsed.errors)).toEqual([field]);
      expect(parsed.errors[field as keyof typeof parsed.errors]).toContain(message);
    }
  });

  it('reports every wrong field at once', () => {
    const parsed = parseBankAccount({});
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors).sort()).toEqual(['accountHolderKana', 'accountNumber', 'bankCode', 'branchCode', 'depositType']);
  });
});
