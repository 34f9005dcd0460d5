import { ApplicantProfile, MonthlySales } from '../applicant';
import { Yen, formatYen } from '../money';
import { DeclineRate, compareDeclineRates, declineAtLeastPercent, declineRate, formatDeclineRate } from './decline-rate';
import { EligibilityContext } from './context';
import { CheckResult, failed, passed } from './result';
import { SALES_FIELD, SalesIndex, formatMonthListJa, indexMonthlySales } from './sales-index';
import { formatMonthJa, parseYearMonth, sameMonthIn, toYearMonth } from './year-month';

/**
 * 事業再構築補助金 売上高減少要件: "〈since〉以降の連続する6か月間のうち、任意の3か月の合計売上高が、
 * コロナ以前と比較して〈n〉%以上減少していること".
 *
 * The 3 months need not be consecutive; they must fit in one window of 6 consecutive months that
 * starts no earlier than `since`, i.e. latest − earliest ≤ 5 months.
 *
 * Assumption: "コロナ以前" is the same calendar month of 2019 for every chosen month (2020-04 is
 * compared with 2019-04, 2021-01 with 2019-01). The public 公募要領 also accepted 2020年1〜3月 as
 * pre-COVID for January–March; that alternative is not modelled.
 */
export interface ThreeMonthDeclineRule {
  readonly requirement: string;
  /** Japanese name of the rule, used in messages */
  readonly title: string;
  /** first month that may be chosen, 'YYYY-MM' */
  readonly since: string;
  readonly minDeclinePercent: number;
}

/** 令和3年度補正 (第6回〜) and 令和2年度第3次補正 (第4回/第5回, together with the 5% test below). */
export const SALES_DECLINE_10PCT: ThreeMonthDeclineRule = {
  requirement: 'salesDecline10pct',
  title: '売上高10%減少要件',
  since: '2020-04',
  minDeclinePercent: 10,
};

/** 令和2年度第3次補正 only (第4回/第5回): required in addition to the 10% test. */
export const SALES_DECLINE_5PCT_SINCE_202010: ThreeMonthDeclineRule = {
  requirement: 'salesDecline5pctSince202010',
  title: '売上高5%減少要件（2020年10月以降）',
  since: '2020-10',
  minDeclinePercent: 5,
};

export const PRE_COVID_YEAR = 2019;
const WINDOW_MONTHS = 6;
const CHOSEN_MONTHS = 3;

export interface ThreeMonthDecline {
  /** 'YYYY-MM', ascending */
  readonly months: readonly string[];
  /** the same months of 2019 */
  readonly comparisonMonths: readonly string[];
  readonly currentTotal: Yen;
  readonly comparisonTotal: Yen;
  readonly declineRate: DeclineRate;
}

const measure = (index: SalesIndex, months: readonly number[]): ThreeMonthDecline | null => {
  let currentTotal = 0;
  let comparisonTotal = 0;
  for (const m of months) {
    const current = index.get(m);
    const comparison = index.get(sameMonthIn(m, PRE_COVID_YEAR));
    if (current === undefined || comparison === undefined) return null;
    currentTotal += current;
    comparisonTotal += comparison;
  }
  if (comparisonTotal === 0) return null;
  return {
    months: months.map(toYearMonth),
    comparisonMonths: months.map((m) => toYearMonth(sameMonthIn(m, PRE_COVID_YEAR))),
    currentTotal,
    comparisonTotal,
    declineRate: declineRate(comparisonTotal, currentTotal),
  };
};

/**
 * Searches every choice of 3 months within 6 consecutive months from `rule.since` for which both the
 * month and its 2019 month have sales, and returns the largest decline (earliest months on a tie),
 * or null when no choice can be measured.
 */
export const findBestThreeMonthDecline = (index: SalesIndex, rule: ThreeMonthDeclineRule): ThreeMonthDecline | null => {
  const since = parseYearMonth(rule.since)!;
  const candidates = [...index.keys()].filter((m) => m >= since && index.has(sameMonthIn(m, PRE_COVID_YEAR))).sort((a, b) => a - b);
  let best: ThreeMonthDecline | null = null;
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length && candidates[j] - candidates[i] < WINDOW_MONTHS; j++) {
      for (let k = j + 1; k < candidates.length && candidates[k] - candidates[i] < WINDOW_MONTHS; k++) {
        const found = measure(index, [candidates[i], candidates[j], candidates[k]]);
        if (found && (!best || compareDeclineRates(found.declineRate, best.declineRate) > 0)) best = found;
      }
    }
  }
  return best;
};

const ruleText = (rule: ThreeMonthDeclineRule): string =>
  `${formatMonthJa(parseYearMonth(rule.since)!)}以降の連続する6か月間のうち任意の3か月の合計売上高が、` +
  `コロナ以前（${PRE_COVID_YEAR}年同月）と比較して${rule.minDeclinePercent}%以上減少`;

const comparisonText = (d: ThreeMonthDecline): string =>
  `3か月（${formatMonthListJa(d.months.map((m) => parseYearMonth(m)!))}）の合計 ${formatYen(d.currentTotal)} と ` +
  `${PRE_COVID_YEAR}年同月の合計 ${formatYen(d.comparisonTotal)} を比べた減少率 ${formatDeclineRate(d.declineRate)}`;

