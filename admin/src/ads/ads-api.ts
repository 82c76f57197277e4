/**
 * The one call of the advertising screens that api() cannot make: an image
 * creative's bytes go as the request body (like the media library's upload,
 * POST /api/admin/ads/campaigns/:id/creatives/image), its details in the
 * query string. The CSRF token is read from the session endpoint just
 * before (one small GET), so a tab that signed in again never sends a stale one.
 */
import { api, ApiError, errorFrom, query, sessionEnded } from '../api.js';
import { ADS_BASE, type AdCreative } from './ads.js';

export interface ImageCreativeMeta {
  name: string;
  size: string;
  clickUrl: string;
  altText: string;
}

async function bodyOf(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return text; // not JSON (a proxy's page): errorFrom words it by status
  }
}

export async function uploadImageCreative(campaignId: number, file: File, meta: ImageCreativeMeta): Promise<AdCreative> {
  const { csrfToken } = await api<{ csrfToken: string }>('GET', '/auth/me').catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 401) sessionEnded(); // signed out meanwhile: to the sign-in form
    throw err;
  });
  const q = query({ name: meta.name, size: meta.size, clickUrl: meta.clickUrl, alt: meta.altText });
  const headers = { accept: 'application/json', 'content-type': file.type || 'application/octet-stream', 'x-csrf-token': csrfToken };
  let res: Response;
  try {
    res = await fetch(`/api${ADS_BASE}/campaigns/${campaignId}/creatives/image${q}`, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw errorFrom(0, { error: { code: 'NETWORK', message: 'Could not reach the server. Check the connection and try again.' } });
  }
  const body = await bodyOf(res);
  if (res.status === 401) sessionEnded();
  if (!res.ok) throw errorFrom(res.status, body);
  return body as AdCreative;
}
