import { flat, applicant, sales } from './__tests__/fixtures';
import { checkSalesDecline10pct, checkSalesDecline5pctSince202010 } from './three-month-decline';

const PRE = flat('2019-01', '2019-12', 1_000_000); // 2019: 1,000,000円 every month

describe('salesDecline10pct (2020年4月以降 任意の3か月 vs 2019年同月 ≥10%)', () => {
  it.each`
    rule                                                            | monthly                                                                                         | months                               | current      | comparison
    ${'exactly 10%: 2,700,000 vs 3,000,000 passes'}                 | ${{ ...PRE, '2020-04': 900_000, '2020-05': 900_000, '2020-06': 900_000 }}                       | ${['2020-04', '2020-05', '2020-06']} | ${2_700_000} | ${3_000_000}
    ${'any 3 of 6 months, not consecutive: 04, 05 and 09 (11.66%)'} | ${{ ...PRE, ...flat('2020-04', '2020-09', 1_000_000), '2020-04': 800_000, '2020-09': 850_000 }} | ${['2020-04', '2020-05', '2020-09']} | ${2_650_000} | ${3_000_000}
    ${'2021-01 compares with 2019-01, not 2020-01'}                 | ${{ ...PRE, ...flat('2020-01', '2020-03', 100_000), ...flat('2021-01', '2021-03', 900_000) }}   | ${['2021-01', '2021-02', '2021-03']} | ${2_700_000} | ${3_000_000}
  `('passes: $rule', ({ monthly, months, current, comparison }) => {
    const result = checkSalesDecline10pct(applicant({ monthlySales: sales(monthly) }));
    expect(result).toMatchObject({ ok: true, details: { months, currentTotal: current, comparisonTotal: comparison } });
  });

  it.each`
    rule                                                           | monthly                                                                                         | code                                    | message
    ${'just below 10%: 2,700,001 vs 3,000,000 (9.99%)'}            | ${{ ...PRE, '2020-04': 900_000, '2020-05': 900_000, '2020-06': 900_001 }}                       | ${'salesDecline10pct.belowThreshold'}   | ${'3か月（2020年4月・2020年5月・2020年6月）の合計 2,700,001円 と 2019年同月の合計 3,000,000円 を比べた減少率 9.99% は 10% 未満'}
    ${'months 7 apart are not in one 6-month window (best 6.66%)'} | ${{ ...PRE, ...flat('2020-04', '2020-10', 1_000_000), '2020-04': 800_000, '2020-10': 800_000 }} | ${'salesDecline10pct.belowThreshold'}   | ${'減少率 6.66% は 10% 未満'}
    ${'no month since 2020-04 with its 2019 month'}                | ${{ ...flat('2020-04', '2020-12', 500_000) }}                                                   | ${'salesDecline10pct.insufficientData'} | ${'判定に必要な月次売上高がありません'}
    ${'2019 comparison months all 0円 cannot be measured'}         | ${{ ...flat('2019-04', '2019-06', 0), ...flat('2020-04', '2020-06', 0) }}                       | ${'salesDecline10pct.insufficientData'} | ${'判定に必要な月次売上高がありません'}
    ${'duplicated month in the sales data'}                        | ${[{ month: '2020-04', amount: 1 }, { month: '2020-04', amount: 2 }]}                           | ${'salesDecline10pct.invalidSalesData'} | ${'2020年4月が重複'}
    ${'malformed month in the sales data'}                         | ${[{ month: '2020/04', amount: 1 }]}                                                            | ${'salesDecline10pct.invalidSalesData'} | ${'「2020/04」の形式が不正'}
    ${'negative amount in the sales data'}                         | ${[{ month: '2020-04', amount: -1 }]}                                                           | ${'salesDecline10pct.invalidSalesData'} | ${'2020年4月の売上高（-1）'}
  `('fails: $rule', ({ monthly, code, message }) => {
    const result = checkSalesDecline10pct(applicant({ monthlySales: Array.isArray(monthly) ? monthly : sales(monthly) }));
    expect(result).toMatchObject({ ok: false, code, field: 'monthlySales' });
    expect(result.ok === false && result.message).toContain(message);
  });

  // 2020-04 800,000, 2020-09 850,000, other months 1,000,000 (2019: 1,000,000 each).
  const spread = sales({ ...PRE, ...flat('2020-04', '2020-10', 1_000_000), '2020-04': 800_000, '2020-09': 850_000 });

  it.each`
    rule                                                   | claimed                              | ok       | code                                  | message
    ${'claimed 04, 05, 09: 2,650,000 vs 3,000,000 passes'} | ${['2020-09', '2020-04', '2020-05']} | ${true}  | ${undefined}                          | ${undefined}
    ${'claimed consecutive 04–06 (6.66%) fails with hint'} | ${['2020-04', '2020-05', '2020-06']} | ${false} | ${'salesDecline10pct.belowThreshold'} | ${'指定された3か月（2020年4月・2020年5月・2020年6月）の合計 2,800,000円 と 2019年同月の合計 3,000,000円 を比べた減少率 6.66% は 10% 未満です（要件: 2020年4月以降の連続する6か月間のうち任意の3か月の合計売上高が、コロナ以前（2019年同月）と比較して10%以上減少）。なお、3か月（2020年4月・2020年5月・2020年9月）'}
    ${'only 2 months claimed'}                             | ${['2020-04', '2020-05']}            | ${false} | ${'salesDecline10pct.claimInvalid'}   | ${'異なる3か月を指定してください（指定: 2件、異なる月 2件）'}
    ${'the same month twice'}                              | ${['2020-04', '2020-04', '2020-05']} | ${false} | ${'salesDecline10pct.claimInvalid'}   | ${'異なる月 2件'}
    ${'a month before 2020-04'}                            | ${['2020-03', '2020-04', '2020-05']} | ${false} | ${'salesDecline10pct.claimInvalid'}   | ${'2020年3月は対象外'}
    ${'months not within 6 consecutive months (04→10)'}    | ${['2020-04', '2020-05', '2020-10']} | ${false} | ${'salesDecline10pct.claimInvalid'}   | ${'連続する6か月間に収まりません（2020年4月〜2020年10月）'}
    ${'malformed claimed month'}                           | ${['2020-4', '2020-05', '2020-06']}  | ${false} | ${'salesDecline10pct.claimInvalid'}   | ${'「2020-4」の形式が不正'}
    ${'claimed month without sales'}                       | ${['2020-09', '2020-10', '2020-11']} | ${false} | ${'salesDecline10pct.missingSales'}   | ${'2020年11月の売上高が入力されていません'}
  `('claimed months: $rule', ({ claimed, ok, code, message }) => {
    const result = checkSalesDecline10pct(applicant({ monthlySales: spread }), { claimedMonths: { salesDecline10pct: claimed } });
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message).toContain(message);
    }
  });

  it('claimed months whose 2019 total is 0円 cannot be measured', () => {
    const monthly = sales({ ...flat('2019-04', '2019-06', 0), ...flat('2020-04', '2020-06', 5) });
    const result = checkSalesDecline10pct(applicant({ monthlySales: monthly }), {
      claimedMonths: { salesDecline10pct: ['2020-04', '2020-05', '2020-06'] },
    });
    expect(result).toMatchObject({ ok: false, code: 'salesDecline10pct.noComparisonSales' });
  });
});

