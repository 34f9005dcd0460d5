import { useTranslate } from 'react-admin';
import { amountTermsOf, type AmountTerms, type RoundWorkflow } from './workflow';

/** The words for a round's amounts (amountTermsOf): the flow's own, else the 補助金's as i18n words them. */
export function useAmountTerms(workflow: RoundWorkflow | undefined): AmountTerms {
  const translate = useTranslate();
  return amountTermsOf(workflow, { quote: translate('resources.applications.fields.quotedAmount'), adopted: translate('app.post_award.adopted_amount') });
}
