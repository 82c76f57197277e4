import { describe, expect, it } from 'vitest';
import { formatQuery, parseQuery, toFts5, toWebsearch } from './search.parse.js';
import { editDistance, fold, markedHtml, restoreOriginal } from './search.text.js';

describe('reading what a reader types', () => {
  it('reads words, phrases, exclusions and OR', () => {
    expect(parseQuery('monsoon "early rains" -cricket kerala OR goa')).toEqual({
      groups: [[['monsoon']], [['early', 'rains']], [['kerala'], ['goa']]],
      excluded: [['cricket']],
    });
  });

  it('folds case and accents but keeps Devanagari and Gurmukhi vowel signs', () => {
    expect(parseQuery('CAFÉ São').groups).toEqual([[['cafe']], [['sao']]]);
    expect(parseQuery('मानसून ਪੰਜਾਬੀ').groups).toEqual([[['मानसून']], [['ਪੰਜਾਬੀ']]]);
  });

  it('turns operators and column filters into plain words', () => {
    expect(parseQuery('headline:x NEAR(a b) * ^ (c) e-mail').groups).toEqual([[['headline']], [['x']], [['near']], [['a']], [['b']], [['c']], [['e', 'mail']]]);
  });

  it('ignores lone operators and unbalanced quotes', () => {
    expect(parseQuery('OR OR "').groups).toEqual([]);
    expect(parseQuery('"open quote').groups).toEqual([[['open', 'quote']]]);
    expect(parseQuery('-').groups).toEqual([]);
  });

  it('bounds length and the number of terms', () => {
    expect(parseQuery('a '.repeat(5000)).groups.length).toBe(12);
    expect(parseQuery('x'.repeat(10_000)).groups[0]?.[0]?.[0]?.length).toBe(40);
  });

  it('compiles to quoted FTS5 and websearch syntax only', () => {
    const q = parseQuery('a "b c" -d e OR f');
    expect(toFts5(q)).toBe('"a" AND "b c" AND ("e" OR "f") NOT "d"');
    expect(toWebsearch(q)).toBe('"a" "b c" "e" or "f" -"d"');
    expect(formatQuery(q)).toBe('a "b c" e OR f -d');
  });
});

describe('search text helpers', () => {
  it('folds one character for one, so highlights line up with the original', () => {
    const s = 'Café “Zürich” — नमस्ते।';
    expect(fold(s)).toHaveLength(s.length);
    expect(restoreOriginal('\u0002cafe\u0003  zurich', s, fold(s))).toBe('\u0002Café\u0003 “Zürich');
  });

  it('escapes engine text and turns only its markers into <mark>', () => {
    expect(markedHtml('<b>\u0002x\u0003</b> \u0002open')).toBe('&lt;b&gt;<mark>x</mark>&lt;/b&gt; <mark>open</mark>');
  });

  it('measures spelling distance with swaps', () => {
    expect(editDistance('elcetion', 'election', 2)).toBe(1);
    expect(editDistance('monsoon', 'monsun', 2)).toBe(2);
    expect(editDistance('abc', 'xyzabc', 2)).toBe(3);
  });
});
