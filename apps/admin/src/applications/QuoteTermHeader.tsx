import { useListContext, useTranslate } from 'react-admin';
import { useAmountTerms } from '../rounds/useAmountTerms';
import { useRoundWorkflow } from '../rounds/useRoundWorkflow';

/**
 * The 申請 list's amount column header: with a 公募回 chosen, its flow's word (補助金額(見込み), IT導入 交付申請額,
 * 給付金 給付額（見込み）); across rounds, 見込み額, which is each of them.
 */
export const QuoteTermHeader = () => {
  const { filterValues } = useListContext();
  const roundId = typeof filterValues?.roundId === 'string' && filterValues.roundId ? filterValues.roundId : undefined;
  const terms = useAmountTerms(useRoundWorkflow(roundId).workflow);
  const translate = useTranslate();
  return <span data-testid="quoted-amount-header">{roundId ? terms.quote : translate('app.applications.quoted_amount_any_round')}</span>;
};
