import type { ApplicantProfile } from '../applicant';
import { subsidyCategory } from '../catalogue/__tests__/quote-helpers';
import { checkEligibility } from '../eligibility';
import { quote } from './quote';
import { quoteWithEligibility } from './quote-with-eligibility';

const STANDARD = subsidyCategory('restructuring.r3-sup', 'restructuring.standard');
const sme = { kind: 'corporation', sizeClass: 'sme', employeeCount: 30, capital: 30_000_000, monthlySales: [] } as unknown as ApplicantProfile;
const advisor = { name: '北海道経営支援センター', id: '106213000000' };

describe('quoteWithEligibility: the quote, then eligibility with the quoted amount as the 補助金額', () => {
  it.each([
    ['a small plan: the quote is within 3,000万円, no financial institution needed', 10_000_000, {}, false],
    ['a large plan: over 3,000万円 the financial institution is missing', 90_000_000, {}, true],
    ['a large plan with a financial institution named', 90_000_000, { financialInstitution: { name: '北洋銀行' } }, false],
    ['a subsidyAmount passed in is replaced by the quoted amount', 90_000_000, { subsidyAmount: 1 }, true],
  ])('%s', (_rule, amount, context, missingFinancialInstitution) => {
    const expenses = [{ expenseType: 'machinery', amount }];
    const result = quoteWithEligibility(STANDARD, sme, expenses, { certifiedAdvisor: advisor, ...context });
    const q = quote(STANDARD, sme, expenses);
    expect(result.quote).toEqual(q);
    expect(result.eligibility).toEqual(checkEligibility(STANDARD.requirements, sme, { certifiedAdvisor: advisor, ...context, subsidyAmount: q.amount }));
    expect(result.eligibility.failures.some((f) => f.requirement === 'financialInstitutionAbove30M')).toBe(missingFinancialInstitution);
  });
});
