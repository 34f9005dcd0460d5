/**
 * Whether the 概算払 already paid the whole 確定額 (docs/post-award.md "概算払"): nothing is left for a 支払バッチ to
 * transfer (a 全銀 line moves at least 1円), so the 精算 is complete at the 額の確定. A 確定額 below what was paid in
 * advance is a 返還 of the difference, not this.
 */
export const paidInFullInAdvance = (fixedAmount: number, advancePaid: number): boolean => advancePaid > 0 && fixedAmount === advancePaid;
