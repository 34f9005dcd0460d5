/** Test helpers: quote a catalogue category with one or more expense lines. */
import type { SubsidyCategoryConfig } from '../../category';
import { quote, type ExpenseLine, type QuoteApplicant, type QuoteResult } from '../../quote';
import { findCategory } from '../catalogue';

export const subsidyCategory = (ruleSetCode: string, categoryCode: string): SubsidyCategoryConfig => {
  const category = findCategory(ruleSetCode, categoryCode);
  if (category?.kind !== 'subsidy') throw new Error(`no subsidy category ${ruleSetCode} / ${categoryCode}`);
  return category;
};

/** Quote with a single expense line of `expenseType`. */
export const quoteSingle = (ruleSetCode: string, categoryCode: string, applicant: QuoteApplicant, amount: number, expenseType = 'machinery'): QuoteResult =>
  quote(subsidyCategory(ruleSetCode, categoryCode), applicant, [{ expenseType, amount }]);

export const quoteLines = (ruleSetCode: string, categoryCode: string, applicant: QuoteApplicant, lines: readonly ExpenseLine[]): QuoteResult =>
  quote(subsidyCategory(ruleSetCode, categoryCode), applicant, lines);
