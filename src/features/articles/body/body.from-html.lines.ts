/**
 * The inline buffer of the HTML converter: collects text, marks and breaks the
 * way a browser lays them out (whitespace collapsed, invisible edge spaces
 * removed, "<br><br>" read as a paragraph break), then hands back tidy runs of
 * inline content.
 */
import { splitLongText } from './body.normalise.js';
import type { Block, Inline, Mark } from './body.types.js';
import { parseEmbedUrl } from './body.urls.js';

/** Formatting in effect while walking the HTML tree. */
export interface MarkState {
  readonly link?: string;
  readonly bold: boolean;
  readonly italic: boolean;
}

export const NO_MARKS: MarkState = { bold: false, italic: false };

function marksOf(state: MarkState): Mark[] | undefined {
  const marks: Mark[] = [];
  if (state.link !== undefined) marks.push({ type: 'link', href: state.link });
  if (state.bold) marks.push({ type: 'bold' });
  if (state.italic) marks.push({ type: 'italic' });
  return marks.length === 0 ? undefined : marks;
}

/** HTML's whitespace (not NBSP, which browsers keep). */
const HTML_SPACE_RUN = /[ \t\n\r\f]+/g;

export function collapseWhitespace(text: string): string {
  return text.replace(HTML_SPACE_RUN, ' ');
}

/** Inline nodes one conversion may create in total; shared by all lines of one conversion. */
export interface InlineBudget {
  remaining: number;
}

export class Line {
  private nodes: Inline[] = [];
  /** True at the start of a line or after a space: a further space would be invisible. */
  private afterSpace = true;

  constructor(private readonly budget: InlineBudget) {}

  private spend(): boolean {
    if (this.budget.remaining <= 0) return false;
    this.budget.remaining--;
    return true;
  }

  private push(text: string, marks: MarkState): void {
    const list = marksOf(marks);
    for (const piece of splitLongText(text)) {
      if (!this.spend()) return;
      this.nodes.push(list === undefined ? { type: 'text', text: piece } : { type: 'text', text: piece, marks: list });
    }
  }

  /** Flowing text: whitespace runs become one space, as a browser shows them. */
  addText(text: string, marks: MarkState): void {
    let collapsed = collapseWhitespace(text);
    if (this.afterSpace && collapsed.startsWith(' ')) collapsed = collapsed.slice(1);
    if (collapsed === '') return;
    this.push(collapsed, marks);
    this.afterSpace = collapsed.endsWith(' ');
  }

  /** Preformatted text: spaces kept, each newline a line break. */
  addPreText(text: string, marks: MarkState): void {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    for (let i = 0; i < lines.length && this.budget.remaining > 0; i++) {
      const part = lines[i];
      if (i > 0) this.addBreak();
      if (part) this.push(part, marks);
    }
    this.afterSpace = false;
  }

  addBreak(): void {
    if (this.spend()) this.nodes.push({ type: 'break' });
    this.afterSpace = true;
  }

  /** A block boundary inside inline-only content (a <p> inside <li>): a line break, never two in a row. */
  addSeparator(): void {
    const last = this.nodes[this.nodes.length - 1];
    if (last !== undefined && last.type !== 'break') this.addBreak();
  }

  take(): Inline[] {
    const nodes = this.nodes;
    this.nodes = [];
    this.afterSpace = true;
    return nodes;
  }
}

/** Remove spaces a browser would not show: at the start and end of every line. */
function trimLineEdges(nodes: readonly Inline[]): Inline[] {
  const out = nodes.map((n): Inline => ({ ...n }));
  let atStart = true;
  for (const node of out) {
    if (node.type === 'break') atStart = true;
    else if (atStart) {
      node.text = node.text.replace(/^ +/, '');
      if (node.text !== '') atStart = false;
    }
  }
  let atEnd = true;
  for (let i = out.length - 1; i >= 0; i--) {
    const node = out[i];
    if (node === undefined) continue;
    if (node.type === 'break') atEnd = true;
    else if (atEnd) {
      node.text = node.text.replace(/ +$/, '');
      if (node.text !== '') atEnd = false;
    }
  }
  return out;
}

export interface TidyOptions {
  /** Two or more consecutive breaks start a new paragraph (wire copy separates paragraphs with "<br><br>"). */
  splitParagraphs: boolean;
  /** Keep all spaces (inside <pre>). */
  preformatted: boolean;
}

/** Tidy a collected run into zero or more paragraphs' worth of inlines, without leading or trailing breaks. */
export function tidyLine(nodes: readonly Inline[], options: TidyOptions): Inline[][] {
  const source = options.preformatted ? nodes : trimLineEdges(nodes);
  const groups: Inline[][] = [];
  let current: Inline[] = [];
  let breaks = 0;
  for (const node of source) {
    if (node.type === 'break') {
      breaks++;
      continue;
    }
    if (node.text === '') continue;
    if (current.length > 0) {
      if (options.splitParagraphs && breaks >= 2) {
        groups.push(current);
        current = [];
      } else {
        for (let i = 0; i < breaks; i++) current.push({ type: 'break' });
      }
    }
    breaks = 0;
    current.push(node);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export function hasVisibleText(nodes: readonly Inline[]): boolean {
  return nodes.some((n) => n.type === 'text' && n.text.trim() !== '');
}

/** A paragraph that is nothing but a link to an allowlisted post is that post's embed (wire copy does this). */
export function standaloneEmbed(content: readonly Inline[]): Block | null {
  let href: string | undefined;
  let text = '';
  for (const node of content) {
    if (node.type !== 'text') return null;
    const link = node.marks?.find((m) => m.type === 'link');
    if (link?.type !== 'link' || (href !== undefined && link.href !== href)) return null;
    href = link.href;
    text += node.text;
  }
  const parsed = parseEmbedUrl(href);
  if (parsed === null) return null;
  const caption = text.trim();
  const looksLikeUrl = /^(https?:\/\/|www\.)/i.test(caption);
  return caption === '' || looksLikeUrl
    ? { type: 'embed', provider: parsed.provider, url: parsed.url }
    : { type: 'embed', provider: parsed.provider, url: parsed.url, caption };
}
