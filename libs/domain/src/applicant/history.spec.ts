import { programmesOverlap } from '../catalogue/overlaps';
import {
  historyBases,
  historyFlags,
  matchApplicant,
  normalizeAddress,
  normalizeInvoiceNumber,
  sameExpense,
  type ApplicantIdentity,
  type HistoryApplication,
} from './history';

const corp = (fields: Partial<ApplicantIdentity> = {}): ApplicantIdentity => ({
  kind: 'corporation',
  name: '株式会社富士精機',
  corporateNumber: '1180301018771',
  ...fields,
});
const sole = (fields: Partial<ApplicantIdentity> = {}): ApplicantIdentity => ({
  kind: 'soleProprietor',
  name: '山田 花子',
  address: '北海道札幌市中央区北1条西2丁目3番4号',
  birthDate: '1980-04-01',
  ...fields,
});

describe('the applicant key (docs/applicant-history.md)', () => {
  it.each([
    ['the same 法人番号 is certain', corp(), corp({ name: '富士精機（株）' }), { match: 'exact', basis: 'corporateNumber' }],
    ['another 法人番号 is someone else', corp(), corp({ corporateNumber: '2180301018770' }), null],
    [
      'the same インボイス登録番号, typed differently, is certain',
      sole({ invoiceNumber: 'T1234567890123' }),
      sole({ name: '別名', invoiceNumber: 'Ｔ1234-5678-90123' }),
      { match: 'exact', basis: 'invoiceNumber' },
    ],
    [
      "a corporation's インボイス登録番号 is T + its 法人番号",
      corp({ corporateNumber: null, invoiceNumber: 'T1180301018771' }),
      corp(),
      { match: 'exact', basis: 'invoiceNumber' },
    ],
    [
      'a 個人事業者 with the same name, 住所 and 生年月日, written differently, is probable',
      sole(),
      sole({ name: '山田　花子', address: '北海道札幌市中央区北１条西２－３－４' }),
      { match: 'probable', basis: 'nameAddressBirthDate' },
    ],
    ['another 生年月日 is someone else', sole(), sole({ birthDate: '1980-04-02' }), null],
    ['another 住所 is someone else', sole(), sole({ address: '北海道札幌市中央区北1条西2丁目3番5号' }), null],
    ['no 住所: no probable match', sole({ address: null }), sole({ address: null }), null],
    ['a corporation is never matched by name alone', corp({ corporateNumber: null }), corp({ corporateNumber: null }), null],
  ])('%s', (_rule, a, b, expected) => {
    expect(matchApplicant(a, b)).toEqual(expected);
    expect(matchApplicant(b, a)).toEqual(expected);
  });

  it.each([
    ['a corporation with its 法人番号', corp(), ['corporateNumber']],
    ['a 個人事業者 with 住所 and 生年月日', sole(), ['nameAddressBirthDate']],
    ['a 個人事業者 with an インボイス登録番号 too', sole({ invoiceNumber: 'T1234567890123' }), ['invoiceNumber', 'nameAddressBirthDate']],
    ['a 個人事業者 without 生年月日 and invoice number', sole({ birthDate: null }), []],
  ])('%s: looked up by its keys', (_what, a, bases) => {
    expect(historyBases(a)).toEqual(bases);
  });

  it.each([
    ['T1234567890123', 'T1234567890123'],
    ['t 1234-5678-90123', 'T1234567890123'],
    ['1234567890123', null],
    ['T123', null],
    ['', null],
  ])('invoice number %j → %j', (typed, expected) => expect(normalizeInvoiceNumber(typed)).toBe(expected));

  it.each([
    ['北海道札幌市中央区北1条西2丁目3番4号', '北海道札幌市中央区北1条西2-3-4'],
    ['北海道札幌市中央区北１条西２－３－４', '北海道札幌市中央区北1条西2-3-4'],
    ['東京都千代田区丸の内1丁目1番地', '東京都千代田区丸の内1-1'],
  ])('住所 %s → %s', (typed, expected) => expect(normalizeAddress(typed)).toBe(expected));
});

describe('the flags for the reviewer', () => {
  const earlier = (fields: Partial<HistoryApplication> = {}): HistoryApplication => ({
    id: 'e1',
    receiptNumber: 'RES10-00000001',
    programCode: 'restructuring',
    programName: '事業再構築補助金',
    roundName: '第10回公募',
    adopted: true,
    match: 'exact',
    expenses: [{ expenseType: 'machinery', description: '5軸マシニングセンタ' }],
    ...fields,
  });
  const current = { programCode: 'restructuring', expenses: [{ expenseType: 'machinery', description: '５軸マシニングセンタ 1台' }] };

  it('flags an expense an adopted application had, and a second 採択 in the same programme', () => {
    expect(historyFlags(current, [earlier()]).map((f) => f.kind)).toEqual(['overlappingAdoption', 'expenseAlreadySubsidised']);
  });

  it('counts only adopted applications', () => {
    expect(historyFlags(current, [earlier({ adopted: false })])).toEqual([]);
  });

  it('flags an 採択 in an overlapping programme (事業再構築 → ものづくり), not in an unrelated one', () => {
    const other = { programCode: 'monozukuri', expenses: [] };
    expect(historyFlags(other, [earlier()]).map((f) => f.kind)).toEqual(['overlappingAdoption']);
    expect(historyFlags({ programCode: 'sustainability', expenses: [] }, [earlier()])).toEqual([]);
  });

  it('says when the match is only probable', () => {
    expect(historyFlags(current, [earlier({ match: 'probable' })])[0]!.message).toContain('推定一致');
  });

  it.each([
    ['the same type and description', { expenseType: 'machinery', description: '加工機' }, { expenseType: 'machinery', description: '加工機' }, true],
    [
      'one description contains the other',
      { expenseType: 'machinery', description: 'CNC旋盤' },
      { expenseType: 'machinery', description: 'ＣＮＣ旋盤 2台' },
      true,
    ],
    ['another 経費区分', { expenseType: 'machinery', description: '加工機' }, { expenseType: 'system', description: '加工機' }, false],
    ['too short to tell', { expenseType: 'machinery', description: '機械' }, { expenseType: 'machinery', description: '機械装置一式' }, false],
    ['no description', { expenseType: 'machinery' }, { expenseType: 'machinery' }, false],
  ])('same expense: %s', (_what, a, b, expected) => expect(sameExpense(a, b)).toBe(expected));

  it('overlapping programmes are one table', () => {
    expect(programmesOverlap('restructuring', 'monozukuri')).toContain('設備投資');
    expect(programmesOverlap('monozukuri', 'restructuring')).toContain('設備投資');
    expect(programmesOverlap('restructuring', 'restructuring')).toBe('同じ事業');
    expect(programmesOverlap('restructuring', 'sustainability')).toBeNull();
  });
});
