/**
 * Push sources: an agency POSTs a wire file to /api/wire/push/:sourceId and
 * signs the raw body with the source's secret:
 *
 *   X-Dateline-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>
 *
 * The check compares in constant time, so a caller learns nothing from how
 * long a wrong signature takes to refuse.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../lib/errors.js';

export const SIGNATURE_HEADER = 'x-dateline-signature';
/** Optional: the file name to record (shown in refusals); otherwise one is made from the time. */
export const FILENAME_HEADER = 'x-dateline-filename';

export function signWireBody(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** True only for a well-formed header carrying the right HMAC of exactly these bytes. */
export function signatureMatches(secret: string | null, body: Buffer, header: string | string[] | undefined): boolean {
  if (secret === null || secret === '' || typeof header !== 'string') return false;
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!m?.[1]) return false;
  const given = Buffer.from(m[1].toLowerCase(), 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const signatureInvalid = (): AppError =>
  new AppError('unauthenticated', 'WIRE_SIGNATURE_INVALID', `The ${SIGNATURE_HEADER} header is missing or does not match the body.`);

export const wireTooLarge = (maxBytes: number): AppError =>
  new AppError('too_large', 'WIRE_TOO_LARGE', `A wire file may be at most ${maxBytes} bytes.`);

const EXTENSION_BY_TYPE: readonly [RegExp, string][] = [
  [/json/, '.json'],
  [/xml|rss|atom/, '.xml'],
  [/text\/plain/, '.txt'],
];

/**
 * The file name a pushed body is recorded under: the sender's X-Dateline-Filename
 * reduced to a plain base name, or push-<time>.<ext from the content type>.
 */
export function pushFilename(header: string | string[] | undefined, contentType: string | undefined, now: Date): string {
  if (typeof header === 'string') {
    const base = path.basename(header.replace(/\\/g, '/')).replace(/[^\w.\-+@ ]/g, '_').trim().slice(0, 200);
    if (base !== '' && base !== '.' && base !== '..') return base;
  }
  const ext = EXTENSION_BY_TYPE.find(([re]) => re.test((contentType ?? '').toLowerCase()))?.[1] ?? '';
  return `push-${now.toISOString().replace(/[:.]/g, '-')}${ext}`;
}
