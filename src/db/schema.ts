/**
 * Row types of every table, as stored (snake_case). Timestamps are ISO-8601
 * UTC text; JSON documents are text. Features map rows to domain objects in
 * their own `<thing>.ts`. Migrations in ./migrations create these tables.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { WireTables } from './schema.wire.js';
import type { AdTables } from './schema.ads.js';

export interface SettingsTable {
  key: string;
  /** JSON text. */
  value: string;
  updated_at: string;
}

export interface SectionsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  parent_id: number | null;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  title: string;
  bio: string;
  photo_id: number | null;
  /** JSON text: { x?, facebook?, instagram?, linkedin?, website?, email? } */
  social: string;
  created_at: string;
  updated_at: string;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: string;
}

export interface MediaTable {
  id: Generated<number>;
  /** Key in the media store, e.g. "2026/11/ab12cd34.jpg". */
  storage_key: string;
  original_name: string;
  mime_type: string;
  byte_size: number;
  width: number;
  height: number;
  sha256: string;
  caption: string;
  credit: string;
  alt_text: string;
  /** Focal point as fractions of width and height, 0..1. */
  focal_x: number;
  focal_y: number;
  created_at: string;
  updated_at: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  section_id: number | null;
  kind: string;
  status: string;
  headline: string;
  standfirst: string;
  /** JSON text of the story body document (see docs/story-body.md). */
  body: string;
  dateline_place: string;
  /** ISO date (YYYY-MM-DD) shown in the dateline, or null for the publication date. */
  dateline_date: string | null;
  /** Agency credit such as "AFP" when the story is wire copy instead of bylined. */
  agency_credit: string | null;
  featured_image_id: number | null;
  language: string;
  priority: number;
  seo_title: string;
  seo_description: string;
  source_agency: string | null;
  source_guid: string | null;
  source_version: string | null;
  published_at: string | null;
  /** When readers last saw a change to the published story. */
  updated_at: string | null;
  created_at: string;
  modified_at: string;
  /** Optimistic-concurrency counter; every write bumps it. */
  revision: number;
  /** Readers may not see the story before this instant, whatever its status. */
  embargo_until: string | null;
  /** When a 'scheduled' story goes live. */
  scheduled_at: string | null;
  /** The desk's latest note to the writer (a send-back, a failed scheduled publication). */
  desk_note: string | null;
  /** Name of whoever last changed the copy. */
  last_edited_by: string | null;
}

export interface ArticleAuthorsTable {
  article_id: number;
  author_id: number;
  position: number;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  position: number;
}

export interface ArticleCorrectionsTable {
  id: Generated<number>;
  article_id: number;
  kind: string;
  text: string;
  created_at: string;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  /** The story's `revision` after this write. */
  revision: number;
  created_at: string;
  /** The staff user who made the write; null for API tokens and the system. */
  actor_user_id: number | null;
  actor_name: string;
  /** create, save, submit, take, ready, send-back, publish, schedule, restore, … */
  action: string;
  /** JSON text: names of the fields this write changed. */
  changed: string;
  /** JSON text: the story's editable fields after this write (see article.snapshot.ts). */
  snapshot: string;
}

export interface ArticlePreviewLinksTable {
  id: Generated<number>;
  article_id: number;
  /** sha256 of the link's token; the token itself is shown once and never stored. */
  token_hash: string;
  created_at: string;
  expires_at: string;
  created_by: string;
}

export interface PagesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  body: string;
  seo_description: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  /** sha256 of the token; the token itself is shown once and never stored. */
  token_hash: string;
  token_prefix: string;
  role: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface StaffUsersTable {
  id: Generated<number>;
  /** Lowercased; unique. */
  email: string;
  name: string;
  role: string;
  /** Self-describing scrypt hash: `scrypt$N$r$p$salt$hash` (see src/features/staff/password.ts). */
  password_hash: string;
  /** 1 or 0. */
  active: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface StaffSessionsTable {
  id: Generated<number>;
  user_id: number;
  /** sha256 of the cookie token; the token itself is never stored. */
  token_hash: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute end of the session; idle expiry is derived from last_seen_at. */
  expires_at: string;
  revoked_at: string | null;
  user_agent: string;
  ip: string;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  email: string;
  ip: string;
  created_at: string;
}

export interface SetupTokensTable {
  id: Generated<number>;
  /** sha256 of the one-time token printed on first start. */
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SearchDocumentsTable {
  /**
   * Sort key: minutes since 1970 of publication (or creation) × 2^24 + story id, so id order is newest first;
   * a wire item's is the same from its arrival, less 2^53, so wire documents sort below every story's.
   */
  id: number;
  /** The story this document indexes (deleted with it), or null for a wire item's. */
  article_id: number | null;
  /** The wire item this document indexes (deleted with it), or null for a story's. */
  wire_item_id: number | null;
  language: string;
  status: string;
  kind: string;
  section_id: number | null;
  published_at: string | null;
  modified_at: string;
  headline: string;
  standfirst: string;
  /** Plain text of the story body. The engine's text index (FTS5 table or tsvector column) is not typed here. */
  body: string;
  /** Facet tokens for filters (`zzsec3 zzauth6 …`, see features/search/search.facets.ts), indexed by the text engine. */
  facets: string;
}

export interface SearchTermsTable {
  /** A folded (lowercase, accent-free) word used by live stories. */
  term: string;
  /** Its first character, and its length, to find spelling neighbours cheaply. */
  initial: string;
  length: number;
  /** How many live stories use it. */
  docs: number;
}

export interface Database extends WireTables, AdTables {
  settings: SettingsTable;
  sections: SectionsTable;
  authors: AuthorsTable;
  tags: TagsTable;
  media: MediaTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  article_corrections: ArticleCorrectionsTable;
  article_revisions: ArticleRevisionsTable;
  article_preview_links: ArticlePreviewLinksTable;
  pages: PagesTable;
  api_tokens: ApiTokensTable;
  search_documents: SearchDocumentsTable;
  search_terms: SearchTermsTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  login_failures: LoginFailuresTable;
  setup_tokens: SetupTokensTable;
}

export type SectionRow = Selectable<SectionsTable>;
export type AuthorRow = Selectable<AuthorsTable>;
export type TagRow = Selectable<TagsTable>;
export type MediaRow = Selectable<MediaTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type ArticleUpdate = Updateable<ArticlesTable>;
export type CorrectionRow = Selectable<ArticleCorrectionsTable>;
export type ArticleRevisionRow = Selectable<ArticleRevisionsTable>;
export type ArticlePreviewLinkRow = Selectable<ArticlePreviewLinksTable>;
export type PageRow = Selectable<PagesTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type SearchDocumentRow = Selectable<SearchDocumentsTable>;
export type StaffUserRow = Selectable<StaffUsersTable>;
export type StaffSessionRow = Selectable<StaffSessionsTable>;
export type SetupTokenRow = Selectable<SetupTokensTable>;

/** Content tables in an order that satisfies foreign keys (parents first). Export/import walk this list. */
export const CONTENT_TABLES = [
  'settings',
  'media',
  'sections',
  'authors',
  'tags',
  'articles',
  'article_authors',
  'article_tags',
  'article_corrections',
  'article_revisions',
  'pages',
  'staff_users',
] as const satisfies readonly (keyof Database)[];
