import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, GetListParams, GetManyParams, RaRecord } from 'ra-core';
import type { ApplicantHistory } from '@jimukyoku/domain';
import { jstDayStart, jstNextDayStart } from '../common/jst';
import { toReactAdminError } from './apiErrors';
import { API_URL, type HttpClient } from './httpClient';
import type { BulkTransitionBody, BulkTransitionResult, TransitionBody, TransitionResult } from '../applications/application';
import type { RoundWorkflow } from '../rounds/workflow';
import type { NotificationProgress, NotificationRecord } from '../notifications/notification';
import type { TemplatePreview, TemplatePreviewBody, TemplateVersionRecord } from '../resources/notification-templates/template';
import type { StaffUserRecord } from '../users/userForm';
import type { PaperFilingBody, PostAward } from '../post-award/postAward';

/**
 * Date filters as people mean them: a date-only value of a `…From` filter is the start of that day
 * in JST, of a `…To` filter the start of the NEXT day (the API compares `< …To`), so 「3月24日まで」
 * includes the whole of 24 March in Tokyo whatever the browser's time zone. Other values pass as is.
 */
export function jstDayFilters(filter: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!filter) return filter;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (typeof value === 'string' && /From$/.test(key)) out[key] = jstDayStart(value) ?? value;
    else if (typeof value === 'string' && /To$/.test(key)) out[key] = jstNextDayStart(value) ?? value;
    else out[key] = value;
  }
  return out;
}

/** The API's header saying a list's total (in Content-Range) is PostgreSQL's estimate, not a count. */
export const TOTAL_ESTIMATED_HEADER = 'X-Total-Count-Estimated';
/** Where getList tells it: `meta.totalEstimated` of the list's result (EstimatedTotalPagination shows 「約 N 件」). */
export const TOTAL_ESTIMATED_META = 'totalEstimated';

/**
 * Most ids one getMany request names. The API takes up to 1,000 (MAX_FILTER_VALUES), but 1,000 UUIDs in a query
 * string are about 45 KB, past the 16 KB the API's HTTP server takes for a request's line and headers (431 from
 * about 350 ids): 200 keep the URL near 9 KB.
 */
export const MAX_IDS_PER_REQUEST = 200;

/**
 * The calls that are not CRUD: the workflow of a round, a transition of one application and the
 * 一括操作. Reached through `useDataProvider<JimukyokuDataProvider>()`, so failures are reshaped like
 * every other call (the API's Japanese `message`, `body.code` such as STALE_VERSION).
 */
export interface JimukyokuDataProvider extends DataProvider {
  getWorkflow(roundId: string): Promise<RoundWorkflow>;
  fireTransition(applicationId: string, transition: string, body: TransitionBody): Promise<TransitionResult>;
  bulkTransition(body: BulkTransitionBody): Promise<BulkTransitionResult>;
  /** POST /api/applications/:id/paper-resubmissions (manager): a 補正 received on paper, recorded as the resubmission */
  recordPaperResubmission(applicationId: string, body: { application: unknown; documents: string[]; note: string }): Promise<unknown>;
  /** POST /api/applications/:id/reconsideration (manager): 別の類型で再審査 (docs/reconsideration.md) */
  reconsider(
    applicationId: string,
    body: { categoryId: string; reason: string; expectedVersion?: number },
  ): Promise<{ to: { name: string }; quotedAmount: number }>;
  /** POST /api/applications/:id/status-links/revoke (manager): the applicant's status-page links stop working (README "Status page") */
  revokeStatusLinks(applicationId: string): Promise<{ applicationId: string; revoked: number }>;
  /** GET /api/applications/:id/post-award: 採択額 … 確定額, the filings after 採択 and the routes offered now (docs/post-award.md) */
  getPostAward(applicationId: string): Promise<PostAward>;
  /** POST /api/applications/:id/grant-decision (manager): 交付決定, the 交付決定額 computed by the API */
  decideGrant(applicationId: string): Promise<PostAward>;
  /** PUT /api/applications/:id/final-inspection (reviewer, manager): the 確定検査's adjusted lines */
  recordFinalInspection(applicationId: string, body: { lines: { index: number; acceptedAmount: number; reason?: string }[] }): Promise<PostAward>;
  /** POST /api/applications/:id/amount-fixing (manager): 額の確定, the 確定額 computed by the API */
  /** 額の確定; `repaymentDueDate`: the 納期限 of a 概算払's excess over the 確定額, if there is one (default 30 days) */
  fixAmount(applicationId: string, body?: { repaymentDueDate?: string }): Promise<PostAward>;
  /** POST /api/applications/:id/paper-filings (manager): a step after 採択 received on paper, recorded on the applicant's behalf */
  recordPaperFiling(applicationId: string, body: PaperFilingBody): Promise<PostAward>;
  /** 交付決定取消: the 返還額 is computed by the API (docs/post-award.md) */
  revokeGrant(applicationId: string, body: { reason: string; dueDate?: string; ground?: 'general' | 'wageTargetMissed' }): Promise<PostAward>;
  /** `requestKey` (newRequestKey) is the same for every try of one repayment, so a try sent again records it once */
  recordRepayment(applicationId: string, body: { receivedOn: string; amount: number; note?: string }, requestKey: string): Promise<PostAward>;
  /** GET /api/applications/:id/history: the 申請履歴 of the applicant (docs/applicant-history.md) */
  getApplicationHistory(applicationId: string): Promise<ApplicantHistory>;
  /** POST /api/notifications/:id/resend (manager): a new notification, to the corrected recipient if given */
  resendNotification(id: string, body: { recipient?: string }): Promise<NotificationRecord>;
  confirmDelivered(id: string, body: { note: string }): Promise<NotificationRecord>;
  /** GET /api/notifications/progress(?roundId=): counts per state, overall and per round */
  notificationProgress(roundId?: string): Promise<NotificationProgress>;
  /** GET /api/notification-templates/:id/versions: every saved version of a template, newest first */
  getTemplateVersions(code: string): Promise<TemplateVersionRecord[]>;
  /** POST /api/notification-templates/:id/preview: an unsaved draft rendered against a real application */
  previewTemplate(code: string, body: TemplatePreviewBody): Promise<TemplatePreview>;
  /** GET /api/dev-mail: the development mail catcher's web page, if any */
  getDevMail(): Promise<{ webUrl: string | null }>;
  /** POST /api/users/:id/password (admin): a temporary password, returned once; the account's sessions end */
  resetUserPassword(id: string): Promise<StaffUserRecord>;
}

