import { Yen } from '../money';

/**
 * What the eligibility checks read besides the ApplicantProfile: facts of this application (the
 * plan's advisors, the subsidy applied for, the months the applicant chose) and, for
 * `groupApplication`, the category's minimum group size.
 */
export interface CertifiedAdvisor {
  /** 認定経営革新等支援機関の名称 */
  readonly name?: string;
  /** 認定支援機関ID番号 (as issued by the 中小企業庁 search system) */
  readonly id?: string;
  /** the certified advisor is itself a bank etc.; it then also serves as the financial institution */
  readonly isFinancialInstitution?: boolean;
}

export interface FinancialInstitution {
  /** 金融機関名 of the institution that confirmed the plan (金融機関による確認書) */
  readonly name?: string;
}

/** Months an applicant named on the form for the sales-decline tests ('YYYY-MM'). */
export interface ClaimedMonths {
  /** the 3 months of the 10% test */
  readonly salesDecline10pct?: readonly string[];
  /** the 3 months of the 5% test since 2020-10 */
  readonly salesDecline5pctSince202010?: readonly string[];
  /** the one month of the 30% test since 2021-10 (回復・再生応援枠, and 最低賃金枠's 業況 condition) */
  readonly recoverySalesDecline30pct?: string;
}

export interface EligibilityContext {
  /** 補助金額 applied for (or quoted), integer yen; needed by financialInstitutionAbove30M */
  readonly subsidyAmount?: Yen;
  readonly certifiedAdvisor?: CertifiedAdvisor;
  readonly financialInstitution?: FinancialInstitution;
  /** groupApplication: minimum companies in the group, the applicant included (default 2; 複数社連携IT導入類型: 10) */
  readonly minParticipants?: number;
  /** without a claim, the sales-decline checks search for the best months and report them */
  readonly claimedMonths?: ClaimedMonths;
}
