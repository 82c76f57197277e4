/**
 * The one way the newsroom talks to the server: JSON over fetch to /api,
 * with the session cookie and the CSRF token the session handed out. Every
 * failure becomes an ApiError carrying the API's own code, message and field,
 * so screens can show the message next to the control that caused it.
 */

export class ApiError extends Error {
  status: number;
  code: string;
  field?: string;
  body: unknown;
  constructor(status: number, code: string, message: string, field: string | undefined, body: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    if (field !== undefined) this.field = field;
    this.body = body;
  }
}

export interface MediaAsset {
  id: number;
  url: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  altText: string;
  focalX: number;
  focalY: number;
  originalName: string;
  mimeType: string;
  /** Also sent by the server; the screens use them for variant URLs and the library's details. */
  storageKey?: string;
  byteSize?: number;
  createdAt?: string;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface ClientState {
  csrfToken: string;
  onUnauthorized: (() => void) | null;
}

// The page's own client: one per tab, set by the session when it signs in.
const client: ClientState = { csrfToken: '', onUnauthorized: null };

export function setCsrfToken(token: string): void {
  client.csrfToken = token;
}

/** Called when a staff call answers 401: the session ended (signed out elsewhere, expired, revoked). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  client.onUnauthorized = handler;
}

/** This tab's own session was ended from within the app (e.g. signing out this session from the Account screen). */
export function sessionEnded(): void {
  client.csrfToken = '';
  client.onUnauthorized?.();
}

/** Builds the ApiError for a failed response body; unknown shapes still get a readable message. */
export function errorFrom(status: number, body: unknown): ApiError {
  const err = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof err === 'object' && err !== null) {
    const e = err as { code?: unknown; message?: unknown; field?: unknown };
    return new ApiError(
      status,
      typeof e.code === 'string' ? e.code : `HTTP_${status}`,
      typeof e.message === 'string' ? e.message : `The server answered ${status}.`,
      typeof e.field === 'string' ? e.field : undefined,
      body,
    );
  }
  const message =
    status === 413
      ? 'That is too large for the server.'
      : status >= 500
        ? 'The server had a problem. Try again in a moment.'
        : `The server answered ${status}.`;
  return new ApiError(status, `HTTP_${status}`, message, undefined, body);
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A 401 from a staff call means "signed out"; a 401 from the sign-in form means "wrong password". */
function endsSession(path: string, status: number): boolean {
  return status === 401 && (path.startsWith('/admin/') || path === '/auth/logout');
}

async function send<T>(method: Method, path: string, init: { body?: BodyInit; contentType?: string }): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.contentType) headers['content-type'] = init.contentType;
  if (method !== 'GET' && client.csrfToken) headers['x-csrf-token'] = client.csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { method, headers, credentials: 'same-origin', ...(init.body !== undefined && { body: init.body }) });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Could not reach the server. Check the connection and try again.', undefined, undefined);
  }
  const body = await readBody(res);
  if (!res.ok) {
    if (endsSession(path, res.status)) client.onUnauthorized?.();
    throw errorFrom(res.status, body);
  }
  return (res.status === 204 ? undefined : body) as T;
}

export function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return send<T>(method, path, body === undefined ? {} : { body: JSON.stringify(body), contentType: 'application/json' });
}

/** Query string from the set values only (empty strings and undefined are left out). */
export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** POSTs a file's bytes as the body (the server decides what it is from the bytes); details go in the path's query string. */
export function uploadFile<T>(path: string, file: File): Promise<T> {
  return send<T>('POST', path, { body: file, contentType: file.type || 'application/octet-stream' });
}

export function uploadMedia(file: File, meta: { caption?: string; credit?: string; alt?: string } = {}): Promise<MediaAsset> {
  return uploadFile<MediaAsset>(`/admin/media${query({ filename: file.name, caption: meta.caption, credit: meta.credit, alt: meta.alt })}`, file);
}
