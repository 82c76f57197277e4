import { describe, expect, it } from 'vitest';
import { type AuthorSocial, compactSocial, isEmail, isWebUrl, parseStoredSocial, socialProblem } from './author.js';

describe('author rules', () => {
  it('accepts absolute http and https profile links only', () => {
    expect(isWebUrl('https://x.com/reporter')).toBe(true);
    expect(isWebUrl('http://example.in/about')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('//x.com/reporter')).toBe(false);
    expect(isWebUrl('x.com/reporter')).toBe(false);
  });

  it('checks e-mail addresses', () => {
    expect(isEmail('desk@dateline.example')).toBe(true);
    expect(isEmail('not an email')).toBe(false);
    expect(isEmail('a@b')).toBe(false);
  });

  it('names the social link at fault', () => {
    expect(socialProblem({ x: 'https://x.com/a', facebook: 'ftp://fb.com/a' })).toEqual({
      field: 'social.facebook',
      message: expect.stringContaining('http(s)') as string,
    });
    expect(socialProblem({ email: 'nope' })?.field).toBe('social.email');
    // An importer may hand over keys we do not know; they are refused, not stored.
    expect(socialProblem({ myspace: 'https://myspace.com' } as unknown as AuthorSocial)?.field).toBe('social.myspace');
  });

  it('drops blank links before storing', () => {
    expect(compactSocial({ x: '  ', website: ' https://a.example ' })).toEqual({ website: 'https://a.example' });
  });

  it('reads damaged stored social JSON as no links rather than failing', () => {
    expect(parseStoredSocial('not json')).toEqual({});
    expect(parseStoredSocial('[1,2]')).toEqual({});
    expect(parseStoredSocial('{"x":"https://x.com/a","bogus":"y","email":5}')).toEqual({ x: 'https://x.com/a' });
  });
});
