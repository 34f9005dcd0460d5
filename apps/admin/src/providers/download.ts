import { HttpError } from 'ra-core';
import type { ApiClient } from './httpClient';
import type { SessionStore } from './session';

interface DownloadDeps {
  api: ApiClient;
  session: SessionStore;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

/** What a file request answered: the file (saved under its name), or JSON (e.g. a job that writes it later). */
export type FileAnswer = { saved: true; fileName: string; exportId: string | null } | { saved: false; status: number; body: unknown };

/** Saves a blob as a file through a temporary link. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** The file name of a `Content-Disposition: attachment; filename="…"; filename*=UTF-8''…` header. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

function authorizedFetch({ api, session, fetch: fetchImpl = (input, init) => globalThis.fetch(input, init) }: DownloadDeps) {
  return async (path: string, init: RequestInit = {}): Promise<Response> => {
    if (!session.hasFreshToken()) await api.refresh();
    const token = session.get()?.accessToken;
    const response = await fetchImpl(`${api.apiUrl}${path}`, {
      ...init,
      credentials: 'include',
      headers: { ...(init.headers as Record<string, string> | undefined), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });
    if (!response.ok) {
      const body = await response.json().catch(() => undefined);
      throw new HttpError((body && typeof body.message === 'string' && body.message) || response.statusText, response.status, body);
    }
    return response;
  };
}

/**
 * Downloads a file the API only gives to a signed-in user (the import templates): a plain link
 * cannot carry the bearer token, so the file is fetched with it and saved from a blob URL.
 */
export function createDownloader(deps: DownloadDeps) {
  const fetchAuthorized = authorizedFetch(deps);
  return async function download(path: string, fileName: string): Promise<void> {
    const response = await fetchAuthorized(path);
    saveBlob(await response.blob(), fileName);
  };
}

/**
 * POSTs a JSON body to a route that answers either a file or JSON (an application export: the file at
 * once when small, 202 with the export's record when the worker writes it). A file is saved under the
 * name the API gives; JSON is returned as it is. A refusal throws like the data provider's calls.
 */
export function createFileRequester(deps: DownloadDeps) {
  const fetchAuthorized = authorizedFetch(deps);
  return async function requestFile(path: string, body: unknown, fallbackName = 'export'): Promise<FileAnswer> {
    const response = await fetchAuthorized(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if ((response.headers.get('Content-Type') ?? '').startsWith('application/json')) {
      return { saved: false, status: response.status, body: await response.json() };
    }
    const fileName = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
    saveBlob(await response.blob(), fileName);
    return { saved: true, fileName, exportId: response.headers.get('X-Export-Id') };
  };
}
