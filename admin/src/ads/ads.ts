/**
 * The advertising vocabulary the screens share: the admin API's shapes
 * (/api/admin/ads, see docs/advertising.md), the slots and sizes (duplicated
 * from src/features/ads/ad.slots.ts; ads.test.ts checks they agree) and labels.
 */

export const AD_SIZES = ['728x90', '320x50', '300x250'] as const;
export type AdSize = (typeof AD_SIZES)[number];

export const AD_SLOTS = {
  top: { sizes: ['728x90', '320x50'], label: 'Top leaderboard' },
  rail: { sizes: ['300x250'], label: 'Sidebar rectangle' },
  'in-article': { sizes: ['300x250'], label: 'In-article (after paragraph N)' },
  'home-1': { sizes: ['300x250'], label: 'Home, after the lead' },
  'home-2': { sizes: ['300x250'], label: 'Home, between sections' },
} as const satisfies Record<string, { sizes: readonly AdSize[]; label: string }>;
export type AdSlotKind = keyof typeof AD_SLOTS;
export const AD_SLOT_KINDS = Object.keys(AD_SLOTS) as AdSlotKind[];

export function sizeDimensions(size: string): { width: number; height: number } {
  const [w, h] = size.split('x');
  return { width: Number(w) || 0, height: Number(h) || 0 };
}

export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { draft: 'Draft', active: 'Active', paused: 'Paused', ended: 'Ended' };

export const PAGE_TYPES = ['home', 'section', 'article', 'other'] as const;
export const PAGE_TYPE_LABELS: Record<(typeof PAGE_TYPES)[number], string> = { home: 'Home page', section: 'Section fronts', article: 'Stories', other: 'Other pages' };
export const DEVICES = ['phone', 'tablet', 'desktop'] as const;
export const DEVICE_LABELS: Record<(typeof DEVICES)[number], string> = { phone: 'Phones', tablet: 'Tablets', desktop: 'Desktops' };

export const INQUIRY_STATUSES = ['new', 'contacted', 'won', 'lost'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];
export const INQUIRY_STATUS_LABELS: Record<InquiryStatus, string> = { new: 'New', contacted: 'Contacted', won: 'Won', lost: 'Lost' };

/** A label for a status the screens know, the raw value otherwise (a newer server may add some). */
export function labelOf(labels: Readonly<Record<string, string>>, value: string): string {
  return labels[value] ?? value;
}

/** Empty lists mean "any". */
export interface Targeting {
  sections: number[];
  pageTypes: string[];
  devices: string[];
  languages: string[];
  keywords: string[];
}

export interface Delivery {
  served: number;
  viewable: number;
  clicks: number;
  ctr: number | null;
  /** Viewable impressions delivered as a fraction of the goal (null without a goal). */
  goalProgress: number | null;
  pacing: number | null;
}

export interface AdCreative {
  id: number;
  campaignId: number;
  name: string;
  kind: 'image' | 'html';
  size: string;
  imageUrl: string | null;
  width: number;
  height: number;
  clickUrl: string;
  altText: string;
  active: boolean;
  html: string | null;
}

export interface AdCampaign {
  id: number;
  name: string;
  advertiser: string;
  status: string;
  startsAt: string;
  endsAt: string;
  priority: number;
  weight: number;
  impressionGoal: number | null;
  frequencyCap: number | null;
  targeting: Targeting;
  creatives: AdCreative[];
  delivery: Delivery;
}

/** What POST /campaigns and PATCH /campaigns/:id take. */
export interface CampaignInput {
  name: string;
  advertiser: string;
  startsAt: string;
  endsAt: string;
  priority: number;
  weight: number;
  impressionGoal: number | null;
  frequencyCap: number | null;
  targeting: Targeting;
}

export interface ReportRow {
  day: string;
  campaignId: number;
  campaignName: string;
  creativeId: number;
  creativeName: string;
  served: number;
  viewable: number;
  clicks: number;
  ctr: number | null;
}

export interface Report {
  rows: ReportRow[];
}

export interface Inquiry {
  id: number;
  name: string;
  company: string;
  email: string;
  phone: string;
  budget: string;
  message: string;
  status: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface RateCardRow {
  placement: string;
  size: string;
  /** As ad ops typed it ('₹250', 'On request'); older cards may hold a number of rupees. */
  price: string | number;
  /** What the price buys: "CPM", "per day", "per insertion". */
  unit: string;
  notes: string;
}

export interface RateCard {
  intro: string;
  rows: RateCardRow[];
  /** Other ways to advertise (classifieds, print), one line each, where the server keeps them. */
  more?: string[];
}

export interface NetworkTag {
  network: 'gam';
  unitPath: string;
  sizes: string[];
}

export interface NetworkSettings {
  slots: Partial<Record<string, NetworkTag | null>>;
}

export const ADS_BASE = '/admin/ads';
