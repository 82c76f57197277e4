/**
 * The archive format: one gzipped tar holding `manifest.json`, one
 * `tables/<table>.ndjson` per content table and `media/<key>` per stored
 * file. Pure rules only — the column map, the manifest shape and the row
 * checks that import runs before it writes anything.
 */
import type { Selectable } from 'kysely';
import type { Db, Dialect } from '../../db/index.js';
import { CONTENT_TABLES, type Database } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { isMediaKey, type MediaStore } from '../media/index.js';
import { archiveError } from './archive.errors.js';

export const ARCHIVE_FORMAT = 'dateline-archive';
export const ARCHIVE_FORMAT_VERSION = 1;

export interface ArchiveDeps {
  db: Db;
  dialect: Dialect;
  mediaStore: MediaStore;
  clock: Clock;
}

export type Progress = (event: { phase: 'tables' | 'media' | 'verify'; table?: string; done: number; total: number }) => void;

export interface ArchiveSummary {
  /** Rows per content table. */
  tables: Record<string, number>;
  mediaFiles: number;
  /** Size of the archive file. */
  bytes: number;
}

export type ContentTable = (typeof CONTENT_TABLES)[number];

/** How a column's value travels through JSON; `?` marks a nullable column. */
export type ColumnKind = 'int' | 'int?' | 'real' | 'text' | 'text?';

// Derived from the row interfaces, so the map below cannot miss, invent or mistype a column without a compile error.
type KindOf<V> = null extends V
  ? NonNullable<V> extends number
    ? 'int?'
    : 'text?'
  : V extends number
    ? 'int' | 'real'
    : 'text';
type KindsOf<T extends ContentTable> = { readonly [C in keyof Selectable<Database[T]>]-?: KindOf<Selectable<Database[T]>[C]> };

export const COLUMN_KINDS = {
  settings: { key: 'text', value: 'text', updated_at: 'text' },
  media: {
    id: 'int',
    storage_key: 'text',
    original_name: 'text',
    mime_type: 'text',
    byte_size: 'int',
    width: 'int',
    height: 'int',
    sha256: 'text',
    caption: 'text',
    credit: 'text',
    alt_text: 'text',
    focal_x: 'real',
    focal_y: 'real',
    created_at: 'text',
    updated_at: 'text',
  },
  sections: {
    id: 'int',
    slug: 'text',
    name: 'text',
    description: 'text',
    parent_id: 'int?',
    position: 'int',
    created_at: 'text',
    updated_at: 'text',
  },
  authors: {
    id: 'int',
    slug: 'text',
    name: 'text',
    title: 'text',
    bio: 'text',
    photo_id: 'int?',
    social: 'text',
    created_at: 'text',
    updated_at: 'text',
  },
  tags: { id: 'int', slug: 'text', name: 'text', created_at: 'text' },
  articles: {
    id: 'int',
    slug: 'text',
    section_id: 'int?',
    kind: 'text',
    status: 'text',
    headline: 'text',
    standfirst: 'text',
    body: 'text',
    dateline_place: 'text',
    dateline_date: 'text?',
    agency_credit: 'text?',
    featured_image_id: 'int?',
    language: 'text',
    priority: 'int',
    seo_title: 'text',
    seo_description: 'text',
    source_agency: 'text?',
    source_guid: 'text?',
    source_version: 'text?',
    published_at: 'text?',
    updated_at: 'text?',
    created_at: 'text',
    modified_at: 'text',
    revision: 'int',
    embargo_until: 'text?',
    scheduled_at: 'text?',
    desk_note: 'text?',
    last_edited_by: 'text?',
  },
  article_authors: { article_id: 'int', author_id: 'int', position: 'int' },
  article_tags: { article_id: 'int', tag_id: 'int', position: 'int' },
  article_corrections: { id: 'int', article_id: 'int', kind: 'text', text: 'text', created_at: 'text' },
  article_revisions: {
    id: 'int',
    article_id: 'int',
    revision: 'int',
    created_at: 'text',
    actor_user_id: 'int?',
    actor_name: 'text',
    action: 'text',
    changed: 'text',
    snapshot: 'text',
  },
  pages: {
    id: 'int',
    slug: 'text',
    title: 'text',
    body: 'text',
    seo_description: 'text',
    status: 'text',
    created_at: 'text',
    updated_at: 'text',
  },
  staff_users: {
    id: 'int',
    email: 'text',
    name: 'text',
    role: 'text',
    password_hash: 'text',
    active: 'int',
    created_at: 'text',
    updated_at: 'text',
    last_login_at: 'text?',
  },
} as const satisfies { readonly [T in ContentTable]: KindsOf<T> };

