import { applicant, flat, sales } from './__tests__/fixtures';
import { ELIGIBILITY_CHECKS, ELIGIBILITY_REQUIREMENT_CODES, checkEligibility } from './check-eligibility';

// 2019: 1,000,000 a month; 2020-04…2020-09: 880,000 (12% down); 2020-10…2021-03: 970,000 (3% down).
const secondWaveRecovered = sales({
  ...flat('2019-01', '2019-12', 1_000_000),
  ...flat('2020-04', '2020-09', 880_000),
  ...flat('2020-10', '2021-03', 970_000),
});
const advisor = { certifiedAdvisor: { name: '○○税理士事務所', id: '1' } };

describe('checkEligibility', () => {
  it.each`
    rule                                                              | requirements                                                                                   | profile                                             | context    | failing                                                                                        | manual
    ${'第6回 通常枠: 10% test and advisor both met'}                  | ${['salesDecline10pct', 'certifiedAdvisorPlan']}                                               | ${{ monthlySales: secondWaveRecovered }}            | ${advisor} | ${[]}                                                                                          | ${[]}
    ${'第5回 通常枠: the extra 5% test since 2020-10 fails (3%)'}     | ${['salesDecline10pct', 'salesDecline5pctSince202010', 'certifiedAdvisorPlan']}                | ${{ monthlySales: secondWaveRecovered }}            | ${advisor} | ${['salesDecline5pctSince202010']}                                                             | ${[]}
    ${'all failures are returned, not just the first'}                | ${['smallBusinessOnly', 'groupApplication', 'lossMakingPreviousYear', 'certifiedAdvisorPlan']} | ${{ sizeClass: 'sme', lossMaking: false }}          | ${{}}      | ${['smallBusinessOnly', 'groupApplication', 'lossMakingPreviousYear', 'certifiedAdvisorPlan']} | ${[]}
    ${'codes without an automated check are manual, never passed'}    | ${['covidImpact', 'preCheck', 'smallBusinessOnly']}                                            | ${{ sizeClass: 'smallBusiness', employeeCount: 3 }} | ${{}}      | ${[]}                                                                                          | ${['covidImpact', 'preCheck']}
    ${'anyOf: 再生計画 satisfies the 回復・再生応援枠 alternative'}   | ${[{ anyOf: ['recoverySalesDecline30pct', 'rehabilitationPlan'] }]}                            | ${{ inRehabilitation: true }}                       | ${{}}      | ${[]}                                                                                          | ${[]}
    ${'anyOf: none met fails once, naming every alternative'}         | ${[{ anyOf: ['groupApplication', 'employees101plus'] }]}                                       | ${{ employeeCount: 5 }}                             | ${{}}      | ${['groupApplication|employees101plus']}                                                       | ${[]}
    ${'anyOf: an unmet automated and a manual alternative is manual'} | ${[{ anyOf: ['employees101plus', 'greenGrowth'] }]}                                            | ${{ employeeCount: 5 }}                             | ${{}}      | ${[]}                                                                                          | ${['employees101plus|greenGrowth']}
    ${'a repeated code runs once'}                                    | ${['smallBusinessOnly', 'smallBusinessOnly']}                                                  | ${{ sizeClass: 'sme' }}                             | ${{}}      | ${['smallBusinessOnly']}                                                                       | ${[]}
    ${'no requirements: ok'}                                          | ${[]}                                                                                          | ${{}}                                               | ${{}}      | ${[]}                                                                                          | ${[]}
  `('$rule', ({ requirements, profile, context, failing, manual }) => {
    const report = checkEligibility(requirements, applicant(profile), context);
    expect(report.failures.map((f) => f.requirement)).toEqual(failing);
    expect(report.manual).toEqual(manual);
    expect(report.ok).toBe(failing.length === 0);
    // the declared 規模区分 first, then each distinct clause once
    expect(report.outcomes[0]).toMatchObject({ requirement: 'sizeClassDeclared', status: 'passed' });
    expect(report.outcomes).toHaveLength(
      1 + new Set(requirements.map((r: string | { anyOf: string[] }) => (typeof r === 'string' ? r : r.anyOf.join('|')))).size,
    );
  });

  it('judges the declared 規模区分 for every category: a failure refuses, an exception is left to a person', () => {
    const declaredSmall = applicant({ sizeClass: 'smallBusiness', industry: 'retail', employeeCount: 10, capital: 10_000_000 });
    const refused = checkEligibility([], declaredSmall);
    expect(refused.ok).toBe(false);
    expect(refused.failures).toEqual([expect.objectContaining({ requirement: 'sizeClassDeclared', code: 'sizeClassDeclared.mismatch', field: 'sizeClass' })]);
    // a 旅館 of 150 people is a 中小企業者 by the 政令 only: a person checks it
    const inn = checkEligibility([], applicant({ sizeClass: 'sme', industry: 'service', employeeCount: 150, capital: 80_000_000 }));
    expect(inn).toMatchObject({ ok: true, manual: ['sizeClassDeclared'] });
    // a category listing the code does not judge it twice
    expect(checkEligibility(['sizeClassDeclared'], declaredSmall).outcomes).toHaveLength(1);
  });

  it('an anyOf failure lists each alternative with its numbers', () => {
    const [failure] = checkEligibility([{ anyOf: ['groupApplication', 'employees101plus'] }], applicant({ employeeCount: 5 })).failures;
    expect(failure).toMatchObject({ code: 'anyOf.noneMet', requirement: 'groupApplication|employees101plus' });
    expect(failure.message).toContain('(1) この類型は2者以上の連携');
    expect(failure.message).toContain('(2) この類型は従業員数101人以上の事業者が対象です（従業員数 5人 < 101人）');
  });

  it('an empty anyOf is a configuration failure', () => {
    expect(checkEligibility([{ anyOf: [] }], applicant()).failures[0].code).toBe('anyOf.empty');
  });

  it('passed outcomes carry the figures behind the decision', () => {
    const report = checkEligibility(['salesDecline10pct'], applicant({ monthlySales: secondWaveRecovered }));
    // best 3 months: 2020-04…06, 2,640,000 vs 3,000,000 = 12%
    expect(report.outcomes[1]).toMatchObject({
      status: 'passed',
      details: {
        months: ['2020-04', '2020-05', '2020-06'],
        currentTotal: 2_640_000,
        comparisonTotal: 3_000_000,
        declineRate: { numerator: 3, denominator: 25 },
      },
    });
  });

  it('every automated requirement code has a check', () => {
    expect(ELIGIBILITY_REQUIREMENT_CODES.length).toBe(15);
    for (const code of ELIGIBILITY_REQUIREMENT_CODES) expect(typeof ELIGIBILITY_CHECKS[code]).toBe('function');
  });
});
