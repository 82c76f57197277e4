import { describe, expect, it } from 'vitest';
import { choose, compileTargeting, emptyTargeting, isClickUrl, isInFlight, matchesTargeting, pacingAllows, seededRng, type AdPageContext } from './ad-campaign.js';

const page = (over: Partial<AdPageContext> = {}): AdPageContext => ({
  pageType: 'article',
  sectionId: 3,
  language: 'en-in',
  keywords: new Set(['monsoon', 'kerala']),
  device: 'phone',
  ...over,
});

describe('targeting', () => {
  it('matches any page when every list is empty', () => {
    expect(matchesTargeting(compileTargeting(emptyTargeting()), page())).toBe(true);
  });

  it('needs every dimension that lists something to match', () => {
    const t = compileTargeting({ ...emptyTargeting(), sections: [3], pageTypes: ['article'], devices: ['phone', 'tablet'] });
    expect(matchesTargeting(t, page())).toBe(true);
    expect(matchesTargeting(t, page({ sectionId: 4 }))).toBe(false);
    expect(matchesTargeting(t, page({ sectionId: null }))).toBe(false);
    expect(matchesTargeting(t, page({ pageType: 'home' }))).toBe(false);
    expect(matchesTargeting(t, page({ device: 'desktop' }))).toBe(false);
  });

  it('matches a language by its primary tag or exactly, and keywords case-insensitively', () => {
    expect(matchesTargeting(compileTargeting({ ...emptyTargeting(), languages: ['en'] }), page())).toBe(true);
    expect(matchesTargeting(compileTargeting({ ...emptyTargeting(), languages: ['en-IN'] }), page())).toBe(true);
    expect(matchesTargeting(compileTargeting({ ...emptyTargeting(), languages: ['hi'] }), page())).toBe(false);
    expect(matchesTargeting(compileTargeting({ ...emptyTargeting(), languages: ['e'] }), page())).toBe(false);
    expect(matchesTargeting(compileTargeting({ ...emptyTargeting(), keywords: ['Monsoon'] }), page())).toBe(true);
    expect(matchesTargeting(compileTargeting({ ...emptyTargeting(), keywords: ['cricket'] }), page())).toBe(false);
  });
});

describe('flight', () => {
  const c = { status: 'active' as const, startsAt: '2026-11-01T00:00:00.000Z', endsAt: '2026-12-01T00:00:00.000Z' };
  it('serves only while active and between start and end', () => {
    expect(isInFlight(c, '2026-11-15T00:00:00.000Z')).toBe(true);
    expect(isInFlight(c, '2026-10-31T23:59:59.999Z')).toBe(false);
    expect(isInFlight(c, '2026-12-01T00:00:00.000Z')).toBe(false);
    expect(isInFlight({ ...c, status: 'paused' }, '2026-11-15T00:00:00.000Z')).toBe(false);
  });
});

describe('even pacing', () => {
  const c = { impressionGoal: 10_000, startsAt: '2026-11-01T00:00:00.000Z', endsAt: '2026-11-11T00:00:00.000Z' };
  const at = (iso: string) => Date.parse(iso);
  it('allows what the elapsed share of the flight allows, plus a margin, and never past the goal', () => {
    // Halfway: 5,000 expected; 5,250 + 100 slack allowed.
    expect(pacingAllows(c, 5000, at('2026-11-06T00:00:00.000Z'))).toBe(true);
    expect(pacingAllows(c, 5300, at('2026-11-06T00:00:00.000Z'))).toBe(true);
    expect(pacingAllows(c, 6000, at('2026-11-06T00:00:00.000Z'))).toBe(false);
    expect(pacingAllows(c, 0, at('2026-11-01T00:00:00.000Z'))).toBe(true);
    expect(pacingAllows(c, 10_000, at('2026-11-10T23:00:00.000Z'))).toBe(false);
  });
  it('does not hold back a campaign without a goal', () => {
    expect(pacingAllows({ ...c, impressionGoal: null }, 1e9, at('2026-11-02T00:00:00.000Z'))).toBe(true);
  });
});

describe('choosing among campaigns', () => {
  it('takes the highest priority whatever the weights', () => {
    const rng = seededRng(1);
    const pick = () => choose([{ id: 1, priority: 5, weight: 100 }, { id: 2, priority: 8, weight: 1 }], rng)?.id;
    for (let i = 0; i < 50; i++) expect(pick()).toBe(2);
  });

  it('rotates equal priorities in proportion to their weights', () => {
    const rng = seededRng(42);
    const counts = new Map<number, number>();
    for (let i = 0; i < 4000; i++) {
      const id = choose([{ id: 1, priority: 5, weight: 3 }, { id: 2, priority: 5, weight: 1 }, { id: 3, priority: 1, weight: 50 }], rng)!.id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect(counts.get(3)).toBeUndefined();
    expect((counts.get(1) ?? 0) / 4000).toBeGreaterThan(0.7);
    expect((counts.get(1) ?? 0) / 4000).toBeLessThan(0.8);
  });

  it('answers nothing for no candidates', () => {
    expect(choose([], seededRng(1))).toBeUndefined();
  });
});

describe('click-through URLs', () => {
  it('are absolute http(s) addresses and nothing else', () => {
    expect(isClickUrl('https://advertiser.example/offer?x=1')).toBe(true);
    expect(isClickUrl('http://advertiser.example/')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', '//evil.example', '/relative', 'ftp://x.example', 'https://user:pw@x.example/', 'https://']) {
      expect(isClickUrl(bad), bad).toBe(false);
    }
  });
});