describe('salesDecline5pctSince202010 (2020年10月以降 任意の3か月 vs 2019年同月 ≥5%)', () => {
  it.each`
    rule                                                             | monthly                                                                                       | ok       | message
    ${'exactly 5%: 2,850,000 vs 3,000,000 passes'}                   | ${{ ...PRE, ...flat('2020-10', '2020-12', 950_000) }}                                         | ${true}  | ${undefined}
    ${'just below 5%: 2,850,001 vs 3,000,000 (4.99%) fails'}         | ${{ ...PRE, ...flat('2020-10', '2020-11', 950_000), '2020-12': 950_001 }}                     | ${false} | ${'2,850,001円 と 2019年同月の合計 3,000,000円 を比べた減少率 4.99% は 5% 未満'}
    ${'a 50% drop before 2020-10 does not count (4% since 2020-10)'} | ${{ ...PRE, ...flat('2020-04', '2020-09', 500_000), ...flat('2020-10', '2021-03', 960_000) }} | ${false} | ${'減少率 4.00% は 5% 未満'}
  `('$rule', ({ monthly, ok, message }) => {
    const result = checkSalesDecline5pctSince202010(applicant({ monthlySales: sales(monthly) }));
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result.code).toBe('salesDecline5pctSince202010.belowThreshold');
      expect(result.message).toContain(message);
    }
  });
});
