import { ApplicantKind } from '../applicant';
import { CheckFailed, DeclineRate, declineRate, formatDeclineRate } from '../eligibility';
import { failed } from '../eligibility/result';
import { formatMonthJa, parseYearMonth, toYearMonth } from '../eligibility/year-month';
import { Yen, assertYen, formatMan, formatYen } from '../money';
import { BENEFIT_BAND_LABELS, BENEFIT_CAPS, BENEFIT_CAP_BRACKET_LABELS, BenefitBand, BenefitCapBracket, benefitBand, benefitCapBracket } from './benefit-cap';

/**
 * 事業復活支援金 (a benefit, not a subsidy):
 *   給付額 = 基準期間の売上高 (5 months) − 対象月の売上高 × 5, capped by band and bracket; 0円 or less
 *   is 対象外 (nothing can be paid), with the formula and its figures.
 * The target month (対象月, 2021-11…2022-03) must be down ≥30% against the same calendar month
 * (基準月) of the chosen base period (基準期間: 2018-11…2019-03, 2019-11…2020-03 or 2020-11…2021-03).
 *
 * Assumption: only the arithmetic is checked here. The COVID impact (one of nine listed), the
 * exclusions (seasonality, changed revenue recognition, voluntary closure, …) and the 事前確認 by a
 * 登録確認機関 are facts staff confirm; the 新規開業特例 and other special cases are not modelled.
 * Amounts must be non-negative integer yen: anything else is a programming error (RangeError), as
 * DTO validation upstream rejects it.
 */
export type BenefitBasePeriod = '2018-11' | '2019-11' | '2020-11';
export const BENEFIT_BASE_PERIODS: readonly BenefitBasePeriod[] = ['2018-11', '2019-11', '2020-11'];
export const BENEFIT_TARGET_MONTHS = { first: '2021-11', last: '2022-03' } as const;
const PERIOD_MONTHS = 5;

export interface BenefitInput {
  readonly applicantKind: ApplicantKind;
  /** 対象月 'YYYY-MM' */
  readonly targetMonth: string;
  readonly targetMonthSales: Yen;
  /** 基準期間, by its first month */
  readonly basePeriod: BenefitBasePeriod;
  /** 基準期間の売上高: the five monthly figures (November first) or their sum */
  readonly basePeriodSales: readonly Yen[] | Yen;
  /** 基準月の売上高; optional when basePeriodSales lists the five months */
  readonly baseMonthSales?: Yen;
  /** 基準月 'YYYY-MM'; optional, derived from the target month and the base period */
  readonly baseMonth?: string;
  /** 年間売上高 of the fiscal year containing the base month; corporations only */
  readonly annualRevenue?: Yen;
}

export interface BenefitResult {
  readonly eligible: boolean;
  readonly band: BenefitBand | null;
  /** (基準月 − 対象月) ÷ 基準月, exact */
  readonly declineRate: DeclineRate | null;
  readonly baseMonth: string | null;
  readonly basePeriodTotal: Yen | null;
  /** 基準期間の売上高 − 対象月の売上高 × 5, floored at 0 */
  readonly formulaAmount: Yen;
  readonly capBracket: BenefitCapBracket | null;
  readonly cap: Yen | null;
  /** 給付額: min(formulaAmount, cap) when eligible, else 0 */
  readonly amount: Yen;
  /** Japanese, one step per line */
  readonly explanation: readonly string[];
  /** why not eligible (empty when eligible) */
  readonly failures: readonly CheckFailed[];
}

const periodText = (start: number): string => `${formatMonthJa(start)}～${formatMonthJa(start + PERIOD_MONTHS - 1)}`;

const notEligible = (failures: CheckFailed[], partial: Partial<BenefitResult> = {}): BenefitResult => ({
  eligible: false,
  band: null,
  declineRate: null,
  baseMonth: null,
  basePeriodTotal: null,
  formulaAmount: 0,
  capBracket: null,
  cap: null,
  ...partial,
  amount: 0,
  explanation: [...(partial.explanation ?? []), ...failures.map((f) => `給付対象外: ${f.message}`)],
  failures,
});

