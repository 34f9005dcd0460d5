export * from './quote.types';
export { caveatLine, quote } from './quote';
export { applyTiers, selectRateRule } from './rate-tiers';
export { resolveCap, bracketLabel, type CapResolution, type ResolvedCap } from './resolve-cap';
export * from './describe-category';
export { quoteWithEligibility } from './quote-with-eligibility';
export { applicationAmount, requestedAmountProblems, type RequestedAmountProblem } from './application-amount';
