import { describe, expect, it } from 'vitest';
import { matchRoute, safeNext } from './router.js';

describe('newsroom routes', () => {
  it('names the screen and its parameters for each address', () => {
    expect(matchRoute('/newsroom')).toMatchObject({ name: 'stories', params: {} });
    expect(matchRoute('/newsroom/')).toMatchObject({ name: 'stories' });
    expect(matchRoute('/newsroom/stories/42')).toMatchObject({ name: 'story', params: { id: '42' } });
    expect(matchRoute('/newsroom/media', '?q=flood')).toMatchObject({ name: 'media', query: { q: 'flood' } });
    expect(matchRoute('/newsroom/login', '?next=%2Fnewsroom%2Fmedia')).toMatchObject({ name: 'login', query: { next: '/newsroom/media' } });
    expect(matchRoute('/newsroom/users').name).toBe('users');
    expect(matchRoute('/newsroom/stories').name).toBe('notFound');
    expect(matchRoute('/newsroom/stories/42/extra').name).toBe('notFound');
  });

  it('returns after sign-in only to a newsroom address, never to another site or back to the form', () => {
    expect(safeNext('/newsroom/stories/5')).toBe('/newsroom/stories/5');
    expect(safeNext('/newsroom?view=desk')).toBe('/newsroom?view=desk');
    expect(safeNext('https://evil.example/newsroom')).toBe('/newsroom');
    expect(safeNext('//evil.example')).toBe('/newsroom');
    expect(safeNext('/newsroomevil')).toBe('/newsroom');
    expect(safeNext('/newsroom/login?next=/newsroom')).toBe('/newsroom');
    expect(safeNext(undefined)).toBe('/newsroom');
  });
});
