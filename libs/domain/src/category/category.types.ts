/**
 * A 類型 (category) as data: caps, rates, tiers, floor, expense types, exclusions and requirements.
 * One pure function (`quote` in ../quote) computes an amount from this configuration; the same
 * shape is stored in the database, entered by an administrator and checked by
 * `validateCategoryConfig` before use.
 */
import type { Rate, Yen } from '../money';
import type { SizeClass } from '../applicant';
import type { RequirementClause } from './requirements';

/** A note explaining a value the briefing leaves open (shown to administrators). */
export interface Assumed {
  readonly assumption?: string;
}

/** Inclusive employee bracket: min ≤ employeeCount ≤ max (max absent = "…人以上"). */
export interface EmployeeBracket {
  readonly min: number;
  readonly max?: number;
  readonly amount: Yen;
}

export interface SizeClassCap {
  readonly sizeClasses: readonly SizeClass[];
  readonly cap: CapRule;
}

/** What a fixed cap is counted per, for the explanation (1社あたり, 1コミュニティあたり …). */
export type CapUnit = 'application' | 'company' | 'community' | 'contract';

/**
 * 補助上限額.
 * - fixed: one amount.
 * - byEmployees: selected by 従業員数 with inclusive brackets; a count below the first bracket
 *   means the category does not admit the applicant (e.g. 大規模賃金引上枠, 101人以上).
 * - bySizeClass: selected by size class (グリーン成長枠: 中小 1億, 中堅 1.5億); entries may nest.
 * - perParticipant: amount × number of participants (複数社連携IT導入 消費動向等分析経費).
 * - groupBonus: the lead's cap in a group application rises by `bonusPerParticipant` of the base
 *   cap for each participating company (地域デジタルイノベーション: +10% per company).
 * - none: no cap is set (the briefing gives none).
 */
export type CapRule =
  | ({ readonly kind: 'fixed'; readonly amount: Yen; readonly per?: CapUnit } & Assumed)
  | ({ readonly kind: 'byEmployees'; readonly brackets: readonly EmployeeBracket[] } & Assumed)
  | ({ readonly kind: 'bySizeClass'; readonly entries: readonly SizeClassCap[] } & Assumed)
  | ({ readonly kind: 'perParticipant'; readonly amountPerParticipant: Yen } & Assumed)
  | ({
      readonly kind: 'groupBonus';
      readonly base: CapRule;
      readonly bonusPerParticipant: Rate;
      /** whether the lead itself counts as a participating company for the bonus */
      readonly countsLead: boolean;
    } & Assumed)
  | ({ readonly kind: 'none' } & Assumed);

/**
 * One tier of a rate schedule. Thresholds are on the SUBSIDY amount: a tier applies until the
 * subsidy accumulated so far reaches `upToSubsidy`; the expenses beyond what that consumed go to
 * the next tier. The last tier has no threshold.
 */
export interface RateTier {
  readonly rate: Rate;
  readonly upToSubsidy?: Yen;
}

/** Conditions on the applicant; all given conditions must hold. */
export interface RateCondition {
  readonly sizeClasses?: readonly SizeClass[];
  readonly lossMaking?: boolean;
  readonly inRehabilitation?: boolean;
}

/** 補助率 for the applicants matching `when`; rules are tried in order, the first match wins. */
export interface RateRule extends Assumed {
  /** who this rate is for, e.g. '中小企業', '小規模事業者', '再生事業者' */
  readonly label: string;
  readonly when: RateCondition;
  readonly tiers: readonly RateTier[];
}

/** 経費区分. `itemKind` says which item an expense of this type prices as (IT導入: 'itTool'). */
export interface ExpenseTypeDef {
  readonly code: string;
  readonly label: string;
  readonly itemKind?: string;
}

/** Lines matching any of the criteria are excluded from 補助対象経費 with `reason`. */
export interface ExclusionRule {
  readonly code: string;
  readonly reason: string;
  readonly expenseTypes?: readonly string[];
  readonly itemKinds?: readonly string[];
  readonly flags?: readonly string[];
}

/** Limits the part of the subsidy that may come from some expense types (共創型: tools ≤ 50%). */
export interface SubsidyShareLimit {
  readonly label: string;
  readonly expenseTypes: readonly string[];
  readonly maxShare: Rate;
}

