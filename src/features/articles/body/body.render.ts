/**
 * Story body → HTML. The one place in Dateline that emits markup from content
 * (STYLE.md §6), so it is written to be safe even when handed a document that
 * skipped parseBody: every string is escaped, every URL goes through the
 * allowlists in body.urls.ts, numbers are checked before they become
 * attributes, and unknown node types render nothing. It runs on every
 * uncached story page, so it is plain string concatenation — no DOM, no
 * template objects per node.
 */
import { escapeHtml, raw, SafeHtml } from '../../../lib/html.js';
import { BODY_LIMITS } from './body.limits.js';
import type { Block, BodyDocument, Mark } from './body.types.js';
import { embedProviderLabel, parseEmbedUrl, safeImageSrc, safeLinkHref } from './body.urls.js';

export type ImageBlock = Extract<Block, { type: 'image' }>;
type EmbedBlock = Extract<Block, { type: 'embed' }>;

/** What a media-library asset resolves to on the reader site. */
export interface ResolvedMedia {
  src: string;
  width: number;
  height: number;
  srcset?: string;
}

/** The image as it will be emitted: src already checked; width/height absent when unknown. */
export interface ResolvedImage {
  src: string;
  width?: number;
  height?: number;
  srcset?: string;
}

export interface RenderOptions {
  /** Look up a media-library asset; undefined drops the image (it may have been deleted). */
  resolveMedia?: (id: number) => ResolvedMedia | undefined;
  /** Replace the default <figure> for images (the reader site emits <picture> here). */
  renderImage?: (block: ImageBlock, resolved: ResolvedImage) => SafeHtml;
  /** Markup for the n-th ad break (0-based, counting ad breaks only). Default: nothing. */
  renderAdBreak?: (index: number) => SafeHtml;
  /** E.g. "LONDON": bold at the start of the first paragraph, then an em dash. */
  dateline?: string;
}

/** External links and embeds must not get window.opener, a Referer, or our PageRank. */
const EXTERNAL_REL = 'noopener noreferrer nofollow';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Link targets already checked in this render: neighbouring text nodes usually share one. */
type HrefCache = Map<unknown, string | null>;

function checkedHref(href: unknown, cache: HrefCache): string | null {
  let safe = cache.get(href);
  if (safe === undefined) {
    safe = safeLinkHref(href);
    cache.set(href, safe);
  }
  return safe;
}

const NO_MARKS: readonly Mark[] = [];

/**
 * The marks a text node will actually get, in nesting order (link, bold,
 * italic): unknown marks and unsafe links dropped, hrefs normalised. Built
 * directly rather than sorted: this runs once per text node.
 */
function renderableMarks(marks: unknown, hrefs: HrefCache): readonly Mark[] {
  if (!Array.isArray(marks) || marks.length === 0) return NO_MARKS;
  let href: string | null = null;
  let bold = false;
  let italic = false;
  for (const mark of marks as unknown[]) {
    if (!isObject(mark)) continue;
    if (mark['type'] === 'bold') bold = true;
    else if (mark['type'] === 'italic') italic = true;
    else if (mark['type'] === 'link' && href === null) href = checkedHref(mark['href'], hrefs);
  }
  const out: Mark[] = [];
  if (href !== null) out.push({ type: 'link', href });
  if (bold) out.push({ type: 'bold' });
  if (italic) out.push({ type: 'italic' });
  return out;
}

function sameMark(a: Mark | undefined, b: Mark | undefined): boolean {
  if (a === undefined || b === undefined || a.type !== b.type) return false;
  return a.type !== 'link' || (b.type === 'link' && a.href === b.href);
}

function startTag(mark: Mark): string {
  if (mark.type === 'bold') return '<strong>';
  if (mark.type === 'italic') return '<em>';
  // Site paths, fragments, mailto: and tel: stay on (or with) our site: no rel needed.
  const rel = /^https?:/i.test(mark.href) ? ` rel="${EXTERNAL_REL}"` : '';
  return `<a href="${escapeHtml(mark.href)}"${rel}>`;
}

function endTag(mark: Mark | undefined): string {
  if (mark === undefined) return '';
  return mark.type === 'bold' ? '</strong>' : mark.type === 'italic' ? '</em>' : '</a>';
}

/**
 * Inline content with marks nested link → strong → em. Marks shared by
 * neighbouring text nodes stay open across them, so a link over "a **b**" is
 * one <a>, not two.
 */
function renderInlines(inlines: unknown, hrefs: HrefCache): string {
  if (!Array.isArray(inlines)) return '';
  let out = '';
  let open: readonly Mark[] = [];
  for (const node of inlines as unknown[]) {
    if (!isObject(node)) continue;
    if (node['type'] === 'break') {
      out += '<br>';
      continue;
    }
    const text = node['text'];
    if (node['type'] !== 'text' || typeof text !== 'string') continue;
    const wanted = renderableMarks(node['marks'], hrefs);
    let keep = 0;
    while (keep < open.length && sameMark(open[keep], wanted[keep])) keep++;
    for (let i = open.length - 1; i >= keep; i--) out += endTag(open[i]);
    for (let i = keep; i < wanted.length; i++) {
      const mark = wanted[i];
      if (mark !== undefined) out += startTag(mark);
    }
    open = wanted;
    out += escapeHtml(text);
  }
  for (let i = open.length - 1; i >= 0; i--) out += endTag(open[i]);
  return out;
}

function dimension(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= BODY_LIMITS.maxImageDimension
    ? value
    : undefined;
}

/** A srcset is kept only if every candidate URL passes the image allowlist. */
function safeSrcset(srcset: unknown): string | undefined {
  if (typeof srcset !== 'string' || srcset.trim() === '') return undefined;
  for (const candidate of srcset.split(',')) {
    const url = candidate.trim().split(/\s+/)[0];
    if (url === undefined || safeImageSrc(url) === null) return undefined;
  }
  return srcset;
}

