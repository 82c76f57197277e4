/**
 * Untrusted HTML (agency wire copy, importers) → story body. Nothing of the
 * HTML survives except text, the few structures the body format knows, and
 * URLs that pass the allowlists; the result is re-checked by parseBody. Work
 * is bounded: input is capped, recursion depth is capped, and conversion stops
 * at the block limit. It never throws on bad markup.
 */
import { ElementType } from 'htmlparser2';
import { BODY_LIMITS } from './body.limits.js';
import { normaliseInlines, splitLongText } from './body.normalise.js';
import { bodyFromParagraphs, bodyToPlainText } from './body.text.js';
import type { Block, BodyDocument, Inline } from './body.types.js';
import { BODY_VERSION } from './body.types.js';
import { parseBody } from './body.validate.js';
import { parseEmbedUrl, safeImageSrc, safeLinkHref } from './body.urls.js';
import { collapseWhitespace, hasVisibleText, Line, NO_MARKS, standaloneEmbed, tidyLine } from './body.from-html.lines.js';
import type { InlineBudget, MarkState } from './body.from-html.lines.js';
import { BLOCKS, captionParts, descendants, dimension, DROPPED, hasClass, HEADING_LEVEL, isElement, parseHtml, plainText } from './body.from-html.dom.js';
import type { DomElement, DomNode } from './body.from-html.dom.js';

export interface HtmlToBodyOptions {
  /** Page the HTML came from: relative links and images resolve against it (else they are dropped). */
  baseUrl?: string;
}

/** Larger input is cut off: a story is never 2 MB of HTML, a hostile file may be. */
export const MAX_HTML_INPUT = 2 * 1024 * 1024;
/** Deeper elements contribute their text only; keeps recursion far from the stack limit. */
const MAX_DEPTH = 200;
const MAX_INLINES_TOTAL = 200_000;

const SOCIAL_QUOTE_CLASSES = ['twitter-tweet', 'twitter-video', 'instagram-media'];
const FACEBOOK_CLASSES = ['fb-post', 'fb-video'];
/** "//host/…", also with backslashes, which browsers read as slashes. */
// eslint-disable-next-line no-control-regex -- browsers skip leading control characters in URLs
const PROTOCOL_RELATIVE = /^[\u0000-\u0020]*[/\\][\t\n\r]*[/\\]/;
const IMAGE_SRC_ATTRS = ['src', 'data-src', 'data-original', 'data-lazy-src'];

function clip(text: string): string {
  return splitLongText(text)[0] ?? '';
}

class Converter {
  readonly blocks: Block[] = [];
  /** Far more than any story; stops work on hostile input such as a <pre> of a million lines. */
  private readonly budget: InlineBudget = { remaining: MAX_INLINES_TOTAL };
  private line = new Line(this.budget);

  constructor(private readonly base: URL | undefined) {}

  /** Past the block limit or out of budget: stop walking, but keep what was collected. */
  private get full(): boolean {
    return this.blocks.length >= BODY_LIMITS.maxBlocks || this.budget.remaining <= 0;
  }

  private push(block: Block): void {
    if (this.blocks.length < BODY_LIMITS.maxBlocks) this.blocks.push(block);
  }

  /** Resolve against the base URL; protocol-relative URLs ("//host/…", old embed code) default to https. */
  private resolve(value: string | undefined): string | undefined {
    if (value === undefined || value.trim() === '') return undefined;
    const base = this.base ?? (PROTOCOL_RELATIVE.test(value) ? 'https://base.invalid' : undefined);
    if (base === undefined) return value;
    try {
      return new URL(value, base).href;
    } catch {
      return value;
    }
  }

  /** End the current paragraph: "<br><br>" splits it, empty ones vanish, a lone embed link becomes an embed. */
  flush(preformatted = false): void {
    for (const group of tidyLine(this.line.take(), { splitParagraphs: !preformatted, preformatted })) {
      const inlines = normaliseInlines(group);
      // An absurdly long paragraph (thousands of <br>) is split rather than refused.
      for (let at = 0; at < inlines.length; at += BODY_LIMITS.maxInlines) {
        const content = inlines.slice(at, at + BODY_LIMITS.maxInlines);
        if (!hasVisibleText(content)) continue;
        this.push((preformatted ? null : standaloneEmbed(content)) ?? { type: 'paragraph', content });
      }
    }
  }

  flow(nodes: readonly DomNode[], marks: MarkState, depth: number): void {
    for (const node of nodes) {
      if (this.full) return;
      if (node.type === ElementType.Text) this.line.addText(node.data, marks);
      else if (isElement(node) && !DROPPED.has(node.name)) this.flowElement(node, marks, depth + 1);
    }
  }

