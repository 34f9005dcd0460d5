import type { StaffRole } from '../providers/roles';

/** What the 審査 tab may ask for, as far as the application's assignments tell. */
export type ReviewsAccess = 'ask' | 'ownFirst' | 'notAssigned';

/**
 * The API shows a reviewer the other reviewers' scores only once their own sheet is submitted (403
 * OWN_SCORE_FIRST). The tab asks only where that can succeed, and otherwise says why without a refused request:
 * a reviewer with an open 書面審査 assignment here is to submit first; one with none (only its 要件確認, or an
 * assignment revoked) is not this application's reviewer. Other roles ask; the API decides.
 */
export function reviewsAccess(
  role: StaffRole | undefined,
  myId: string | number | undefined,
  assignments: readonly { reviewerId: string; purpose?: 'review' | 'formalCheck'; submittedAt: string | null; revokedAt: string | null }[],
): ReviewsAccess {
  if (role !== 'reviewer') return 'ask';
  // a 要件確認 assignment has no score sheet: its checker is not one of the application's 書面審査 reviewers
  const mine = assignments.filter((x) => x.reviewerId === myId && (x.purpose ?? 'review') === 'review');
  // a sheet submitted counts even if its assignment was revoked after (the API reads the submitted sheet)
  if (mine.some((x) => x.submittedAt)) return 'ask';
  return mine.some((x) => !x.revokedAt) ? 'ownFirst' : 'notAssigned';
}
