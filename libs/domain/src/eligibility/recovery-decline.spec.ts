import { applicant, flat, sales } from './__tests__/fixtures';
import { checkMinimumWageSalesDecline30pct, checkRecoverySalesDecline30pct } from './recovery-decline';

describe('recoverySalesDecline30pct (2021年10月以降のいずれかの月 vs 2020年又は2019年同月 ≥30%, or 再生計画)', () => {
  it.each`
    rule                                                             | monthly                                                                                   | inRehabilitation | details
    ${'exactly 30% vs 2020: 700,000 vs 1,000,000'}                   | ${{ '2020-10': 1_000_000, '2021-10': 700_000 }}                                           | ${undefined}     | ${{ via: 'salesDecline', month: '2021-10', comparisonMonth: '2020-10', declineRate: { numerator: 3, denominator: 10 } }}
    ${'2019 counts when 2020 does not: 700,000 vs 1,000,000 (2019)'} | ${{ '2019-11': 1_000_000, '2020-11': 800_000, '2021-11': 700_000 }}                       | ${undefined}     | ${{ via: 'salesDecline', month: '2021-11', comparisonMonth: '2019-11' }}
    ${'any later month counts: 2022-02 down 60% vs 2020-02'}         | ${{ '2020-10': 1_000_000, '2021-10': 1_000_000, '2020-02': 500_000, '2022-02': 200_000 }} | ${undefined}     | ${{ month: '2022-02', comparisonMonth: '2020-02', declineRate: { numerator: 3, denominator: 5 } }}
    ${'再生計画 passes without any sales'}                           | ${{}}                                                                                     | ${true}          | ${{ via: 'rehabilitationPlan' }}
  `('passes: $rule', ({ monthly, inRehabilitation, details }) => {
    const result = checkRecoverySalesDecline30pct(applicant({ monthlySales: sales(monthly), inRehabilitation }));
    expect(result).toMatchObject({ ok: true, details });
  });

  it.each`
    rule                                               | monthly                                                                               | code                                            | message
    ${'just below 30%: 700,001 vs 1,000,000 (29.99%)'} | ${{ '2020-10': 1_000_000, '2021-10': 700_001 }}                                       | ${'recoverySalesDecline30pct.belowThreshold'}   | ${'2021年10月）の売上高 700,001円 と 2020年10月の売上高 1,000,000円 を比べた減少率 29.99% は 30% 未満'}
    ${'a month before 2021-10 does not count'}         | ${{ '2020-09': 1_000_000, '2021-09': 0, '2020-10': 1_000_000, '2021-10': 1_000_000 }} | ${'recoverySalesDecline30pct.belowThreshold'}   | ${'減少率 0.00% は 30% 未満'}
    ${'sales grew: negative decline rate'}             | ${{ '2020-10': 1_000_000, '2021-10': 1_200_000 }}                                     | ${'recoverySalesDecline30pct.belowThreshold'}   | ${'減少率 -20.00%'}
    ${'no comparable month since 2021-10'}             | ${{ '2021-10': 100 }}                                                                 | ${'recoverySalesDecline30pct.insufficientData'} | ${'判定に必要な月次売上高がありません'}
    ${'comparison month of 0円 cannot be measured'}    | ${{ '2020-10': 0, '2021-10': 0 }}                                                     | ${'recoverySalesDecline30pct.insufficientData'} | ${'判定に必要な月次売上高がありません'}
  `('fails: $rule', ({ monthly, code, message }) => {
    const result = checkRecoverySalesDecline30pct(applicant({ monthlySales: sales(monthly), inRehabilitation: false }));
    expect(result).toMatchObject({ ok: false, code, field: 'monthlySales' });
    expect(result.ok === false && result.message).toContain(message);
  });

  const monthly = sales({ '2019-12': 1_000_000, '2021-12': 600_000, '2020-10': 1_000_000, '2021-10': 900_000 });
  it.each`
    rule                                        | claimed      | ok       | code                                          | message
    ${'claimed 2021-12: 40% vs 2019-12 passes'} | ${'2021-12'} | ${true}  | ${undefined}                                  | ${undefined}
    ${'claimed 2021-10: 10% vs 2020-10 fails'}  | ${'2021-10'} | ${false} | ${'recoverySalesDecline30pct.belowThreshold'} | ${'指定された月（2021年10月）の売上高 900,000円 と 2020年10月の売上高 1,000,000円 を比べた減少率 10.00% は 30% 未満'}
    ${'claimed 2021-09 is before 2021-10'}      | ${'2021-09'} | ${false} | ${'recoverySalesDecline30pct.claimInvalid'}   | ${'2021年9月は対象外'}
    ${'claimed month malformed'}                | ${'R3-10'}   | ${false} | ${'recoverySalesDecline30pct.claimInvalid'}   | ${'「R3-10」の形式が不正'}
    ${'claimed month without sales'}            | ${'2022-01'} | ${false} | ${'recoverySalesDecline30pct.missingSales'}   | ${'2022年1月の売上高'}
  `('claimed month: $rule', ({ claimed, ok, code, message }) => {
    const result = checkRecoverySalesDecline30pct(applicant({ monthlySales: monthly }), {
      claimedMonths: { recoverySalesDecline30pct: claimed },
    });
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message).toContain(message);
    }
  });
});

describe('minimumWageSalesDecline30pct (最低賃金枠): the same 30% decline, without the 再生計画 alternative', () => {
  it('a 再生事業者 without the decline fails it, though it passes 回復・再生応援枠’s', () => {
    const rehabilitating = applicant({ inRehabilitation: true, monthlySales: sales(flat('2019-01', '2022-03', 1_000_000)) });
    expect(checkRecoverySalesDecline30pct(rehabilitating).ok).toBe(true);
    const result = checkMinimumWageSalesDecline30pct(rehabilitating);
    expect(result).toMatchObject({ ok: false, code: 'minimumWageSalesDecline30pct.belowThreshold' });
    expect(result.ok === false && result.message).not.toContain('再生計画');
  });

  it('a 30% decline passes it', () => {
    const declined = applicant({ monthlySales: sales({ ...flat('2019-01', '2021-09', 1_000_000), '2021-10': 700_000 }) });
    expect(checkMinimumWageSalesDecline30pct(declined).ok).toBe(true);
  });
});
