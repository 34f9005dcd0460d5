import { fetchUtils, HttpError } from 'ra-core';
import type { AuthResponse, SessionStore } from './session';
import type { AuthUser } from './roles';

export const API_URL = '/api';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type of react-admin's fetchUtils.fetchJson, which this replaces
  json: any;
}

/** Same signature as `fetchUtils.fetchJson`, so it plugs into ra-data-simple-rest as is. */
export type HttpClient = (url: string, options?: fetchUtils.Options) => Promise<HttpResponse>;

/** Message key used when the server cannot be reached at all (translated in i18n/ja.ts). */
export const NETWORK_ERROR_MESSAGE = 'app.errors.network';

/**
 * `fetchUtils.fetchJson` with the `fetch` it calls made injectable: react-admin's version always calls
 * the global `fetch`, which would leave tests no way in but patching globals. It keeps the same
 * contract: JSON headers from `fetchUtils.createHeadersFromOptions`, `{ status, headers, body, json }`
 * on 2xx, and an `HttpError(json.message || statusText, status, json)` otherwise, so the API's
 * Japanese `message` reaches react-admin's notifications. An unreachable server becomes an HttpError
 * with status 0 and a translatable message instead of the browser's English "Failed to fetch".
 */
export function createFetchJson(fetchImpl: FetchLike) {
  return async (url: string, options: fetchUtils.Options = {}): Promise<HttpResponse> => {
    const headers = fetchUtils.createHeadersFromOptions(options);
    let response: Response;
    try {
      response = await fetchImpl(url, { ...options, headers });
    } catch (error) {
      if (error instanceof TypeError) throw new HttpError(NETWORK_ERROR_MESSAGE, 0, { code: 'NETWORK' });
      throw error; // AbortError and friends must reach react-query untouched
    }
    const body = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as HttpResponse.json
    let json: any;
    try {
      json = body ? JSON.parse(body) : undefined;
    } catch {
      // not JSON, no big deal (same as fetchUtils.fetchJson)
    }
    if (response.status < 200 || response.status >= 300) {
      throw new HttpError((json && typeof json.message === 'string' && json.message) || response.statusText, response.status, json);
    }
    return { status: response.status, headers: response.headers, body, json };
  };
}

export interface ApiClientDeps {
  session: SessionStore;
  /** Defaults to the browser's fetch; tests pass a fake. */
  fetch?: FetchLike;
  apiUrl?: string;
  now?: () => number;
}

export interface ApiClient {
  apiUrl: string;
  /** Authenticated client for everything under /api: bearer token, cookies, one refresh-and-retry on 401. */
  httpClient: HttpClient;
  /** Plain JSON call with cookies but no bearer token and no retry (login, logout). */
  fetchJson: HttpClient;
  /**
   * Exchanges the refresh cookie for a new access token. Concurrent callers share one request.
   * Resolves to the user, or null when the server says the session is over (or cannot be reached).
   */
  refresh(): Promise<AuthUser | null>;
}

export function createApiClient({ session, fetch: fetchImpl, apiUrl = API_URL, now = Date.now }: ApiClientDeps): ApiClient {
  // Call the global lazily and unbound: `someObject.fetch(...)` throws "Illegal invocation" in browsers.
  const rawFetchJson = createFetchJson(fetchImpl ?? ((input, init) => globalThis.fetch(input, init)));
  const fetchJson: HttpClient = (url, options = {}) => rawFetchJson(url, { credentials: 'include', ...options });

  let inFlightRefresh: Promise<AuthUser | null> | null = null;

  const refresh = (): Promise<AuthUser | null> => {
    inFlightRefresh ??= (async () => {
      try {
        const { json } = await fetchJson(`${apiUrl}/auth/refresh`, { method: 'POST' });
        if (!isAuthResponse(json)) {
          session.clear();
          return null;
        }
        return session.set(json, now()).user;
      } catch (error) {
        // 401/403: the refresh cookie is missing, expired or revoked: the session is over.
        // Network trouble: keep what we have; the next request will try again.
        if (error instanceof HttpError && (error.status === 401 || error.status === 403)) session.clear();
        return null;
      } finally {
        inFlightRefresh = null;
      }
    })();
    return inFlightRefresh;
  };

  const send = (url: string, options: fetchUtils.Options) => {
    const headers = new Headers(options.headers as HeadersInit | undefined);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    const token = session.get()?.accessToken;
    if (token) headers.set('Authorization', `Bearer ${token}`);
    else headers.delete('Authorization');
    return fetchJson(url, { ...options, headers });
  };

  const httpClient: HttpClient = async (url, options = {}) => {
    let refreshed = false;
    // No token yet (page reload) or about to expire: refresh first rather than collecting a 401.
    if (!session.hasFreshToken(now())) {
      refreshed = true;
      await refresh();
    }
    try {
      return await send(url, options);
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 401 || refreshed) throw error;
      const user = await refresh();
      if (!user) throw error;
      return send(url, options); // retried once; a second 401 goes to authProvider.checkError
    }
  };

  return { apiUrl, httpClient, fetchJson, refresh };
}

export function isAuthResponse(value: unknown): value is AuthResponse {
  const v = value as Partial<AuthResponse> | null | undefined;
  return !!v && typeof v.accessToken === 'string' && v.accessToken.length > 0 && typeof v.user === 'object' && v.user !== null;
}
