/**
 * The lock that serialises what changes a round × category's 採択 slots and 予算: a decision's commit
 * (AdoptionRepository.lockDecision) and any single transition whose guards count them (slotAvailable,
 * withinBudget: a 採択, a 繰上げ採択). Without it, three 繰上げ at once each counted the slots before the others
 * took theirs, and the 類型 ended above its 採択枠 and 予算. A transaction-scoped advisory lock ($1 round id,
 * $2 category id), held to commit; taking it twice in one transaction is harmless.
 */
export const ADOPTION_SLOTS_LOCK = `SELECT pg_advisory_xact_lock(hashtext('review.decide:' || $1 || ':' || $2))`;