function resolveImage(block: ImageBlock, options: RenderOptions): ResolvedImage | null {
  let src: unknown;
  let width: unknown;
  let height: unknown;
  let srcset: unknown;
  if (typeof block.mediaId === 'number') {
    const media = options.resolveMedia?.(block.mediaId);
    if (media === undefined) return null;
    ({ src, width, height, srcset } = media);
  } else {
    ({ src, width, height } = block);
  }
  const safeSrc = safeImageSrc(src);
  if (safeSrc === null) return null;
  const resolved: ResolvedImage = { src: safeSrc };
  const w = dimension(width);
  const h = dimension(height);
  const set = safeSrcset(srcset);
  if (w !== undefined) resolved.width = w;
  if (h !== undefined) resolved.height = h;
  if (set !== undefined) resolved.srcset = set;
  return resolved;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function renderImage(block: ImageBlock, options: RenderOptions): string {
  const image = resolveImage(block, options);
  if (image === null) return '';
  if (options.renderImage !== undefined) {
    const custom = options.renderImage(block, image);
    return custom instanceof SafeHtml ? custom.value : escapeHtml(String(custom));
  }
  const alt = typeof block.alt === 'string' ? block.alt : '';
  let out = `<figure class="body-image"><img src="${escapeHtml(image.src)}" alt="${escapeHtml(alt)}"`;
  if (image.srcset !== undefined) out += ` srcset="${escapeHtml(image.srcset)}"`;
  if (image.width !== undefined) out += ` width="${image.width}"`;
  if (image.height !== undefined) out += ` height="${image.height}"`;
  out += ' loading="lazy" decoding="async">';
  const caption = optionalString(block.caption);
  const credit = optionalString(block.credit);
  if (caption !== undefined || credit !== undefined) {
    out += '<figcaption>';
    if (caption !== undefined) out += escapeHtml(caption);
    if (caption !== undefined && credit !== undefined) out += ' ';
    if (credit !== undefined) out += `<span class="credit">${escapeHtml(credit)}</span>`;
    out += '</figcaption>';
  }
  return `${out}</figure>`;
}

/**
 * Click-to-load: a plain link to the post, which the reader-site script swaps
 * for the provider's iframe on click. No third-party code runs (or tracks)
 * until the reader asks, and without JavaScript the link still works.
 */
function renderEmbed(block: EmbedBlock): string {
  const embed = parseEmbedUrl(block.url);
  if (embed === null || embed.provider !== block.provider) return '';
  const caption = optionalString(block.caption);
  return (
    `<figure class="embed embed--${embed.provider}" data-embed-provider="${embed.provider}"` +
    ` data-embed-id="${escapeHtml(embed.id)}"><a class="embed__link" href="${escapeHtml(embed.url)}"` +
    ` rel="${EXTERNAL_REL}" target="_blank">View on ${escapeHtml(embedProviderLabel(embed.provider))}</a>` +
    (caption === undefined ? '' : `<figcaption>${escapeHtml(caption)}</figcaption>`) +
    '</figure>'
  );
}

interface RenderState {
  options: RenderOptions;
  adBreaks: number;
  /** Escaped dateline markup, waiting for the first paragraph. */
  dateline: string;
  hrefs: HrefCache;
}

function renderBlock(block: Block, state: RenderState): string {
  switch (block.type) {
    case 'paragraph': {
      const lead = state.dateline;
      state.dateline = '';
      return `<p>${lead}${renderInlines(block.content, state.hrefs)}</p>`;
    }
    case 'heading': {
      // Compared, never interpolated or looked up: an unvalidated level cannot choose the tag name.
      const level: unknown = block.level;
      const tag = level === 3 ? 'h3' : level === 4 ? 'h4' : 'h2';
      return `<${tag}>${renderInlines(block.content, state.hrefs)}</${tag}>`;
    }
    case 'quote': {
      const cite = optionalString(block.cite);
      const citation = cite === undefined ? '' : `<cite>${escapeHtml(cite)}</cite>`;
      return `<blockquote><p>${renderInlines(block.content, state.hrefs)}</p>${citation}</blockquote>`;
    }
    case 'list': {
      const tag = block.ordered === true ? 'ol' : 'ul';
      if (!Array.isArray(block.items)) return '';
      let out = `<${tag}>`;
      for (const item of block.items) out += `<li>${renderInlines(item, state.hrefs)}</li>`;
      return `${out}</${tag}>`;
    }
    case 'image':
      return renderImage(block, state.options);
    case 'embed':
      return renderEmbed(block);
    case 'ad-break': {
      const index = state.adBreaks++;
      const ad = state.options.renderAdBreak?.(index);
      return ad instanceof SafeHtml ? ad.value : '';
    }
    case 'divider':
      return '<hr>';
    default:
      return '';
  }
}

/** Render a story body. Blocks are separated by newlines so page source stays readable. */
export function renderBody(doc: BodyDocument, options: RenderOptions = {}): SafeHtml {
  const content: unknown = isObject(doc) ? doc.content : undefined;
  if (!Array.isArray(content)) return raw('');
  const dateline = optionalString(options.dateline);
  const state: RenderState = {
    options,
    adBreaks: 0,
    hrefs: new Map(),
    dateline: dateline === undefined ? '' : `<strong class="dateline">${escapeHtml(dateline.trim())}</strong> \u2014 `,
  };
  const parts: string[] = [];
  for (const block of content as unknown[]) {
    if (!isObject(block)) continue;
    const html = renderBlock(block as Block, state);
    if (html !== '') parts.push(html);
  }
  return raw(parts.join('\n'));
}
