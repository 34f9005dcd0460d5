import { HttpError } from 'ra-core';
import type { ApiClient } from './httpClient';
import type { SessionStore } from './session';

/**
 * Downloads a file the API only gives to a signed-in user (the import templates): a plain link
 * cannot carry the bearer token, so the file is fetched with it and saved from a blob URL.
 */
export function createDownloader({
  api,
  session,
  fetch: fetchImpl = (input, init) => globalThis.fetch(input, init),
}: {
  api: ApiClient;
  session: SessionStore;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}) {
  return async function download(path: string, fileName: string): Promise<void> {
    if (!session.hasFreshToken()) await api.refresh();
    const token = session.get()?.accessToken;
    const response = await fetchImpl(`${api.apiUrl}${path}`, { credentials: 'include', headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!response.ok) {
      const body = await response.json().catch(() => undefined);
      throw new HttpError((body && typeof body.message === 'string' && body.message) || response.statusText, response.status, body);
    }
    const url = URL.createObjectURL(await response.blob());
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
  };
}
