/**
 * Building simple bodies and reading their text back out: for importers that
 * only have paragraphs of plain text, and for search indexing, descriptions
 * and word counts, which must never see markup.
 */
import { BODY_LIMITS } from './body.limits.js';
import { splitLongText } from './body.normalise.js';
import type { Block, BodyDocument, Inline } from './body.types.js';
import { BODY_VERSION } from './body.types.js';

export function emptyBody(): BodyDocument {
  return { type: 'doc', version: BODY_VERSION, content: [] };
}

/**
 * One paragraph per string. Blank strings are skipped, single newlines become
 * line breaks, over-long lines are split across text nodes, and paragraphs past
 * the block limit are dropped, so the result always passes parseBody.
 */
export function bodyFromParagraphs(paragraphs: readonly string[]): BodyDocument {
  const doc = emptyBody();
  for (const paragraph of paragraphs) {
    if (doc.content.length >= BODY_LIMITS.maxBlocks) break;
    const trimmed = paragraph.replace(/\r\n?/g, '\n').trim();
    if (trimmed === '') continue;
    const content: Inline[] = [];
    trimmed.split('\n').forEach((line, i) => {
      if (i > 0) content.push({ type: 'break' });
      for (const piece of splitLongText(line)) {
        if (piece !== '') content.push({ type: 'text', text: piece });
      }
    });
    doc.content.push({ type: 'paragraph', content });
  }
  return doc;
}

function inlineText(inlines: readonly Inline[]): string {
  let out = '';
  for (const node of inlines) out += node.type === 'text' ? node.text : '\n';
  return out;
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.content);
    case 'quote': {
      const quote = inlineText(block.content);
      return block.cite === undefined ? quote : `${quote}\n\u2014 ${block.cite}`;
    }
    case 'list':
      return block.items.map(inlineText).filter((item) => item.trim() !== '').join('\n');
    case 'image':
    case 'embed':
      return block.caption ?? '';
    case 'ad-break':
    case 'divider':
      return '';
  }
}

/**
 * The words a reader sees, for search indexing and descriptions: one part per
 * block separated by a blank line, list items and line breaks on their own
 * lines, image and embed captions included, credits and alt text left out.
 */
export function bodyToPlainText(doc: BodyDocument): string {
  const parts: string[] = [];
  for (const block of doc.content) {
    const text = blockText(block).trim();
    if (text !== '') parts.push(text);
  }
  return parts.join('\n\n');
}

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Whitespace-separated tokens containing a letter or digit, so "—" and "•" do
 * not count. Works for Latin, Devanagari and Gurmukhi text, which separate
 * words with spaces; scripts written without spaces count one word per run.
 */
export function countWords(doc: BodyDocument): number {
  let count = 0;
  for (const token of bodyToPlainText(doc).split(/\s+/)) {
    if (HAS_WORD_CHAR.test(token)) count++;
  }
  return count;
}
