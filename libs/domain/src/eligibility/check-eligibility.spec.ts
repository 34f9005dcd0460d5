import { applicant, flat, sales } from './__tests__/fixtures';
import { ELIGIBILITY_CHECKS, ELIGIBILITY_REQUIREMENT_CODES, ELIGIBILITY_REQUIREMENT_LABELS, checkEligibility } from './check-eligibility';

// 2019: 1,000,000 a month; 2020-04…2020-09: 880,000 (12% down); 2020-10…2021-03: 970,000 (3% down).
const secondWaveRecovered = sales({
  ...flat('2019-01', '2019-12', 1_000_000),
  ...flat('2020-04', '2020-09', 880_000),
  ...flat('2020-10', '2021-03', 970_000),
});

describe('checkEligibility', () => {
  it.each`
    rule                                                                          | requirements                                                    | profile                                                             | context                                                                               | failing
    ${'第6回 通常枠: 10% test and advisor both met'}                               | ${['salesDecline10pct', 'certifiedAdvisorPlan']}               | ${{ monthlySales: secondWaveRecovered }}                            | ${{ certifiedAdvisor: { name: '○○税理士事務所', id: '1' } }}                          | ${[]}
    ${'第5回 通常枠: the extra 5% test since 2020-10 fails (3%)'}                  | ${['salesDecline10pct', 'salesDecline5pctSince202010', 'certifiedAdvisorPlan']} | ${{ monthlySales: secondWaveRecovered }} | ${{ certifiedAdvisor: { name: '○○税理士事務所', id: '1' } }}       | ${['salesDecline5pctSince202010']}
    ${'all failures are returned, not just the first'}                            | ${['smallBusinessOnly', 'groupApplication', 'lossMakingPreviousYear', 'certifiedAdvisorPlan']} | ${{ sizeClass: 'sme', lossMaking: false }} | ${{}}                                                | ${['smallBusinessOnly', 'groupApplication', 'lossMakingPreviousYear', 'certifiedAdvisorPlan']}
    ${'unknown requirement code is a failure, never a silent pass'}               | ${['salesDecline10pctt']}                                      | ${{}}                                                               | ${{}}                                                                                 | ${['salesDecline10pctt']}
    ${'a repeated code runs once'}                                                | ${['smallBusinessOnly', 'smallBusinessOnly']}                  | ${{ sizeClass: 'sme' }}                                             | ${{}}                                                                                 | ${['smallBusinessOnly']}
    ${'no requirements: eligible'}                                                | ${[]}                                                          | ${{}}                                                               | ${{}}                                                                                 | ${[]}
  `('$rule', ({ requirements, profile, context, failing }) => {
    const report = checkEligibility(requirements, applicant(profile), context);
    expect(report.failures.map((f) => f.requirement)).toEqual(failing);
    expect(report.ok).toBe(failing.length === 0);
    expect(report.outcomes.map((o) => o.requirement)).toEqual([...new Set(requirements)]);
  });

  it('reports an unknown code with its own code and message', () => {
    const [failure] = checkEligibility(['foo'], applicant()).failures;
    expect(failure).toMatchObject({ requirement: 'foo', code: 'unknownRequirement', message: expect.stringContaining('未知の要件コード「foo」') });
  });

  it('every requirement code has a check and a Japanese label', () => {
    for (const code of ELIGIBILITY_REQUIREMENT_CODES) {
      expect(typeof ELIGIBILITY_CHECKS[code]).toBe('function');
      expect(ELIGIBILITY_REQUIREMENT_LABELS[code]).toMatch(/\S/);
    }
  });
});
