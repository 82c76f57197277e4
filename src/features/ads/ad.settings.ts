/**
 * Ad-ops settings: the ad-network tag each slot falls back to when no direct
 * campaign wins, and the rate card shown on /advertise (settings key
 * `ads.rateCard`, structured JSON, no markup).
 */
import type { Db } from '../../db/index.js';
import type { AdNetworkFallbackRow } from '../../db/schema.ads.js';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/clock.js';
import { invalid } from '../../lib/errors.js';
import type { ContentEvents } from '../../lib/events.js';
import { AD_SLOTS, AD_SLOT_KINDS, isAdSize, type AdSize, type AdSlotKind } from './ad.slots.js';
import type { NetworkTag } from './ad.decision.js';
import * as q from './ad.settings.queries.js';

export const AD_RATE_CARD_KEY = 'ads.rateCard';

export interface RateCardRow {
  placement: string;
  size: string;
  price: string;
  unit: string;
  notes: string;
}
export interface RateCard {
  intro: string;
  rows: RateCardRow[];
}
export const RATE_CARD_LIMITS = { intro: 2000, rows: 50, cell: 200 } as const;

export function defaultRateCard(): RateCard {
  return {
    intro: 'Reach our readers on every page of the site. Prices are per thousand viewable impressions (CPM), before taxes.',
    rows: [
      { placement: 'Top leaderboard', size: '728x90 / 320x50', price: '₹250', unit: 'CPM', notes: 'Every page; 320x50 on phones' },
      { placement: 'Sidebar rectangle', size: '300x250', price: '₹180', unit: 'CPM', notes: 'Story pages' },
      { placement: 'In-article', size: '300x250', price: '₹220', unit: 'CPM', notes: 'Between paragraphs of stories' },
      { placement: 'Home page', size: '300x250', price: '₹300', unit: 'CPM', notes: 'After the lead and between sections' },
    ],
  };
}

/** A stored rate card, tolerating a damaged or partial document (falls back to the default). */
export function parseRateCard(text: string | undefined): RateCard {
  if (text === undefined) return defaultRateCard();
  try {
    const o = JSON.parse(text) as Partial<RateCard>;
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    return {
      intro: str(o.intro),
      rows: Array.isArray(o.rows)
        ? o.rows.map((r: Partial<RateCardRow>) => ({ placement: str(r.placement), size: str(r.size), price: str(r.price), unit: str(r.unit), notes: str(r.notes) }))
        : [],
    };
  } catch {
    return defaultRateCard();
  }
}

export type NetworkSlots = Record<AdSlotKind, NetworkTag | null>;

/** Google Ad Manager unit paths: "/<network code>/<unit>/…". */
const UNIT_PATH = /^\/[0-9]{1,20}(\/[A-Za-z0-9_.-]{1,100}){0,10}$/;

/** Surrogate key of the /advertise page, purged when the rate card changes. */
export const ADVERTISE_PAGE_KEY = 'advertise';

export function createAdSettingsService(deps: { db: Db; clock: Clock; events?: ContentEvents; onChange?: () => void }) {
  const { db, clock } = deps;

  async function network(): Promise<NetworkSlots> {
    const out = Object.fromEntries(AD_SLOT_KINDS.map((k) => [k, null])) as NetworkSlots;
    for (const row of await q.networkFallbackRows(db)) {
      if (!(AD_SLOT_KINDS as readonly string[]).includes(row.slot)) continue;
      let sizes: AdSize[] = [];
      try {
        sizes = (JSON.parse(row.sizes) as unknown[]).filter((s): s is AdSize => typeof s === 'string' && isAdSize(s));
      } catch {
        sizes = [];
      }
      out[row.slot as AdSlotKind] = { network: 'gam', unitPath: row.unit_path, sizes };
    }
    return out;
  }

  return {
    network,

    async setNetwork(slots: Partial<Record<string, { network: 'gam'; unitPath: string; sizes: string[] } | null>>): Promise<NetworkSlots> {
      const now = toIso(clock.now());
      const rows: AdNetworkFallbackRow[] = [];
      for (const [slot, tag] of Object.entries(slots)) {
        if (!(AD_SLOT_KINDS as readonly string[]).includes(slot)) throw invalid('AD_SLOT_UNKNOWN', `Slots are ${AD_SLOT_KINDS.join(', ')}.`, `slots.${slot}`);
        if (!tag) continue;
        if (tag.network !== 'gam') throw invalid('AD_NETWORK_INVALID', 'The only ad network supported is "gam" (Google Ad Manager).', `slots.${slot}.network`);
        if (!UNIT_PATH.test(tag.unitPath)) throw invalid('AD_NETWORK_INVALID', 'A unit path looks like "/1234567/dateline/top".', `slots.${slot}.unitPath`);
        const allowed: readonly string[] = AD_SLOTS[slot as AdSlotKind].sizes;
        const sizes = [...new Set(tag.sizes)];
        if (sizes.length === 0 || sizes.some((s) => !allowed.includes(s))) {
          throw invalid('AD_NETWORK_INVALID', `The ${slot} slot serves ${allowed.join(', ')}.`, `slots.${slot}.sizes`);
        }
        rows.push({ slot, network: 'gam', unit_path: tag.unitPath, sizes: JSON.stringify(sizes), updated_at: now });
      }
      await db.transaction().execute((trx) => q.replaceNetworkFallbacks(trx, rows));
      deps.onChange?.();
      return network();
    },

    async rateCard(): Promise<RateCard> {
      return parseRateCard(await q.findSetting(db, AD_RATE_CARD_KEY));
    },

    async setRateCard(card: RateCard): Promise<RateCard> {
      const intro = card.intro.trim();
      if (intro.length > RATE_CARD_LIMITS.intro) throw invalid('AD_RATE_CARD_INVALID', `The introduction may have at most ${RATE_CARD_LIMITS.intro} characters.`, 'intro');
      if (card.rows.length > RATE_CARD_LIMITS.rows) throw invalid('AD_RATE_CARD_INVALID', `At most ${RATE_CARD_LIMITS.rows} rows.`, 'rows');
      const rows = card.rows.map((r, i) => {
        const clean = { placement: r.placement.trim(), size: r.size.trim(), price: r.price.trim(), unit: r.unit.trim(), notes: r.notes.trim() };
        for (const [k, v] of Object.entries(clean)) {
          if (v.length > RATE_CARD_LIMITS.cell) throw invalid('AD_RATE_CARD_INVALID', `At most ${RATE_CARD_LIMITS.cell} characters.`, `rows.${i}.${k}`);
        }
        if (clean.placement === '') throw invalid('AD_RATE_CARD_INVALID', 'Every row needs a placement.', `rows.${i}.placement`);
        return clean;
      });
      const value: RateCard = { intro, rows };
      await q.upsertSetting(db, AD_RATE_CARD_KEY, JSON.stringify(value), toIso(clock.now()));
      deps.events?.emit({ keys: [ADVERTISE_PAGE_KEY] });
      return value;
    },
  };
}

export type AdSettingsService = ReturnType<typeof createAdSettingsService>;
