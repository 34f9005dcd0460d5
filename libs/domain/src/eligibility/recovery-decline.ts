import { ApplicantProfile } from '../applicant';
import { Yen, formatYen } from '../money';
import { EligibilityContext } from './context';
import { DeclineRate, compareDeclineRates, declineAtLeastPercent, declineRate, formatDeclineRate } from './decline-rate';
import { CheckResult, failed, passed } from './result';
import { SALES_FIELD, SalesIndex, indexMonthlySales } from './sales-index';
import { formatMonthJa, parseYearMonth, sameMonthIn, toYearMonth } from './year-month';

/**
 * 事業再構築補助金 回復・再生応援枠 (令和3年度補正): "2021年10月以降のいずれかの月の売上高が
 * 対2020年又は2019年同月比で30%減少" — or the applicant is rehabilitating under a 再生計画.
 *
 * Assumption: the briefing says "30％減少"; we read it as "30%以上減少" (as the 公募要領 does).
 * Assumption: the rehabilitation alternative is `ApplicantProfile.inRehabilitation` (再生事業者:
 * a 再生計画 made under the 再生支援協議会 scheme etc.); its evidence is checked by staff.
 */
export const RECOVERY_REQUIREMENT = 'recoverySalesDecline30pct';
const TITLE = '回復・再生応援枠の売上高30%減少要件';
const SINCE = parseYearMonth('2021-10')!;
const COMPARISON_YEARS = [2020, 2019] as const;
const MIN_DECLINE_PERCENT = 30;

export interface SingleMonthDecline {
  readonly month: string;
  readonly comparisonMonth: string;
  readonly currentSales: Yen;
  readonly comparisonSales: Yen;
  readonly declineRate: DeclineRate;
}

/** The larger decline of `month` against the same month of 2020 and of 2019 (2020 first on a tie). */
const bestForMonth = (index: SalesIndex, month: number): SingleMonthDecline | null => {
  const current = index.get(month);
  if (current === undefined) return null;
  let best: SingleMonthDecline | null = null;
  for (const year of COMPARISON_YEARS) {
    const comparisonMonth = sameMonthIn(month, year);
    const comparison = index.get(comparisonMonth);
    if (comparison === undefined || comparison === 0) continue;
    const found: SingleMonthDecline = {
      month: toYearMonth(month),
      comparisonMonth: toYearMonth(comparisonMonth),
      currentSales: current,
      comparisonSales: comparison,
      declineRate: declineRate(comparison, current),
    };
    if (!best || compareDeclineRates(found.declineRate, best.declineRate) > 0) best = found;
  }
  return best;
};

/** The largest single-month decline since 2021-10 (earliest month on a tie), or null. */
export const findBestRecoveryDecline = (index: SalesIndex): SingleMonthDecline | null => {
  let best: SingleMonthDecline | null = null;
  for (const month of [...index.keys()].filter((m) => m >= SINCE).sort((a, b) => a - b)) {
    const found = bestForMonth(index, month);
    if (found && (!best || compareDeclineRates(found.declineRate, best.declineRate) > 0)) best = found;
  }
  return best;
};

const describeDecline = (d: SingleMonthDecline): string =>
  `（${formatMonthJa(parseYearMonth(d.month)!)}）の売上高 ${formatYen(d.currentSales)} と ` +
  `${formatMonthJa(parseYearMonth(d.comparisonMonth)!)}の売上高 ${formatYen(d.comparisonSales)} を比べた減少率 ${formatDeclineRate(d.declineRate)}`;

/**
 * The 30% test of one month since 2021-10, as two 類型 ask it: 回復・再生応援枠 (a 再生計画 also does) and
 * 最低賃金枠 (its 業況 condition, docs/programs.md: the decline alone). Both read the month the applicant
 * names as `claimedMonths.recoverySalesDecline30pct`.
 */
interface ThirtyPercentRule {
  readonly code: string;
  readonly title: string;
  readonly rehabilitationAlternative: boolean;
}

