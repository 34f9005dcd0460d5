import { BenefitInput, computeBenefit } from './compute-benefit';

const MAN = 10_000;
const OKU = 100_000_000;

/** 法人, 年間売上高 1億, 基準期間 2019-11 (1,000,000円 every month), 対象月 2022-01. */
const base: BenefitInput = {
  applicantKind: 'corporation',
  targetMonth: '2022-01',
  targetMonthSales: 500_000,
  basePeriod: '2019-11',
  basePeriodSales: [1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000],
  annualRevenue: 1 * OKU,
};

describe('computeBenefit: decline bands (基準月 1,000,000円, 基準期間 5,000,000円, 法人 1億 → caps 100万/60万)', () => {
  it.each`
    rule                                  | targetMonthSales | band       | declineRate                                       | formulaAmount | amount
    ${'exactly 50% → ▲50%以上'}           | ${500_000}       | ${'50+'}   | ${{ numerator: 1, denominator: 2 }}               | ${2_500_000}  | ${100 * MAN}
    ${'just below 50% → ▲30%以上50%未満'} | ${500_001}       | ${'30-50'} | ${{ numerator: 499_999, denominator: 1_000_000 }} | ${2_499_995}  | ${60 * MAN}
    ${'exactly 30% → ▲30%以上50%未満'}    | ${700_000}       | ${'30-50'} | ${{ numerator: 3, denominator: 10 }}              | ${1_500_000}  | ${60 * MAN}
  `('$rule', ({ targetMonthSales, band, declineRate, formulaAmount, amount }) => {
    const result = computeBenefit({ ...base, targetMonthSales });
    expect(result).toMatchObject({ eligible: true, band, declineRate, formulaAmount, amount, baseMonth: '2020-01', basePeriodTotal: 5_000_000, failures: [] });
  });

  it('just below 30% (700,001円, 29.99%) is not eligible and names the numbers', () => {
    const result = computeBenefit({ ...base, targetMonthSales: 700_001 });
    expect(result).toMatchObject({ eligible: false, band: null, amount: 0, formulaAmount: 1_499_995 });
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ code: 'benefit.declineBelow30pct', field: 'targetMonthSales' });
    expect(result.failures[0].message).toBe(
      '対象月（2022年1月）の売上高 700,001円 は基準月（2020年1月）の売上高 1,000,000円 と比べて減少率 29.99% で、30%以上の減少がありません。',
    );
  });

  it('explains every step in Japanese', () => {
    expect(computeBenefit(base).explanation).toEqual([
      '対象月: 2022年1月 売上高 500,000円',
      '基準月: 2020年1月（基準期間 2019年11月～2020年3月） 売上高 1,000,000円',
      '売上高減少率: (1,000,000円 − 500,000円) ÷ 1,000,000円 = 50.00% → ▲50%以上',
      '給付額の計算: 基準期間の売上高 5,000,000円 − 対象月の売上高 500,000円 × 5 = 2,500,000円',
      '給付上限額: 法人（年間売上高 1億円以下）、年間売上高 100,000,000円、▲50%以上 → 100万円',
      '給付額: min(2,500,000円, 1,000,000円) = 1,000,000円',
    ]);
  });
});

