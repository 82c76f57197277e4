/**
 * Text handling shared by both engines: folding (case and accents never
 * matter), splitting into words, the vocabulary kept for spelling
 * suggestions, and turning engine highlight markers into escaped markup.
 */
import { escapeHtml } from '../../lib/html.js';

/** Markers the engines put around matched words; stripped from indexed text so a story cannot forge them. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LATIN_MARKS = /[\u0300-\u036f]/g;
// eslint-disable-next-line no-control-regex -- the ASCII range starts at U+0000
const NON_ASCII = /[^\u0000-\u007f]/g;
const PUNCT_OR_SYMBOL = /^[\p{P}\p{S}\p{Zs}]$/u;
const foldCache = new Map<string, string>();

function foldOne(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out = ch;
  if (PUNCT_OR_SYMBOL.test(ch)) {
    // Curly quotes, dandas (।), dashes: word separators for every parser, whatever the database locale.
    out = ' ';
  } else {
    const stripped = ch.normalize('NFD').replace(LATIN_MARKS, '').toLowerCase();
    // Only one-for-one replacements, so folded text lines up with the original (see restoreOriginal).
    if (stripped.length === ch.length) out = stripped;
  }
  if (foldCache.size < 10_000) foldCache.set(ch, out);
  return out;
}

/**
 * Lowercase, Latin accents removed, non-ASCII punctuation turned into spaces —
 * always the same length as the input. Devanagari and Gurmukhi vowel signs are
 * not accents and are kept.
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  const base = lower.length === text.length ? lower : text;
  return base.replace(NON_ASCII, foldOne);
}

/** Text safe to index: no control characters (so no forged highlight markers), bounded length. */
export function cleanText(text: string, max = 200_000): string {
  return text.slice(0, max).replace(CONTROL, ' ');
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of a folded text. */
export function wordsOf(folded: string): string[] {
  return folded.match(WORD) ?? [];
}

const VOCAB_WORD = /^\p{L}[\p{L}\p{M}]{2,29}$/u;

/** Distinct vocabulary words of a document: letters only, 3–30 characters. */
export function vocabularyOf(...texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const w of wordsOf(fold(t))) if (VOCAB_WORD.test(w)) out.add(w);
  return out;
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[y.length] ?? max + 1;
}

/** Escapes engine output and turns its markers into <mark>…</mark>; unbalanced markers are closed or dropped. */
export function markedHtml(text: string): string {
  let out = '';
  let open = false;
  // eslint-disable-next-line no-control-regex -- the markers are control characters by design
  for (const part of text.split(/([\u0002\u0003])/)) {
    if (part === MARK_START) {
      if (!open) out += '<mark>';
      open = true;
    } else if (part === MARK_END) {
      if (open) out += '</mark>';
      open = false;
    } else {
      out += escapeHtml(part.replace(CONTROL, ''));
    }
  }
  return open ? out + '</mark>' : out;
}

/**
 * PostgreSQL highlights folded text (so "cafe" marks "café"); put the
 * original characters back: folding is one-for-one, so the fragment sits at
 * the same offset in both. Falls back to the folded fragment if not found.
 */
export function restoreOriginal(fragment: string, original: string, folded: string, ellipses = false): string {
  // eslint-disable-next-line no-control-regex -- the markers are control characters by design
  const plain = fragment.replace(/[\u0002\u0003]/g, '');
  const at = plain.length > 0 ? folded.indexOf(plain) : -1;
  if (at < 0) return fragment;
  const before = ellipses && at > 0 ? '…' : '';
  const after = ellipses && at + plain.length < original.trimEnd().length ? '…' : '';
  let out = '';
  let k = at;
  for (const ch of fragment) {
    if (ch === MARK_START || ch === MARK_END) out += ch;
    else {
      out += original.slice(k, k + ch.length);
      k += ch.length;
    }
  }
  return before + out + after;
}
