import { correctionIdentityProblems } from './correction-identity';

const before = { applicantName: '株式会社テスト製作所', corporateNumber: '1234567890123' };

describe('correctionIdentityProblems', () => {
  it.each([
    ['nothing changed', before],
    ['the 法人番号 corrected alone', { ...before, corporateNumber: '9876543210987' }],
    ['the 事業者名 corrected alone', { ...before, applicantName: '株式会社テスト工業' }],
    ['the name written otherwise, the 法人番号 corrected', { applicantName: '（株）テスト製作所 ', corporateNumber: '9876543210987' }],
  ])('accepts %s', (_, after) => {
    expect(correctionIdentityProblems(before, after)).toEqual([]);
  });

  const soleProprietor = { applicantName: '山田 太郎', corporateNumber: null };
  it.each([
    ['both changed', before, { applicantName: '合同会社べつの会社', corporateNumber: '9876543210987' }],
    ['a 個人事業主 becoming a company of another name', soleProprietor, { applicantName: '株式会社べつの会社', corporateNumber: '9876543210987' }],
    ['a company becoming a 個人事業主 of another name', before, soleProprietor],
  ])('refuses %s, saying to file a new application', (_, from, after) => {
    const problems = correctionIdentityProblems(from, after);
    expect(problems).toEqual([{ field: 'applicant', message: expect.stringContaining('申請時の法人番号と事業者名の両方を変更することはできません') }]);
    expect(problems[0].message).toContain('新たな申請として提出してください');
  });
});
