/**
 * Editor JSON → our story body. Accepts any editor JSON (pasted or foreign
 * structures included) and returns a body the server accepts, already in the
 * server's normalised form: what the body can hold is kept, containers are
 * flattened into their text, media inside them move out after them, and the
 * rest (code, strike, unknown nodes) is dropped. Pure.
 */
import { BODY_LIMITS, type Block, type BodyDocument, type ImageBlock, type Inline, type Mark } from './body-types.js';
import { chunkInlines, clipText, joinLines, normaliseInlines } from './body-inlines.js';
import { parseEmbedUrl, safeImageSrc, safeLinkHref } from './body-urls.js';
import { NODE, type TiptapNode } from './editor-json.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asNode(value: unknown): TiptapNode | null {
  return isRecord(value) && typeof value.type === 'string' ? (value as unknown as TiptapNode) : null;
}

function childrenOf(node: TiptapNode): TiptapNode[] {
  const content: unknown = node.content;
  return Array.isArray(content) ? content.flatMap((c) => asNode(c) ?? []) : [];
}

function attr(node: TiptapNode, key: string): unknown {
  return isRecord(node.attrs) ? node.attrs[key] : undefined;
}

function stringAttr(node: TiptapNode, key: string): string {
  const value = attr(node, key);
  return typeof value === 'string' ? value : '';
}

function optionalText(value: string): string | undefined {
  return value.trim() === '' ? undefined : clipText(value);
}

function markFromTiptap(mark: unknown): Mark | null {
  if (!isRecord(mark)) return null;
  switch (mark.type) {
    case 'bold':
    case 'strong':
      return { type: 'bold' };
    case 'italic':
    case 'em':
      return { type: 'italic' };
    case 'link': {
      const href = isRecord(mark.attrs) && typeof mark.attrs.href === 'string' ? safeLinkHref(mark.attrs.href) : null;
      return href === null ? null : { type: 'link', href };
    }
    default:
      return null; // strike, code, underline, highlight…: the text stays, the mark goes
  }
}

function collectInlines(nodes: readonly TiptapNode[], out: Inline[]): void {
  for (const node of nodes) {
    if (node.type === 'text' && typeof node.text === 'string') {
      const marks = Array.isArray(node.marks) ? node.marks.flatMap((m) => markFromTiptap(m) ?? []) : [];
      out.push(marks.length > 0 ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text });
    } else if (node.type === 'hardBreak') {
      out.push({ type: 'break' });
    } else {
      collectInlines(childrenOf(node), out); // an unknown inline wrapper keeps its text; inline atoms go
    }
  }
}

function inlinesOf(node: TiptapNode): Inline[] {
  const out: Inline[] = [];
  collectInlines(childrenOf(node), out);
  return normaliseInlines(out);
}

/** Code keeps its lines: each newline becomes a line break. */
function codeLines(node: TiptapNode): Inline[] {
  const text = childrenOf(node).map((c) => (typeof c.text === 'string' ? c.text : '')).join('');
  return joinLines(text.split('\n').map((line) => (line === '' ? [] : [{ type: 'text', text: line }])));
}

const LIST_TYPES: ReadonlySet<string> = new Set(['bulletList', 'orderedList', 'taskList']);
const INLINE_TYPES: ReadonlySet<string> = new Set(['text', 'hardBreak']);
const TEXTBLOCK_TYPES: ReadonlySet<string> = new Set(['paragraph', 'heading', NODE.quote]);

/** Holds a run of text (possibly empty), as opposed to holding blocks or being an atom. */
function isTextual(node: TiptapNode): boolean {
  const kids = childrenOf(node);
  return kids.length === 0 ? TEXTBLOCK_TYPES.has(node.type) : kids.some((k) => INLINE_TYPES.has(k.type));
}

/**
 * The text of nested blocks as lines (for a quote or list item, which hold one
 * run of inlines); media found inside are moved out, after the container.
 */
function linesOf(nodes: readonly TiptapNode[], hoisted: Block[]): Inline[][] {
  const lines: Inline[][] = [];
  for (const node of nodes) {
    const media = mediaBlock(node);
    if (media !== undefined) {
      if (media !== null) hoisted.push(media);
    } else if (node.type === 'codeBlock') lines.push(codeLines(node));
    else if (LIST_TYPES.has(node.type)) lines.push(...listItems(node, hoisted));
    else if (isTextual(node)) lines.push(inlinesOf(node));
    else lines.push(...linesOf(childrenOf(node), hoisted));
  }
  return lines;
}

/** List items in reading order: a nested list's items follow their parent item. */
function listItems(list: TiptapNode, hoisted: Block[]): Inline[][] {
  const items: Inline[][] = [];
  for (const item of childrenOf(list)) {
    const own: Inline[][] = [];
    const nested: Inline[][] = [];
    for (const child of childrenOf(item)) {
      if (LIST_TYPES.has(child.type)) nested.push(...listItems(child, hoisted));
      else own.push(...linesOf([child], hoisted));
    }
    items.push(joinLines(own).slice(0, BODY_LIMITS.maxInlines), ...nested);
  }
  return items;
}

