/**
 * Tables of the wire desk (migration 0006). Timestamps are ISO-8601 UTC text,
 * JSON documents are text, booleans are integers 0/1.
 */
import type { Generated } from 'kysely';

export interface WireSourcesTable {
  id: Generated<number>;
  name: string;
  /** The agency's name as its items are keyed ("AFP"); items are unique per (agency, guid). */
  agency: string;
  /** Credit line put on stories made from this source's copy when the copy names none. */
  credit: string;
  /** 'folder' | 'poll' | 'push' */
  kind: string;
  folder_path: string | null;
  feed_url: string | null;
  poll_interval_s: Generated<number>;
  /** HMAC secret of a push source; null until one is made. */
  push_secret: string | null;
  enabled: Generated<number>;
  /** JSON text: WireRule[] */
  rules: Generated<string>;
  auto_apply_updates: Generated<number>;
  etag: string | null;
  last_modified: string | null;
  last_run_at: string | null;
  next_run_at: string | null;
  failures: Generated<number>;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface WireItemsTable {
  id: Generated<number>;
  source_id: number | null;
  agency: string;
  guid: string;
  /** The latest version received. */
  version: number;
  /** 'usable' | 'withheld' | 'canceled' */
  pub_status: string;
  is_correction: number;
  /** WireFormat */
  format: string;
  headline: string;
  standfirst: string;
  /** JSON text: BodyDocument (never raw HTML). */
  body: string;
  dateline_place: string;
  dateline_date: string | null;
  byline: string | null;
  credit: string;
  priority: number;
  /** JSON text: string[] */
  subjects: string;
  /** JSON text: string[] */
  keywords: string;
  language: string;
  embargo_until: string | null;
  version_created: string | null;
  /** When the first version arrived. */
  received_at: string;
  /** When the latest version arrived. */
  updated_at: string;
  /** JSON text: media ids of the item's pictures, in order. */
  picture_ids: Generated<string>;
  /** The story made from this item (Use or a rule). */
  article_id: number | null;
  update_available: Generated<number>;
  killed_at: string | null;
  /** 1 while story effects (rules, updates, kill) of the latest version are not yet applied. */
  pending_effects: Generated<number>;
}

export interface WireItemVersionsTable {
  id: Generated<number>;
  wire_item_id: number;
  version: number;
  received_at: string;
  pub_status: string;
  is_correction: number;
  /** JSON text: the NormalisedWireItem of this version, without picture refs. */
  snapshot: string;
}

export interface WireRefusalsTable {
  id: Generated<number>;
  source_id: number | null;
  filename: string;
  code: string;
  message: string;
  received_at: string;
  quarantine_path: string | null;
}

export interface WireTables {
  wire_sources: WireSourcesTable;
  wire_items: WireItemsTable;
  wire_item_versions: WireItemVersionsTable;
  wire_refusals: WireRefusalsTable;
}