  private flowElement(el: DomElement, marks: MarkState, depth: number): void {
    const name = el.name;
    const inner = this.marksFor(el, marks);
    if (depth > MAX_DEPTH) {
      this.line.addText(` ${plainText(el)} `, marks);
    } else if (inner !== null) {
      this.flow(el.children, inner, depth);
    } else if (name === 'br') {
      this.line.addBreak();
    } else if (name === 'td' || name === 'th') {
      this.line.addText(' ', marks); // cells of a row read as one paragraph, words apart
      this.flow(el.children, marks, depth);
      this.line.addText(' ', marks);
    } else if (BLOCKS.has(name) || name === 'img' || name === 'iframe') {
      this.block(el, marks, depth);
    } else {
      this.flow(el.children, marks, depth); // unknown element (span, font, u, code, …): keep its text
    }
  }

  private block(el: DomElement, marks: MarkState, depth: number): void {
    const name = el.name;
    this.flush();
    const heading = HEADING_LEVEL.get(name);
    if (heading !== undefined) this.heading(el, heading, marks, depth);
    else if (name === 'hr') this.push({ type: 'divider' });
    else if (name === 'img') this.image(el, undefined, undefined);
    else if (name === 'iframe') this.embed(el.attribs['src'], undefined);
    else if (name === 'blockquote') this.quote(el, marks, depth);
    else if (name === 'ul' || name === 'ol') this.list(el, marks, depth);
    else if (name === 'figure') this.figure(el, marks, depth);
    else if (name === 'pre') {
      this.inline(el.children, marks, depth, true);
      this.flush(true);
    } else if (!(hasClass(el, FACEBOOK_CLASSES) && this.embed(el.attribs['data-href'], undefined))) {
      // Facebook's embed code is <div class="fb-post" data-href="…">; any other container flows.
      this.flow(el.children, marks, depth);
    }
    this.flush();
  }

  /** Marks inside a formatting element, or null if the element does not format. */
  private marksFor(el: DomElement, marks: MarkState): MarkState | null {
    switch (el.name) {
      case 'b':
      case 'strong':
        return { ...marks, bold: true };
      case 'i':
      case 'em':
        return { ...marks, italic: true };
      case 'a': {
        const href = safeLinkHref(this.resolve(el.attribs['href']));
        // An unsafe (or missing) target keeps the text and drops the link, including any outer one.
        return href === null ? { bold: marks.bold, italic: marks.italic } : { ...marks, link: href };
      }
      default:
        return null;
    }
  }

  /** Text-only content (headings, quotes, list items, <pre>): block structure becomes line breaks. */
  private inline(nodes: readonly DomNode[], marks: MarkState, depth: number, pre: boolean): void {
    for (const node of nodes) {
      if (node.type === ElementType.Text) {
        if (pre) this.line.addPreText(node.data, marks);
        else this.line.addText(node.data, marks);
        continue;
      }
      if (!isElement(node) || DROPPED.has(node.name) || node.name === 'img' || node.name === 'iframe') continue;
      if (depth + 1 > MAX_DEPTH) {
        this.line.addText(` ${plainText(node)} `, marks);
        continue;
      }
      const inner = this.marksFor(node, marks);
      if (node.name === 'br') this.line.addBreak();
      else if (inner !== null) this.inline(node.children, inner, depth + 1, pre);
      else if (BLOCKS.has(node.name)) {
        this.line.addSeparator();
        this.inline(node.children, marks, depth + 1, pre);
        this.line.addSeparator();
      } else this.inline(node.children, marks, depth + 1, pre);
    }
  }

  /** Collect inline-only content into a fresh line and return it tidied into one run. */
  private collect(walk: () => void): Inline[] {
    const saved = this.line;
    this.line = new Line(this.budget);
    walk();
    const nodes = this.line.take();
    this.line = saved;
    const inlines = normaliseInlines(tidyLine(nodes, { splitParagraphs: false, preformatted: false })[0] ?? []);
    return inlines.slice(0, BODY_LIMITS.maxInlines);
  }

  private heading(el: DomElement, level: 2 | 3 | 4, marks: MarkState, depth: number): void {
    const content = this.collect(() => this.inline(el.children, marks, depth, false));
    if (hasVisibleText(content)) this.push({ type: 'heading', level, content });
  }

