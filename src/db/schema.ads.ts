/** Tables of advertising (migration 0007). Timestamps are ISO-8601 UTC text, days YYYY-MM-DD, JSON is text, booleans 0/1. */
import type { Generated, Selectable } from 'kysely';

export interface AdCampaignsTable {
  id: Generated<number>;
  name: string;
  advertiser: string;
  /** 'draft' | 'active' | 'paused' | 'ended' */
  status: string;
  starts_at: string;
  ends_at: string;
  /** 1..10, higher wins. */
  priority: number;
  /** ≥ 1, rotation among campaigns of equal priority. */
  weight: number;
  /** Viewable impressions to deliver over the flight; null = no goal (no pacing). */
  impression_goal: number | null;
  /** Serves per reader per day; null = no cap. */
  frequency_cap: number | null;
  /** JSON text: { sections: number[], pageTypes: string[], devices: string[], languages: string[], keywords: string[] } (empty = any). */
  targeting: string;
  created_at: string;
  updated_at: string;
}

export interface AdCreativesTable {
  id: Generated<number>;
  campaign_id: number;
  name: string;
  /** 'image' | 'html' */
  kind: string;
  /** '728x90' | '320x50' | '300x250' */
  size: string;
  /** Image creatives: key in the media store. */
  storage_key: string | null;
  mime: string | null;
  width: number;
  height: number;
  /** HTML creatives: sanitised HTML, served only as srcdoc of a sandboxed iframe. */
  html: string | null;
  /** http(s) only. */
  click_url: string;
  alt_text: string;
  /** 0/1 */
  active: number;
  created_at: string;
}

export interface AdDailyStatsTable {
  campaign_id: number;
  creative_id: number;
  /** YYYY-MM-DD (UTC) */
  day: string;
  served: number;
  viewable: number;
  clicks: number;
}

export interface AdBeaconsTable {
  /** sha256 hex of the signed serve token + event kind. */
  token_hash: string;
  /** 'view' | 'click' */
  kind: string;
  day: string;
}

export interface AdNetworkFallbacksTable {
  /** Slot kind: 'top', 'rail', 'in-article', 'home-1', 'home-2'. */
  slot: string;
  /** 'gam' */
  network: string;
  unit_path: string;
  /** JSON text: AdSize[] */
  sizes: string;
  updated_at: string;
}

/** One row (id 1): the secret that signs serve tokens, made at first start. */
export interface AdSigningKeysTable {
  id: number;
  /** base64url of 32 random bytes. */
  secret: string;
  created_at: string;
}

export interface AdInquiriesTable {
  id: Generated<number>;
  name: string;
  company: string;
  email: string;
  phone: string;
  budget: string;
  message: string;
  /** 'new' | 'contacted' | 'won' | 'lost' */
  status: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface AdTables {
  ad_campaigns: AdCampaignsTable;
  ad_creatives: AdCreativesTable;
  ad_daily_stats: AdDailyStatsTable;
  ad_beacons: AdBeaconsTable;
  ad_network_fallbacks: AdNetworkFallbacksTable;
  ad_signing_keys: AdSigningKeysTable;
  ad_inquiries: AdInquiriesTable;
}

export type AdCampaignRow = Selectable<AdCampaignsTable>;
export type AdCreativeRow = Selectable<AdCreativesTable>;
export type AdDailyStatsRow = Selectable<AdDailyStatsTable>;
export type AdNetworkFallbackRow = Selectable<AdNetworkFallbacksTable>;
export type AdInquiryRow = Selectable<AdInquiriesTable>;
