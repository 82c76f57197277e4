/**
 * Wire items as the desk sees them: row → domain mapping, the auto-publish
 * rules and the events the desk listens to. Pure.
 */
import type { Selectable } from 'kysely';
import type { WireItemsTable, WireSourcesTable } from '../../db/schema.wire.js';
import { emptyBody, type BodyDocument } from '../articles/index.js';
import type { NormalisedWireItem, WireFormat, WirePubStatus } from './wire.item.js';

export type WireItemRow = Selectable<WireItemsTable>;
export type WireSourceRow = Selectable<WireSourcesTable>;

/** An auto-publish rule of a source: items matching it become stories in its section as they arrive. */
export interface WireRule {
  /** Any of these subjects (case-insensitive); empty = every item. */
  subjects: string[];
  /** Only items with priority <= this (1 = flash); null = any priority. */
  maxUrgency: number | null;
  sectionId: number;
  action: 'publish' | 'draft';
}

/** What the ingest needs of a source; a wire_sources row is accepted as it is. */
export interface WireIngestSource {
  id: number | null;
  name?: string;
  agency: string;
  credit: string;
  rules: readonly WireRule[];
  autoApplyUpdates: boolean;
}

export type WireItemState = 'all' | 'new' | 'used' | 'killed' | 'update';
export const WIRE_ITEM_STATES: readonly WireItemState[] = ['all', 'new', 'used', 'killed', 'update'];

export interface WireItemSummary {
  id: number;
  sourceId: number | null;
  sourceName: string | null;
  agency: string;
  guid: string;
  version: number;
  pubStatus: WirePubStatus;
  isCorrection: boolean;
  headline: string;
  standfirst: string;
  datelinePlace: string;
  datelineDate: string | null;
  byline: string | null;
  credit: string;
  priority: number;
  subjects: string[];
  receivedAt: string;
  updatedAt: string;
  versionCreated: string | null;
  embargoUntil: string | null;
  articleId: number | null;
  articleStatus: string | null;
  updateAvailable: boolean;
  killed: boolean;
  pictureCount: number;
}

export interface WireItem extends WireItemSummary {
  format: WireFormat;
  body: BodyDocument;
  keywords: string[];
  language: string;
  pictureIds: number[];
  killedAt: string | null;
  pendingEffects: boolean;
}

export interface WireRefusalView {
  id: number;
  sourceId: number | null;
  sourceName: string | null;
  filename: string;
  code: string;
  message: string;
  receivedAt: string;
}

export type WireEvent =
  | { type: 'item'; item: WireItemSummary }
  | { type: 'refusal'; refusal: WireRefusalView }
  | { type: 'alert'; message: string; wireItemId: number; articleId: number | null };

/** What the search feature gives the wire to keep the newsroom's search in step: told of each item written, after its commit. */
export interface WireIndexer {
  add(wireItemId: number): void;
}

export type ItemOutcome = 'new' | 'updated' | 'unchanged' | 'killed' | 'stale';

export interface IngestFileResult {
  status: 'ingested' | 'unchanged' | 'refused';
  filename: string;
  items: { guid: string; version: number; wireItemId: number; outcome: ItemOutcome }[];
  refusal: { code: string; message: string } | null;
}

/** A version's stored snapshot: the normalised item without its picture refs. */
export type WireSnapshot = Omit<NormalisedWireItem, 'pictures'>;

const PUB_STATUSES: readonly WirePubStatus[] = ['usable', 'withheld', 'canceled'];
const FORMATS: readonly WireFormat[] = ['ninjs', 'newsml-g2', 'iptc7901', 'rss', 'atom'];

export function isKill(status: WirePubStatus): boolean {
  return status !== 'usable';
}

function oneOf<T extends string>(list: readonly T[], value: string, fallback: T): T {
  return (list as readonly string[]).includes(value) ? (value as T) : fallback;
}

