/** Inputs and result of `quote()`: 補助金額（見込み） with the steps a reviewer can follow. */
import type { Rate, Yen } from '../money';
import type { ApplicantProfile } from '../applicant';

/** One 補助対象経費 line as the applicant enters it. */
export interface ExpenseLine {
  /** 経費区分 code of the category, e.g. 'machinery' */
  readonly expenseType: string;
  /** integer yen, tax excluded */
  readonly amount: Yen;
  readonly description?: string;
  /** item the line prices as, where a category prices items separately (IT導入: 'itTool' | 'pc' | 'register') */
  readonly itemKind?: string;
  /** facts that may exclude the line, e.g. 'publicRoadVehicle', 'generalPurpose' */
  readonly flags?: readonly string[];
  /** in a group application, which participating business the line belongs to */
  readonly participant?: string;
}

/**
 * The applicant as far as a quote reads it. Everything is optional because the input comes from a
 * form: what a category needs and is missing becomes a problem, not an exception.
 */
export type QuoteApplicant = Partial<ApplicantProfile>;

/** Bad input: the API answers 400 with these. */
export type QuoteProblemCode =
  | 'notASubsidyCategory'
  | 'invalidCategoryConfig'
  | 'invalidExpenses'
  | 'invalidExpenseLine'
  | 'invalidAmount'
  | 'totalTooLarge'
  | 'missingExpenseType'
  | 'unknownExpenseType'
  | 'invalidFlags'
  | 'unknownFlag'
  | 'missingItemKind'
  | 'unknownItemKind'
  | 'itemKindNotOfExpenseType'
  | 'missingParticipant'
  | 'missingSizeClass'
  | 'missingEmployeeCount'
  | 'missingParticipantCount'
  | 'tooManyParticipants';

export interface QuoteProblem {
  readonly code: QuoteProblemCode;
  /** path of the offending input, e.g. 'expenses[2].amount', 'applicant.employeeCount' */
  readonly field: string;
  /** Japanese message naming the field */
  readonly message: string;
}

/** Valid input that does not qualify: a normal answer, not an error. */
export type IneligibilityCode = 'sizeClassNotAdmitted' | 'employeeCountNotAdmitted' | 'noRateForApplicant' | 'zeroAmount' | 'belowFloor';

export interface QuoteIneligibility {
  readonly code: IneligibilityCode;
  readonly message: string;
}

/** Expenses subsidised at one rate; `fromSubsidy`…`upToSubsidy` is the subsidy band of the tier. */
export interface RateStep {
  readonly rate: Rate;
  readonly expenses: Yen;
  readonly amount: Yen;
  readonly fromSubsidy: Yen;
  readonly upToSubsidy?: Yen;
}

export interface AppliedCap {
  readonly amount: Yen;
  /** why this cap applies, e.g. '従業員101人以上', '中小企業' (may be empty) */
  readonly reason: string;
  /** whether the cap lowered the amount */
  readonly binding: boolean;
}

/** One separately priced part: the whole category, an item kind, or a component of a group rule. */
export interface PartQuote {
  readonly code: string;
  readonly label: string;
  readonly participant?: string;
  readonly expenseTotal: Yen;
  /** whom the rate applies to, e.g. '中小企業' */
  readonly rateLabel: string;
  readonly steps: readonly RateStep[];
  /** sum of the steps, before the cap */
  readonly computed: Yen;
  readonly cap: AppliedCap | null;
  readonly amount: Yen;
}

export interface ShareLimitResult {
  readonly label: string;
  readonly maxShare: Rate;
  /** subsidy attributable to the limited expense types before the limit */
  readonly limitedSubsidy: Yen;
  /** what remains of it after the limit */
  readonly allowedLimitedSubsidy: Yen;
}

export interface ExcludedLine {
  readonly index: number;
  readonly reason: string;
}

export interface FloorResult {
  readonly amount: Yen;
  readonly met: boolean;
  /**
   * What the rates and caps give, compared with the floor: when not met, the quote's `amount` is 0 (not eligible to
   * apply), while a 確定検査 that accepts less than the floor still fixes this amount (docs/post-award.md).
   */
  readonly computed: Yen;
}

export interface QuoteResult {
  readonly categoryCode: string;
  /**
   * What the briefing says is still being designed for the 類型 (its config's `caveat`), or null: the
   * amount follows today's rules, which may change. The explanation repeats it.
   */
  readonly caveat: string | null;
  readonly eligible: boolean;
  /** 補助金額（見込み）, integer yen; 0 when not eligible or on bad input */
  readonly amount: Yen;
  readonly eligibleExpenseTotal: Yen;
  readonly parts: readonly PartQuote[];
  /** the cap on the whole (for single-part categories the part's cap; for group rules (1)+(2)) */
  readonly cap: AppliedCap | null;
  readonly shareLimit: ShareLimitResult | null;
  readonly floor: FloorResult | null;
  readonly excludedLines: readonly ExcludedLine[];
  readonly problems: readonly QuoteProblem[];
  readonly ineligibility: readonly QuoteIneligibility[];
  /** Japanese lines a reviewer can read */
  readonly explanation: readonly string[];
}
