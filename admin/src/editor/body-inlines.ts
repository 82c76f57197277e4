/**
 * Inline content in the body's canonical form, as the server normalises it
 * (src/features/articles/body/body.normalise.ts): empty text dropped, marks
 * once each in the order link, bold, italic, neighbours with equal marks
 * merged, nothing longer than the per-node limit. Producing exactly that form
 * means a saved body comes back from the server unchanged, so reloading a
 * story never looks like an edit.
 */
import { BODY_LIMITS, type Inline, type Mark } from './body-types.js';

const MARK_RANK: Record<Mark['type'], number> = { link: 0, bold: 1, italic: 2 };

export function normaliseMarks(marks: readonly Mark[]): Mark[] {
  const byType = new Map<Mark['type'], Mark>();
  for (const mark of marks) if (!byType.has(mark.type)) byType.set(mark.type, mark);
  return [...byType.values()].sort((a, b) => MARK_RANK[a.type] - MARK_RANK[b.type]);
}

function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  return a.length === b.length && a.every((m, i) => {
    const o = b[i];
    return o !== undefined && o.type === m.type && (m.type !== 'link' || (o.type === 'link' && o.href === m.href));
  });
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

/** A plain string field (alt, caption, credit, cite) cut to the limit. */
export function clipText(text: string): string {
  return splitLongText(text)[0] ?? '';
}

function textNode(text: string, marks: readonly Mark[]): Inline {
  return marks.length === 0 ? { type: 'text', text } : { type: 'text', text, marks: marks.map((m) => ({ ...m })) };
}

export function normaliseInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let pendingText = '';
  let pendingMarks: Mark[] = [];
  let pending = false;
  const flush = (): void => {
    if (pending) for (const piece of splitLongText(pendingText)) out.push(textNode(piece, pendingMarks));
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
    if (pending && sameMarks(marks, pendingMarks)) {
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

/** Lines of inline content joined into one run, with a line break between them. */
export function joinLines(lines: readonly Inline[][]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ type: 'break' });
    out.push(...line);
  });
  return normaliseInlines(out);
}

/** Split an over-long run into runs that each fit one block (only a paste of a novel gets here). */
export function chunkInlines(inlines: Inline[]): Inline[][] {
  if (inlines.length <= BODY_LIMITS.maxInlines) return [inlines];
  const chunks: Inline[][] = [];
  for (let i = 0; i < inlines.length; i += BODY_LIMITS.maxInlines) chunks.push(inlines.slice(i, i + BODY_LIMITS.maxInlines));
  return chunks;
}