/** A react-admin FileInput value ({ rawFile, title }) or a File itself → the File. */
function fileOf(value: unknown): Blob | undefined {
  if (typeof Blob !== 'undefined' && value instanceof Blob) return value;
  const raw = (value as { rawFile?: unknown } | null | undefined)?.rawFile;
  return typeof Blob !== 'undefined' && raw instanceof Blob ? raw : undefined;
}

/**
 * POST /api/imports is multipart (file, roundId, mode); ra-data-simple-rest only sends JSON. The
 * browser sets the multipart Content-Type with its boundary (fetchUtils leaves FormData alone).
 */
export function importFormData(data: Record<string, unknown>): FormData {
  const form = new FormData();
  const file = fileOf(data.file);
  if (file) form.append('file', file, (file as File).name ?? (data.file as { title?: string })?.title ?? 'import.csv');
  if (typeof data.roundId === 'string') form.append('roundId', data.roundId);
  if (typeof data.mode === 'string') form.append('mode', data.mode);
  return form;
}

/**
 * REST as the API speaks it (ra-data-simple-rest conventions): `GET /api/<resource>?sort=&range=&filter=`
 * answered with a `Content-Range: <resource> 0-24/319` header, which the API exposes for CORS too.
 * Resource names are therefore the API's paths (`rule-sets`, `audit-logs`). Every failure is
 * re-shaped for react-admin's forms and notifications (see apiErrors.ts).
 */