export const computeBenefit = (input: BenefitInput): BenefitResult => {
  assertYen(input.targetMonthSales, 'targetMonthSales');
  if (input.baseMonthSales !== undefined) assertYen(input.baseMonthSales, 'baseMonthSales');
  if (input.annualRevenue !== undefined) assertYen(input.annualRevenue, 'annualRevenue');
  const monthly = typeof input.basePeriodSales === 'number' ? null : input.basePeriodSales;
  (monthly ?? [input.basePeriodSales as Yen]).forEach((v, i) => assertYen(v, `basePeriodSales[${i}]`));

  // 1. Months: the target month, the base period and the base month in it.
  const failures: CheckFailed[] = [];
  const target = parseYearMonth(input.targetMonth);
  const first = parseYearMonth(BENEFIT_TARGET_MONTHS.first)!;
  const last = parseYearMonth(BENEFIT_TARGET_MONTHS.last)!;
  if (target === null || target < first || target > last) {
    failures.push(
      failed('benefit.targetMonthOutOfRange', `対象月「${input.targetMonth}」は2021年11月～2022年3月のいずれかの月である必要があります。`, 'targetMonth'),
    );
  }
  const start = BENEFIT_BASE_PERIODS.includes(input.basePeriod) ? parseYearMonth(input.basePeriod) : null;
  if (start === null) {
    failures.push(
      failed(
        'benefit.invalidBasePeriod',
        `基準期間「${input.basePeriod}」は「2018年11月～2019年3月」「2019年11月～2020年3月」「2020年11月～2021年3月」のいずれかです。`,
        'basePeriod',
      ),
    );
  }
  if (monthly !== null && monthly.length !== PERIOD_MONTHS) {
    failures.push(failed('benefit.basePeriodSalesCount', `基準期間の売上高は5か月分が必要です（入力: ${monthly.length}か月分）。`, 'basePeriodSales'));
  }
  if (failures.length > 0 || target === null || start === null) return notEligible(failures);

  // The base month is the target's calendar month inside the base period (Nov–Dec in the first year, Jan–Mar in the next).
  const derivedBase = start + ((target - start) % 12);
  if (input.baseMonth !== undefined && parseYearMonth(input.baseMonth) !== derivedBase) {
    return notEligible([
      failed(
        'benefit.baseMonthMismatch',
        `基準月「${input.baseMonth}」は基準期間（${periodText(start)}）内の対象月（${formatMonthJa(target)}）と同じ月である必要があります（${formatMonthJa(derivedBase)}）。`,
        'baseMonth',
      ),
    ]);
  }
  const baseMonth = toYearMonth(derivedBase);

  // 2. Sales: the period total and the base month's sales, consistent with each other.
  const basePeriodTotal = monthly === null ? (input.basePeriodSales as Yen) : monthly.reduce((a, b) => a + b, 0);
  const fromList = monthly === null ? undefined : monthly[derivedBase - start];
  const baseMonthSales = input.baseMonthSales ?? fromList;
  if (baseMonthSales === undefined) {
    return notEligible([failed('benefit.baseMonthSalesMissing', `基準月（${formatMonthJa(derivedBase)}）の売上高が入力されていません。`, 'baseMonthSales')]);
  }
  if ((fromList !== undefined && fromList !== baseMonthSales) || baseMonthSales > basePeriodTotal) {
    return notEligible([
      failed(
        'benefit.baseMonthSalesMismatch',
        `基準月（${formatMonthJa(derivedBase)}）の売上高 ${formatYen(baseMonthSales)} が基準期間の売上高（${fromList !== undefined ? `同月 ${formatYen(fromList)}` : `合計 ${formatYen(basePeriodTotal)}`}）と整合しません。`,
        'baseMonthSales',
      ),
    ]);
  }

  const explanation = [
    `対象月: ${formatMonthJa(target)} 売上高 ${formatYen(input.targetMonthSales)}`,
    `基準月: ${formatMonthJa(derivedBase)}（基準期間 ${periodText(start)}） 売上高 ${formatYen(baseMonthSales)}`,
  ];
  const formulaAmount = Math.max(0, basePeriodTotal - input.targetMonthSales * PERIOD_MONTHS);
  const formulaLine =
    `給付額の計算: 基準期間の売上高 ${formatYen(basePeriodTotal)} − 対象月の売上高 ${formatYen(input.targetMonthSales)} × 5 = ` +
    `${formatYen(formulaAmount)}${basePeriodTotal < input.targetMonthSales * PERIOD_MONTHS ? '（マイナスのため0円）' : ''}`;

  // 3. Decline band.
  if (baseMonthSales === 0) {
    return notEligible(
      [failed('benefit.noBaseMonthSales', `基準月（${formatMonthJa(derivedBase)}）の売上高が0円のため売上高減少率を計算できません。`, 'baseMonthSales')],
      {
        baseMonth,
        basePeriodTotal,
        formulaAmount,
        explanation,
      },
    );
  }
  const rate = declineRate(baseMonthSales, input.targetMonthSales);
  const rateText = `(${formatYen(baseMonthSales)} − ${formatYen(input.targetMonthSales)}) ÷ ${formatYen(baseMonthSales)} = ${formatDeclineRate(rate)}`;
  const band = benefitBand(rate);
  if (band === null) {
    return notEligible(
      [
        failed(
          'benefit.declineBelow30pct',
          `対象月（${formatMonthJa(target)}）の売上高 ${formatYen(input.targetMonthSales)} は基準月（${formatMonthJa(derivedBase)}）の売上高 ${formatYen(baseMonthSales)} と比べて減少率 ${formatDeclineRate(rate)} で、30%以上の減少がありません。`,
          'targetMonthSales',
          { declineRate: rate },
        ),
      ],
      { declineRate: rate, baseMonth, basePeriodTotal, formulaAmount, explanation: [...explanation, `売上高減少率: ${rateText}`, formulaLine] },
    );
  }
  explanation.push(`売上高減少率: ${rateText} → ${BENEFIT_BAND_LABELS[band]}`, formulaLine);

  // 4. Nothing to pay: the decline holds, but the formula gives 0円 or less (the other months of the
  // base period were weak), as a subsidy quote of 0円 is 対象外 (quote.ts zeroAmount).
  if (formulaAmount === 0) {
    const difference = basePeriodTotal - input.targetMonthSales * PERIOD_MONTHS;
    return notEligible(
      [
        failed(
          'benefit.zeroAmount',
          `給付額 = 基準期間の売上高 ${formatYen(basePeriodTotal)} − 対象月の売上高 ${formatYen(input.targetMonthSales)} × 5 = ${formatYen(difference)} のため、給付対象外です。`,
          'targetMonthSales',
          { basePeriodTotal, targetMonthSales: input.targetMonthSales, difference },
        ),
      ],
      { band, declineRate: rate, baseMonth, basePeriodTotal, formulaAmount, explanation },
    );
  }

  // 5. Cap and amount.
  const capBracket = benefitCapBracket(input.applicantKind, input.annualRevenue);
  if (capBracket === null) {
    return notEligible(
      [
        failed(
          'benefit.annualRevenueMissing',
          `法人の給付上限額は基準月（${formatMonthJa(derivedBase)}）を含む事業年度の年間売上高で決まりますが、年間売上高が入力されていません。`,
          'annualRevenue',
        ),
      ],
      { band, declineRate: rate, baseMonth, basePeriodTotal, formulaAmount, explanation },
    );
  }
  const cap = BENEFIT_CAPS[band][capBracket];
  const revenueText = capBracket === 'soleProprietor' ? '' : `、年間売上高 ${formatYen(input.annualRevenue!)}`;
  const amount = Math.min(formulaAmount, cap);
  explanation.push(
    `給付上限額: ${BENEFIT_CAP_BRACKET_LABELS[capBracket]}${revenueText}、${BENEFIT_BAND_LABELS[band]} → ${formatMan(cap)}`,
    `給付額: min(${formatYen(formulaAmount)}, ${formatYen(cap)}) = ${formatYen(amount)}`,
  );
  return { eligible: true, band, declineRate: rate, baseMonth, basePeriodTotal, formulaAmount, capBracket, cap, amount, explanation, failures: [] };
};