describe('computeBenefit: caps (基準期間 10,000,000円 × 5 = 50,000,000円, formula above every cap)', () => {
  const big = { ...base, basePeriodSales: [1, 2, 3, 4, 5].map(() => 10_000_000) };
  it.each`
    rule                                       | applicantKind       | annualRevenue  | targetMonthSales | capBracket             | cap
    ${'▲50%以上 個人 ignores revenue (10億)'}  | ${'soleProprietor'} | ${10 * OKU}    | ${0}             | ${'soleProprietor'}    | ${50 * MAN}
    ${'▲50%以上 個人 without revenue'}         | ${'soleProprietor'} | ${undefined}   | ${0}             | ${'soleProprietor'}    | ${50 * MAN}
    ${'▲50%以上 法人 exactly 1億 (以下)'}      | ${'corporation'}    | ${1 * OKU}     | ${0}             | ${'revenueUpTo100M'}   | ${100 * MAN}
    ${'▲50%以上 法人 1億+1円 (1億円超)'}       | ${'corporation'}    | ${1 * OKU + 1} | ${0}             | ${'revenue100MTo500M'} | ${150 * MAN}
    ${'▲50%以上 法人 exactly 5億 (5億円以下)'} | ${'corporation'}    | ${5 * OKU}     | ${0}             | ${'revenue100MTo500M'} | ${150 * MAN}
    ${'▲50%以上 法人 5億+1円 (5億円超)'}       | ${'corporation'}    | ${5 * OKU + 1} | ${0}             | ${'revenueOver500M'}   | ${250 * MAN}
    ${'▲30%以上 個人 ignores revenue (10億)'}  | ${'soleProprietor'} | ${10 * OKU}    | ${6_000_000}     | ${'soleProprietor'}    | ${30 * MAN}
    ${'▲30%以上 法人 exactly 1億'}             | ${'corporation'}    | ${1 * OKU}     | ${6_000_000}     | ${'revenueUpTo100M'}   | ${60 * MAN}
    ${'▲30%以上 法人 1億+1円'}                 | ${'corporation'}    | ${1 * OKU + 1} | ${6_000_000}     | ${'revenue100MTo500M'} | ${90 * MAN}
    ${'▲30%以上 法人 exactly 5億'}             | ${'corporation'}    | ${5 * OKU}     | ${6_000_000}     | ${'revenue100MTo500M'} | ${90 * MAN}
    ${'▲30%以上 法人 5億+1円'}                 | ${'corporation'}    | ${5 * OKU + 1} | ${6_000_000}     | ${'revenueOver500M'}   | ${150 * MAN}
  `('$rule', ({ applicantKind, annualRevenue, targetMonthSales, capBracket, cap }) => {
    const result = computeBenefit({ ...big, applicantKind, annualRevenue, targetMonthSales });
    // formula: 50,000,000 − 0 × 5 = 50,000,000 or 50,000,000 − 6,000,000 × 5 = 20,000,000; both above the cap.
    expect(result).toMatchObject({ eligible: true, capBracket, cap, amount: cap, formulaAmount: 50_000_000 - targetMonthSales * 5 });
  });

  it('formula below the cap is paid in full: 個人 500,000 − 40,000 × 5 = 300,000円 < 50万', () => {
    const result = computeBenefit({
      applicantKind: 'soleProprietor',
      targetMonth: '2021-11',
      targetMonthSales: 40_000,
      basePeriod: '2020-11',
      basePeriodSales: 500_000,
      baseMonthSales: 100_000,
    });
    expect(result).toMatchObject({ eligible: true, band: '50+', baseMonth: '2020-11', formulaAmount: 300_000, cap: 50 * MAN, amount: 300_000 });
  });

  it.each`
    rule                                                 | basePeriodSales                          | difference
    ${'below 0: 1,000,000 − 500,000 × 5 = −1,500,000円'} | ${[1_000_000, 0, 0, 0, 0]}               | ${'-1,500,000円'}
    ${'exactly 0: 2,500,000 − 500,000 × 5 = 0円'}        | ${[1_000_000, 1_000_000, 500_000, 0, 0]} | ${'0円'}
  `('a formula of 0円 or less is 対象外 although the decline holds, with the formula and its figures ($rule)', ({ basePeriodSales, difference }) => {
    const result = computeBenefit({ ...base, targetMonth: '2021-11', basePeriodSales });
    const total = (basePeriodSales as number[]).reduce((a, b) => a + b, 0).toLocaleString('ja-JP');
    expect(result).toMatchObject({ eligible: false, band: '50+', formulaAmount: 0, amount: 0 });
    expect(result.failures).toEqual([
      expect.objectContaining({
        code: 'benefit.zeroAmount',
        field: 'targetMonthSales',
        message: `給付額 = 基準期間の売上高 ${total}円 − 対象月の売上高 500,000円 × 5 = ${difference} のため、給付対象外です。`,
      }),
    ]);
    expect(result.explanation).toContain(`給付対象外: ${result.failures[0].message}`);
  });
});

