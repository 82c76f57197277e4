/**
 * The editor's schema: StarterKit trimmed to what a story body can hold, plus
 * our own nodes for a quote with a source, a list item holding one paragraph,
 * a figure (image with caption and credit), an embed and an ad break. Each
 * node here has exactly one block type in body-types.ts (see body-mapping.ts).
 * Node views (DOM) are only built when an editor view exists, so the schema
 * also loads in node for the mapping tests.
 */
import { Node, mergeAttributes, type AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { NODE } from './body-mapping.js';
import { safeLinkHref } from './body-urls.js';
import { embedView, figureView, quoteView, type MediaUrlResolver } from './nodeviews.js';

/** An attribute kept in a data-* attribute (mediaId → data-media-id), so copy and paste inside the editor keeps it. */
function dataAttr(key: string, fallback: string | number | null, numeric = false) {
  const name = `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return {
    default: fallback,
    parseHTML: (el: HTMLElement): string | number | null => {
      const raw = el.getAttribute(name);
      if (raw === null) return fallback;
      return numeric ? (/^\d+$/.test(raw) ? Number(raw) : fallback) : raw;
    },
    renderHTML: (attrs: Record<string, unknown>): Record<string, string> => {
      const value = attrs[key];
      return typeof value === 'string' || typeof value === 'number' ? (value === '' ? {} : { [name]: String(value) }) : {};
    },
  };
}

const Quote = Node.create({
  name: NODE.quote,
  group: 'block',
  content: 'inline*',
  defining: true,
  addAttributes() {
    return {
      cite: {
        default: '',
        parseHTML: (el: HTMLElement) => el.querySelector('cite')?.textContent ?? '',
        renderHTML: () => ({}),
      },
    };
  },
  parseHTML() {
    // A pasted quote of several paragraphs keeps its first; the body's quote is one run of text.
    return [{ tag: 'blockquote', contentElement: (el: globalThis.Node) => (el as HTMLElement).querySelector('p') ?? (el as HTMLElement) }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const cite = String(node.attrs.cite ?? '');
    return cite === '' ? ['blockquote', HTMLAttributes, ['p', 0]] : ['blockquote', HTMLAttributes, ['p', 0], ['cite', {}, cite]];
  },
  addNodeView() {
    return quoteView;
  },
});

/** One paragraph per item: the body's list items are single runs of text, so nesting is not offered. */
const ListItem = Node.create({
  name: 'listItem',
  content: 'paragraph',
  defining: true,
  parseHTML() {
    return [{ tag: 'li' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['li', mergeAttributes(HTMLAttributes), 0];
  },
  addKeyboardShortcuts() {
    return {
      Enter: () => this.editor.commands.splitListItem(this.name),
      'Shift-Tab': () => this.editor.commands.liftListItem(this.name),
    };
  },
});

interface FigureOptions {
  resolveMediaUrl: MediaUrlResolver;
}

const FigureImage = Node.create<FigureOptions>({
  name: NODE.image,
  group: 'block',
  atom: true,
  // Not draggable: dragging would win over selecting text in its caption fields. Cut and paste moves it.
  draggable: false,
  selectable: true,
  addOptions() {
    return { resolveMediaUrl: () => Promise.resolve(null) };
  },
  addAttributes() {
    return {
      mediaId: dataAttr('mediaId', null, true),
      src: dataAttr('src', null),
      alt: dataAttr('alt', ''),
      caption: dataAttr('caption', ''),
      credit: dataAttr('credit', ''),
      width: dataAttr('width', null, true),
      height: dataAttr('height', null, true),
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-figure-image]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes({ 'data-figure-image': '' }, HTMLAttributes)];
  },
  addNodeView() {
    return figureView(this.options.resolveMediaUrl);
  },
});

const Embed = Node.create({
  name: NODE.embed,
  group: 'block',
  atom: true,
  draggable: false,
  selectable: true,
  addAttributes() {
    return { provider: dataAttr('provider', 'youtube'), url: dataAttr('url', ''), caption: dataAttr('caption', '') };
  },
  parseHTML() {
    return [{ tag: 'figure[data-embed]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes({ 'data-embed': '' }, HTMLAttributes)];
  },
  addNodeView() {
    return embedView;
  },
});

const AdBreak = Node.create({
  name: NODE.adBreak,
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  parseHTML() {
    return [{ tag: 'div[data-ad-break]' }];
  },
  renderHTML() {
    return ['div', { 'data-ad-break': '', class: 'ed-adbreak', role: 'separator', 'aria-label': 'Ad break' }, 'Ad break'];
  },
});

export interface BodyExtensionOptions {
  /** A media-library id → an image URL for the figure's preview (null when unknown). */
  resolveMediaUrl?: MediaUrlResolver;
}

export function bodyExtensions(options: BodyExtensionOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      // What the body document cannot hold is not offered.
      blockquote: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      listItem: false,
      // An automatic empty last paragraph would look like an edit on every load.
      trailingNode: false,
      heading: { levels: [2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: ['http', 'https', 'mailto'],
        isAllowedUri: (url) => safeLinkHref(url) !== null,
        HTMLAttributes: { target: null, rel: 'noopener noreferrer nofollow', class: null },
      },
    }),
    Quote,
    ListItem,
    FigureImage.configure({ resolveMediaUrl: options.resolveMediaUrl ?? (() => Promise.resolve(null)) }),
    Embed,
    AdBreak,
  ];
}
