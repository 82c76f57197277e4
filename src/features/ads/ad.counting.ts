/**
 * Counting: signed serve tokens, the served/viewable/click counters and what
 * keeps them honest.
 *
 * - A serve token is HMAC-signed { campaign, creative, slot, issued, nonce };
 *   a beacon or click without a valid one counts nothing, so nobody can count
 *   for a campaign that was not served.
 * - Each token counts one view and one click at most: the sha256 of token +
 *   kind goes into the ad_beacons ledger, and only a hash that was new there
 *   is counted (across nodes and restarts).
 * - Declared crawlers and requests without a user agent are not counted.
 *   "HeadlessChrome" is NOT treated as a bot: it is what our own browser test
 *   drives, and real headless scrapers that don't declare themselves are
 *   caught by the rate rules instead.
 * - A reader id (the dl_ad cookie, else the address) sending more than
 *   MAX_VIEWS_PER_READER_MINUTE view beacons in a minute is not counted.
 * Counts are batched in memory and written every second (and on shutdown) in
 * one transaction: ledger insert, then the daily rows of what was new.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/clock.js';
import * as q from './ad.counting.queries.js';

export const BEACON_TOKEN_MAX_AGE_MS = 30 * 60 * 1000;
/** A reader may click an ad on a page left open for a while; the redirect still works and counts. */
export const CLICK_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Tokens from a node whose clock runs a little ahead are still accepted. */
const FUTURE_SKEW_MS = 60 * 1000;
export const MAX_VIEWS_PER_READER_MINUTE = 120;
export const FLUSH_INTERVAL_MS = 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** While the database is unreachable, events wait in memory up to this many; later ones are not counted. */
export const MAX_PENDING_EVENTS = 500_000;

/**
 * A per-key token bucket (e.g. per address): `burst` at once, refilled at
 * `perSecond`. Memory is bounded; a forgotten key starts with a full bucket.
 */
export function createRateLimiter(opts: { burst: number; perSecond: number; maxKeys?: number }) {
  const buckets = new BoundedMap<string, { tokens: number; at: number }>(opts.maxKeys ?? 50_000);
  return {
    /** Takes one token; false when the key is over its limit. */
    take(key: string, nowMs: number): boolean {
      const b = buckets.get(key) ?? { tokens: opts.burst, at: nowMs };
      b.tokens = Math.min(opts.burst, b.tokens + ((nowMs - b.at) / 1000) * opts.perSecond);
      b.at = nowMs;
      const ok = b.tokens >= 1;
      if (ok) b.tokens -= 1;
      buckets.set(key, b);
      return ok;
    },
  };
}

/** A small LRU map: the oldest entries go once it holds `max`. Reads refresh recency. */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
  }
  get size(): number {
    return this.map.size;
  }
}

const BOT_UA = /bot\b|bot\/|robot|crawl|spider|slurp|mediapartners|facebookexternalhit|embedly|lighthouse|pingdom|uptime|curl\/|wget\/|python-requests|python-urllib|go-http-client|java\/|okhttp|libwww|httpclient|scrapy|headless(?!chrome)/i;

/** Declared crawlers and tools, and requests with no user agent at all. HeadlessChrome counts as a browser (see above). */
export function isBotUserAgent(ua: string | undefined): boolean {
  if (ua === undefined || ua.trim() === '') return true;
  return BOT_UA.test(ua);
}

export interface ServeToken {
  campaignId: number;
  creativeId: number;
  slot: string;
  issuedAt: number;
}

const TOKEN_RE = /^([1-9][0-9]{0,9})\.([1-9][0-9]{0,9})\.([a-z0-9-]{1,40})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{11})\.([A-Za-z0-9_-]{43})$/;

