import { ApplicantProfile, SizeClass } from '../applicant';
import { Yen, formatMan, formatYen, man } from '../money';
import { EligibilityContext } from './context';
import { CheckResult, failed, passed } from './result';

/** Requirement checks that read one fact of the applicant or of the plan (no sales arithmetic). */

const present = (text: string | undefined): boolean => text !== undefined && text.trim().length > 0;

/**
 * 'certifiedAdvisorPlan': the business plan was made with a 認定経営革新等支援機関; both its name and
 * its 認定支援機関ID must be given. Assumption: the ID's format is not validated here (staff verify
 * it against the 中小企業庁 list); only its presence is.
 */
export const checkCertifiedAdvisorPlan = (_applicant: ApplicantProfile, context: EligibilityContext = {}): CheckResult => {
  const advisor = context.certifiedAdvisor;
  const missing = [...(present(advisor?.name) ? [] : ['名称']), ...(present(advisor?.id) ? [] : ['認定支援機関ID'])];
  if (missing.length === 0) return passed();
  return failed(
    'certifiedAdvisorPlan.missingAdvisor',
    `認定経営革新等支援機関と策定した事業計画が必要です: 支援機関の${missing.join('と')}が入力されていません。`,
    present(advisor?.name) ? 'certifiedAdvisor.id' : 'certifiedAdvisor.name',
    { missing },
  );
};

/** The subsidy above which a financial institution must confirm the plan (3,000万円超). */
export const FINANCIAL_INSTITUTION_THRESHOLD: Yen = man(3000);

/**
 * 'financialInstitutionAbove30M': a subsidy of more than 3,000万円 (exactly 3,000万 is not "超")
 * needs a financial institution's confirmation as well as the certified advisor's.
 * Assumption: when the certified advisor is itself a financial institution (a bank registered as
 * 認定支援機関) it also serves as the financial institution, as the 公募要領 allows.
 */
export const checkFinancialInstitutionAbove30M = (_applicant: ApplicantProfile, context: EligibilityContext = {}): CheckResult => {
  const amount = context.subsidyAmount;
  if (amount === undefined || !Number.isSafeInteger(amount) || amount < 0) {
    return failed(
      'financialInstitutionAbove30M.missingSubsidyAmount',
      '補助金額（申請額）が未入力のため、3,000万円超で必要となる金融機関の確認要否を判定できません。',
      'subsidyAmount',
    );
  }
  if (amount <= FINANCIAL_INSTITUTION_THRESHOLD) return passed({ required: false, subsidyAmount: amount });
  if (present(context.financialInstitution?.name)) return passed({ required: true, subsidyAmount: amount, by: 'financialInstitution' });
  if (context.certifiedAdvisor?.isFinancialInstitution === true && present(context.certifiedAdvisor.name)) {
    return passed({ required: true, subsidyAmount: amount, by: 'certifiedAdvisor' });
  }
  return failed(
    'financialInstitutionAbove30M.missingFinancialInstitution',
    `補助金額 ${formatYen(amount)} は ${formatMan(FINANCIAL_INSTITUTION_THRESHOLD)} を超えるため、金融機関による事業計画の確認が必要ですが、金融機関が入力されていません。`,
    'financialInstitution.name',
    { subsidyAmount: amount, threshold: FINANCIAL_INSTITUTION_THRESHOLD },
  );
};

/**
 * 'lossMakingPreviousYear' (ものづくり補助金 回復型賃上げ・雇用拡大枠): the previous fiscal year was
 * loss-making. The briefing words it as "前年度の事業年度の課税所得がゼロ" (詳細な要件は検討中);
 * Assumption: `ApplicantProfile.lossMaking` records that fact, declared by the applicant.
 */
export const checkLossMakingPreviousYear = (applicant: ApplicantProfile): CheckResult => {
  if (applicant.lossMaking === true) return passed();
  return applicant.lossMaking === undefined
    ? failed(
        'lossMakingPreviousYear.notDeclared',
        '回復型賃上げ・雇用拡大枠は前年度の事業年度が赤字（課税所得ゼロ）の事業者が対象ですが、前年度の損益が入力されていません。',
        'lossMaking',
      )
    : failed(
        'lossMakingPreviousYear.notLossMaking',
        '回復型賃上げ・雇用拡大枠は前年度の事業年度が赤字（課税所得ゼロ）の事業者が対象です。申請者の前年度は赤字ではありません。',
        'lossMaking',
      );
};

/**
 * 'rehabilitationPlan' (再生事業者): a 再生計画 made under the 再生支援協議会 scheme etc.
 * Assumption: `ApplicantProfile.inRehabilitation` records it; staff verify the plan itself.
 */
export const checkRehabilitationPlan = (applicant: ApplicantProfile): CheckResult =>
  applicant.inRehabilitation === true
    ? passed()
    : failed('rehabilitationPlan.noPlan', '再生計画を策定した事業者（再生事業者）であることが必要ですが、再生計画の登録がありません。', 'inRehabilitation');

const SIZE_LABEL: Readonly<Record<SizeClass, string>> = {
  smallBusiness: '小規模事業者',
  sme: '中小企業者（小規模事業者以外）',
  midsize: '中堅企業',
  large: '大企業',
};

/**
 * 'smallBusinessOnly' (持続化補助金): only 小規模事業者. Reads `ApplicantProfile.sizeClass`, the applicant's
 * declaration, which checkEligibility judges against 資本金, 従業員数 and 業種 first (declared-size-class.ts, where
 * the 政令's 宿泊業・娯楽業 at 20人 is one of the exceptions a person confirms).
 */
export const checkSmallBusinessOnly = (applicant: ApplicantProfile): CheckResult => {
  if (applicant.sizeClass === 'smallBusiness') return passed();
  return failed(
    'smallBusinessOnly.notSmallBusiness',
    `この補助金は小規模事業者のみが対象です（申請者の規模区分: ${SIZE_LABEL[applicant.sizeClass] ?? applicant.sizeClass}、従業員数 ${applicant.employeeCount}人）。`,
    'sizeClass',
    { sizeClass: applicant.sizeClass, employeeCount: applicant.employeeCount },
  );
};
