/**
 * DOM node views for the body's own nodes: a figure and an embed show a
 * preview with plain labelled inputs for alt text, caption, credit; a quote
 * edits its text in place and its source in an input. Inputs write straight
 * into the node's attributes, so undo and the save pipeline see them like any
 * other edit. Events inside the inputs are kept away from ProseMirror.
 */
import type { NodeViewRenderer } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorView, NodeView } from '@tiptap/pm/view';
import { PROVIDER_LABELS } from './body-urls.js';

export type MediaUrlResolver = (mediaId: number) => Promise<string | null>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

type GetPos = () => number | undefined;

/** Write one attribute of the node at getPos() (read fresh from the document, never from a stale copy). */
function setAttr(view: EditorView, getPos: GetPos, key: string, value: string): void {
  const pos = getPos();
  // A story open read-only keeps its figures' fields read-only too.
  if (pos === undefined || !view.editable) return;
  const current = view.state.doc.nodeAt(pos);
  if (current === null || current.attrs[key] === value) return;
  view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...current.attrs, [key]: value }));
}

interface Field {
  key: string;
  label: string;
  input: HTMLInputElement;
}

/** Labelled text inputs bound to node attributes. */
function attrFields(view: EditorView, getPos: GetPos, specs: readonly (readonly [string, string])[]): { box: HTMLElement; fields: Field[] } {
  const box = el('div', 'ed-node-fields');
  box.contentEditable = 'false';
  const fields = specs.map(([key, label]) => {
    const wrap = el('label', 'ed-node-field');
    const input = el('input', 'ed-node-input');
    input.type = 'text';
    input.addEventListener('focus', () => {
      input.readOnly = !view.editable;
    });
    input.addEventListener('input', () => setAttr(view, getPos, key, input.value));
    wrap.append(el('span', 'ed-node-label', label), input);
    box.append(wrap);
    return { key, label, input };
  });
  return { box, fields };
}

function syncFields(fields: readonly Field[], node: PMNode): void {
  for (const f of fields) {
    const value = typeof node.attrs[f.key] === 'string' ? (node.attrs[f.key] as string) : '';
    // Never rewrite the input being typed in: it would move the caret.
    if (f.input.value !== value && document.activeElement !== f.input) f.input.value = value;
  }
}

function isInside(box: HTMLElement, event: Event): boolean {
  return event.target instanceof globalThis.Node && box.contains(event.target);
}

export function figureView(resolveMediaUrl: MediaUrlResolver): NodeViewRenderer {
  return ({ node: initial, view, getPos }): NodeView => {
    let node = initial;
    const dom = el('figure', 'ed-figure');
    dom.dataset.figureImage = '';
    const img = el('img', 'ed-figure-img');
    const missing = el('p', 'ed-figure-missing');
    const { box, fields } = attrFields(view, getPos, [
      ['alt', 'Alt text'],
      ['caption', 'Caption'],
      ['credit', 'Credit'],
    ]);
    dom.append(img, missing, box);
    let shown = '';
    const render = (): void => {
      syncFields(fields, node);
      img.alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : '';
      const mediaId = node.attrs.mediaId as unknown;
      const src = node.attrs.src as unknown;
      const key = `${String(mediaId)}|${String(src)}`;
      if (key === shown) return;
      shown = key;
      missing.textContent = '';
      if (typeof mediaId === 'number') {
        img.removeAttribute('src');
        void resolveMediaUrl(mediaId).then((url) => {
          if (shown !== key) return;
          if (url === null) missing.textContent = `Image ${mediaId} is not in the media library.`;
          else img.src = url;
        });
      } else if (typeof src === 'string') img.src = src;
    };
    render();
    return {
      dom,
      update(next) {
        if (next.type !== node.type) return false;
        node = next;
        render();
        return true;
      },
      stopEvent: (event) => isInside(box, event),
      ignoreMutation: () => true,
    };
  };
}

export const embedView: NodeViewRenderer = ({ node: initial, view, getPos }): NodeView => {
  let node = initial;
  const dom = el('figure', 'ed-embed');
  dom.dataset.embed = '';
  const head = el('p', 'ed-embed-head');
  const { box, fields } = attrFields(view, getPos, [['caption', 'Caption']]);
  dom.append(head, box);
  const render = (): void => {
    syncFields(fields, node);
    const labels: Readonly<Record<string, string | undefined>> = PROVIDER_LABELS;
    const url = String(node.attrs.url ?? '');
    const link = el('a', 'ed-embed-link', url);
    link.href = url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    head.replaceChildren(el('strong', 'ed-embed-provider', `${labels[String(node.attrs.provider)] ?? 'Embed'}: `), link);
  };
  render();
  return {
    dom,
    update(next) {
      if (next.type !== node.type) return false;
      node = next;
      render();
      return true;
    },
    stopEvent: (event) => isInside(box, event) || (event.target instanceof HTMLAnchorElement && event.type === 'click'),
    ignoreMutation: () => true,
  };
};

export const quoteView: NodeViewRenderer = ({ node: initial, view, getPos }): NodeView => {
  let node = initial;
  const dom = el('blockquote', 'ed-quote');
  const contentDOM = el('p', 'ed-quote-text');
  const { box, fields } = attrFields(view, getPos, [['cite', 'Quote source']]);
  dom.append(contentDOM, box);
  syncFields(fields, node);
  return {
    dom,
    contentDOM,
    update(next) {
      if (next.type !== node.type) return false;
      node = next;
      syncFields(fields, node);
      return true;
    },
    stopEvent: (event) => isInside(box, event),
    // Only the text is ProseMirror's; changes inside the source field are ours.
    ignoreMutation: (mutation) => mutation.type !== 'selection' && box.contains(mutation.target),
  };
};
