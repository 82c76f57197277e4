/**
 * Bytes → text. A wire file is UTF-8 unless it says otherwise: a byte-order
 * mark (UTF-8, UTF-16LE/BE), an XML declaration's `encoding`, or the
 * transport's `charset`. Of the declared encodings we decode UTF-8, UTF-16 (with
 * a BOM), ISO-8859-1 and windows-1252 (read as windows-1252, as browsers do);
 * anything else, and bytes that are not valid in the chosen encoding, is
 * refused with WIRE_ENCODING rather than turned into mojibake.
 */
import { WireRefusal } from './refusal.js';

const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'cp1252', 'windows-1252', 'us-ascii', 'ascii', 'iso-8859-15', 'iso8859-15']);
const UTF8_LABELS = new Set(['utf-8', 'utf8']);
const UTF16_LABELS = new Set(['utf-16', 'utf-16le', 'utf-16be', 'utf16']);

/** `<?xml version="1.0" encoding="…"?>` within the first bytes; ASCII-compatible encodings only. */
const XML_DECL_ENCODING = /^\s{0,64}<\?xml[^>]{0,200}?\sencoding\s{0,8}=\s{0,8}["']([A-Za-z0-9._-]{1,40})["']/;
const CHARSET_PARAM = /charset\s{0,8}=\s{0,8}"?([A-Za-z0-9._-]{1,40})/i;

export interface DecodeHint {
  contentType?: string;
}

export interface DecodedText {
  text: string;
  /** The encoding the text was read as, lower case. */
  encoding: string;
}

/** windows-1252's printable characters at 0x80–0x9F (Node's TextDecoder reads the label as ISO-8859-1 there). */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

function decoder(label: string, bytes: Uint8Array): string | null {
  if (label === 'windows-1252') return windows1252(bytes);
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function declaredEncoding(bytes: Buffer, hint: DecodeHint | undefined): string | null {
  const head = bytes.subarray(0, 300).toString('latin1');
  const xml = XML_DECL_ENCODING.exec(head);
  if (xml?.[1] !== undefined) return xml[1].toLowerCase();
  const charset = hint?.contentType === undefined ? null : CHARSET_PARAM.exec(hint.contentType.slice(0, 200));
  return charset?.[1] === undefined ? null : charset[1].toLowerCase();
}

/** Decode a whole wire file. Throws WireRefusal('WIRE_ENCODING'). */
export function decodeWireBytes(bytes: Buffer, hint?: DecodeHint): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return strictly('utf-8', bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return strictly('utf-16le', bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return strictly('utf-16be', bytes.subarray(2));
  const declared = declaredEncoding(bytes, hint);
  if (declared === null || UTF8_LABELS.has(declared)) return strictly('utf-8', bytes);
  if (LATIN1_LABELS.has(declared)) {
    // Agencies often declare Latin-1 and send UTF-8; valid UTF-8 with non-ASCII bytes is almost never real Latin-1.
    const utf8 = decoder('utf-8', bytes);
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
    return strictly('windows-1252', bytes);
  }
  if (UTF16_LABELS.has(declared)) {
    throw new WireRefusal('WIRE_ENCODING', 'UTF-16 without a byte-order mark cannot be read; send UTF-8');
  }
  throw new WireRefusal('WIRE_ENCODING', `Unsupported character encoding "${declared}"; send UTF-8`);
}

function strictly(label: string, bytes: Uint8Array): DecodedText {
  const text = decoder(label, bytes);
  if (text === null) {
    throw new WireRefusal('WIRE_ENCODING', `The file is not valid ${label.toUpperCase()} (declare ISO-8859-1 or windows-1252 if that is what it is)`);
  }
  return { text, encoding: label };
}