function dimension(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= BODY_LIMITS.maxImageDimension ? n : undefined;
}

function imageBlock(node: TiptapNode): ImageBlock | null {
  const image: ImageBlock = { type: 'image', alt: clipText(stringAttr(node, 'alt')) };
  const mediaId = attr(node, 'mediaId');
  if (typeof mediaId === 'number' && Number.isSafeInteger(mediaId) && mediaId > 0) image.mediaId = mediaId;
  else {
    const src = safeImageSrc(stringAttr(node, 'src'));
    if (src === null) return null; // an image with nothing to show
    image.src = src;
  }
  const caption = optionalText(stringAttr(node, 'caption'));
  if (caption !== undefined) image.caption = caption;
  const credit = optionalText(stringAttr(node, 'credit'));
  if (credit !== undefined) image.credit = credit;
  const width = dimension(attr(node, 'width'));
  if (width !== undefined) image.width = width;
  const height = dimension(attr(node, 'height'));
  if (height !== undefined) image.height = height;
  return image;
}

/** An embed the allowlist refuses is kept as a plain link, so the reporter's URL is not lost. */
function embedBlock(node: TiptapNode): Block | null {
  const url = stringAttr(node, 'url');
  const parsed = parseEmbedUrl(url);
  if (parsed === null) {
    const href = safeLinkHref(url);
    return href === null ? null : { type: 'paragraph', content: [{ type: 'text', text: url.trim(), marks: [{ type: 'link', href }] }] };
  }
  const embed: Block = { type: 'embed', provider: parsed.provider, url: parsed.url };
  const caption = optionalText(stringAttr(node, 'caption'));
  if (caption !== undefined) embed.caption = caption;
  return embed;
}

/** A media block (image or embed) → the block (or null when unusable); undefined when `node` is not media. */
function mediaBlock(node: TiptapNode): Block | null | undefined {
  if (node.type === NODE.image || node.type === 'image') return imageBlock(node);
  if (node.type === NODE.embed) return embedBlock(node);
  return undefined;
}

function headingLevel(value: unknown): 2 | 3 | 4 {
  const n = typeof value === 'number' ? value : 2;
  return n <= 2 ? 2 : n === 3 ? 3 : 4;
}

function pushBlocks(node: TiptapNode, out: Block[]): void {
  const media = mediaBlock(node);
  if (media !== undefined) {
    if (media !== null) out.push(media);
    return;
  }
  switch (node.type) {
    case 'paragraph':
      for (const content of chunkInlines(inlinesOf(node))) out.push({ type: 'paragraph', content });
      return;
    case 'heading':
      out.push({ type: 'heading', level: headingLevel(attr(node, 'level')), content: inlinesOf(node).slice(0, BODY_LIMITS.maxInlines) });
      return;
    case NODE.quote:
    case 'blockquote': {
      const hoisted: Block[] = [];
      const content = node.type === NODE.quote ? inlinesOf(node) : joinLines(linesOf(childrenOf(node), hoisted));
      const quote: Block = { type: 'quote', content: content.slice(0, BODY_LIMITS.maxInlines) };
      const cite = optionalText(stringAttr(node, 'cite'));
      if (cite !== undefined) quote.cite = cite;
      if (content.length > 0 || cite !== undefined || node.type === NODE.quote) out.push(quote);
      out.push(...hoisted);
      return;
    }
    case 'codeBlock':
      for (const content of chunkInlines(codeLines(node))) out.push({ type: 'paragraph', content });
      return;
    case 'horizontalRule':
      out.push({ type: 'divider' });
      return;
    case NODE.adBreak:
      out.push({ type: 'ad-break' });
      return;
  }
  if (LIST_TYPES.has(node.type)) {
    const hoisted: Block[] = [];
    const items = listItems(node, hoisted);
    const ordered = node.type === 'orderedList';
    for (let i = 0; i < items.length; i += BODY_LIMITS.maxListItems) {
      out.push({ type: 'list', ordered, items: items.slice(i, i + BODY_LIMITS.maxListItems) });
    }
    out.push(...hoisted);
  } else if (childrenOf(node).length > 0) {
    // Unknown containers (tables, columns, details…) flatten into their blocks; unknown textblocks become paragraphs.
    if (isTextual(node)) for (const content of chunkInlines(inlinesOf(node))) out.push({ type: 'paragraph', content });
    else for (const child of childrenOf(node)) pushBlocks(child, out);
  }
}

export function tiptapToBody(json: unknown): BodyDocument {
  const root = asNode(json);
  const content: Block[] = [];
  if (root !== null) for (const node of childrenOf(root)) pushBlocks(node, content);
  // The editor cannot be empty; its one empty paragraph means "no body yet".
  const only = content[0];
  if (content.length === 1 && only?.type === 'paragraph' && only.content.length === 0) content.length = 0;
  return { type: 'doc', version: 1, content };
}
