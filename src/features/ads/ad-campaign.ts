/**
 * Campaigns and creatives: domain types, row mappers and the pure rules the
 * decision applies — in flight, targeting, even pacing, priority then
 * weighted rotation. No I/O here; time and randomness come in as arguments.
 */
import type { AdCampaignRow, AdCreativeRow } from '../../db/schema.ads.js';
import { isAdSize, type AdSize } from './ad.slots.js';

export const AD_STATUSES = ['draft', 'active', 'paused', 'ended'] as const;
export type AdStatus = (typeof AD_STATUSES)[number];
export const PAGE_TYPES = ['home', 'section', 'article', 'other'] as const;
export type AdPageType = (typeof PAGE_TYPES)[number];
export const DEVICES = ['phone', 'tablet', 'desktop'] as const;
export type AdDevice = (typeof DEVICES)[number];
export const CREATIVE_KINDS = ['image', 'html'] as const;
export type AdCreativeKind = (typeof CREATIVE_KINDS)[number];

/** Every list empty = any. */
export interface AdTargeting {
  sections: number[];
  pageTypes: AdPageType[];
  devices: AdDevice[];
  /** Language tags: "en" matches "en-IN" pages; "en-IN" matches only "en-IN". */
  languages: string[];
  /** Any one of them among the story's keywords (case-insensitive). */
  keywords: string[];
}

export interface AdCampaign {
  id: number;
  name: string;
  advertiser: string;
  status: AdStatus;
  startsAt: string;
  endsAt: string;
  priority: number;
  weight: number;
  impressionGoal: number | null;
  frequencyCap: number | null;
  targeting: AdTargeting;
  createdAt: string;
  updatedAt: string;
}

export interface AdCreative {
  id: number;
  campaignId: number;
  name: string;
  kind: AdCreativeKind;
  size: AdSize;
  storageKey: string | null;
  mime: string | null;
  width: number;
  height: number;
  html: string | null;
  clickUrl: string;
  altText: string;
  active: boolean;
  createdAt: string;
}

export const AD_LIMITS = {
  name: 200,
  advertiser: 200,
  altText: 300,
  clickUrl: 2000,
  html: 20_000,
  targetingItems: 200,
  keyword: 60,
  language: 35,
  priorityMin: 1,
  priorityMax: 10,
  weightMax: 1000,
  goalMax: 2_000_000_000,
  capMax: 1000,
} as const;

export function emptyTargeting(): AdTargeting {
  return { sections: [], pageTypes: [], devices: [], languages: [], keywords: [] };
}

/** Stored JSON → targeting, tolerating documents written by older versions (missing lists = any). */
export function parseTargeting(text: string): AdTargeting {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return emptyTargeting();
  }
  const o = (raw ?? {}) as Record<string, unknown>;
  const list = <T>(v: unknown, ok: (x: unknown) => x is T): T[] => (Array.isArray(v) ? v.filter(ok) : []);
  return {
    sections: list(o['sections'], (x): x is number => Number.isInteger(x)),
    pageTypes: list(o['pageTypes'], (x): x is AdPageType => (PAGE_TYPES as readonly unknown[]).includes(x)),
    devices: list(o['devices'], (x): x is AdDevice => (DEVICES as readonly unknown[]).includes(x)),
    languages: list(o['languages'], (x): x is string => typeof x === 'string'),
    keywords: list(o['keywords'], (x): x is string => typeof x === 'string'),
  };
}

