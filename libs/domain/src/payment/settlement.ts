/**
 * Whether the 概算払 already paid the whole 確定額 (docs/post-award.md "概算払"): nothing is left for a 支払バッチ to
 * transfer (a 全銀 line moves at least 1円), so the 精算 is complete at the 額の確定. A 確定額 below what was paid in
 * advance is a 返還 of the difference, not this.
 */
export const paidInFullInAdvance = (fixedAmount: number, advancePaid: number): boolean => advancePaid > 0 && fixedAmount === advancePaid;

/**
 * A 概算払's amount (docs/post-award.md "概算払"): the rules' quote of every expense paid so far (an earlier request's
 * included), never above the 交付決定額, less what earlier 概算払 already paid. Quoting only the lines sent, less
 * nothing, paid twice an expense sent again in a later request. 0 or less: nothing is due now.
 */
export const advancePaymentDue = (quoteOfPaidSoFar: number, grantAmount: number, advancePaid: number): number =>
  Math.min(quoteOfPaidSoFar, grantAmount) - advancePaid;

/**
 * What the 概算払 paid above the 確定額 (docs/post-award.md "概算払"), to be returned: 補助金適正化法 第18条第2項 has the
 * agency, having fixed the amount (第15条) below what was already paid, order the excess returned by a 期限. 0: nothing
 * was paid above it.
 */
export const advanceExcess = (fixedAmount: number, advancePaid: number): number => Math.max(0, advancePaid - fixedAmount);

/**
 * Everything paid to the project, whatever was returned since (docs/post-award.md "交付決定取消 and 返還"): before the
 * 支払 (`settled` false) what the 概算払 paid; once settled by a 支払 line (`finalPaid`, the 支払額 its paid batch
 * transferred), the 概算払 and that 支払額, which is what reached the applicant even where it differs from the 確定額
 * less the 概算払; settled without one (the 概算払 paid the 確定額 or more, its excess returned through the same 返還,
 * or a 支払 recorded before payment batches), the 確定額, or the 概算払 where it paid more.
 */
export const paidOut = (settled: boolean, fixedAmount: number, advancePaid: number, finalPaid = 0): number => {
  if (!settled) return advancePaid;
  return finalPaid > 0 ? advancePaid + finalPaid : Math.max(fixedAmount, advancePaid);
};
