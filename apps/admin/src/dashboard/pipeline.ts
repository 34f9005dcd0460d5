import { api } from '../providers';
import { toReactAdminError } from '../providers/apiErrors';

/** GET /api/pipeline: one entry per round that has applications. */
export interface RoundPipeline {
  roundId: string;
  roundName: string;
  programName: string;
  opensAt: string;
  closesAt: string;
  /** the 締切 as the API enforces it: closesAt plus the round's grace */
  deadline: string;
  announcementFrom: string | null;
  total: number;
  /** the round's workflow decides by 採択 (a benefit does not: no simulator, no adoption columns) */
  hasAdoption: boolean;
  /** every state holding applications, in the workflow's order with the round's own workflow's label and tone */
  states: { code: string; label: string; tone: string; count: number }[];
  categories: { categoryId: string; categoryName: string; applied: number; budget: number | null; adopted: number; adoptedAmount: number }[];
  /** the states that hold a 採択 slot (what `adopted` counts), for the link to the list */
  holdsSlotStates: string[];
  review: { formalChecksOpen: number; sheetsSubmitted: number; sheetsOpen: number; sheetsOverdue: number };
  /** 受付 per JST day (`YYYY-MM-DD`), every day from the opening day to the deadline's day */
  intake: { day: string; count: number }[];
  reviewers: { reviewerId: string; name: string; assigned: number; submitted: number; overdue: number; nextDueAt: string | null }[];
}

export async function fetchPipeline(): Promise<RoundPipeline[]> {
  try {
    const { json } = await api.httpClient(`${api.apiUrl}/pipeline`);
    return json as RoundPipeline[];
  } catch (error) {
    throw toReactAdminError(error);
  }
}

/** 催促: POST /api/pipeline/rounds/:roundId/reviewers/:reviewerId/remind (reviewOverdue mails, 審査期限を過ぎています, for the overdue reviews). */
export async function remindReviewer(roundId: string, reviewerId: string): Promise<{ queued: number }> {
  try {
    const { json } = await api.httpClient(`${api.apiUrl}/pipeline/rounds/${roundId}/reviewers/${reviewerId}/remind`, { method: 'POST' });
    return json as { queued: number };
  } catch (error) {
    throw toReactAdminError(error);
  }
}

/** A react-admin list URL with a filter (`/applications?filter=…`), the way every figure links to its rows. */
export const listOf = (resource: string, filter: object) => `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
