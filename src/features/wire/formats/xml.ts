/**
 * The one XML reader of the wire desk: saxes (a strict, non-validating,
 * streaming parser) building a tiny element tree. It never reads a DTD: any
 * DOCTYPE (and with it any ENTITY declaration — billion laughs, external
 * entities) is refused with WIRE_DOCTYPE; malformed XML with WIRE_MALFORMED.
 * Work is bounded: nesting depth and node count are capped, and the parser is
 * linear in the input.
 */
import { SaxesParser } from 'saxes';
import { WireRefusal } from './refusal.js';

export interface XmlElement {
  /** Qualified name as written ("content:encoded"). */
  name: string;
  /** Name without its prefix ("encoded"); parsers match on this, namespaces are not checked. */
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export const XML_LIMITS = { maxDepth: 256, maxNodes: 250_000 } as const;

/** HTML named characters that agency XHTML bodies use without declaring; expanded to plain text, never recursively. */
const HTML_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c',
  rdquo: '\u201d', hellip: '\u2026', bull: '\u2022', middot: '\u00b7', copy: '\u00a9', reg: '\u00ae',
  trade: '\u2122', euro: '\u20ac', pound: '\u00a3', laquo: '\u00ab', raquo: '\u00bb', deg: '\u00b0',
  eacute: '\u00e9', egrave: '\u00e8', agrave: '\u00e0', aacute: '\u00e1', ccedil: '\u00e7', uuml: '\u00fc',
  ouml: '\u00f6', auml: '\u00e4', szlig: '\u00df', ntilde: '\u00f1', iacute: '\u00ed', oacute: '\u00f3',
  uacute: '\u00fa', times: '\u00d7', shy: '\u00ad', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
};

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Parse a whole document. Throws WireRefusal (WIRE_DOCTYPE, WIRE_MALFORMED, WIRE_TOO_LARGE). */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: false });
  for (const [name, value] of Object.entries(HTML_ENTITIES)) parser.ENTITIES[name] = value;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let nodes = 0;
  const count = (): void => {
    nodes += 1;
    if (nodes > XML_LIMITS.maxNodes) throw new WireRefusal('WIRE_TOO_LARGE', `The XML has more than ${XML_LIMITS.maxNodes} nodes`);
  };
  const appendText = (value: string): void => {
    const parent = stack[stack.length - 1];
    if (parent === undefined) return; // whitespace outside the root
    const last = parent.children[parent.children.length - 1];
    if (typeof last === 'string') {
      parent.children[parent.children.length - 1] = last + value;
    } else {
      count();
      parent.children.push(value);
    }
  };
  parser.on('doctype', () => {
    throw new WireRefusal('WIRE_DOCTYPE', 'XML with a DOCTYPE or entity declarations is refused');
  });
  parser.on('opentag', (tag) => {
    count();
    if (stack.length >= XML_LIMITS.maxDepth) {
      throw new WireRefusal('WIRE_MALFORMED', `The XML is nested deeper than ${XML_LIMITS.maxDepth} levels`);
    }
    const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [key, value] of Object.entries(tag.attributes)) attrs[key] = value;
    const el: XmlElement = { name: tag.name, local: localName(tag.name), attrs, children: [] };
    const parent = stack[stack.length - 1];
    if (parent === undefined) root = el;
    else parent.children.push(el);
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on('text', appendText);
  parser.on('cdata', appendText);
  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof WireRefusal) throw err;
    const message = err instanceof Error ? err.message.slice(0, 200) : 'unreadable';
    throw new WireRefusal('WIRE_MALFORMED', `The XML is malformed: ${message}`);
  }
  if (root === null) throw new WireRefusal('WIRE_MALFORMED', 'The XML has no root element');
  return root;
}

// ---- small tree helpers -------------------------------------------------------

