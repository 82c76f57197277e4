/**
 * Revision snapshots and their differences. Pure. A snapshot holds a story's
 * editable fields (body, bylines and tags included) plus its workflow state,
 * so every revision can be shown, compared with any other and restored.
 */
import { diffWords } from 'diff';
import { bodyToPlainText, emptyBody, type BodyDocument } from './body/index.js';
import type { Article, WireSource } from './article.js';

export interface StorySnapshot {
  headline: string;
  slug: string;
  standfirst: string;
  body: BodyDocument;
  sectionId: number | null;
  kind: string;
  datelinePlace: string;
  datelineDate: string | null;
  agencyCredit: string | null;
  featuredImageId: number | null;
  language: string;
  priority: number;
  seoTitle: string;
  seoDescription: string;
  source: WireSource | null;
  embargoUntil: string | null;
  authorIds: number[];
  tagIds: number[];
  status: string;
  scheduledAt: string | null;
  deskNote: string | null;
}

export type SnapshotField = keyof StorySnapshot;

/** Field order in diffs and `changed` lists. */
export const SNAPSHOT_FIELDS: readonly SnapshotField[] = [
  'headline',
  'slug',
  'standfirst',
  'body',
  'sectionId',
  'kind',
  'datelinePlace',
  'datelineDate',
  'agencyCredit',
  'featuredImageId',
  'language',
  'priority',
  'seoTitle',
  'seoDescription',
  'source',
  'embargoUntil',
  'authorIds',
  'tagIds',
  'status',
  'scheduledAt',
  'deskNote',
];

/** What a restore leaves alone: the slug (it would move a live URL) and the workflow state. */
const NOT_RESTORED = ['slug', 'embargoUntil', 'status', 'scheduledAt', 'deskNote'] as const satisfies readonly SnapshotField[];
type RestoredField = Exclude<SnapshotField, (typeof NOT_RESTORED)[number]>;

/** What a restore puts back: the copy, i.e. every snapshot field but those above. */
export const RESTORED_FIELDS = SNAPSHOT_FIELDS.filter((f): f is RestoredField => !(NOT_RESTORED as readonly SnapshotField[]).includes(f));

export function snapshotOf(a: Article): StorySnapshot {
  return {
    headline: a.headline,
    slug: a.slug,
    standfirst: a.standfirst,
    body: a.body,
    sectionId: a.sectionId,
    kind: a.kind,
    datelinePlace: a.datelinePlace,
    datelineDate: a.datelineDate,
    agencyCredit: a.agencyCredit,
    featuredImageId: a.featuredImageId,
    language: a.language,
    priority: a.priority,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    source: a.source,
    embargoUntil: a.embargoUntil,
    authorIds: a.authorIds,
    tagIds: a.tagIds,
    status: a.status,
    scheduledAt: a.scheduledAt,
    deskNote: a.deskNote,
  };
}

/** Before a story exists: what `create` is compared with, so its `changed` lists the fields it filled in. */
export const EMPTY_SNAPSHOT: StorySnapshot = Object.freeze({
  headline: '',
  slug: '',
  standfirst: '',
  body: emptyBody(),
  sectionId: null,
  kind: 'news',
  datelinePlace: '',
  datelineDate: null,
  agencyCredit: null,
  featuredImageId: null,
  language: 'en',
  priority: 0,
  seoTitle: '',
  seoDescription: '',
  source: null,
  embargoUntil: null,
  authorIds: [],
  tagIds: [],
  status: 'draft',
  scheduledAt: null,
  deskNote: null,
});

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function changedFields(before: StorySnapshot, after: StorySnapshot): SnapshotField[] {
  return SNAPSHOT_FIELDS.filter((f) => !same(before[f], after[f]));
}

const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const intOrNull = (v: unknown): number | null => (Number.isSafeInteger(v) ? (v as number) : null);
const ints = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => Number.isSafeInteger(x)) : []);

/**
 * Reads a stored snapshot. Snapshots are written by this code, but history
 * lives for years: a field a later version added reads as its empty value
 * rather than failing the whole history page.
 */
export function parseSnapshot(text: string): StorySnapshot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = {};
  }
  const o = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const e = EMPTY_SNAPSHOT;
  const body = o['body'] as Partial<BodyDocument> | undefined;
  const source = o['source'] as Partial<WireSource> | null | undefined;
  return {
    headline: str(o['headline'], e.headline),
    slug: str(o['slug'], e.slug),
    standfirst: str(o['standfirst'], e.standfirst),
    body: body && body.type === 'doc' && Array.isArray(body.content) ? (body as BodyDocument) : emptyBody(),
    sectionId: intOrNull(o['sectionId']),
    kind: str(o['kind'], e.kind),
    datelinePlace: str(o['datelinePlace'], e.datelinePlace),
    datelineDate: strOrNull(o['datelineDate']),
    agencyCredit: strOrNull(o['agencyCredit']),
    featuredImageId: intOrNull(o['featuredImageId']),
    language: str(o['language'], e.language),
    priority: Number.isSafeInteger(o['priority']) ? (o['priority'] as number) : e.priority,
    seoTitle: str(o['seoTitle'], e.seoTitle),
    seoDescription: str(o['seoDescription'], e.seoDescription),
    source:
      source && typeof source.agency === 'string' && typeof source.guid === 'string'
        ? { agency: source.agency, guid: source.guid, version: strOrNull(source.version) }
        : null,
    embargoUntil: strOrNull(o['embargoUntil']),
    authorIds: ints(o['authorIds']),
    tagIds: ints(o['tagIds']),
    status: str(o['status'], e.status),
    scheduledAt: strOrNull(o['scheduledAt']),
    deskNote: strOrNull(o['deskNote']),
  };
}

export interface FieldChange {
  field: SnapshotField;
  before: unknown;
  after: unknown;
}

export interface TextChange {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface SnapshotDiff {
  /** Every field but the body that differs, with both values. */
  fields: FieldChange[];
  /** The body's plain text, word by word; empty when the body did not change. */
  body: TextChange[];
}

export function diffSnapshots(before: StorySnapshot, after: StorySnapshot): SnapshotDiff {
  const fields = changedFields(before, after)
    .filter((f) => f !== 'body')
    .map((field) => ({ field, before: before[field], after: after[field] }));
  if (same(before.body, after.body)) return { fields, body: [] };
  const body = diffWords(bodyToPlainText(before.body), bodyToPlainText(after.body)).map(
    (c): TextChange => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }),
  );
  return { fields, body };
}
