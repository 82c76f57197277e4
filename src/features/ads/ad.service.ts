/**
 * The advertising feature, assembled: campaigns and creatives for ad ops, the
 * decision and counting for reader pages, reports and settings. Writes that
 * change what may serve reload the decision snapshot.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalid } from '../../lib/errors.js';
import type { ContentEvents } from '../../lib/events.js';
import type { MediaStore } from '../media/index.js';
import type { Rng } from './ad-campaign.js';
import { createCampaignService } from './ad-campaign.service.js';
import { createCreativeService } from './ad-creative.service.js';
import { createAdCounter, createRateLimiter, isBotUserAgent, verifyToken, type CountOutcome } from './ad.counting.js';
import { createAdDecision, type FillRequest, type FilledAd } from './ad.decision.js';
import { createAdReports } from './ad.reports.js';
import { createAdSettingsService } from './ad.settings.js';

/** The reader id cookie: random, first-party, for frequency caps and rate rules only. */
export const READER_COOKIE = 'dl_ad';
const READER_ID = /^[A-Za-z0-9_-]{22}$/;

export function isReaderId(value: string | undefined): value is string {
  return value !== undefined && READER_ID.test(value);
}
export function newReaderId(): string {
  return randomBytes(16).toString('base64url');
}

export const BEACON_LIMIT = { burst: 120, perSecond: 2 } as const;

export interface AdsOptions {
  db: Db;
  clock: Clock;
  mediaStore: MediaStore;
  /** The rate card change purges the cached /advertise page. */
  events?: ContentEvents;
  /** Seeded in tests. */
  rng?: Rng;
  /** Beacons per address: `burst` at once, refilled at `perSecond` (429 beyond). */
  beaconLimit?: { burst: number; perSecond: number };
  maxViewsPerReaderMinute?: number;
  onError?: (err: unknown) => void;
}

export const badClick = () => invalid('AD_CLICK_INVALID', 'This ad link is not valid or has expired.', 't');

export function createAdsService(opts: AdsOptions) {
  const { db, clock } = opts;
  const counter = createAdCounter({
    db,
    clock,
    ...(opts.onError && { onError: opts.onError }),
    ...(opts.maxViewsPerReaderMinute !== undefined && { maxViewsPerReaderMinute: opts.maxViewsPerReaderMinute }),
  });
  const decision = createAdDecision({ db, clock, counter, ...(opts.rng && { rng: opts.rng }), ...(opts.onError && { onError: opts.onError }) });
  const onChange = () => decision.invalidate();
  const campaigns = createCampaignService({ db, clock, onChange });
  const creatives = createCreativeService({ db, clock, mediaStore: opts.mediaStore, onChange });
  const settings = createAdSettingsService({ db, clock, onChange, ...(opts.events && { events: opts.events }) });
  const reports = createAdReports({ db, clock });
  const beaconLimiter = createRateLimiter(opts.beaconLimit ?? BEACON_LIMIT);

  return {
    campaigns,
    creatives,
    settings,
    reports,
    counter,

    /** The ads for one page view. `readerId` is the dl_ad cookie (the route makes one when absent). */
    fill(req: FillRequest, who: { readerId: string; userAgent: string | undefined }): Promise<FilledAd[]> {
      return decision.decide(req, { id: who.readerId, bot: isBotUserAgent(who.userAgent) });
    },

    /** A view beacon. Refused silently (the same answer) unless valid; 429 beyond the per-address limit. */
    async beacon(body: { t: unknown; e: unknown }, who: { address: string; readerId: string | undefined; userAgent: string | undefined }): Promise<CountOutcome> {
      if (!beaconLimiter.take(who.address, clock.now().getTime())) {
        throw new AppError('rate_limited', 'AD_BEACON_RATE_LIMITED', 'Too many beacons from this address; try again in a moment.');
      }
      if (body.e !== 'view') return 'invalid';
      return counter.view(body.t, { userAgent: who.userAgent, readerKey: who.readerId ?? who.address });
    },

    /** A click: the stored click-through URL of the token's creative (never anything from the request), counted once per token. */
    async click(token: unknown, who: { address: string; readerId: string | undefined; userAgent: string | undefined }): Promise<string> {
      const t = verifyToken(await counter.secret(), token);
      if (!t) throw badClick();
      const creative = await creatives.find(t.creativeId);
      if (!creative || creative.campaignId !== t.campaignId) throw badClick();
      const r = await counter.click(token, { userAgent: who.userAgent, readerKey: who.readerId ?? who.address });
      if (r === null || r.outcome === 'expired') throw badClick();
      return creative.clickUrl;
    },

    /** Deletes a campaign with its creatives and counts, then its image files. */
    async removeCampaign(id: number): Promise<void> {
      const keys = await campaigns.remove(id);
      for (const key of keys) await opts.mediaStore.remove(key).catch(() => undefined);
    },

    invalidate: () => decision.invalidate(),
    flush: () => counter.flush(),
    /** Starts writing counts every second (startServer); errors go to `onError` and the counts are kept for the next try. */
    start: (onError?: (err: unknown) => void) => counter.start(undefined, onError),
    /** Stops the flush timer and writes the pending counts (shutdown). */
    stop: () => counter.stop(),
  };
}

export type AdsService = ReturnType<typeof createAdsService>;
