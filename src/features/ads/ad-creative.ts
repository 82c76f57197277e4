/**
 * Creative rules: HTML creatives are sanitised (a short allowlist of tags
 * and attributes, http(s) only, no scripts, handlers, forms or styles that
 * load things) and every link in them is pointed at the creative's counted
 * click-through; they are served only as the srcdoc of a sandboxed iframe.
 */
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from '../../lib/html.js';

/** Stands in for the signed click URL in stored HTML; replaced at serve time. Not a URL anybody can reach. */
export const CLICK_PLACEHOLDER = 'https://click.dateline.invalid/';

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['a', 'img', 'div', 'span', 'p', 'b', 'i', 'strong', 'em', 'br'],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    div: ['class'],
    span: ['class'],
    p: ['class'],
  },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { img: ['https', 'http'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Scripts, styles, forms, iframes, objects: dropped with their content.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'form', 'iframe', 'object', 'template'],
  transformTags: {
    // Every link goes through our redirect to the creative's click-through URL, opening a new tab.
    a: (_tag, attribs) => ({
      tagName: 'a',
      attribs: { href: CLICK_PLACEHOLDER, target: '_blank', rel: 'sponsored noopener', ...(attribs['title'] ? { title: attribs['title'] } : {}) },
    }),
  },
};

/** The stored form of an HTML creative. */
export function sanitizeCreativeHtml(input: string): string {
  return sanitizeHtml(input, SANITIZE).trim();
}

/**
 * The srcdoc document of an HTML creative: its sanitised markup with links
 * pointing at `clickUrl` (our signed redirect), in a page of the slot's size.
 */
export function creativeSrcdoc(storedHtml: string, clickUrl: string, width: number, height: number): string {
  const body = storedHtml.split(CLICK_PLACEHOLDER).join(escapeHtml(clickUrl));
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<style>html,body{margin:0;padding:0;width:${width}px;height:${height}px;overflow:hidden;font:14px/1.3 system-ui,sans-serif}img{max-width:100%;height:auto;border:0}a{color:inherit}</style>` +
    `</head><body>${body}</body></html>`
  );
}