const RECOVERY_RULE: ThirtyPercentRule = { code: RECOVERY_REQUIREMENT, title: TITLE, rehabilitationAlternative: true };
export const MINIMUM_WAGE_DECLINE_REQUIREMENT = 'minimumWageSalesDecline30pct';
const MINIMUM_WAGE_RULE: ThirtyPercentRule = {
  code: MINIMUM_WAGE_DECLINE_REQUIREMENT,
  title: '最低賃金枠の売上高30%減少要件',
  rehabilitationAlternative: false,
};

/** Requirement 'recoverySalesDecline30pct'. */
export const checkRecoverySalesDecline30pct = (applicant: ApplicantProfile, context: EligibilityContext = {}): CheckResult =>
  checkThirtyPercentSince202110(RECOVERY_RULE, applicant, context);

/** Requirement 'minimumWageSalesDecline30pct': the same decline, without the 再生計画 alternative. */
export const checkMinimumWageSalesDecline30pct = (applicant: ApplicantProfile, context: EligibilityContext = {}): CheckResult =>
  checkThirtyPercentSince202110(MINIMUM_WAGE_RULE, applicant, context);

const checkThirtyPercentSince202110 = (rule: ThirtyPercentRule, applicant: ApplicantProfile, context: EligibilityContext): CheckResult => {
  const { code, title } = rule;
  if (rule.rehabilitationAlternative && applicant.inRehabilitation === true) return passed({ via: 'rehabilitationPlan' });
  const indexed = indexMonthlySales(code, applicant.monthlySales);
  if (!indexed.ok) return indexed;
  const { index } = indexed;
  const claimed = context.claimedMonths?.recoverySalesDecline30pct;

  let measured: SingleMonthDecline | null;
  if (claimed !== undefined) {
    const field = `claimedMonths.${RECOVERY_REQUIREMENT}`;
    const month = parseYearMonth(claimed);
    if (month === null) {
      return failed(`${code}.claimInvalid`, `${title}: 指定された月「${claimed}」の形式が不正です（YYYY-MM）。`, field);
    }
    if (month < SINCE) {
      return failed(`${code}.claimInvalid`, `${title}: ${formatMonthJa(month)}は対象外です（2021年10月以降の月を指定してください）。`, field);
    }
    measured = bestForMonth(index, month);
    if (!measured) {
      return failed(
        `${code}.missingSales`,
        `${title}: ${formatMonthJa(month)}の売上高、または比較する2020年・2019年同月の売上高（0円より大きいもの）が入力されていません。`,
        SALES_FIELD,
      );
    }
  } else {
    measured = findBestRecoveryDecline(index);
    if (!measured) {
      return failed(
        `${code}.insufficientData`,
        `${title}: 判定に必要な月次売上高がありません（2021年10月以降のいずれかの月と、その2020年又は2019年同月の売上高が必要です）。${
          rule.rehabilitationAlternative ? '再生計画を策定している場合はその旨を登録してください。' : ''
        }`,
        SALES_FIELD,
      );
    }
  }
  if (declineAtLeastPercent(measured.declineRate, MIN_DECLINE_PERCENT)) return passed({ via: 'salesDecline', ...measured });
  return failed(
    `${code}.belowThreshold`,
    rule.rehabilitationAlternative
      ? `${title}を満たしません: ${claimed !== undefined ? '指定された月' : '最も減少率の高い月'}${describeDecline(measured)} は ${MIN_DECLINE_PERCENT}% 未満で、再生計画の登録もありません（要件: 2021年10月以降のいずれかの月の売上高が2020年又は2019年同月比で30%以上減少、又は再生計画の策定）。`
      : `${title}を満たしません: ${claimed !== undefined ? '指定された月' : '最も減少率の高い月'}${describeDecline(measured)} は ${MIN_DECLINE_PERCENT}% 未満です（要件: 2021年10月以降のいずれかの月の売上高が2020年又は2019年同月比で30%以上減少）。`,
    SALES_FIELD,
    { ...measured },
  );
};
