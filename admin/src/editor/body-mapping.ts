/**
 * Our story body document ⇄ the editor's (Tiptap/ProseMirror) JSON.
 *
 * `bodyToTiptap` is exact: every block and inline has a node or mark in the
 * editor schema (schema.ts). `tiptapToBody` accepts any editor JSON — pasted
 * or foreign structures included — and returns a body the server accepts:
 * what the body can hold is kept, containers are flattened into their text,
 * and the rest (code, strike, unknown nodes) is dropped. Both are pure.
 */
import type { Block, BodyDocument, Inline, Mark } from './body-types.js';
import { NODE, type TiptapMark, type TiptapNode } from './editor-json.js';

export { NODE, type TiptapMark, type TiptapNode } from './editor-json.js';
export { tiptapToBody } from './body-from-editor.js';

function markToTiptap(mark: Mark): TiptapMark {
  return mark.type === 'link' ? { type: 'link', attrs: { href: mark.href } } : { type: mark.type };
}

function inlinesToTiptap(inlines: readonly Inline[]): TiptapNode[] {
  const out: TiptapNode[] = [];
  for (const inline of inlines) {
    if (inline.type === 'break') out.push({ type: 'hardBreak' });
    // ProseMirror refuses empty text nodes; they carry nothing anyway.
    else if (inline.text !== '') {
      const node: TiptapNode = { type: 'text', text: inline.text };
      if (inline.marks !== undefined && inline.marks.length > 0) node.marks = inline.marks.map(markToTiptap);
      out.push(node);
    }
  }
  return out;
}

function textblock(type: string, inlines: readonly Inline[], attrs?: Record<string, unknown>): TiptapNode {
  const node: TiptapNode = { type };
  if (attrs !== undefined) node.attrs = attrs;
  const content = inlinesToTiptap(inlines);
  if (content.length > 0) node.content = content;
  return node;
}

function blockToTiptap(block: Block): TiptapNode {
  switch (block.type) {
    case 'paragraph':
      return textblock('paragraph', block.content);
    case 'heading':
      return textblock('heading', block.content, { level: block.level });
    case 'quote':
      return textblock(NODE.quote, block.content, { cite: block.cite ?? '' });
    case 'list':
      return {
        type: block.ordered ? 'orderedList' : 'bulletList',
        content: block.items.map((item) => ({ type: 'listItem', content: [textblock('paragraph', item)] })),
      };
    case 'image':
      return {
        type: NODE.image,
        attrs: {
          mediaId: block.mediaId ?? null,
          src: block.src ?? null,
          alt: block.alt,
          caption: block.caption ?? '',
          credit: block.credit ?? '',
          width: block.width ?? null,
          height: block.height ?? null,
        },
      };
    case 'embed':
      return { type: NODE.embed, attrs: { provider: block.provider, url: block.url, caption: block.caption ?? '' } };
    case 'ad-break':
      return { type: NODE.adBreak };
    case 'divider':
      return { type: 'horizontalRule' };
  }
}

export function bodyToTiptap(doc: BodyDocument): TiptapNode {
  // The editor's document needs at least one block; an empty body is one empty paragraph.
  const content = doc.content.length === 0 ? [{ type: 'paragraph' }] : doc.content.map(blockToTiptap);
  return { type: 'doc', content };
}
