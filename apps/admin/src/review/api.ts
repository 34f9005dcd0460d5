import { api } from '../providers';
import { toReactAdminError } from '../providers/apiErrors';
import type {
  AdoptionDecision,
  ApplicationReviews,
  AssignmentPurpose,
  AutoAssignResult,
  FormalCheck,
  FormalCheckAnswer,
  FormalCheckOutcome,
  Ranking,
  RankingQuery,
  ScoreSheet,
  ScoreSheetBody,
} from './types';

/**
 * The review routes that are not CRUD, through the same authenticated client as the data provider
 * and with failures reshaped the same way (`error.body.code`, the API's Japanese `message`).
 */
async function call<T>(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<T> {
  try {
    const { json } = await api.httpClient(`${api.apiUrl}${path}`, body === undefined ? { method } : { method, body: JSON.stringify(body) });
    return json as T;
  } catch (error) {
    throw toReactAdminError(error);
  }
}

const enc = encodeURIComponent;

export const reviewApi = {
  getFormalCheck: (applicationId: string) => call<FormalCheck>('GET', `/applications/${enc(applicationId)}/formal-check`),
  saveFormalCheck: (applicationId: string, answers: FormalCheckAnswer[]) =>
    call<FormalCheck>('PUT', `/applications/${enc(applicationId)}/formal-check`, { answers }),
  completeFormalCheck: (applicationId: string, body: { outcome: FormalCheckOutcome; answers?: FormalCheckAnswer[]; reason?: string }) =>
    call<{ transition: string; formalCheck: FormalCheck }>('POST', `/applications/${enc(applicationId)}/formal-check/complete`, body),
  getReviews: (applicationId: string) => call<ApplicationReviews>('GET', `/applications/${enc(applicationId)}/reviews`),
  submitScoreSheet: (id: string, body: ScoreSheetBody) => call<ScoreSheet & { completion: string }>('POST', `/score-sheets/${enc(id)}/submit`, body),
  reopenScoreSheet: (id: string, reason: string) => call<ScoreSheet>('POST', `/score-sheets/${enc(id)}/reopen`, { reason }),
  autoAssign: (roundId: string, body: { purpose: AssignmentPurpose; categoryId?: string; dueAt?: string }) =>
    call<AutoAssignResult>('POST', `/rounds/${enc(roundId)}/assignments/auto`, body),
  getRanking: (roundId: string, q: RankingQuery) => {
    const params = new URLSearchParams({
      categoryId: q.categoryId,
      budget: q.budget === null ? '' : String(q.budget),
      quota: q.quota === null ? '' : String(q.quota),
      waitlistCount: String(q.waitlistCount ?? 0),
    });
    if (q.normalise !== undefined) params.set('normalise', String(q.normalise));
    return call<Ranking>('GET', `/rounds/${enc(roundId)}/ranking?${params}`);
  },
  commitDecision: (roundId: string, body: RankingQuery & { fingerprint: string }) => call<AdoptionDecision>('POST', `/rounds/${enc(roundId)}/decisions`, body),
  getDecisions: (roundId: string) => call<AdoptionDecision[]>('GET', `/rounds/${enc(roundId)}/decisions`),
};

/** The API's error code of a failed call (409 RUBRIC_FROZEN, RANKING_CHANGED, …). */
export const errorCode = (error: unknown): string | undefined => (error as { body?: { code?: string } } | undefined)?.body?.code;
