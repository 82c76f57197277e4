import { describe, expect, it } from 'vitest';
import { headlineWindow, lexemesOf, phraseHits, tokenSpans } from './search.headline.js';

describe('PostgreSQL headline windows', () => {
  it('counts words as PostgreSQL’s parser numbers them: a hyphenated word is the whole and its parts', () => {
    const text = 'a well-known b 3.5 c u.s. d e-mail x@y.com 2026-11-28';
    expect(tokenSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'a', 'well-known', 'well-known', 'well-known', 'b', '3.5', 'c', 'u.s', 'd', 'e-mail', 'e-mail', 'e-mail', 'x@y.com',
      '2026-11-28', '2026-11-28', '2026-11-28',
    ]);
  });

  it('gives ts_headline the stretch around the first matches of a long body, not the whole of it', () => {
    const words = Array.from({ length: 2000 }, (_, i) => (i === 1200 ? 'harbour' : `w${i}`));
    const body = words.join(' ');
    // Headline and standfirst took positions 1..10; the body's word k has position 11 + k.
    const w = headlineWindow(body, 10, [11 + 1200])!;
    const slice = body.slice(w.start, w.end);
    expect(slice).toContain('harbour');
    expect(slice.startsWith('w1160 ')).toBe(true);
    expect(slice.split(' ').length).toBeLessThan(300);
  });

  it('reaches the third match, so both fragments of a one-word query are inside', () => {
    const words = Array.from({ length: 2000 }, (_, i) => ([100, 900, 1500].includes(i) ? 'harbour' : `w${i}`));
    const body = words.join(' ');
    const w = headlineWindow(body, 0, [101, 901, 1501])!;
    expect(body.slice(w.start, w.end).split(' ').filter((x) => x === 'harbour')).toHaveLength(3);
  });

  it('gives the first words when the body has no match, and everything when positions ran out', () => {
    const body = Array.from({ length: 500 }, (_, i) => `w${i}`).join(' ');
    const w = headlineWindow(body, 5, [])!;
    expect(w.start).toBe(0);
    expect(body.slice(w.start, w.end).split(' ').length).toBeLessThanOrEqual(41);
    expect(headlineWindow(body, 5, [16_383])).toBeUndefined();
  });

  it('reads the lexemes out of tsquery texts', () => {
    expect(lexemesOf("'govern' & 'budget'", "'said' <-> 'the' | !'o''brien'")).toEqual(['govern', 'budget', 'said', 'the', "o'brien"]);
  });

  it('reaches, for a phrase, the first place its words are close together', () => {
    // "early" and "rains" each alone near the start; together only at word 1500.
    const words = Array.from({ length: 2000 }, (_, i) => (i === 100 ? 'early' : i === 300 || i === 1501 ? 'rains' : i === 500 || i === 1500 ? 'early' : `w${i}`));
    const body = words.join(' ');
    const hits = [100, 300, 500, 1500, 1501].map((k) => 11 + k);
    expect(phraseHits(hits)).toEqual([11 + 1500, 11 + 1501]);
    const word = headlineWindow(body, 10, hits)!;
    expect(body.slice(word.start, word.end)).not.toContain('early rains');
    const phrase = headlineWindow(body, 10, hits, true)!;
    // The same start (ts_headline still sees the first matches), stretched to the phrase.
    expect(phrase.start).toBe(word.start);
    expect(body.slice(phrase.start, phrase.end)).toContain('early rains');
  });
});