export function elements(el: XmlElement | undefined, local?: string): XmlElement[] {
  if (el === undefined) return [];
  const out: XmlElement[] = [];
  for (const child of el.children) {
    if (typeof child !== 'string' && (local === undefined || child.local === local)) out.push(child);
  }
  return out;
}

export function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
  if (el === undefined) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.local === local) return c;
  return undefined;
}

/** Follow a path of local names, first match at each step. */
export function path(el: XmlElement | undefined, ...locals: string[]): XmlElement | undefined {
  let at = el;
  for (const local of locals) at = child(at, local);
  return at;
}

/** All text below an element, iteratively (no recursion on hostile depth). */
export function textOf(el: XmlElement | undefined): string {
  if (el === undefined) return '';
  let out = '';
  const todo: XmlNode[] = [...el.children].reverse();
  while (todo.length > 0) {
    const node = todo.pop() as XmlNode;
    if (typeof node === 'string') out += node;
    else for (let i = node.children.length - 1; i >= 0; i -= 1) todo.push(node.children[i] as XmlNode);
  }
  return out;
}

/** Text with runs of whitespace collapsed and trimmed. */
export function cleanText(el: XmlElement | undefined): string {
  return collapse(textOf(el));
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function attr(el: XmlElement | undefined, name: string): string | undefined {
  if (el === undefined) return undefined;
  const direct = el.attrs[name];
  if (direct !== undefined) return direct;
  for (const [key, value] of Object.entries(el.attrs)) if (localName(key) === name) return value;
  return undefined;
}

/** First descendant with this local name, breadth-first. */
export function find(el: XmlElement | undefined, local: string): XmlElement | undefined {
  if (el === undefined) return undefined;
  const queue: XmlElement[] = [el];
  for (let i = 0; i < queue.length; i += 1) {
    const at = queue[i] as XmlElement;
    for (const c of at.children) {
      if (typeof c === 'string') continue;
      if (c.local === local) return c;
      queue.push(c);
    }
  }
  return undefined;
}

const VOID_ELEMENTS = new Set(['br', 'img', 'hr', 'wbr', 'source', 'col', 'area', 'input', 'meta', 'link']);

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** Every descendant with this local name, in document order (iterative), at most `max`. */
export function findAll(el: XmlElement | undefined, local: string, max = 100): XmlElement[] {
  const out: XmlElement[] = [];
  if (el === undefined) return out;
  const todo: XmlElement[] = [el];
  while (todo.length > 0 && out.length < max) {
    const at = todo.pop() as XmlElement;
    for (let i = at.children.length - 1; i >= 0; i -= 1) {
      const c = at.children[i];
      if (c === undefined || typeof c === 'string') continue;
      todo.push(c);
    }
    if (at !== el && at.local === local) out.push(at);
  }
  return out;
}

/** Re-serialise an element's children as HTML (prefixes dropped) for htmlToBody. Iterative; `skip` leaves elements out. */
export function innerHtml(el: XmlElement, skip?: (child: XmlElement) => boolean): string {
  const parts: string[] = [];
  type Step = XmlNode | { close: string };
  const todo: Step[] = [...el.children].reverse();
  while (todo.length > 0) {
    const step = todo.pop() as Step;
    if (typeof step === 'string') {
      parts.push(escapeText(step));
    } else if ('close' in step) {
      parts.push(`</${step.close}>`);
    } else {
      if (skip?.(step) === true) continue;
      let open = `<${step.local}`;
      for (const [key, value] of Object.entries(step.attrs)) {
        if (key.startsWith('xmlns') || !/^[A-Za-z_][\w.-]*$/.test(key)) continue;
        open += ` ${key}="${escapeAttr(value)}"`;
      }
      parts.push(`${open}>`);
      if (VOID_ELEMENTS.has(step.local.toLowerCase())) continue;
      todo.push({ close: step.local });
      for (let i = step.children.length - 1; i >= 0; i -= 1) todo.push(step.children[i] as XmlNode);
    }
  }
  return parts.join('');
}
