/**
 * Canonical form of inline content. The validator and the HTML converter both
 * end here, so two documents that look the same to a reader are also equal as
 * JSON (diffs between revisions stay meaningful) and parsing is idempotent.
 */
import { BODY_LIMITS } from './body.limits.js';
import type { Inline, Mark } from './body.types.js';

/** Rendering nests marks in this order too: link outermost, then bold, then italic. */
const MARK_RANK: Record<Mark['type'], number> = { link: 0, bold: 1, italic: 2 };

/** One mark of each type, in canonical order. The first link wins if several are given. */
export function normaliseMarks(marks: readonly Mark[]): Mark[] {
  const byType = new Map<Mark['type'], Mark>();
  for (const mark of marks) {
    if (!byType.has(mark.type)) byType.set(mark.type, mark);
  }
  return [...byType.values()].sort((a, b) => MARK_RANK[a.type] - MARK_RANK[b.type]);
}

export function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined || x.type !== y.type) return false;
    if (x.type === 'link' && y.type === 'link' && x.href !== y.href) return false;
  }
  return true;
}

function textNode(text: string, marks: readonly Mark[]): Inline {
  return marks.length === 0 ? { type: 'text', text } : { type: 'text', text, marks: marks.map((m) => ({ ...m })) };
}

/**
 * Drop empty text, canonicalise marks, and merge neighbouring text with equal
 * marks — unless the merged text would pass the per-node length limit, so the
 * result always validates again.
 */
export function normaliseInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let pendingText = '';
  let pendingMarks: Mark[] = [];
  let pending = false;
  const flush = (): void => {
    if (pending) out.push(textNode(pendingText, pendingMarks));
    pending = false;
  };
  for (const node of inlines) {
    if (node.type === 'break') {
      flush();
      out.push({ type: 'break' });
      continue;
    }
    if (node.text === '') continue;
    const marks = normaliseMarks(node.marks ?? []);
    if (pending && sameMarks(marks, pendingMarks) && pendingText.length + node.text.length <= BODY_LIMITS.maxTextLength) {
      pendingText += node.text;
      continue;
    }
    flush();
    pendingText = node.text;
    pendingMarks = marks;
    pending = true;
  }
  flush();
  return out;
}

/** Cut text into pieces that fit one text node, never between the halves of a surrogate pair. */
export function splitLongText(text: string, max: number = BODY_LIMITS.maxTextLength): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + max, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}