describe('computeBenefit: base month is the target calendar month inside the base period', () => {
  // Nov 1,000,000 / Dec 2,000,000 / Jan 3,000,000 / Feb 4,000,000 / Mar 5,000,000
  const rising = [1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000];
  it.each`
    rule                                     | targetMonth  | basePeriod   | baseMonth    | baseMonthSales
    ${'2021-11 in 2018-11 period → 2018-11'} | ${'2021-11'} | ${'2018-11'} | ${'2018-11'} | ${1_000_000}
    ${'2021-12 in 2020-11 period → 2020-12'} | ${'2021-12'} | ${'2020-11'} | ${'2020-12'} | ${2_000_000}
    ${'2022-01 in 2019-11 period → 2020-01'} | ${'2022-01'} | ${'2019-11'} | ${'2020-01'} | ${3_000_000}
    ${'2022-03 in 2018-11 period → 2019-03'} | ${'2022-03'} | ${'2018-11'} | ${'2019-03'} | ${5_000_000}
  `('$rule', ({ targetMonth, basePeriod, baseMonth, baseMonthSales }) => {
    const result = computeBenefit({ ...base, targetMonth, basePeriod, basePeriodSales: rising, targetMonthSales: 0 });
    expect(result).toMatchObject({ eligible: true, baseMonth, basePeriodTotal: 15_000_000 });
    expect(result.explanation[1]).toContain(`売上高 ${baseMonthSales.toLocaleString('ja-JP')}円`);
  });

  it('an explicit base month in the period and the same calendar month is accepted', () => {
    expect(computeBenefit({ ...base, baseMonth: '2020-01' }).eligible).toBe(true);
  });
});

describe('computeBenefit: invalid input is not eligible, with a code per rule', () => {
  it.each`
    rule                                                | override                                                   | codes
    ${'target month before 2021-11'}                    | ${{ targetMonth: '2021-10' }}                              | ${['benefit.targetMonthOutOfRange']}
    ${'target month after 2022-03'}                     | ${{ targetMonth: '2022-04' }}                              | ${['benefit.targetMonthOutOfRange']}
    ${'malformed target month'}                         | ${{ targetMonth: '2022-1' }}                               | ${['benefit.targetMonthOutOfRange']}
    ${'base period not one of the three'}               | ${{ basePeriod: '2019-12' }}                               | ${['benefit.invalidBasePeriod']}
    ${'several input problems are all reported'}        | ${{ targetMonth: '2021-10', basePeriod: '2017-11' }}       | ${['benefit.targetMonthOutOfRange', 'benefit.invalidBasePeriod']}
    ${'four months of base period sales'}               | ${{ basePeriodSales: [1, 1, 1, 1] }}                       | ${['benefit.basePeriodSalesCount']}
    ${'base month outside the period (2019-01)'}        | ${{ baseMonth: '2019-01' }}                                | ${['benefit.baseMonthMismatch']}
    ${'base month of another calendar month (2020-02)'} | ${{ baseMonth: '2020-02' }}                                | ${['benefit.baseMonthMismatch']}
    ${'period total without the base month sales'}      | ${{ basePeriodSales: 5_000_000 }}                          | ${['benefit.baseMonthSalesMissing']}
    ${'base month sales differ from the listed month'}  | ${{ baseMonthSales: 999_999 }}                             | ${['benefit.baseMonthSalesMismatch']}
    ${'base month sales above the period total'}        | ${{ basePeriodSales: 900_000, baseMonthSales: 1_000_000 }} | ${['benefit.baseMonthSalesMismatch']}
    ${'base month sales of 0円'}                        | ${{ basePeriodSales: [5, 5, 0, 5, 5] }}                    | ${['benefit.noBaseMonthSales']}
    ${'法人 without annual revenue'}                    | ${{ annualRevenue: undefined }}                            | ${['benefit.annualRevenueMissing']}
  `('$rule', ({ override, codes }) => {
    const result = computeBenefit({ ...base, ...override });
    expect(result).toMatchObject({ eligible: false, amount: 0 });
    expect(result.failures.map((f) => f.code)).toEqual(codes);
    expect(result.explanation.some((line) => line.startsWith('給付対象外: '))).toBe(true);
  });

  it.each`
    rule                              | override
    ${'negative target month sales'}  | ${{ targetMonthSales: -1 }}
    ${'fractional base period sales'} | ${{ basePeriodSales: [1_000_000.5, 1, 1, 1, 1] }}
    ${'negative annual revenue'}      | ${{ annualRevenue: -1 }}
  `('throws on non-yen amounts: $rule', ({ override }) => {
    expect(() => computeBenefit({ ...base, ...override })).toThrow(RangeError);
  });
});
