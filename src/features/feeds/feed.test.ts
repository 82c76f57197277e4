import { describe, expect, it } from 'vitest';
import { newestUpdate, parseFeedPath, rfc822, rssLanguage } from './feed.js';

describe('feed rules', () => {
  it('recognises section feed paths of any depth', () => {
    expect(parseFeedPath('/world/feed.xml')).toEqual({ sectionPath: 'world', format: 'rss' });
    expect(parseFeedPath('/world/asia/atom.xml')).toEqual({ sectionPath: 'world/asia', format: 'atom' });
  });

  it('leaves alone what is not a section feed', () => {
    for (const path of ['/feed.xml', '/world/feed.json', '/world//feed.xml', '/../feed.xml', '/World/feed.xml', '/world/asia', '/a/b/c/d/e/f/g/h/i/j/k/feed.xml']) {
      expect(parseFeedPath(path), path).toBeNull();
    }
  });

  it('writes RSS dates as RFC 822 and languages in lower case', () => {
    expect(rfc822('2026-11-28T10:05:09.000Z')).toBe('Sat, 28 Nov 2026 10:05:09 GMT');
    expect(rssLanguage('en-IN')).toBe('en-in');
  });

  it('dates a feed by its newest change', () => {
    expect(newestUpdate([{ updatedAt: '2026-01-02T00:00:00.000Z' }, { updatedAt: '2026-03-01T00:00:00.000Z' }], 'x')).toBe('2026-03-01T00:00:00.000Z');
    expect(newestUpdate([], '2026-11-28T10:00:00.000Z')).toBe('2026-11-28T10:00:00.000Z');
  });
});
