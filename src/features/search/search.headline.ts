/**
 * PostgreSQL highlights, cheaper: ts_headline parses the whole text it is
 * given, and a page of twenty stories costs tens of milliseconds of CPU that
 * way. The stored tsvector already says where the body's matches are (word
 * positions), so ts_headline only needs the stretch of the body around them:
 * from a little before the first match to a little after the third (or 60
 * words on), which holds the fragments it picks for a one-term query and,
 * for others, the best passage near the start. If the body has matches but
 * the window's headline shows none, the engine does that story in full.
 * Pure functions; the SQL is in search.postgres.queries.ts.
 */
import { fold } from './search.text.js';

/**
 * Folded text for PostgreSQL's parser, which reads `<b>` as a tag and `&amp;`
 * as an entity and drops them from headlines; as spaces they cannot shift a
 * fragment away from the original text (same length, see restoreOriginal).
 */
export const pgText = (text: string): string => fold(text).replace(/[<>&]/g, ' ');

/** Words kept before the first match, and after the last one taken (ts_headline stretches a fragment by 10 at most). */
const MARGIN = 40;
/** At least this many words after the first match. */
const SPAN = 60;
/** Matches that decide the window's end: ts_headline shows two fragments, the third bounds the second's stretch. */
const FRAGMENTS = 3;
/** tsvector positions stop at 16,383: past it they no longer say where a word is. */
const MAX_POSITION = 16_383;

/**
 * Tokens of PostgreSQL's default parser that take a position, roughly: runs
 * of letters and digits joined by `-`, `.` or `@`; an e-mail address, a
 * number with dots or a dotted abbreviation ("u.s") is one token, a
 * hyphenated word the whole plus each part (numbers: the parts). Off by a few
 * at worst, which the margins absorb.
 */
// Folded text has its non-ASCII punctuation turned to spaces already, so a word character is anything but
// ASCII punctuation and space: a plain character class, much faster than Unicode property escapes.
const CHUNK = /[^\s!-/:-@[-`{-~]+(?:[-.@][^\s!-/:-@[-`{-~]+)*/g;

/** Where each position-taking token of a folded text starts and ends (one entry per position), up to `limit` of them. */
export function tokenSpans(folded: string, limit = Infinity): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of folded.matchAll(CHUNK)) {
    const text = m[0];
    const start = m.index;
    const end = start + text.length;
    let count = 1;
    if (text.includes('-') && !text.includes('@') && !text.includes('.')) {
      // "well-known" is the whole and its two parts; "2026-11-28" is three numbers.
      const parts = text.split('-').length;
      count = /^[\d-]+$/.test(text) ? parts : parts + 1;
    }
    for (let i = 0; i < count; i++) spans.push({ start, end });
    if (spans.length > limit) break;
  }
  return spans;
}

/**
 * The stretch of the folded body to give ts_headline: characters [start, end).
 * `bodyFrom` is where body positions start in the tsvector (the headline's
 * and standfirst's words come first; an estimate a few words out is fine);
 * `hits` the body positions of the query's words, in order. Undefined when
 * the whole body must be used (positions past the tsvector's limit).
 */
export function headlineWindow(
  folded: string,
  bodyFrom: number,
  hits: readonly number[],
  phrase = false,
): { start: number; end: number } | undefined {
  if (hits.some((p) => p >= MAX_POSITION) || bodyFrom + 1 >= MAX_POSITION) return undefined;
  // No match in the body: ts_headline shows its first words; a few dozen are plenty.
  const words = hits.map((p) => p - bodyFrom - 1).filter((w) => w >= 0);
  const first = words[0] ?? 0;
  // A phrase: the window also reaches the first few places where its words are close together.
  const near = phrase ? phraseHits(words) : [];
  const lastTaken = Math.max(words[Math.min(words.length, FRAGMENTS) - 1] ?? 0, near[Math.min(near.length, FRAGMENTS) - 1] ?? 0);
  const from = Math.max(0, first - MARGIN);
  const to = words.length === 0 ? MARGIN : Math.max(first + SPAN, lastTaken + MARGIN);
  const spans = tokenSpans(folded, to + 1);
  if (from === 0 && to >= spans.length - 1) return { start: 0, end: folded.length };
  const start = from === 0 ? 0 : (spans[from]?.start ?? 0);
  const end = to >= spans.length - 1 ? folded.length : (spans[to]?.end ?? folded.length);
  return { start, end };
}

/** Positions apart that the words of a phrase can be in the tsvector (stopwords left out still take a position). */
const PHRASE_GAP = 3;

/**
 * For a query with a phrase: the hits that have another hit close by, where
 * the phrase can be — the phrase's words alone are often far commoner than
 * the phrase, and a window around only their first few occurrences misses it
 * (then the story is highlighted again in full, a second round trip).
 */
export function phraseHits(hits: readonly number[]): readonly number[] {
  return hits.filter((p, i) => (i > 0 && p - (hits[i - 1] ?? -Infinity) <= PHRASE_GAP) || (i + 1 < hits.length && (hits[i + 1] ?? Infinity) - p <= PHRASE_GAP));
}

/** Positions the headline and standfirst take before the body (PostgreSQL may count a few fewer: trailing stopwords). */
export function positionsBefore(headline: string, standfirst: string): number {
  return tokenSpans(headline).length + tokenSpans(standfirst).length;
}

/** The lexemes of tsquery texts (`'govern' & 'budget'`, `'said' <-> 'the'`): the words whose positions matter. */
export function lexemesOf(...tsqueries: readonly string[]): string[] {
  const out = new Set<string>();
  for (const q of tsqueries) for (const m of q.matchAll(/'((?:[^']|'')*)'/g)) out.add((m[1] ?? '').replace(/''/g, "'"));
  return [...out];
}
