/**
 * The wire parsers' front door: detect a file's format and parse it into
 * ParsedWireItems. Pure: no I/O, no clock. Anything it will not read is a
 * WireRefusal with a stable code (docs/wire-formats.md); any other exception
 * would be a bug (the fuzz test hunts for them).
 */
import type { ParsedWireItem, WireFormat } from '../wire.item.js';
import { decodeWireBytes } from './encoding.js';
import { parseFeed } from './feed.js';
import { looksLike7901, parseIptc7901 } from './iptc7901.js';
import { NEWSML_ROOTS, parseNewsMl } from './newsml.js';
import { parseNinjs } from './ninjs.js';
import { WireRefusal } from './refusal.js';
import { parseXml } from './xml.js';

export { WireRefusal, isWireRefusal } from './refusal.js';
export type { WireRefusalCode } from './refusal.js';

export interface WireFileHint {
  filename?: string;
  contentType?: string;
  /** Refuse larger files with WIRE_TOO_LARGE; default 10 MB. */
  maxBytes?: number;
}

export const DEFAULT_MAX_WIRE_BYTES = 10 * 1024 * 1024;

/** The local name of the first element, skipping the XML declaration, processing instructions, comments and a DOCTYPE. */
function xmlRootName(text: string): string | null {
  let at = 0;
  const limit = Math.min(text.length, 256 * 1024);
  while (at < limit) {
    const lt = text.indexOf('<', at);
    if (lt < 0 || lt >= limit) return null;
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) return null;
      at = end + 2;
    } else if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) return null;
      at = end + 3;
    } else if (text.startsWith('<!', lt)) {
      at = lt + 2; // DOCTYPE: the parser refuses it; look past it for the root to name the format
    } else {
      const m = /^<([A-Za-z_][\w.:-]{0,100})/.exec(text.slice(lt, lt + 110));
      if (m?.[1] === undefined) return null;
      const name = m[1];
      const colon = name.indexOf(':');
      return colon < 0 ? name : name.slice(colon + 1);
    }
  }
  return null;
}

function formatOfText(text: string, hint: { filename?: string; contentType?: string } | undefined): WireFormat | null {
  const start = text.search(/[^\s\u00a0\ufeff]/);
  if (start < 0) return null;
  const first = text[start];
  if (first === '{' || first === '[') return 'ninjs';
  if (first === '<') {
    const root = xmlRootName(text.slice(start));
    if (root === null) return null;
    if (root === 'rss' || root === 'RDF') return 'rss';
    if (root === 'feed') return 'atom';
    if (NEWSML_ROOTS.has(root)) return 'newsml-g2';
    return null;
  }
  if (looksLike7901(text)) return 'iptc7901';
  const name = hint?.filename?.toLowerCase() ?? '';
  const type = hint?.contentType?.toLowerCase() ?? '';
  if (/\.(?:txt|anpa|7901|ipt|tx)$/.test(name) || type.startsWith('text/plain')) return 'iptc7901';
  return null;
}

/** Which format the bytes are in, or null when none of ours. Reads only the start of the file. */
export function detectWireFormat(bytes: Buffer, hint?: { filename?: string; contentType?: string }): WireFormat | null {
  const head = bytes.subarray(0, 256 * 1024);
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = new TextDecoder('utf-16le').decode(head.subarray(2));
  else if (head[0] === 0xfe && head[1] === 0xff) text = new TextDecoder('utf-16be').decode(head.subarray(2));
  else text = head.subarray(head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0).toString('latin1');
  return formatOfText(text, hint);
}

/**
 * Parse one wire file into items. A newsMessage, a package with its members
 * or a feed gives several; a lone package of references gives []. Throws
 * WireRefusal: WIRE_TOO_LARGE, WIRE_EMPTY, WIRE_ENCODING, WIRE_UNKNOWN_FORMAT,
 * WIRE_DOCTYPE, WIRE_MALFORMED, WIRE_INVALID_ITEM.
 */
export function parseWireFile(bytes: Buffer, hint?: WireFileHint): ParsedWireItem[] {
  const max = hint?.maxBytes ?? DEFAULT_MAX_WIRE_BYTES;
  if (bytes.length > max) {
    throw new WireRefusal('WIRE_TOO_LARGE', `The file is ${bytes.length} bytes; the limit is ${max}`);
  }
  const { text } = decodeWireBytes(bytes, hint);
  // eslint-disable-next-line no-control-regex -- a file of nothing but 7901 framing characters is empty too
  if (!/[^\s\u00a0\ufeff\u0000-\u0004]/.test(text)) throw new WireRefusal('WIRE_EMPTY', 'The file is empty');
  const format = formatOfText(text, hint);
  switch (format) {
    case 'ninjs':
      return parseNinjs(text);
    case 'iptc7901':
      return parseIptc7901(text);
    case 'newsml-g2':
    case 'rss':
    case 'atom': {
      const root = parseXml(text);
      return format === 'newsml-g2' ? parseNewsMl(root, text) : parseFeed(root, text);
    }
    default:
      // Unknown XML still has to be well-formed and DOCTYPE-free to be called merely unknown.
      if (text.trimStart().startsWith('<')) parseXml(text);
      throw new WireRefusal('WIRE_UNKNOWN_FORMAT', 'Not a wire format we read (ninjs, NewsML-G2, IPTC 7901, RSS or Atom)');
  }
}
