import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler, uploadMedia } from './api.js';

function answer(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken('');
  setUnauthorizedHandler(null);
});

describe('api()', () => {
  it('sends JSON with the CSRF token on changes, not on reads', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => answer(200, { id: 7 }));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('tok-1');
    expect(await api('POST', '/admin/articles', { headline: 'Rain' })).toEqual({ id: 7 });
    await api('GET', '/admin/articles/7');
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/admin/articles');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"headline":"Rain"}' });
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json', 'x-csrf-token': 'tok-1' });
    expect(fetch.mock.calls[1]?.[1]?.headers).not.toHaveProperty('x-csrf-token');
  });

  it("turns the API's error into an ApiError with its code, message and field", async () => {
    vi.stubGlobal('fetch', async () => answer(409, { error: { code: 'ARTICLE_REVISION_CONFLICT', message: 'Someone saved a newer version.', field: 'revision' }, current: { id: 7 } }));
    const err = await api('PATCH', '/admin/articles/7', { headline: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'ARTICLE_REVISION_CONFLICT', message: 'Someone saved a newer version.', field: 'revision', body: { current: { id: 7 } } });
  });

  it('answers 204 with undefined and explains an unreachable server', async () => {
    vi.stubGlobal('fetch', async () => answer(204));
    expect(await api('DELETE', '/admin/media/3')).toBeUndefined();
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    const err = await api('GET', '/admin/articles').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NETWORK' });
    expect((err as ApiError).message).toContain('Could not reach the server');
  });

  it('treats a 401 from a staff call as the end of the session, but not a wrong password', async () => {
    const ended = vi.fn();
    setUnauthorizedHandler(ended);
    vi.stubGlobal('fetch', async () => answer(401, { error: { code: 'LOGIN_FAILED', message: 'Email or password is wrong.' } }));
    await expect(api('POST', '/auth/login', { email: 'a@b.c', password: 'x' })).rejects.toMatchObject({ message: 'Email or password is wrong.' });
    expect(ended).not.toHaveBeenCalled();
    vi.stubGlobal('fetch', async () => answer(401, { error: { code: 'AUTH_REQUIRED', message: 'Sign in.' } }));
    await expect(api('GET', '/admin/articles')).rejects.toBeInstanceOf(ApiError);
    expect(ended).toHaveBeenCalledOnce();
  });
});

describe('uploadMedia()', () => {
  it('sends the bytes with their type and the metadata in the query string, and shows a 415 as the API words it', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => answer(415, { error: { code: 'MEDIA_UNSUPPORTED', message: 'This file is not a JPEG, PNG, WebP, AVIF or GIF image.', field: 'file' } }));
    vi.stubGlobal('fetch', fetch);
    const file = new File(['not an image'], 'notes & plans.txt', { type: 'text/plain' });
    await expect(uploadMedia(file, { caption: 'Flood' })).rejects.toMatchObject({ status: 415, message: 'This file is not a JPEG, PNG, WebP, AVIF or GIF image.' });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/admin/media?filename=notes+%26+plans.txt&caption=Flood');
    expect(init?.body).toBe(file);
    expect(init?.headers).toMatchObject({ 'content-type': 'text/plain' });
  });
});