  private quote(el: DomElement, marks: MarkState, depth: number): void {
    if (hasClass(el, SOCIAL_QUOTE_CLASSES)) {
      // Tweet/Instagram embed code: the first link to a recognised post is the post.
      for (const a of descendants(el, 'a')) if (this.embed(a.attribs['href'], undefined)) return;
    }
    let cite: string | undefined;
    const content = this.collect(() => {
      for (const child of el.children) {
        if (isElement(child) && (child.name === 'footer' || child.name === 'cite') && cite === undefined) {
          cite = clip(plainText(child).replace(/^[\s\u2014\u2013-]+/, ''));
        } else this.inline([child], marks, depth, false);
      }
    });
    if (!hasVisibleText(content)) return;
    this.push(cite ? { type: 'quote', content, cite } : { type: 'quote', content });
  }

  private list(el: DomElement, marks: MarkState, depth: number): void {
    const items: Inline[][] = [];
    this.listItems(el, marks, depth, items);
    for (let i = 0; i < items.length; i += BODY_LIMITS.maxListItems) {
      this.push({ type: 'list', ordered: el.name === 'ol', items: items.slice(i, i + BODY_LIMITS.maxListItems) });
    }
  }

  /** Items of a list, nested lists flattened in reading order. */
  private listItems(list: DomElement, marks: MarkState, depth: number, items: Inline[][]): void {
    const add = (item: Inline[]): void => {
      if (hasVisibleText(item)) items.push(item);
    };
    for (const child of list.children) {
      if (isElement(child) && child.name === 'li' && depth < MAX_DEPTH) {
        let pending: DomNode[] = [];
        for (const part of child.children) {
          if (isElement(part) && (part.name === 'ul' || part.name === 'ol')) {
            const before = pending;
            add(this.collect(() => this.inline(before, marks, depth + 1, false)));
            pending = [];
            this.listItems(part, marks, depth + 1, items);
          } else pending.push(part);
        }
        const rest = pending;
        add(this.collect(() => this.inline(rest, marks, depth + 1, false)));
      } else if (isElement(child) && (child.name === 'ul' || child.name === 'ol') && depth < MAX_DEPTH) {
        this.listItems(child, marks, depth + 1, items);
      } else {
        add(this.collect(() => this.inline([child], marks, depth, false)));
      }
    }
  }

  private figure(el: DomElement, marks: MarkState, depth: number): void {
    const captionEl = descendants(el, 'figcaption')[0];
    const caption = captionEl === undefined ? undefined : captionParts(captionEl);
    const images = descendants(el, 'img');
    if (images.length > 0) {
      images.forEach((img, i) => this.image(img, i === images.length - 1 ? caption?.caption : undefined, caption?.credit));
      return;
    }
    for (const frame of descendants(el, 'iframe')) if (this.embed(frame.attribs['src'], caption?.caption)) return;
    this.flow(el.children, marks, depth);
  }

  private image(img: DomElement, caption: string | undefined, credit: string | undefined): void {
    let src: string | null = null;
    for (const attr of IMAGE_SRC_ATTRS) {
      src ??= safeImageSrc(this.resolve(img.attribs[attr]));
    }
    if (src === null) return;
    const block: Extract<Block, { type: 'image' }> = { type: 'image', src, alt: clip(collapseWhitespace(img.attribs['alt'] ?? '').trim()) };
    const width = dimension(img.attribs['width']);
    const height = dimension(img.attribs['height']);
    if (caption) block.caption = caption;
    if (credit) block.credit = credit;
    if (width !== undefined) block.width = width;
    if (height !== undefined) block.height = height;
    this.push(block);
  }

  /** Push an embed if the URL is an allowlisted post; reports whether it did. */
  private embed(url: string | undefined, caption: string | undefined): boolean {
    const parsed = parseEmbedUrl(this.resolve(url));
    if (parsed === null) return false;
    const { provider, url: canonical } = parsed;
    this.push(caption ? { type: 'embed', provider, url: canonical, caption } : { type: 'embed', provider, url: canonical });
    return true;
  }
}

/**
 * Convert untrusted HTML to a valid story body. Relative URLs resolve against
 * `baseUrl` when given; without it only site paths ("/…") survive as links.
 */
export function htmlToBody(html: string, options: HtmlToBodyOptions = {}): BodyDocument {
  let base: URL | undefined;
  try {
    base = options.baseUrl === undefined ? undefined : new URL(options.baseUrl);
  } catch {
    base = undefined;
  }
  const input = typeof html === 'string' ? html.slice(0, MAX_HTML_INPUT) : '';
  const converter = new Converter(base);
  converter.flow(parseHtml(input), NO_MARKS, 0);
  converter.flush();
  const doc: BodyDocument = { type: 'doc', version: BODY_VERSION, content: converter.blocks };
  const checked = parseBody(doc);
  // Unreachable unless the converter has a bug; even then, keep the words rather than fail the import.
  return checked.ok ? checked.value : bodyFromParagraphs(bodyToPlainText(doc).split('\n\n'));
}
