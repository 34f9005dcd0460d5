/**
 * Pure pieces of the category page: how tiers, rate conditions and exclusion criteria read, as
 * structured data the components translate. Amounts and rates are formatted by libs/domain, the same
 * way the API's summaries and quote explanations are.
 */
import {
  EXPENSE_FLAG_LABELS,
  formatMan,
  formatRate,
  SIZE_CLASS_LABELS,
  type ExclusionRule,
  type ExpenseTypeDef,
  type RateCondition,
  type RateTier,
} from '@jimukyoku/domain';

export type TierLine = { kind: 'only'; rate: string } | { kind: 'upTo'; amount: string; rate: string } | { kind: 'rest'; rate: string };

/**
 * A rate schedule, one line per tier. Thresholds are on the subsidy accumulated so far:
 * [3/4 up to 1,000万円, 2/3] reads 「補助金額 1,000万円 まで 3/4」「それを超える部分 2/3」.
 */
export function tierLines(tiers: readonly RateTier[]): TierLine[] {
  if (tiers.length === 1 && tiers[0]!.upToSubsidy === undefined) return [{ kind: 'only', rate: formatRate(tiers[0]!.rate) }];
  return tiers.map((t) =>
    t.upToSubsidy === undefined ? { kind: 'rest', rate: formatRate(t.rate) } : { kind: 'upTo', amount: formatMan(t.upToSubsidy), rate: formatRate(t.rate) },
  );
}

/** Who a rate rule is for, as i18n keys or literal labels; empty means everybody the category admits. */
export function conditionParts(when: RateCondition): { key?: string; text?: string }[] {
  const parts: { key?: string; text?: string }[] = [];
  if (when.sizeClasses?.length) parts.push({ text: when.sizeClasses.map((c) => SIZE_CLASS_LABELS[c]).join('・') });
  if (when.lossMaking === true) parts.push({ key: 'app.rules.config.loss_making' });
  if (when.lossMaking === false) parts.push({ key: 'app.rules.config.not_loss_making' });
  if (when.inRehabilitation === true) parts.push({ key: 'app.rules.config.in_rehabilitation' });
  if (when.inRehabilitation === false) parts.push({ key: 'app.rules.config.not_in_rehabilitation' });
  return parts;
}

export type ExclusionCriterion = { kind: 'expenseType' | 'itemKind' | 'flag'; text: string };

/** What an exclusion applies to: 経費区分 by their labels, item kinds, flags by their labels. */
export function exclusionCriteria(rule: ExclusionRule, expenseTypes: readonly ExpenseTypeDef[]): ExclusionCriterion[] {
  const labelOf = (code: string) => expenseTypes.find((e) => e.code === code)?.label ?? code;
  return [
    ...(rule.expenseTypes ?? []).map((code) => ({ kind: 'expenseType' as const, text: labelOf(code) })),
    ...(rule.itemKinds ?? []).map((kind) => ({ kind: 'itemKind' as const, text: kind })),
    ...(rule.flags ?? []).map((flag) => ({ kind: 'flag' as const, text: EXPENSE_FLAG_LABELS[flag] ?? flag })),
  ];
}
