/**
 * Spam protection for the public inquiry form, without a third-party captcha:
 *   - a honeypot field people never see (bots fill it in);
 *   - a signed time stamp issued with the form: refused when the form comes back
 *     faster than a person could fill it (3 s) or older than a day;
 *   - a per-address limit (5 an hour), kept in memory;
 *   - link and length limits on the fields (checkInquiry).
 * The cached /advertise page carries one stamp for everyone who gets that copy, which is
 * fine: it proves "this form was fetched from us at least 3 s ago", not who fetched it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The honeypot's field name: plausible enough for a form-filling bot, hidden from people. */
export const HONEYPOT_FIELD = 'website';
export const STAMP_FIELD = 'stamp';
export const MIN_FILL_MS = 3_000;
export const MAX_FORM_AGE_MS = 24 * 60 * 60 * 1000;
export const ADDRESS_LIMIT = 5;
export const ADDRESS_WINDOW_MS = 60 * 60 * 1000;

function sign(secret: string | Buffer, issuedMs: number): string {
  return createHmac('sha256', secret).update(`advertise-form:${issuedMs}`).digest('base64url').slice(0, 32);
}

/** A stamp for a form issued now: `<ms since epoch, base 36>.<signature>`. */
export function issueFormStamp(secret: string | Buffer, now: Date): string {
  const ms = now.getTime();
  return `${ms.toString(36)}.${sign(secret, ms)}`;
}

export type StampCheck = 'ok' | 'too-fast' | 'expired' | 'invalid';

export function checkFormStamp(secret: string | Buffer, stamp: unknown, now: Date): StampCheck {
  if (typeof stamp !== 'string' || stamp.length > 64) return 'invalid';
  const m = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{32})$/.exec(stamp);
  if (!m) return 'invalid';
  const issued = parseInt(m[1] ?? '', 36);
  const expected = Buffer.from(sign(secret, issued));
  const given = Buffer.from(m[2] ?? '');
  if (!Number.isSafeInteger(issued) || given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  const age = now.getTime() - issued;
  if (age < MIN_FILL_MS) return 'too-fast';
  if (age > MAX_FORM_AGE_MS) return 'expired';
  return 'ok';
}

/**
 * At most `limit` takes per key in a sliding window. In memory: one node's count, gone on
 * restart — enough to stop a flood from one address; holds at most `maxKeys` addresses.
 */
export function createAddressLimiter(opts: { limit?: number; windowMs?: number; maxKeys?: number } = {}) {
  const limit = opts.limit ?? ADDRESS_LIMIT;
  const windowMs = opts.windowMs ?? ADDRESS_WINDOW_MS;
  const maxKeys = opts.maxKeys ?? 10_000;
  const hits = new Map<string, number[]>();

  function prune(nowMs: number): void {
    for (const [key, times] of hits) {
      const kept = times.filter((t) => nowMs - t < windowMs);
      if (kept.length === 0) hits.delete(key);
      else hits.set(key, kept);
    }
    // Still full (a flood of distinct addresses): forget the oldest entries rather than grow.
    for (const key of hits.keys()) {
      if (hits.size < maxKeys) break;
      hits.delete(key);
    }
  }

  return {
    /** Counts one attempt for `key`; false when the key is over its limit (the attempt is not counted). */
    take(key: string, now: Date): boolean {
      const nowMs = now.getTime();
      const recent = (hits.get(key) ?? []).filter((t) => nowMs - t < windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return false;
      }
      if (!hits.has(key) && hits.size >= maxKeys) prune(nowMs);
      recent.push(nowMs);
      hits.set(key, recent);
      return true;
    },
    /** Seconds until `key` may try again (0 when it may now). */
    retryAfterSeconds(key: string, now: Date): number {
      const times = (hits.get(key) ?? []).filter((t) => now.getTime() - t < windowMs);
      if (times.length < limit) return 0;
      return Math.max(1, Math.ceil(((times[0] ?? 0) + windowMs - now.getTime()) / 1000));
    },
  };
}

export type AddressLimiter = ReturnType<typeof createAddressLimiter>;