export function toAdCampaign(row: AdCampaignRow): AdCampaign {
  return {
    id: row.id,
    name: row.name,
    advertiser: row.advertiser,
    status: (AD_STATUSES as readonly string[]).includes(row.status) ? (row.status as AdStatus) : 'draft',
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    priority: row.priority,
    weight: row.weight,
    impressionGoal: row.impression_goal,
    frequencyCap: row.frequency_cap,
    targeting: parseTargeting(row.targeting),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toAdCreative(row: AdCreativeRow): AdCreative {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    name: row.name,
    kind: row.kind === 'html' ? 'html' : 'image',
    size: isAdSize(row.size) ? row.size : '300x250',
    storageKey: row.storage_key,
    mime: row.mime,
    width: row.width,
    height: row.height,
    html: row.html,
    clickUrl: row.click_url,
    altText: row.alt_text,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

/** Active, and now is within [startsAt, endsAt). Checked at every decision, so an ended flight stops even on cached pages. */
export function isInFlight(c: Pick<AdCampaign, 'status' | 'startsAt' | 'endsAt'>, nowIso: string): boolean {
  return c.status === 'active' && c.startsAt <= nowIso && nowIso < c.endsAt;
}

/** Is this an absolute http(s) URL with a host (nothing else may be a click-through)? */
export function isClickUrl(value: string): boolean {
  if (value.length > AD_LIMITS.clickUrl || !/^https?:\/\//i.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** What the decision knows about a page and a reader. */
export interface AdPageContext {
  pageType: AdPageType;
  sectionId: number | null;
  /** Lower-case language tag, e.g. "en-in". */
  language: string;
  /** Lower-case keywords of the story. */
  keywords: ReadonlySet<string>;
  device: AdDevice;
}

/** Targeting compiled for fast matching (sets, lower-case). */
export interface CompiledTargeting {
  sections: ReadonlySet<number> | null;
  pageTypes: ReadonlySet<AdPageType> | null;
  devices: ReadonlySet<AdDevice> | null;
  languages: readonly string[] | null;
  keywords: readonly string[] | null;
}

export function compileTargeting(t: AdTargeting): CompiledTargeting {
  const orNull = <T>(xs: readonly T[]) => (xs.length === 0 ? null : xs);
  return {
    sections: t.sections.length === 0 ? null : new Set(t.sections),
    pageTypes: t.pageTypes.length === 0 ? null : new Set(t.pageTypes),
    devices: t.devices.length === 0 ? null : new Set(t.devices),
    languages: orNull(t.languages.map((l) => l.toLowerCase())),
    keywords: orNull(t.keywords.map((k) => k.toLowerCase())),
  };
}

/** Does a page match? Every dimension that lists something must match; an empty one matches anything. */
export function matchesTargeting(t: CompiledTargeting, page: AdPageContext): boolean {
  if (t.pageTypes && !t.pageTypes.has(page.pageType)) return false;
  if (t.devices && !t.devices.has(page.device)) return false;
  if (t.sections && (page.sectionId === null || !t.sections.has(page.sectionId))) return false;
  if (t.languages && !t.languages.some((l) => page.language === l || page.language.startsWith(`${l}-`))) return false;
  if (t.keywords && !t.keywords.some((k) => page.keywords.has(k))) return false;
  return true;
}

/** Slack so a campaign can start delivering at the first moment of its flight, and pacing is not jumpy on small goals. */
export const PACING_MARGIN = 0.05;
export const PACING_MIN_SLACK = 10;

/**
 * Even pacing: a campaign with a goal may serve while what it delivered is at
 * most the goal times the elapsed fraction of its flight, plus a margin; never
 * once the goal is met. Without a goal it always may.
 */
export function pacingAllows(c: Pick<AdCampaign, 'impressionGoal' | 'startsAt' | 'endsAt'>, delivered: number, nowMs: number): boolean {
  if (c.impressionGoal === null) return true;
  return pacingAllowsMs(c.impressionGoal, Date.parse(c.startsAt), Date.parse(c.endsAt), delivered, nowMs);
}

/** The same rule on epoch milliseconds (the decision keeps them parsed). */
export function pacingAllowsMs(goal: number, startMs: number, endMs: number, delivered: number, nowMs: number): boolean {
  if (delivered >= goal) return false;
  return delivered <= pacingAllowance(startMs, endMs, nowMs, goal);
}

/** Deliveries allowed by now under even pacing (goal × elapsed fraction, plus margin). */
export function pacingAllowance(startMs: number, endMs: number, nowMs: number, goal: number): number {
  const fraction = endMs > startMs ? Math.min(1, Math.max(0, (nowMs - startMs) / (endMs - startMs))) : 1;
  return goal * fraction * (1 + PACING_MARGIN) + Math.max(PACING_MIN_SLACK, goal * 0.01);
}

/** A random number in [0, 1); injected so tests are deterministic. */
export type Rng = () => number;

/** mulberry32: small, fast and good enough to rotate ads; seeded in tests. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The highest priority wins; among equals, a random pick weighted by weight. */
export function choose<T extends { priority: number; weight: number }>(candidates: readonly T[], rng: Rng): T | undefined {
  let top = -Infinity;
  let total = 0;
  for (const c of candidates) {
    if (c.priority > top) {
      top = c.priority;
      total = c.weight;
    } else if (c.priority === top) total += c.weight;
  }
  if (total <= 0) return undefined;
  let r = rng() * total;
  let last: T | undefined;
  for (const c of candidates) {
    if (c.priority !== top) continue;
    last = c;
    r -= c.weight;
    if (r < 0) return c;
  }
  return last;
}
