import { describe, expect, it } from 'vitest';
import { isBotUserAgent, signToken, tokenFresh, verifyToken } from './ad.counting.js';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('serve tokens', () => {
  const t = { campaignId: 7, creativeId: 12, slot: 'in-article-2', issuedAt: Date.parse('2026-11-29T10:00:00Z') };

  it('carry what was served and verify with the key that signed them', () => {
    const token = signToken('key-1', t);
    expect(verifyToken('key-1', token)).toEqual(t);
    expect(verifyToken('key-2', token)).toBeNull();
  });

  it('are refused when altered, truncated or not tokens at all', () => {
    const token = signToken('key-1', t);
    expect(verifyToken('key-1', token.replace(/^7\./, '8.'))).toBeNull();
    expect(verifyToken('key-1', token.slice(0, -1))).toBeNull();
    expect(verifyToken('key-1', '')).toBeNull();
    expect(verifyToken('key-1', 42)).toBeNull();
  });

  it('expire', () => {
    expect(tokenFresh(t, t.issuedAt + 29 * 60_000, 30 * 60_000)).toBe(true);
    expect(tokenFresh(t, t.issuedAt + 31 * 60_000, 30 * 60_000)).toBe(false);
    expect(tokenFresh(t, t.issuedAt - 10 * 60_000, 30 * 60_000)).toBe(false);
  });
});

describe('bots', () => {
  it('are declared crawlers and tools, and requests without a user agent', () => {
    for (const ua of [undefined, '', 'Googlebot/2.1 (+http://www.google.com/bot.html)', 'Mozilla/5.0 (compatible; bingbot/2.0)', 'curl/8.5.0', 'python-requests/2.31', 'facebookexternalhit/1.1', 'Mozilla/5.0 Chrome-Lighthouse']) {
      expect(isBotUserAgent(ua), String(ua)).toBe(true);
    }
  });
  it('are not browsers, headless Chrome included (our own browser test drives it)', () => {
    expect(isBotUserAgent(CHROME)).toBe(false);
    expect(isBotUserAgent(CHROME.replace('Chrome/', 'HeadlessChrome/'))).toBe(false);
    expect(isBotUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1')).toBe(false);
  });
});
