import { applicant } from './__tests__/fixtures';
import {
  checkCertifiedAdvisorPlan,
  checkFinancialInstitutionAbove30M,
  checkLossMakingPreviousYear,
  checkRehabilitationPlan,
  checkSmallBusinessOnly,
} from './plan-and-applicant-checks';

const MAN = 10_000;

describe('certifiedAdvisorPlan', () => {
  it.each`
    rule                              | certifiedAdvisor                                  | ok       | field                      | message
    ${'name and ID given'}            | ${{ name: '○○税理士事務所', id: '106513000110' }} | ${true}  | ${undefined}               | ${undefined}
    ${'no advisor at all'}            | ${undefined}                                      | ${false} | ${'certifiedAdvisor.name'} | ${'支援機関の名称と認定支援機関IDが入力されていません'}
    ${'name without ID'}              | ${{ name: '○○銀行' }}                             | ${false} | ${'certifiedAdvisor.id'}   | ${'支援機関の認定支援機関IDが入力されていません'}
    ${'blank name counts as missing'} | ${{ name: '  ', id: '106513000110' }}             | ${false} | ${'certifiedAdvisor.name'} | ${'支援機関の名称が入力されていません'}
  `('$rule', ({ certifiedAdvisor, ok, field, message }) => {
    const result = checkCertifiedAdvisorPlan(applicant(), { certifiedAdvisor });
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result).toMatchObject({ code: 'certifiedAdvisorPlan.missingAdvisor', field });
      expect(result.message).toContain(message);
    }
  });
});

describe('financialInstitutionAbove30M (補助金額3,000万円超は金融機関も必須)', () => {
  it.each`
    rule                                                   | subsidyAmount     | financialInstitution      | certifiedAdvisor                                             | ok       | code
    ${'exactly 3,000万 needs no financial institution'}    | ${3000 * MAN}     | ${undefined}              | ${undefined}                                                 | ${true}  | ${undefined}
    ${'3,000万+1円 without a financial institution fails'} | ${3000 * MAN + 1} | ${undefined}              | ${undefined}                                                 | ${false} | ${'financialInstitutionAbove30M.missingFinancialInstitution'}
    ${'3,000万+1円 with a financial institution passes'}   | ${3000 * MAN + 1} | ${{ name: '○○信用金庫' }} | ${undefined}                                                 | ${true}  | ${undefined}
    ${'advisor that is a bank serves as the institution'}  | ${8000 * MAN}     | ${undefined}              | ${{ name: '○○銀行', id: '1', isFinancialInstitution: true }} | ${true}  | ${undefined}
    ${'advisor that is not a bank does not'}               | ${8000 * MAN}     | ${{ name: ' ' }}          | ${{ name: '○○税理士事務所', id: '1' }}                       | ${false} | ${'financialInstitutionAbove30M.missingFinancialInstitution'}
    ${'subsidy amount unknown'}                            | ${undefined}      | ${undefined}              | ${undefined}                                                 | ${false} | ${'financialInstitutionAbove30M.missingSubsidyAmount'}
  `('$rule', ({ subsidyAmount, financialInstitution, certifiedAdvisor, ok, code }) => {
    const result = checkFinancialInstitutionAbove30M(applicant(), { subsidyAmount, financialInstitution, certifiedAdvisor });
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.code).toBe(code);
  });

  it('names the amount and the threshold', () => {
    const result = checkFinancialInstitutionAbove30M(applicant(), { subsidyAmount: 30_000_001 });
    expect(result.ok === false && result.message).toContain('補助金額 30,000,001円 は 3,000万円 を超える');
  });
});

describe('lossMakingPreviousYear (ものづくり 回復型賃上げ・雇用拡大枠)', () => {
  it.each`
    rule                    | lossMaking   | ok       | code
    ${'loss-making passes'} | ${true}      | ${true}  | ${undefined}
    ${'profitable fails'}   | ${false}     | ${false} | ${'lossMakingPreviousYear.notLossMaking'}
    ${'not declared fails'} | ${undefined} | ${false} | ${'lossMakingPreviousYear.notDeclared'}
  `('$rule', ({ lossMaking, ok, code }) => {
    const result = checkLossMakingPreviousYear(applicant({ lossMaking }));
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result).toMatchObject({ code, field: 'lossMaking' });
  });
});

describe('rehabilitationPlan (再生事業者)', () => {
  it.each`
    rule                     | inRehabilitation | ok
    ${'再生計画あり passes'} | ${true}          | ${true}
    ${'再生計画なし fails'}  | ${false}         | ${false}
    ${'not declared fails'}  | ${undefined}     | ${false}
  `('$rule', ({ inRehabilitation, ok }) => {
    const result = checkRehabilitationPlan(applicant({ inRehabilitation }));
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result).toMatchObject({ code: 'rehabilitationPlan.noPlan', field: 'inRehabilitation' });
  });
});

describe('smallBusinessOnly (持続化補助金)', () => {
  it.each`
    rule                     | sizeClass          | ok       | message
    ${'小規模事業者 passes'} | ${'smallBusiness'} | ${true}  | ${undefined}
    ${'中小企業者 fails'}    | ${'sme'}           | ${false} | ${'申請者の規模区分: 中小企業者（小規模事業者以外）、従業員数 8人'}
    ${'中堅企業 fails'}      | ${'midsize'}       | ${false} | ${'中堅企業'}
  `('$rule', ({ sizeClass, ok, message }) => {
    const result = checkSmallBusinessOnly(applicant({ sizeClass, employeeCount: 8 }));
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.message).toContain(message);
  });
});
