/** Selecting the rate rule for an applicant, and applying a tiered rate schedule. */
import { applyRateFloor, expenseConsumedBy, type Yen } from '../money';
import type { RateRule, RateTier } from '../category';
import type { QuoteApplicant, RateStep } from './quote.types';

const matchesFlag = (wanted: boolean | undefined, actual: boolean | undefined): boolean => wanted === undefined || wanted === (actual === true);

/** The first rule whose conditions all hold for the applicant. */
export const selectRateRule = (rules: readonly RateRule[], applicant: QuoteApplicant): RateRule | undefined =>
  rules.find(
    (r) =>
      (r.when.sizeClasses === undefined || (applicant.sizeClass !== undefined && r.when.sizeClasses.includes(applicant.sizeClass))) &&
      matchesFlag(r.when.lossMaking, applicant.lossMaking) &&
      matchesFlag(r.when.inRehabilitation, applicant.inRehabilitation),
  );

/**
 * Tier thresholds are on the subsidy amount (programs.md): a tier subsidises expenses until the
 * subsidy reaches its threshold; only the expenses beyond what that part consumed (the smallest
 * amount whose subsidy reaches the threshold) move on to the next tier. Each step is truncated
 * to 1円. Example at 2/3 up to 6,000万 then 1/2, expenses 1.5億: 9,000万 → 6,000万, 6,000万 → 3,000万.
 */
export const applyTiers = (expenses: Yen, tiers: readonly RateTier[]): RateStep[] => {
  const steps: RateStep[] = [];
  let remaining = expenses;
  let from = 0;
  for (let i = 0; i < tiers.length; i++) {
    const { rate, upToSubsidy } = tiers[i];
    const full = applyRateFloor(remaining, rate);
    const last = i === tiers.length - 1 || upToSubsidy === undefined;
    if (last || full <= upToSubsidy - from) {
      steps.push({ rate, expenses: remaining, amount: full, fromSubsidy: from, ...(last ? {} : { upToSubsidy }) });
      break;
    }
    const room = upToSubsidy - from;
    const consumed = expenseConsumedBy(room, rate);
    steps.push({ rate, expenses: consumed, amount: room, fromSubsidy: from, upToSubsidy });
    remaining -= consumed;
    from = upToSubsidy;
  }
  return steps;
};

export const sumSteps = (steps: readonly RateStep[]): Yen => steps.reduce((sum, s) => sum + s.amount, 0);
