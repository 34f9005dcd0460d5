import { HttpError } from 'ra-core';
import { api, session } from '../providers';
import { toReactAdminError } from '../providers/apiErrors';

/** One attachment as GET /api/applications/:id/attachments lists it. */
export interface Attachment {
  id: string;
  applicationId: string;
  kind: string;
  kindLabel: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

const enc = encodeURIComponent;

/** An application's attachments (at most 1,000: the API's page limit), in upload order. */
export async function listAttachments(applicationId: string): Promise<Attachment[]> {
  try {
    const { json } = await api.httpClient(`${api.apiUrl}/applications/${enc(applicationId)}/attachments?range=${enc('[0,999]')}`);
    return json as Attachment[];
  } catch (error) {
    throw toReactAdminError(error);
  }
}

/**
 * The content of an attachment as a Blob. A plain link or <iframe src> cannot carry the bearer
 * token, so the bytes are fetched with it (one refresh and retry on 401, like httpClient) and shown
 * from a blob: URL. Each call is one download in the API's audit log.
 */
export async function fetchAttachmentContent(id: string, signal?: AbortSignal): Promise<Blob> {
  const get = () => {
    const token = session.get()?.accessToken;
    return fetch(`${api.apiUrl}/attachments/${enc(id)}/content`, {
      credentials: 'include',
      signal,
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
  };
  if (!session.hasFreshToken()) await api.refresh();
  let response = await get();
  if (response.status === 401 && (await api.refresh())) response = await get();
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    throw new HttpError((body && typeof body.message === 'string' && body.message) || response.statusText, response.status, body);
  }
  return response.blob();
}