export function createDataProvider(httpClient: HttpClient, apiUrl: string = API_URL): JimukyokuDataProvider {
  const rest = simpleRestProvider(apiUrl, httpClient, 'Content-Range');
  const withFilters = <P extends Pick<GetListParams, 'filter'>>(params: P): P => ({ ...params, filter: jstDayFilters(params.filter) });
  const postJson = async <T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T> =>
    (await httpClient(`${apiUrl}${path}`, { method: 'POST', body: JSON.stringify(body), ...(headers ? { headers: new Headers(headers) } : {}) })).json as T;
  const provider: JimukyokuDataProvider = {
    ...rest,
    // ra-data-simple-rest reads the total from Content-Range; whether it is an estimate is another header,
    // read off this call's answer
    getList: async (resource, params) => {
      let estimated = false;
      const reading: HttpClient = async (url, options) => {
        const response = await httpClient(url, options);
        estimated = response.headers.get(TOTAL_ESTIMATED_HEADER) === 'true';
        return response;
      };
      const result = await simpleRestProvider(apiUrl, reading, 'Content-Range').getList(resource, withFilters(params));
      return estimated ? { ...result, meta: { ...result.meta, [TOTAL_ESTIMATED_META]: true } } : result;
    },
    getManyReference: (resource, params) => rest.getManyReference(resource, withFilters(params)),
    // ra-data-simple-rest's getMany sends no range, and a list without one is a page of 25: ask for
    // every id (in requests of MAX_IDS_PER_REQUEST), so a ReferenceField on row 26 is not left blank.
    getMany: async <R extends RaRecord>(resource: string, params: GetManyParams<R>) => {
      const data: R[] = [];
      for (let i = 0; i < params.ids.length; i += MAX_IDS_PER_REQUEST) {
        const ids = params.ids.slice(i, i + MAX_IDS_PER_REQUEST);
        const query = new URLSearchParams({ filter: JSON.stringify({ id: ids }), range: JSON.stringify([0, ids.length - 1]) });
        const { json } = await httpClient(`${apiUrl}/${resource}?${query}`, { signal: params.signal });
        data.push(...(json as R[]));
      }
      return { data };
    },
    create: async (resource, params) => {
      if (resource !== 'imports') return rest.create(resource, params);
      const { json } = await httpClient(`${apiUrl}/imports`, { method: 'POST', body: importFormData(params.data as Record<string, unknown>) });
      return { data: json };
    },
    getWorkflow: async (roundId) => (await httpClient(`${apiUrl}/rounds/${encodeURIComponent(roundId)}/workflow`)).json as RoundWorkflow,
    fireTransition: (applicationId, transition, body) =>
      postJson<TransitionResult>(`/applications/${encodeURIComponent(applicationId)}/transitions/${encodeURIComponent(transition)}`, body),
    bulkTransition: (body) => postJson<BulkTransitionResult>('/applications/bulk-transitions', body),
    recordPaperResubmission: (applicationId, body) => postJson(`/applications/${encodeURIComponent(applicationId)}/paper-resubmissions`, body),
    reconsider: (applicationId, body) => postJson(`/applications/${encodeURIComponent(applicationId)}/reconsideration`, body),
    revokeStatusLinks: (applicationId) => postJson(`/applications/${encodeURIComponent(applicationId)}/status-links/revoke`, {}),
    getPostAward: async (applicationId) => (await httpClient(`${apiUrl}/applications/${encodeURIComponent(applicationId)}/post-award`)).json as PostAward,
    decideGrant: (applicationId) => postJson<PostAward>(`/applications/${encodeURIComponent(applicationId)}/grant-decision`, {}),
    recordFinalInspection: async (applicationId, body) =>
      (
        await httpClient(`${apiUrl}/applications/${encodeURIComponent(applicationId)}/final-inspection`, {
          method: 'PUT',
          body: JSON.stringify(body),
        })
      ).json as PostAward,
    fixAmount: (applicationId, body = {}) => postJson<PostAward>(`/applications/${encodeURIComponent(applicationId)}/amount-fixing`, body),
    recordPaperFiling: (applicationId, body) => postJson<PostAward>(`/applications/${encodeURIComponent(applicationId)}/paper-filings`, body),
    revokeGrant: (applicationId, body) => postJson<PostAward>(`/applications/${encodeURIComponent(applicationId)}/grant-revocation`, body),
    recordRepayment: (applicationId, body, requestKey) =>
      postJson<PostAward>(`/applications/${encodeURIComponent(applicationId)}/repayments`, body, { 'Idempotency-Key': requestKey }),
    getApplicationHistory: async (applicationId) =>
      (await httpClient(`${apiUrl}/applications/${encodeURIComponent(applicationId)}/history`)).json as ApplicantHistory,
    resendNotification: (id, body) => postJson<NotificationRecord>(`/notifications/${encodeURIComponent(id)}/resend`, body),
    confirmDelivered: (id, body) => postJson<NotificationRecord>(`/notifications/${encodeURIComponent(id)}/confirm-delivered`, body),
    notificationProgress: async (roundId) =>
      (await httpClient(`${apiUrl}/notifications/progress${roundId ? `?roundId=${encodeURIComponent(roundId)}` : ''}`)).json as NotificationProgress,
    getTemplateVersions: async (code) =>
      (await httpClient(`${apiUrl}/notification-templates/${encodeURIComponent(code)}/versions`)).json as TemplateVersionRecord[],
    previewTemplate: (code, body) => postJson<TemplatePreview>(`/notification-templates/${encodeURIComponent(code)}/preview`, body),
    getDevMail: async () => (await httpClient(`${apiUrl}/dev-mail`)).json as { webUrl: string | null },
    resetUserPassword: (id) => postJson<StaffUserRecord>(`/users/${encodeURIComponent(id)}/password`, {}),
  };
  return new Proxy(provider, {
    get(target, name, receiver) {
      const method = Reflect.get(target, name, receiver);
      if (typeof method !== 'function') return method;
      return (...args: unknown[]) => {
        try {
          const result = method.apply(target, args);
          return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(toReactAdminError(error))) : result;
        } catch (error) {
          throw toReactAdminError(error);
        }
      };
    },
  });
}
