/**
 * Escape-by-default XML for feeds and sitemaps, written by hand (no
 * package). Every interpolated value in `xml\`...\`` is escaped unless it is
 * itself `xml` output, and characters XML 1.0 forbids (control characters,
 * lone surrogates, U+FFFE/U+FFFF) are dropped: one stray byte in a headline
 * must not make a whole feed unreadable.
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Everything outside XML 1.0's Char production; with the u flag a lone surrogate is one code point and matches too.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe for element content and quoted attribute values. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

export class XmlMarkup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type XmlValue = XmlMarkup | string | number | null | undefined | false | readonly XmlValue[];

function render(value: XmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof XmlMarkup) return value.value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeXml(value);
  return value.map(render).join('');
}

/** Tagged template: `xml\`<title>${text}</title>\`` escapes `text`; arrays are joined; null/undefined/false write nothing. */
export function xml(strings: TemplateStringsArray, ...values: XmlValue[]): XmlMarkup {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new XmlMarkup(out);
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A complete document: the declaration, then the root element. */
export function xmlDocument(root: XmlMarkup): string {
  return XML_DECLARATION + root.value + '\n';
}
