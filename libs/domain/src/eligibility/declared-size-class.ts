import type { ApplicantProfile, SizeClass } from '../applicant';
import { SIZE_CLASS_LABELS } from '../category/category.types';
import { formatMan } from '../money';
import { classifyByThresholds, SIZE_THRESHOLD_EXCEPTIONS, SIZE_THRESHOLDS, type CompanySizeClassification, type SizeIndustry } from './company-size';
import { failed, type CheckFailed } from './result';

/** The requirement code under which the declared 規模区分 is judged, for every subsidy category (checkEligibility). */
export const DECLARED_SIZE_CLASS = 'sizeClassDeclared';

/**
 * What the applicant's declared 規模区分 is judged to be against its 資本金, 従業員数 and 業種:
 * - `passed`: the 中小企業基本法 classification of its industry group allows it (every group's, when no 業種 was given);
 * - `manual`: only one of the 政令's exceptions within the group allows it (ゴム製品製造業, ソフトウェア業・情報処理サービス業,
 *   旅館業, 宿泊業・娯楽業), or some group but not every one when no 業種 was given: the 要件確認 checks it on the papers;
 * - `failed`: no classification allows it: the rates, caps and 類型 it would open are not the applicant's.
 */
export type DeclaredSizeClassJudgement =
  | { readonly status: 'passed'; readonly classification: CompanySizeClassification }
  | { readonly status: 'manual'; readonly allowedBy: readonly string[] }
  | { readonly status: 'failed'; readonly failure: CheckFailed };

/** A 小規模事業者 is a 中小企業者 in law, so it may declare either; every other class only itself. */
const declarable = (classified: SizeClass, declared: SizeClass): boolean => declared === classified || (classified === 'smallBusiness' && declared === 'sme');

const validFigures = (a: ApplicantProfile): boolean =>
  Number.isSafeInteger(a.employeeCount) && a.employeeCount >= 0 && (a.capital === undefined || (Number.isSafeInteger(a.capital) && a.capital >= 0));

/**
 * Judges the declared 規模区分 (docs/programs.md "規模区分"). Null when the figures are not whole numbers of people
 * and yen: the quote reports those itself.
 */
export function judgeDeclaredSizeClass(applicant: ApplicantProfile): DeclaredSizeClassJudgement | null {
  if (!validFigures(applicant)) return null;
  const declared = applicant.sizeClass;
  const input = { kind: applicant.kind, capital: applicant.capital, employeeCount: applicant.employeeCount };
  const groups: SizeIndustry[] = applicant.industry ? [applicant.industry] : (Object.keys(SIZE_THRESHOLDS) as SizeIndustry[]);
  const byGroup = groups.map((g) => classifyByThresholds(SIZE_THRESHOLDS[g], input));
  if (byGroup.every((c) => declarable(c.sizeClass, declared))) return { status: 'passed', classification: byGroup[0] };
  const allowedBy = [
    ...groups.filter((_, i) => declarable(byGroup[i].sizeClass, declared)).map((g) => SIZE_THRESHOLDS[g].label),
    ...groups
      .flatMap((g) => SIZE_THRESHOLD_EXCEPTIONS[g] ?? [])
      .flatMap((t) => (declarable(classifyByThresholds(t, input).sizeClass, declared) ? [t.label] : [])),
  ];
  if (allowedBy.length > 0) return { status: 'manual', allowedBy: [...new Set(allowedBy)] };
  const what = SIZE_CLASS_LABELS[declared] ?? declared;
  const message = applicant.industry
    ? `申告された規模区分（${what}）が、資本金・従業員数・業種から判定した区分と合いません（${byGroup[0].reason}）。規模区分を確認してください。`
    : `申告された規模区分（${what}）は、従業員数 ${applicant.employeeCount}人${applicant.kind === 'corporation' && applicant.capital !== undefined ? `・資本金 ${formatMan(applicant.capital)}` : ''}ではいずれの業種にも当たりません。規模区分を確認してください。`;
  return {
    status: 'failed',
    failure: failed(`${DECLARED_SIZE_CLASS}.mismatch`, message, 'sizeClass', { declared, classified: byGroup.map((c) => c.sizeClass) }),
  };
}