/** rate × eligible expenses, capped: the common case. */
export interface RatePricing {
  readonly kind: 'rate';
  readonly rates: readonly RateRule[];
  readonly cap: CapRule;
  readonly shareLimit?: SubsidyShareLimit;
}

/** One item kind priced on its own (IT導入 デジタル化基盤導入類型: ITツール / PC / レジ). */
export interface ItemRule {
  readonly itemKind: string;
  readonly label: string;
  readonly rates: readonly RateRule[];
  readonly cap: CapRule;
}

/** Each item kind priced separately, then summed (and optionally capped as a whole). */
export interface ItemizedPricing {
  readonly kind: 'itemized';
  readonly items: readonly ItemRule[];
  readonly cap?: CapRule;
}

/**
 * 複数社連携IT導入類型:
 * (1) base: the participants' 基盤導入経費, each participant priced as `items` (デジタル化基盤導入類型);
 * (2) analysis: 消費動向等分析経費 at its rate, capped per participant;
 * (1)+(2) limited by `baseAndAnalysisCap`;
 * (3) admin: 事務費・専門家費 at its rate, capped at ((1)+(2)) × `adminShareOfBaseAndAnalysis`.
 */
export interface MultiCompanyItPricing {
  readonly kind: 'multiCompanyIt';
  readonly items: readonly ItemRule[];
  readonly analysis: { readonly expenseTypes: readonly string[]; readonly rates: readonly RateRule[]; readonly cap: CapRule };
  readonly baseAndAnalysisCap: CapRule;
  readonly admin: { readonly expenseTypes: readonly string[]; readonly rates: readonly RateRule[]; readonly shareOfBaseAndAnalysis: Rate };
}

export type Pricing = RatePricing | ItemizedPricing | MultiCompanyItPricing;

interface CategoryBase extends Assumed {
  /** stable code, unique within a rule set, e.g. 'restructuring.standard' */
  readonly code: string;
  /** Japanese name, e.g. '通常枠' */
  readonly name: string;
  readonly requirements: readonly RequirementClause[];
  /**
   * What the briefing says is still being designed for this 類型 (制度設計中, 検討中, 調整中), in Japanese:
   * the rules here may change. Shown with every quote of the 類型 and on its page; unlike `assumption`
   * (our reading of a gap) it is the source's own warning.
   */
  readonly caveat?: string;
}

export interface SubsidyCategoryConfig extends CategoryBase {
  readonly kind: 'subsidy';
  /** size classes the category admits; others are ineligible */
  readonly admittedSizeClasses: readonly SizeClass[];
  readonly pricing: Pricing;
  /** 補助下限額: a computed amount below it is not eligible (it is not raised) */
  readonly floor?: Yen;
  /** eligible 経費区分 */
  readonly expenseTypes: readonly ExpenseTypeDef[];
  readonly exclusions: readonly ExclusionRule[];
  /**
   * 再審査: codes of the 類型 of the same rule set in which an application not adopted in this one may
   * be reconsidered, in the same round (事業再構築: the special 枠 → 通常枠). Absent: none. The one
   * place of the rule; docs/reconsideration.md.
   */
  readonly reconsiderIn?: readonly string[];
}

/** 給付金 (事業復活支援金): listed in the catalogue; its amount is computed in ../benefit. */
export interface BenefitCategoryConfig extends CategoryBase {
  readonly kind: 'benefit';
}

/** 委託 (a commissioned contract with a ceiling per contract, not a rate-based subsidy). */
export interface ContractCategoryConfig extends CategoryBase {
  readonly kind: 'contract';
  readonly ceilingPerContract: Yen;
}

export type CategoryConfig = SubsidyCategoryConfig | BenefitCategoryConfig | ContractCategoryConfig;

export const SIZE_CLASSES: readonly SizeClass[] = ['smallBusiness', 'sme', 'midsize', 'large'];

export const SIZE_CLASS_LABELS: Readonly<Record<SizeClass, string>> = {
  smallBusiness: '小規模事業者',
  sme: '中小企業',
  midsize: '中堅企業',
  large: '大企業',
};
