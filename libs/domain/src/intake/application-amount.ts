/**
 * A subsidy application's 申請額: what the rules give for its expenses (補助対象経費 × 補助率, within the 補助上限額,
 * truncated to 1円 by the category's rule), or the amount the applicant asked for where that is less. An applicant
 * may ask for less than the rules allow, never more (validateApplication refuses it). The 採択 spends this amount of
 * the 予算 and it becomes the 採択額, so an applicant is never adopted for more than they asked.
 */
export const applicationAmount = (rulesAmount: number, requestedAmount: number | null | undefined): number =>
  requestedAmount === null || requestedAmount === undefined ? rulesAmount : Math.min(rulesAmount, requestedAmount);
