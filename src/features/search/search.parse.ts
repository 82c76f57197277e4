/**
 * What a reader types, parsed into a small query of our own — words,
 * "phrases", -excluded terms and OR — and compiled to each engine's syntax.
 * Raw input never reaches an engine: every term is reduced to folded word
 * characters and quoted, so operators, column filters, `*`, NEAR and SQL
 * mean nothing but the words in them.
 */
import { fold, wordsOf } from './search.text.js';

export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 12;
const MAX_WORD_CHARS = 40;

/** One or more words that must appear together, in order (a single word is a one-word phrase). */
export type Term = readonly string[];

export interface ParsedQuery {
  /** All groups must match; a group matches when any of its terms does (OR). */
  groups: readonly (readonly Term[])[];
  /** None of these may match. */
  excluded: readonly Term[];
}

interface Token {
  kind: 'term' | 'or';
  words: string[];
  negated: boolean;
}

function termOf(raw: string): string[] {
  return wordsOf(fold(raw)).map((w) => w.slice(0, MAX_WORD_CHARS));
}

const SEPARATORS = /[()[\]{}<>:;,!?*^|&+=~@#$%\\]+/;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  const re = /(-?)"([^"]*)"?|(\S+)/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const quoted = m[2];
    if (quoted !== undefined) {
      const words = termOf(quoted);
      if (words.length) tokens.push({ kind: 'term', words, negated: m[1] === '-' });
      continue;
    }
    const bare = m[3] ?? '';
    if (bare === 'OR' || bare === '|') {
      tokens.push({ kind: 'or', words: [], negated: false });
      continue;
    }
    const negated = bare.startsWith('-') && bare.length > 1;
    // Operator and filter punctuation separates words ("NEAR(a", "headline:x"); within what is left,
    // "e-mail" or "U.S." become a phrase of their parts, as the engines index them.
    (negated ? bare.slice(1) : bare).split(SEPARATORS).forEach((piece, i) => {
      const words = termOf(piece);
      if (words.length) tokens.push({ kind: 'term', words, negated: negated && i === 0 });
    });
  }
  return tokens;
}

/** Parses reader input; never throws. Length and term count are bounded. */
export function parseQuery(input: string): ParsedQuery {
  const text = input.slice(0, MAX_QUERY_CHARS);
  const groups: Term[][] = [];
  const excluded: Term[] = [];
  let joinNext = false;
  let count = 0;
  for (const token of tokenize(text)) {
    if (token.kind === 'or') {
      // A lone or leading OR is just ignored; "a OR OR b" is "a OR b".
      joinNext = groups.length > 0;
      continue;
    }
    if (count >= MAX_TERMS) break;
    count++;
    if (token.negated) {
      excluded.push(token.words);
      joinNext = false;
      continue;
    }
    const last = groups[groups.length - 1];
    if (joinNext && last) last.push(token.words);
    else groups.push([token.words]);
    joinNext = false;
  }
  return { groups, excluded };
}

export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.groups.length === 0;
}

/** The distinct positive words, for spelling suggestions. */
export function positiveWords(q: ParsedQuery): string[] {
  return [...new Set(q.groups.flatMap((g) => g.flatMap((t) => [...t])))];
}

/**
 * About how many stories can match the query's required words, from the
 * vocabulary's counts (stories using each word): a phrase is no commoner than
 * its rarest word, an OR group than its terms together, the query than its
 * rarest group. An estimate, not a bound: English stemming also matches
 * other forms of a word. Undefined when no group can be estimated (a word the
 * vocabulary lacks may still match other forms of its stem). Only ever used
 * to choose a plan, never to decide what matches.
 */
export function requiredMatchEstimate(q: ParsedQuery, counts: ReadonlyMap<string, number>): number | undefined {
  let bound: number | undefined;
  for (const group of q.groups) {
    let sum = 0;
    for (const term of group) {
      const known = term.map((w) => counts.get(w));
      if (known.length === 0 || known.some((n) => n === undefined)) {
        sum = NaN;
        break;
      }
      sum += Math.min(...(known as number[]));
    }
    if (!Number.isNaN(sum)) bound = Math.min(bound ?? Infinity, sum);
  }
  return bound;
}

/**
 * The fewest live stories the query is sure to match, by the vocabulary: a
 * story using a word of an OR group matches the group, so with one group
 * and no exclusions the commonest single word of it is a floor. 0 when the
 * vocabulary can say nothing (several groups, an exclusion, only phrases).
 */
export function requiredMatchFloor(q: ParsedQuery, counts: ReadonlyMap<string, number>): number {
  const [group, ...more] = q.groups;
  if (!group || more.length > 0 || q.excluded.length > 0) return 0;
  return Math.max(0, ...group.filter((t) => t.length === 1).map((t) => counts.get(t[0] ?? '') ?? 0));
}

const quote = (t: Term): string => `"${t.join(' ').replace(/"/g, '""')}"`;

/** FTS5 MATCH syntax: every term a quoted string (or what `term` makes of it), so nothing in it is an operator. */
export function toFts5(q: ParsedQuery, term: (t: Term) => string = quote): string {
  const positive = q.groups.map((g) => (g.length === 1 ? term(g[0] ?? []) : `(${g.map(term).join(' OR ')})`)).join(' AND ');
  return [positive, ...q.excluded.map(term)].join(' NOT ');
}

/**
 * Input for PostgreSQL's websearch_to_tsquery, which never raises a syntax
 * error; rebuilt from our terms so only word characters, quotes, "or" and
 * "-" reach it.
 */
export function toWebsearch(q: ParsedQuery): string {
  const positive = q.groups.map((g) => g.map((t) => `"${t.join(' ')}"`).join(' or '));
  return [...positive, ...q.excluded.map((t) => `-"${t.join(' ')}"`)].join(' ');
}

/** The query written back in its canonical form (for "did you mean" links and page titles). */
export function formatQuery(q: ParsedQuery): string {
  const term = (t: Term) => (t.length > 1 ? `"${t.join(' ')}"` : (t[0] ?? ''));
  const positive = q.groups.map((g) => g.map(term).join(' OR '));
  return [...positive, ...q.excluded.map((t) => `-${term(t)}`)].join(' ');
}
