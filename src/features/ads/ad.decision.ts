/**
 * The decision: which ad fills each slot of one page view.
 *
 * Live campaigns come from an in-memory snapshot (reloaded after any write on
 * this node, and at most SNAPSHOT_TTL_MS old otherwise), so a request costs
 * no query. Each request: one pass over the snapshot keeps the campaigns in
 * flight *now* (so a campaign whose end passed or that was paused stops even
 * on cached pages), matching the page, under the reader's frequency cap and
 * within even pacing; then per slot, the highest priority wins and equals
 * rotate by weight, preferring a campaign not already on the page. A slot no
 * campaign fills falls back to the ad-network tag set for it, then to the
 * house promotion already on the page.
 */
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/clock.js';
import { invalid } from '../../lib/errors.js';
import {
  choose,
  compileTargeting,
  isInFlight,
  matchesTargeting,
  pacingAllowsMs,
  toAdCampaign,
  toAdCreative,
  type AdCampaign,
  type AdCreative,
  type AdDevice,
  type AdPageType,
  type CompiledTargeting,
  type Rng,
} from './ad-campaign.js';
import { creativeSrcdoc } from './ad-creative.js';
import { BoundedMap, dayOf, signToken, type AdCounter } from './ad.counting.js';
import { liveCampaignRows } from './ad-campaign.queries.js';
import { networkFallbackRows } from './ad.settings.queries.js';
import { AD_SLOTS, isAdSize, slotKindOf, type AdSize, type AdSlotKind } from './ad.slots.js';

export const SNAPSHOT_TTL_MS = 5000;
export const MAX_FILL_SLOTS = 20;
/** Frequency-cap memory: reader × campaign × day entries kept (oldest forgotten first). */
export const CAP_ENTRIES_MAX = 500_000;

export interface FillRequest {
  page: { type: AdPageType; sectionId: number | null; language: string; keywords: string[]; path: string };
  device: AdDevice;
  slots: { id: string; sizes: AdSize[] }[];
}

export interface NetworkTag {
  network: 'gam';
  unitPath: string;
  sizes: AdSize[];
}

export interface FilledAd {
  slot: string;
  kind: 'image' | 'html' | 'network' | 'house';
  size: AdSize;
  /** Signed serve token for beacons; empty for network and house fills (nothing of ours to count). */
  token: string;
  image?: { src: string; width: number; height: number; alt: string };
  html?: string;
  network?: NetworkTag;
  clickUrl?: string;
}

interface LiveCampaign {
  campaign: AdCampaign;
  startMs: number;
  endMs: number;
  targeting: CompiledTargeting;
  bySize: Map<AdSize, AdCreative[]>;
  delivered: number;
}

interface Snapshot {
  campaigns: LiveCampaign[];
  network: Map<AdSlotKind, NetworkTag>;
  loadedAt: number;
  /** The write generation it was loaded at (see invalidate). */
  version: number;
}