function jsonOr<T>(text: string | null | undefined, check: (v: unknown) => v is T, fallback: T): T {
  if (text == null) return fallback;
  try {
    const value: unknown = JSON.parse(text);
    return check(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isInteger(x));
const isBody = (v: unknown): v is BodyDocument => {
  const d = v as Partial<BodyDocument> | null;
  return typeof d === 'object' && d !== null && d.type === 'doc' && Array.isArray(d.content);
};

export const parseJsonStrings = (text: string | null | undefined): string[] => jsonOr(text, isStrings, []);

function isRule(v: unknown): v is WireRule {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    isStrings(r['subjects']) &&
    (r['maxUrgency'] === null || typeof r['maxUrgency'] === 'number') &&
    typeof r['sectionId'] === 'number' &&
    (r['action'] === 'publish' || r['action'] === 'draft')
  );
}

/** The rules stored on a source; malformed entries are dropped rather than applied half-understood. */
export function parseRules(text: string | null | undefined): WireRule[] {
  const list = jsonOr(text, (v): v is unknown[] => Array.isArray(v), []);
  return list.filter(isRule);
}

/** A wire_sources row or an already-mapped source, as the ingest needs it. */
export function toIngestSource(source: WireIngestSource | WireSourceRow): WireIngestSource {
  if ('auto_apply_updates' in source) {
    return {
      id: source.id,
      name: source.name,
      agency: source.agency,
      credit: source.credit,
      rules: parseRules(source.rules),
      autoApplyUpdates: source.auto_apply_updates === 1,
    };
  }
  return source;
}

/** The first rule an item matches: any-of its subjects (case-insensitive, empty = all), and urgent enough. */
export function matchRule(rules: readonly WireRule[], item: { subjects: readonly string[]; priority: number }): WireRule | undefined {
  const subjects = new Set(item.subjects.map((s) => s.trim().toLowerCase()));
  return rules.find(
    (r) =>
      (r.maxUrgency === null || item.priority <= r.maxUrgency) &&
      (r.subjects.length === 0 || r.subjects.some((s) => subjects.has(s.trim().toLowerCase()))),
  );
}

export interface SummaryJoins {
  source_name?: string | null;
  article_status?: string | null;
}

export function toWireItem(row: WireItemRow & SummaryJoins): WireItem {
  const pictureIds = jsonOr(row.picture_ids, isNumbers, []);
  return {
    id: row.id,
    sourceId: row.source_id,
    sourceName: row.source_name ?? null,
    agency: row.agency,
    guid: row.guid,
    version: row.version,
    pubStatus: oneOf(PUB_STATUSES, row.pub_status, 'usable'),
    isCorrection: row.is_correction === 1,
    headline: row.headline,
    standfirst: row.standfirst,
    datelinePlace: row.dateline_place,
    datelineDate: row.dateline_date,
    byline: row.byline,
    credit: row.credit,
    priority: row.priority,
    subjects: parseJsonStrings(row.subjects),
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    versionCreated: row.version_created,
    embargoUntil: row.embargo_until,
    articleId: row.article_id,
    articleStatus: row.article_status ?? null,
    updateAvailable: row.update_available === 1,
    killed: row.killed_at !== null,
    pictureCount: pictureIds.length,
    format: oneOf(FORMATS, row.format, 'ninjs'),
    body: jsonOr(row.body, isBody, emptyBody()),
    keywords: parseJsonStrings(row.keywords),
    language: row.language,
    pictureIds,
    killedAt: row.killed_at,
    pendingEffects: row.pending_effects === 1,
  };
}

/** The summary allowlist of an item (what the inbox and the event stream carry). */
export function toSummary(item: WireItem): WireItemSummary {
  return {
    id: item.id,
    sourceId: item.sourceId,
    sourceName: item.sourceName,
    agency: item.agency,
    guid: item.guid,
    version: item.version,
    pubStatus: item.pubStatus,
    isCorrection: item.isCorrection,
    headline: item.headline,
    standfirst: item.standfirst,
    datelinePlace: item.datelinePlace,
    datelineDate: item.datelineDate,
    byline: item.byline,
    credit: item.credit,
    priority: item.priority,
    subjects: item.subjects,
    receivedAt: item.receivedAt,
    updatedAt: item.updatedAt,
    versionCreated: item.versionCreated,
    embargoUntil: item.embargoUntil,
    articleId: item.articleId,
    articleStatus: item.articleStatus,
    updateAvailable: item.updateAvailable,
    killed: item.killed,
    pictureCount: item.pictureCount,
  };
}

export function snapshotOf(item: NormalisedWireItem): WireSnapshot {
  const { pictures: _pictures, ...rest } = item;
  return rest;
}

export function parseSnapshot(text: string): Partial<WireSnapshot> {
  return jsonOr(text, (v): v is Partial<WireSnapshot> => typeof v === 'object' && v !== null && !Array.isArray(v), {});
}

/** Inbox cursor: the (received_at, id) of the last item shown. */
export function encodeWireCursor(at: string, id: number): string {
  return Buffer.from(`${at}|${id}`, 'utf8').toString('base64url');
}

export function decodeWireCursor(cursor: string): { at: string; id: number } | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.lastIndexOf('|');
  if (bar < 1) return undefined;
  const id = Number(text.slice(bar + 1));
  const at = text.slice(0, bar);
  if (!Number.isInteger(id) || id < 1 || !/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(at)) return undefined;
  return { at, id };
}