/** The columns of every content table, as stored. A test keeps this in step with both live databases. */
export const COLUMNS: Record<ContentTable, readonly string[]> = {
  settings: Object.keys(COLUMN_KINDS.settings),
  media: Object.keys(COLUMN_KINDS.media),
  sections: Object.keys(COLUMN_KINDS.sections),
  authors: Object.keys(COLUMN_KINDS.authors),
  tags: Object.keys(COLUMN_KINDS.tags),
  articles: Object.keys(COLUMN_KINDS.articles),
  article_authors: Object.keys(COLUMN_KINDS.article_authors),
  article_tags: Object.keys(COLUMN_KINDS.article_tags),
  article_corrections: Object.keys(COLUMN_KINDS.article_corrections),
  article_revisions: Object.keys(COLUMN_KINDS.article_revisions),
  pages: Object.keys(COLUMN_KINDS.pages),
  staff_users: Object.keys(COLUMN_KINDS.staff_users),
};

/** Export order within a table, and the keyset for paging through it. */
export const PRIMARY_KEYS: Record<ContentTable, readonly string[]> = {
  settings: ['key'],
  media: ['id'],
  sections: ['id'],
  authors: ['id'],
  tags: ['id'],
  articles: ['id'],
  article_authors: ['article_id', 'author_id'],
  article_tags: ['article_id', 'tag_id'],
  article_corrections: ['id'],
  article_revisions: ['id'],
  pages: ['id'],
  staff_users: ['id'],
};

/** Tables whose integer `id` is assigned by the database; their counters move after an import. */
export const ID_TABLES: readonly ContentTable[] = CONTENT_TABLES.filter((t) => PRIMARY_KEYS[t][0] === 'id');

/** Every reference between content tables; import checks them before writing so an orphan is named, not a driver error. */
export const FOREIGN_KEYS: ReadonlyArray<{ table: ContentTable; column: string; references: ContentTable }> = [
  { table: 'sections', column: 'parent_id', references: 'sections' },
  { table: 'authors', column: 'photo_id', references: 'media' },
  { table: 'articles', column: 'section_id', references: 'sections' },
  { table: 'articles', column: 'featured_image_id', references: 'media' },
  { table: 'article_authors', column: 'article_id', references: 'articles' },
  { table: 'article_authors', column: 'author_id', references: 'authors' },
  { table: 'article_tags', column: 'article_id', references: 'articles' },
  { table: 'article_tags', column: 'tag_id', references: 'tags' },
  { table: 'article_corrections', column: 'article_id', references: 'articles' },
  { table: 'article_revisions', column: 'article_id', references: 'articles' },
];

export type Row = Record<string, string | number | null>;

const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;

function fits(kind: ColumnKind, v: unknown): boolean {
  if (v === null) return kind.endsWith('?');
  switch (kind) {
    case 'int':
    case 'int?':
      // PostgreSQL integer columns are 32-bit; refusing here names the row instead of failing mid-transaction.
      return typeof v === 'number' && Number.isInteger(v) && v >= INT4_MIN && v <= INT4_MAX;
    case 'real':
      return typeof v === 'number' && Number.isFinite(v);
    case 'text':
    case 'text?':
      return typeof v === 'string';
  }
}

/** Checks one parsed row: an object with exactly the table's columns, each of the right type. */
export function checkRow(table: ContentTable, value: unknown, where: string): Row {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw archiveError('ARCHIVE_BAD_ROW', `${where}: a row must be a JSON object.`);
  }
  const kinds: Record<string, ColumnKind> = COLUMN_KINDS[table];
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(kinds, key)) throw archiveError('ARCHIVE_BAD_ROW', `${where}: unknown column "${key}" in table ${table}.`);
  }
  for (const [column, kind] of Object.entries(kinds)) {
    if (!Object.hasOwn(record, column)) throw archiveError('ARCHIVE_BAD_ROW', `${where}: column "${column}" is missing.`);
    if (!fits(kind, record[column])) {
      throw archiveError('ARCHIVE_BAD_ROW', `${where}: column "${column}" should be ${describeKind(kind)}.`);
    }
  }
  return record as Row;
}

function describeKind(kind: ColumnKind): string {
  const base = kind.startsWith('int') ? 'a 32-bit integer' : kind === 'real' ? 'a finite number' : 'a string';
  return kind.endsWith('?') ? `${base} or null` : base;
}

export function isContentTable(name: string): name is ContentTable {
  return (CONTENT_TABLES as readonly string[]).includes(name);
}

export { isMediaKey };
