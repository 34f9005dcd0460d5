import { formatMan, formatYen } from '../money';
import type { QuoteResult } from './quote.types';

/**
 * A subsidy application's 申請額: what the rules give for its expenses (補助対象経費 × 補助率, within the 補助上限額,
 * truncated to 1円 by the category's rule), or the amount the applicant asked for where that is less. An applicant
 * may ask for less than the rules allow, never more (validateApplication refuses it). The 採択 spends this amount of
 * the 予算 and it becomes the 採択額, so an applicant is never adopted for more than they asked.
 */
export const applicationAmount = (rulesAmount: number, requestedAmount: number | null | undefined): number =>
  requestedAmount === null || requestedAmount === undefined ? rulesAmount : Math.min(rulesAmount, requestedAmount);

export interface RequestedAmountProblem {
  readonly code: 'aboveQuote' | 'belowFloor';
  readonly message: string;
}

/**
 * What is wrong with the 申請額 an applicant asks for, against the quote of their expenses (checked only when the
 * quote itself is eligible): more than the rules give, or less than the 類型's 補助下限額, which no application may
 * ask for (docs/programs.md "補助下限額": an amount below the floor is not eligible, not raised to it). An
 * applicant adopted for less than the floor could file no 交付申請 at all.
 */
export function requestedAmountProblems(
  quote: Pick<QuoteResult, 'eligible' | 'amount' | 'floor'>,
  requested: number | null | undefined,
): RequestedAmountProblem[] {
  if (requested === null || requested === undefined || !quote.eligible) return [];
  if (requested > quote.amount)
    return [
      {
        code: 'aboveQuote',
        message: `requestedAmount (申請額) ${formatYen(requested)} は、補助対象経費と補助率・補助上限額から計算される額 ${formatYen(quote.amount)} を超えています`,
      },
    ];
  if (quote.floor && requested < quote.floor.amount)
    return [
      {
        code: 'belowFloor',
        message: `requestedAmount (申請額) ${formatYen(requested)} は補助下限額 ${formatMan(quote.floor.amount)} に満たないため申請できません`,
      },
    ];
  return [];
}
