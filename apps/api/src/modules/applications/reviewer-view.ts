import type { StaffRole } from '../../auth/roles';

/**
 * Audit actions on an application whose changes carry the reviewers' totals: the disagreement that called in
 * one more reviewer, and the 書面審査's completion (ScoreSheetsService.completeIfAllSubmitted).
 */
const SCORE_BEARING_ACTIONS: ReadonlySet<string> = new Set(['review.disagreement', 'application.completeReview']);

interface Viewer {
  id: string;
  role: StaffRole;
}

/**
 * What a reviewer sees of an application's assignments and history (auth/policy.ts: a reviewer sees only their own
 * assignments, and the others' scores only once their own 採点票 is submitted): their own assignments; no record
 * carrying the reviewers' totals before their own review is submitted, so one called in on a disagreement scores
 * without the others' totals in view; and no client address of the staff. Every other role sees all of it.
 */
export function asSeenBy<A extends { reviewerId: string; purpose: string; submittedAt: Date | null }, E extends { action: string; ip: string | null }>(
  viewer: Viewer,
  assignments: A[],
  timeline: E[],
): { assignments: A[]; timeline: E[] } {
  if (viewer.role !== 'reviewer') return { assignments, timeline };
  const own = assignments.filter((a) => a.reviewerId === viewer.id);
  const scored = own.some((a) => a.purpose === 'review' && a.submittedAt !== null);
  return {
    assignments: own,
    timeline: timeline.filter((e) => scored || !SCORE_BEARING_ACTIONS.has(e.action)).map((e) => ({ ...e, ip: null })),
  };
}
