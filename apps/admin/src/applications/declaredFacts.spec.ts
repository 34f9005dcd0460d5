import { declaredFactLines } from './application';

const none = { annualRevenue: null, lossMaking: null, inRehabilitation: null, participantCount: null, prefectureCount: null, financialInstitution: null };
const yesNo = (v: boolean) => (v ? 'はい' : 'いいえ');

describe('declaredFactLines: what the applicant declared for the rules, on the 申請内容 tab', () => {
  it('shows nothing the applicant did not declare', () => {
    expect(declaredFactLines(none, yesNo)).toEqual([]);
  });

  it('shows each declared fact in Japanese, a declared いいえ included', () => {
    expect(
      declaredFactLines(
        {
          annualRevenue: 120_000_000,
          lossMaking: false,
          inRehabilitation: true,
          participantCount: 10,
          prefectureCount: 2,
          financialInstitution: { name: '東西銀行' },
        },
        yesNo,
      ),
    ).toEqual([
      { source: 'annualRevenue', text: '120,000,000円' },
      { source: 'lossMaking', text: 'いいえ' },
      { source: 'inRehabilitation', text: 'はい' },
      { source: 'participantCount', text: '10者' },
      { source: 'prefectureCount', text: '2都道府県' },
      { source: 'financialInstitution', text: '東西銀行' },
    ]);
  });
});