const details = (d: ThreeMonthDecline) => ({ ...d });

/** Validates the 3 months an applicant named; returns their month indexes or a failure. */
const parseClaim = (rule: ThreeMonthDeclineRule, claimed: readonly string[], field: string): number[] | CheckResult => {
  const code = `${rule.requirement}.claimInvalid`;
  const parsed = claimed.map(parseYearMonth);
  const bad = claimed.find((_, i) => parsed[i] === null);
  if (bad !== undefined) return failed(code, `${rule.title}: 指定された月「${bad}」の形式が不正です（YYYY-MM）。`, field);
  const months = [...new Set(parsed as number[])].sort((a, b) => a - b);
  if (claimed.length !== CHOSEN_MONTHS || months.length !== CHOSEN_MONTHS) {
    return failed(code, `${rule.title}: 異なる3か月を指定してください（指定: ${claimed.length}件、異なる月 ${months.length}件）。`, field);
  }
  const since = parseYearMonth(rule.since)!;
  if (months[0] < since) {
    return failed(code, `${rule.title}: ${formatMonthJa(months[0])}は対象外です（${formatMonthJa(since)}以降の月を指定してください）。`, field);
  }
  if (months[2] - months[0] >= WINDOW_MONTHS) {
    return failed(
      code,
      `${rule.title}: 指定された3か月（${formatMonthListJa(months)}）が連続する6か月間に収まりません（${formatMonthJa(months[0])}〜${formatMonthJa(months[2])}）。`,
      field,
    );
  }
  return months;
};

/**
 * Runs one 3-of-6-months decline rule on monthly sales. With `claimedMonths` the applicant's own
 * choice is checked (as on the application form); without, the best choice is searched and reported.
 */
export const checkThreeMonthDecline = (
  rule: ThreeMonthDeclineRule,
  sales: readonly MonthlySales[] | undefined,
  claimedMonths?: readonly string[],
): CheckResult => {
  const indexed = indexMonthlySales(rule.requirement, sales);
  if (!indexed.ok) return indexed;
  const { index } = indexed;
  const best = findBestThreeMonthDecline(index, rule);

  let measured = best;
  if (claimedMonths !== undefined) {
    const field = `claimedMonths.${rule.requirement}`;
    const months = parseClaim(rule, claimedMonths, field);
    if (!Array.isArray(months)) return months;
    const missing = months.flatMap((m) => [m, sameMonthIn(m, PRE_COVID_YEAR)]).filter((m) => !index.has(m));
    if (missing.length > 0) {
      return failed(`${rule.requirement}.missingSales`, `${rule.title}: ${formatMonthListJa(missing)}の売上高が入力されていません。`, SALES_FIELD, {
        missingMonths: missing.map(toYearMonth),
      });
    }
    measured = measure(index, months);
    if (!measured) {
      return failed(
        `${rule.requirement}.noComparisonSales`,
        `${rule.title}: ${PRE_COVID_YEAR}年同月（${formatMonthListJa(months.map((m) => sameMonthIn(m, PRE_COVID_YEAR)))}）の合計売上高が0円のため減少率を計算できません。`,
        SALES_FIELD,
      );
    }
  } else if (!best) {
    return failed(
      `${rule.requirement}.insufficientData`,
      `${rule.title}: 判定に必要な月次売上高がありません（${formatMonthJa(parseYearMonth(rule.since)!)}以降の6か月間に収まる3か月分と、その${PRE_COVID_YEAR}年同月の売上高が必要です）。`,
      SALES_FIELD,
    );
  }
  const d = measured!;
  if (declineAtLeastPercent(d.declineRate, rule.minDeclinePercent)) {
    return passed(details(d));
  }
  const hint =
    claimedMonths !== undefined && best && declineAtLeastPercent(best.declineRate, rule.minDeclinePercent)
      ? `なお、${comparisonText(best)}で要件を満たします。`
      : '';
  return failed(
    `${rule.requirement}.belowThreshold`,
    `${rule.title}を満たしません: ${claimedMonths !== undefined ? '指定された' : '最も減少率の高い'}${comparisonText(d)} は ${rule.minDeclinePercent}% 未満です（要件: ${ruleText(rule)}）。${hint}`,
    SALES_FIELD,
    { ...details(d), ...(hint && best ? { best: details(best) } : {}) },
  );
};

/** Requirement 'salesDecline10pct'. */
export const checkSalesDecline10pct = (applicant: ApplicantProfile, context: EligibilityContext = {}): CheckResult =>
  checkThreeMonthDecline(SALES_DECLINE_10PCT, applicant.monthlySales, context.claimedMonths?.salesDecline10pct);

/** Requirement 'salesDecline5pctSince202010' (第4回/第5回, together with 'salesDecline10pct'). */
export const checkSalesDecline5pctSince202010 = (applicant: ApplicantProfile, context: EligibilityContext = {}): CheckResult =>
  checkThreeMonthDecline(SALES_DECLINE_5PCT_SINCE_202010, applicant.monthlySales, context.claimedMonths?.salesDecline5pctSince202010);
