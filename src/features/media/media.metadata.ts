/**
 * Reads the caption, credit and alt text a photographer or agency embedded in
 * an image (XMP and IPTC IIM), so the desk does not retype them. Pure
 * functions over the raw buffers sharp's metadata() returns; nothing here
 * resolves entities or fetches anything.
 */

export interface EmbeddedText {
  caption?: string;
  credit?: string;
  altText?: string;
}

/** IIM datasets of record 2 (application record) that we read. */
const IIM = { byline: 80, credit: 110, caption: 120 } as const;

/**
 * Parses IPTC IIM: a run of `0x1C record dataset length(2 bytes) data`.
 * JPEG carries it inside a Photoshop APP13 block ("Photoshop 3.0", 8BIM
 * resource 0x0404); a bare IIM stream is read as it is.
 */
export function readIptc(buffer: Uint8Array): Map<number, string[]> {
  const iim = photoshopIptcBlock(buffer) ?? buffer;
  const out = new Map<number, string[]>();
  let utf8 = false;
  let i = iim.indexOf(0x1c);
  while (i >= 0 && i + 5 <= iim.length && iim[i] === 0x1c) {
    const record = iim[i + 1] ?? 0;
    const dataset = iim[i + 2] ?? 0;
    const length = ((iim[i + 3] ?? 0) << 8) | (iim[i + 4] ?? 0);
    // Extended (>32 KB) datasets set the top bit; no text field we read is that long.
    if (length & 0x8000) break;
    const start = i + 5;
    const end = start + length;
    if (end > iim.length) break;
    const data = iim.subarray(start, end);
    // 1:90 is the coded character set; ESC % G announces UTF-8.
    if (record === 1 && dataset === 90) utf8 = Buffer.from(data).toString('latin1') === '\x1b%G';
    if (record === 2) {
      const text = decodeText(data, utf8);
      if (text !== '') out.set(dataset, [...(out.get(dataset) ?? []), text]);
    }
    i = end;
  }
  return out;
}

function photoshopIptcBlock(buffer: Uint8Array): Uint8Array | undefined {
  const buf = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let i = buf.indexOf('8BIM', 0, 'latin1');
  if (i < 0) return undefined;
  while (i >= 0 && i + 12 <= buf.length && buf.toString('latin1', i, i + 4) === '8BIM') {
    const id = buf.readUInt16BE(i + 4);
    const nameLength = buf[i + 6] ?? 0;
    // Pascal name, padded so name length byte + name is even.
    let p = i + 6 + 1 + nameLength;
    if ((nameLength + 1) % 2 === 1) p += 1;
    if (p + 4 > buf.length) return undefined;
    const size = buf.readUInt32BE(p);
    const start = p + 4;
    if (start + size > buf.length) return undefined;
    if (id === 0x0404) return buf.subarray(start, start + size);
    i = start + size + (size % 2);
  }
  return undefined;
}

function decodeText(data: Uint8Array, utf8: boolean): string {
  const bytes = Buffer.from(data);
  let text: string;
  if (utf8) text = bytes.toString('utf8');
  else {
    // Undeclared: most modern tools still write UTF-8; fall back to Latin-1 when it is not valid UTF-8.
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = bytes.toString('latin1');
    }
  }
  return cleanText(text);
}

/** Collapse whitespace and drop control characters. */
function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
}

const ENTITY: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(parseInt(name.slice(2), 16)) ?? whole;
    if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10)) ?? whole;
    return ENTITY[name.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One XMP property's text: either an attribute (`photoshop:Credit="…"`) or an
 * element whose content is plain text or an rdf:Alt / rdf:Seq / rdf:Bag list
 * (the x-default entry of an Alt wins, else the first item).
 */
export function readXmpProperty(xmp: string, name: string): string | undefined {
  const n = escapeRegExp(name);
  const attr = new RegExp(`\\s${n}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(xmp);
  if (attr) return nonEmpty(decodeEntities(attr[1] ?? attr[2] ?? ''));
  const element = new RegExp(`<${n}(?:\\s[^>]*)?>([\\s\\S]*?)</${n}>`).exec(xmp);
  if (!element?.[1]) return undefined;
  const inner = element[1];
  const items = [...inner.matchAll(/<rdf:li(\s[^>]*)?>([\s\S]*?)<\/rdf:li>/g)];
  if (items.length === 0) return nonEmpty(decodeEntities(stripTags(inner)));
  const preferred = items.find((m) => /xml:lang\s*=\s*["']x-default["']/.test(m[1] ?? '')) ?? items[0];
  return nonEmpty(decodeEntities(stripTags(preferred?.[2] ?? '')));
}

function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, '');
}

function nonEmpty(text: string): string | undefined {
  const t = cleanText(text);
  return t === '' ? undefined : t;
}

/** "Jane Doe / Reuters": the photographer and the agency when both are known and differ. */
function joinCredit(creator: string | undefined, credit: string | undefined): string | undefined {
  if (creator && credit && creator.toLowerCase() !== credit.toLowerCase()) return `${creator} / ${credit}`;
  return credit ?? creator;
}

/** Caption, credit and alt text embedded in an image. XMP wins over IIM (it is newer and always UTF-8). */
export function readEmbeddedText(input: { xmp?: Uint8Array | undefined; iptc?: Uint8Array | undefined }): EmbeddedText {
  const xmp = input.xmp ? Buffer.from(input.xmp).toString('utf8') : '';
  const iim = input.iptc ? readIptc(input.iptc) : new Map<number, string[]>();
  const first = (dataset: number): string | undefined => iim.get(dataset)?.[0];

  const caption = readXmpProperty(xmp, 'dc:description') ?? first(IIM.caption);
  const creator = readXmpProperty(xmp, 'dc:creator') ?? iim.get(IIM.byline)?.join(', ');
  const credit = joinCredit(creator, readXmpProperty(xmp, 'photoshop:Credit') ?? first(IIM.credit));
  const altText = readXmpProperty(xmp, 'Iptc4xmpCore:AltTextAccessibility');

  const out: EmbeddedText = {};
  if (caption) out.caption = caption;
  if (credit) out.credit = credit;
  if (altText) out.altText = altText;
  return out;
}
