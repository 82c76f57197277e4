/**
 * Small, bounded queries over htmlparser2's DOM for the HTML converter. All
 * traversals are iterative (hostile HTML can nest thousands deep) and visit a
 * capped number of nodes (nested figures or quotes would otherwise scan the
 * same subtree again at every level).
 */
import { DomHandler, ElementType, Parser } from 'htmlparser2';
import type { parseDocument } from 'htmlparser2';
import { collapseWhitespace } from './body.from-html.lines.js';
import { BODY_LIMITS } from './body.limits.js';
import { splitLongText } from './body.normalise.js';

export type DomNode = ReturnType<typeof parseDocument>['children'][number];
export type DomElement = Extract<DomNode, { attribs: Record<string, string> }>;

/**
 * Dropped with everything inside them: active content, forms, metadata, and
 * fallbacks full of junk text. (<iframe> is not here only because an
 * allowlisted one becomes an embed; its content is never text either.)
 */
export const DROPPED: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'object', 'embed', 'svg', 'math', 'form', 'input', 'button',
  'select', 'textarea', 'head', 'title', 'meta', 'link', 'base', 'applet', 'param', 'frame', 'frameset',
  'noframes', 'noembed', 'audio', 'video', 'canvas', 'source', 'track', 'dialog', 'datalist', 'option',
  'optgroup', 'map', 'area',
]);

/** Elements whose edges separate words when an element is read as plain text. */
const WORD_BREAKING: ReadonlySet<string> = new Set([
  'br', 'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'li', 'dt', 'dd', 'tr', 'td', 'th',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'figure', 'figcaption', 'hr', 'ul', 'ol', 'table',
]);

/**
 * Block-level elements. In flowing content each one ends the paragraph before
 * it (so text directly inside a <div> becomes its own paragraph and nested
 * containers flatten); inside headings, quotes and list items, which hold
 * inline content only, each becomes a line break.
 */
export const BLOCKS: ReadonlySet<string> = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'center', 'address', 'body',
  'html', 'dl', 'dt', 'dd', 'li', 'details', 'summary', 'fieldset', 'hgroup', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'caption', 'figcaption', 'legend', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul',
  'ol', 'pre', 'figure', 'hr',
]);

/** h1 is the page's own title level, so the body starts at 2. */
export const HEADING_LEVEL: ReadonlyMap<string, 2 | 3 | 4> = new Map([
  ['h1', 2], ['h2', 2], ['h3', 3], ['h4', 4], ['h5', 4], ['h6', 4],
]);

const MAX_SCAN = 1000;
const MAX_TEXT_SCAN = 50_000;

function clipText(text: string): string {
  return splitLongText(text)[0] ?? '';
}

/**
 * htmlparser2 keeps its open-element stack with Array#unshift, so parsing
 * time grows with the square of nesting depth (300,000 nested <b> take
 * ~40 s). We feed the input in small chunks and stop once the document is
 * deeper or larger than any real story; everything read so far is kept.
 */
const PARSE_CHUNK = 2048;
const MAX_PARSE_DEPTH = 1000;
const MAX_PARSE_ELEMENTS = 50_000;

class CountingHandler extends DomHandler {
  depth = 0;
  elements = 0;

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.depth++;
    this.elements++;
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

/** Parse HTML like a browser (entities decoded, tag names lower-cased) with bounded work. */
export function parseHtml(html: string): DomNode[] {
  const handler = new CountingHandler();
  const parser = new Parser(handler);
  for (let at = 0; at < html.length; at += PARSE_CHUNK) {
    if (handler.depth > MAX_PARSE_DEPTH || handler.elements > MAX_PARSE_ELEMENTS) break;
    parser.write(html.slice(at, at + PARSE_CHUNK));
  }
  parser.end();
  return handler.root.children;
}

export function isElement(node: DomNode): node is DomElement {
  return ElementType.isTag(node);
}

/**
 * Descendant elements in document order, not entering dropped elements (an
 * <img> inside <noscript> is a lazy-loading fallback, not content).
 */
export function elementsIn(root: DomElement, limit: number = MAX_SCAN): DomElement[] {
  const found: DomElement[] = [];
  const stack: DomNode[] = [...root.children].reverse();
  let visited = 0;
  while (stack.length > 0 && visited++ < limit) {
    const node = stack.pop();
    if (node === undefined || !isElement(node) || DROPPED.has(node.name)) continue;
    found.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      if (child !== undefined) stack.push(child);
    }
  }
  return found;
}

export function descendants(root: DomElement, name: string): DomElement[] {
  return elementsIn(root).filter((el) => el.name === name);
}

/**
 * The visible text of an element, whitespace collapsed, without dropped
 * elements or those `skip` selects. Used for captions, citations and
 * anything nested too deep to walk structurally.
 */
export function plainText(root: DomElement, skip?: (el: DomElement) => boolean): string {
  let out = '';
  const stack: (DomNode | ' ')[] = [...root.children].reverse();
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_TEXT_SCAN) {
    const node = stack.pop();
    if (node === undefined) continue;
    if (node === ' ') {
      out += ' ';
    } else if (node.type === ElementType.Text) {
      out += node.data;
    } else if (isElement(node) && !DROPPED.has(node.name) && node.name !== 'iframe' && skip?.(node) !== true) {
      const breaks = WORD_BREAKING.has(node.name);
      if (breaks) stack.push(' ');
      for (let i = node.children.length - 1; i >= 0; i--) {
        const child = node.children[i];
        if (child !== undefined) stack.push(child);
      }
      if (breaks) out += ' ';
    }
  }
  return collapseWhitespace(out).trim();
}

const CREDIT_CLASS = /(^|[\s_-])(credit|byline|copyright|photographer|source)([\s_-]|$)/i;

/** A figcaption's caption text and, if marked up as such, its photo credit. */
export function captionParts(figcaption: DomElement): { caption?: string; credit?: string } {
  const isCredit = (el: DomElement): boolean => CREDIT_CLASS.test(el.attribs['class'] ?? '');
  const credit = clipText(elementsIn(figcaption).filter(isCredit).map((el) => plainText(el)).join(' ').trim());
  const caption = clipText(plainText(figcaption, isCredit));
  return { ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
}

export function hasClass(el: DomElement, names: readonly string[]): boolean {
  const classes = (el.attribs['class'] ?? '').split(/\s+/);
  return names.some((n) => classes.includes(n));
}

/** An HTML width/height attribute ("600" or "600px") as a whole number within the body limits. */
export function dimension(value: string | undefined): number | undefined {
  const match = /^\s*(\d{1,6})(?:px)?\s*$/.exec(value ?? '');
  const n = match?.[1] === undefined ? NaN : Number(match[1]);
  return n >= 1 && n <= BODY_LIMITS.maxImageDimension ? n : undefined;
}
