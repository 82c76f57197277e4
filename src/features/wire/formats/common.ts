/** Small pieces every format parser shares: an empty item, dates, numbers, picture hrefs. */
import { createHash } from 'node:crypto';
import type { ParsedWireItem, WireFormat, WirePictureRef, WirePubStatus } from '../wire.item.js';

export function emptyItem(format: WireFormat, guid: string): ParsedWireItem {
  return {
    format, guid, version: 1, pubStatus: 'usable', isCorrection: false, headline: '', standfirst: '',
    bodyHtml: null, bodyText: null, byline: null, creditLine: null, datelinePlace: null, datelineDate: null,
    language: null, urgency: null, subjects: [], keywords: [], embargoUntil: null, firstCreated: null,
    versionCreated: null, pictures: [],
  };
}

/** A stable id for copy that carries none: the same bytes always give the same guid. */
export function contentGuid(prefix: string, content: string): string {
  return `urn:dateline:${prefix}:${createHash('sha256').update(content).digest('hex').slice(0, 32)}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
const RFC822 = /^(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[A-Z]{1,5}|[+-]\d{4})?$/;
const BASIC_ISO = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z|[+-]\d{4})?$/;

/** An ISO-8601 / RFC 822 date-time → ISO-8601 UTC, or null when it is not one. */
export function isoUtc(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let text = value.trim();
  if (text.length > 40) return null;
  const basic = BASIC_ISO.exec(text);
  if (basic !== null) text = `${basic[1]}-${basic[2]}-${basic[3]}T${basic[4]}:${basic[5]}:${basic[6]}${basic[7] ?? 'Z'}`;
  else if (!ISO_DATE.test(text) && !RFC822.test(text)) return null;
  // A date-time without a zone is read as UTC, not as the server's local time.
  if (/T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(text)) text += 'Z';
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  return year < 1900 || year > 9999 ? null : date.toISOString();
}

/** An integer within bounds, from a number or a numeric string. */
export function intIn(value: unknown, min: number, max: number): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

export function versionOf(value: unknown): number {
  return intIn(value, 1, 2_000_000_000) ?? 1;
}

/** "stat:canceled", "http://cv.iptc.org/newscodes/pubstatus/withheld", "canceled" → the status; else usable. */
export function pubStatusOf(value: unknown): WirePubStatus {
  if (typeof value !== 'string') return 'usable';
  const word = value.trim().toLowerCase().split(/[:/]/).pop() ?? '';
  if (word === 'canceled' || word === 'cancelled') return 'canceled';
  if (word === 'withheld') return 'withheld';
  return 'usable';
}

/**
 * A picture href as the contract allows it: an absolute http(s) URL, or a
 * plain relative path inside the wire file's folder (no "..", no absolute
 * path, no other scheme). "./x.jpg" and "file:///./x.jpg" become "x.jpg".
 */
export function pictureHref(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let href = value.trim();
  if (href === '' || href.length > 2000) return null;
  if (/^https?:\/\//i.test(href)) {
    try {
      return new URL(href).href;
    } catch {
      return null;
    }
  }
  href = href.replace(/^file:(?:\/\/\/?)?\.\//i, '').replace(/^\.\//, '').trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') || href.includes('\\') || href.includes('\0')) return null;
  if (href.split('/').some((part) => part === '..' || part === '')) return null;
  return href;
}

export function dedupePictures(pictures: WirePictureRef[]): WirePictureRef[] {
  const seen = new Set<string>();
  return pictures.filter((p) => (seen.has(p.href) ? false : (seen.add(p.href), true)));
}

/** Caps so a hostile file cannot make one item enormous. */
export const ITEM_CAPS = { subjects: 100, keywords: 100, pictures: 50, text: 20_000 } as const;

export function capText(text: string, max: number = ITEM_CAPS.text): string {
  return text.length > max ? text.slice(0, max) : text;
}