export function createAdDecision(deps: { db: Db; clock: Clock; counter: AdCounter; rng?: Rng; onError?: (err: unknown) => void }) {
  const { db, clock, counter } = deps;
  const rng = deps.rng ?? Math.random;
  const capCounts = new BoundedMap<string, number>(CAP_ENTRIES_MAX);
  let snapshot: Snapshot | undefined;
  /** Bumped by every write; a snapshot loaded before the bump is out of date. */
  let version = 0;
  let loading: { version: number; promise: Promise<Snapshot> } | undefined;

  async function load(atVersion: number): Promise<Snapshot> {
    const now = clock.now();
    // Between flushes, so the counts read and the recent views taken don't overlap.
    const { rows, network } = await counter.exclusive(async () => {
      counter.takeRecentViews();
      return { rows: await liveCampaignRows(db, toIso(now)), network: await networkFallbackRows(db) };
    });
    const creatives = new Map<number, AdCreative[]>();
    for (const r of rows.creatives) {
      const c = toAdCreative(r);
      const list = creatives.get(c.campaignId);
      if (list) list.push(c);
      else creatives.set(c.campaignId, [c]);
    }
    const campaigns: LiveCampaign[] = [];
    for (const row of rows.campaigns) {
      const campaign = toAdCampaign(row);
      const bySize = new Map<AdSize, AdCreative[]>();
      for (const cr of creatives.get(campaign.id) ?? []) {
        const list = bySize.get(cr.size);
        if (list) list.push(cr);
        else bySize.set(cr.size, [cr]);
      }
      if (bySize.size === 0) continue;
      campaigns.push({ campaign, startMs: Date.parse(campaign.startsAt), endMs: Date.parse(campaign.endsAt), targeting: compileTargeting(campaign.targeting), bySize, delivered: rows.delivered.get(campaign.id) ?? 0 });
    }
    const tags = new Map<AdSlotKind, NetworkTag>();
    for (const n of network) {
      const kind = slotKindOf(n.slot);
      if (kind === null || n.network !== 'gam') continue;
      let sizes: AdSize[] = [];
      try {
        sizes = (JSON.parse(n.sizes) as unknown[]).filter((s): s is AdSize => typeof s === 'string' && isAdSize(s));
      } catch {
        sizes = [];
      }
      tags.set(kind, { network: 'gam', unitPath: n.unit_path, sizes });
    }
    return { campaigns, network: tags, loadedAt: now.getTime(), version: atVersion };
  }

  /** One load per generation at a time; a write during a load starts another, so nobody gets a snapshot older than their write. */
  function reload(): Promise<Snapshot> {
    if (loading && loading.version === version) return loading.promise;
    const atVersion = version;
    const promise = load(atVersion)
      .then((s) => {
        if (!snapshot || s.version >= snapshot.version) snapshot = s;
        return s;
      })
      .finally(() => {
        if (loading?.promise === promise) loading = undefined;
      });
    loading = { version: atVersion, promise };
    return promise;
  }

  async function current(): Promise<Snapshot> {
    if (!snapshot || snapshot.version !== version) return reload();
    if (clock.now().getTime() - snapshot.loadedAt > SNAPSHOT_TTL_MS && !loading) {
      // Stale only by age: answer from the one we have, reload in the background.
      reload().catch((err: unknown) => deps.onError?.(err));
    }
    return snapshot;
  }

  /** Checks a fill request beyond its schema; throws AD_REQUEST_INVALID naming the field. */
  function slotSizesOf(req: FillRequest): AdSize[][] {
    if (req.slots.length > MAX_FILL_SLOTS) throw invalid('AD_REQUEST_INVALID', `At most ${MAX_FILL_SLOTS} slots per request.`, 'slots');
    const seen = new Set<string>();
    return req.slots.map((s, i) => {
      const kind = slotKindOf(s.id);
      if (kind === null) throw invalid('AD_REQUEST_INVALID', `Unknown slot "${s.id}".`, `slots.${i}.id`);
      if (seen.has(s.id)) throw invalid('AD_REQUEST_INVALID', `Slot "${s.id}" is listed twice.`, `slots.${i}.id`);
      seen.add(s.id);
      const allowed: readonly AdSize[] = AD_SLOTS[kind].sizes;
      const sizes = s.sizes.filter((z) => allowed.includes(z));
      if (sizes.length === 0) throw invalid('AD_REQUEST_INVALID', `Slot "${s.id}" serves ${allowed.join(', ')}.`, `slots.${i}.sizes`);
      return sizes;
    });
  }

  return {
    /** Reload the snapshot before the next decision (call after any campaign, creative or fallback write). */
    invalidate(): void {
      version += 1;
    },

    async decide(req: FillRequest, reader: { id: string; bot: boolean }): Promise<FilledAd[]> {
      const sizesBySlot = slotSizesOf(req);
      const snap = await current();
      const now = clock.now();
      const nowIso = toIso(now);
      const nowMs = now.getTime();
      const day = dayOf(now);
      const page = {
        pageType: req.page.type,
        sectionId: req.page.sectionId,
        language: req.page.language.toLowerCase(),
        keywords: new Set(req.page.keywords.map((k) => k.toLowerCase())),
        device: req.device,
      };
      const capKey = (id: number) => `${reader.id}|${id}|${day}`;
      const eligible: { lc: LiveCampaign; priority: number; weight: number }[] = [];
      for (const lc of snap.campaigns) {
        const c = lc.campaign;
        // Cheapest tests first; the cap (a string key and an LRU touch) last.
        if (!isInFlight(c, nowIso)) continue;
        if (!matchesTargeting(lc.targeting, page)) continue;
        if (c.impressionGoal !== null && !pacingAllowsMs(c.impressionGoal, lc.startMs, lc.endMs, lc.delivered + counter.recentViews(c.id), nowMs)) continue;
        if (c.frequencyCap !== null && (capCounts.get(capKey(c.id)) ?? 0) >= c.frequencyCap) continue;
        eligible.push({ lc, priority: c.priority, weight: c.weight });
      }
      const secret = eligible.length > 0 ? await counter.secret() : '';
      const used = new Set<number>();
      return req.slots.map((slot, i): FilledAd => {
        const sizes = sizesBySlot[i]!;
        const fits = eligible.filter((e) => sizes.some((z) => e.lc.bySize.has(z)));
        const fresh = fits.filter((e) => !used.has(e.lc.campaign.id));
        const won = choose(fresh.length > 0 ? fresh : fits, rng)?.lc;
        if (won) {
          const c = won.campaign;
          // The capped count can have moved within this page (two slots): check again.
          const capped = c.frequencyCap !== null && (capCounts.get(capKey(c.id)) ?? 0) >= c.frequencyCap;
          if (!capped) {
            used.add(c.id);
            const size = sizes.find((z) => won.bySize.has(z))!;
            const options = won.bySize.get(size)!;
            const creative = options[Math.floor(rng() * options.length)] ?? options[0]!;
            if (c.frequencyCap !== null) capCounts.set(capKey(c.id), (capCounts.get(capKey(c.id)) ?? 0) + 1);
            if (!reader.bot) counter.served(c.id, creative.id);
            return fill(slot.id, size, creative, secret, nowMs);
          }
        }
        const kind = slotKindOf(slot.id)!;
        const tag = snap.network.get(kind);
        const tagSizes = tag ? sizes.filter((z) => tag.sizes.includes(z)) : [];
        if (tag && tagSizes.length > 0) {
          return { slot: slot.id, kind: 'network', size: tagSizes[0]!, token: '', network: { network: tag.network, unitPath: tag.unitPath, sizes: tagSizes } };
        }
        return { slot: slot.id, kind: 'house', size: sizes[0]!, token: '' };
      });
    },
  };
}

function fill(slot: string, size: AdSize, creative: AdCreative, secret: string, nowMs: number): FilledAd {
  const token = signToken(secret, { campaignId: creative.campaignId, creativeId: creative.id, slot, issuedAt: nowMs });
  const clickUrl = `/ads/click?t=${encodeURIComponent(token)}`;
  if (creative.kind === 'html') {
    return { slot, kind: 'html', size, token, html: creativeSrcdoc(creative.html ?? '', clickUrl, creative.width, creative.height), clickUrl };
  }
  return {
    slot,
    kind: 'image',
    size,
    token,
    image: { src: `/media/${creative.storageKey ?? ''}`, width: creative.width, height: creative.height, alt: creative.altText },
    clickUrl,
  };
}

export type AdDecision = ReturnType<typeof createAdDecision>;