export function signToken(secret: string, t: ServeToken): string {
  const payload = `${t.campaignId}.${t.creativeId}.${t.slot}.${t.issuedAt.toString(36)}.${randomBytes(8).toString('base64url')}`;
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

/** The token's content when its signature is ours, else null. Age is the caller's rule. */
export function verifyToken(secret: string, token: unknown): ServeToken | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const m = TOKEN_RE.exec(token);
  if (!m) return null;
  const payload = token.slice(0, token.lastIndexOf('.'));
  const expected = createHmac('sha256', secret).update(payload).digest();
  const given = Buffer.from(m[6]!, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { campaignId: Number(m[1]), creativeId: Number(m[2]), slot: m[3]!, issuedAt: parseInt(m[4]!, 36) };
}

export function tokenFresh(t: ServeToken, nowMs: number, maxAgeMs: number): boolean {
  return t.issuedAt <= nowMs + FUTURE_SKEW_MS && nowMs - t.issuedAt <= maxAgeMs;
}

export function dayOf(d: Date): string {
  return toIso(d).slice(0, 10);
}

/** Who sent a beacon or click, for the bot and rate rules. */
export interface Requester {
  userAgent: string | undefined;
  /** dl_ad cookie value, or the address when there is none. */
  readerKey: string;
}

export type CountOutcome = 'queued' | 'duplicate' | 'invalid' | 'expired' | 'bot' | 'too_fast';

export interface AdCounter {
  /** The signing secret (loaded once from the database). */
  secret(): Promise<string>;
  served(campaignId: number, creativeId: number): void;
  /** A view beacon; answers what happened (the HTTP answer is the same whatever it is). */
  view(token: unknown, who: Requester): Promise<CountOutcome>;
  /** A click: the verified token (to redirect) and whether it will be counted; null when the token is not ours. */
  click(token: unknown, who: Requester): Promise<{ token: ServeToken; outcome: CountOutcome } | null>;
  /** Writes what is pending; safe to call any time, calls are serialised. */
  flush(): Promise<void>;
  /** Runs fn between flushes (the decision reads delivered counts without a flush landing halfway). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Viewable impressions counted by this node since the last take, per campaign (for pacing between snapshot loads). */
  takeRecentViews(): Map<number, number>;
  recentViews(campaignId: number): number;
  /** Flushes every `intervalMs`; a failed flush is reported to `onError` and retried the next time. */
  start(intervalMs?: number, onError?: (err: unknown) => void): void;
  /** Stops the timer and writes what is pending. */
  stop(): Promise<void>;
}

interface PendingBeacon {
  kind: 'view' | 'click';
  day: string;
  campaignId: number;
  creativeId: number;
}

export function createAdCounter(deps: { db: Db; clock: Clock; onError?: (err: unknown) => void; maxViewsPerReaderMinute?: number }): AdCounter {
  const { db, clock } = deps;
  const maxPerMinute = deps.maxViewsPerReaderMinute ?? MAX_VIEWS_PER_READER_MINUTE;
  let secretP: Promise<string> | undefined;
  let served = new Map<string, q.StatDelta>();
  let beacons = new Map<string, PendingBeacon>();
  let recent = new Map<number, number>();
  const readerRate = new BoundedMap<string, { minute: number; n: number }>(100_000);
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const secret = (): Promise<string> => {
    secretP ??= q.signingSecret(db, randomBytes(32).toString('base64url'), toIso(clock.now())).catch((err: unknown) => {
      secretP = undefined;
      throw err;
    });
    return secretP;
  };

  function tooFast(readerKey: string, nowMs: number): boolean {
    const minute = Math.floor(nowMs / 60_000);
    const r = readerRate.get(readerKey);
    if (!r || r.minute !== minute) {
      readerRate.set(readerKey, { minute, n: 1 });
      return false;
    }
    r.n += 1;
    return r.n > maxPerMinute;
  }

  async function record(kind: 'view' | 'click', raw: unknown, who: Requester): Promise<{ token: ServeToken; outcome: CountOutcome } | null> {
    const t = verifyToken(await secret(), raw);
    if (!t) return null;
    const now = clock.now();
    const nowMs = now.getTime();
    if (!tokenFresh(t, nowMs, kind === 'view' ? BEACON_TOKEN_MAX_AGE_MS : CLICK_TOKEN_MAX_AGE_MS)) return { token: t, outcome: 'expired' };
    if (isBotUserAgent(who.userAgent)) return { token: t, outcome: 'bot' };
    if (kind === 'view' && tooFast(who.readerKey, nowMs)) return { token: t, outcome: 'too_fast' };
    const hash = createHash('sha256').update(`${raw as string}:${kind}`).digest('hex');
    if (beacons.has(hash)) return { token: t, outcome: 'duplicate' };
    if (beacons.size >= MAX_PENDING_EVENTS) return { token: t, outcome: 'too_fast' };
    beacons.set(hash, { kind, day: dayOf(now), campaignId: t.campaignId, creativeId: t.creativeId });
    return { token: t, outcome: 'queued' };
  }

  function delta(map: Map<string, q.StatDelta>, campaignId: number, creativeId: number, day: string): q.StatDelta {
    const key = `${creativeId}|${day}`;
    let d = map.get(key);
    if (!d) {
      d = { campaign_id: campaignId, creative_id: creativeId, day, served: 0, viewable: 0, clicks: 0 };
      map.set(key, d);
    }
    return d;
  }

  let lastPrune = 0;

  async function flushNow(): Promise<void> {
    const nowMs = clock.now().getTime();
    if (nowMs - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = nowMs;
      // Ledger rows outlive their tokens by a day or more; older ones can never match again.
      await q.pruneBeacons(db, dayOf(new Date(nowMs - 2 * 24 * 60 * 60 * 1000)));
    }
    if (served.size === 0 && beacons.size === 0) return;
    const takenServed = served;
    const takenBeacons = beacons;
    served = new Map();
    beacons = new Map();
    try {
      const views = await db.transaction().execute(async (trx) => {
        const fresh = await q.insertBeaconHashes(
          trx,
          [...takenBeacons].map(([token_hash, b]) => ({ token_hash, kind: b.kind, day: b.day })),
        );
        const deltas = new Map(takenServed);
        const counted = new Map<number, number>();
        for (const [hash, b] of takenBeacons) {
          if (!fresh.has(hash)) continue;
          const d = delta(deltas, b.campaignId, b.creativeId, b.day);
          if (b.kind === 'view') {
            d.viewable += 1;
            counted.set(b.campaignId, (counted.get(b.campaignId) ?? 0) + 1);
          } else d.clicks += 1;
        }
        await q.addDailyStats(trx, [...deltas.values()]);
        return counted;
      });
      for (const [id, n] of views) recent.set(id, (recent.get(id) ?? 0) + n);
    } catch (err) {
      // Put them back: the next flush tries again (the ledger keeps a retry from counting twice).
      for (const d of takenServed.values()) delta(served, d.campaign_id, d.creative_id, d.day).served += d.served;
      for (const [h, b] of takenBeacons) if (!beacons.has(h)) beacons.set(h, b);
      throw err;
    }
  }

  function serialised<T>(fn: () => Promise<T>): Promise<T> {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  }

  return {
    secret,
    served(campaignId, creativeId) {
      delta(served, campaignId, creativeId, dayOf(clock.now())).served += 1;
    },
    async view(token, who) {
      const r = await record('view', token, who);
      return r === null ? 'invalid' : r.outcome;
    },
    click: (token, who) => record('click', token, who),
    flush: () => serialised(flushNow),
    exclusive: (fn) => serialised(fn),
    takeRecentViews() {
      const taken = recent;
      recent = new Map();
      return taken;
    },
    recentViews: (campaignId) => recent.get(campaignId) ?? 0,
    start(intervalMs = FLUSH_INTERVAL_MS, onError = deps.onError) {
      if (timer) return;
      timer = setInterval(() => {
        serialised(flushNow).catch((err: unknown) => onError?.(err));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await serialised(flushNow);
    },
  };
}
