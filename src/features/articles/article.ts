/**
 * A story: the domain type, its rules and the row → domain mapper.
 * Vocabulary: "story" in the newsroom, `article` in code and URLs.
 */
import type { ArticleRow, CorrectionRow } from '../../db/schema.js';
import type { BodyDocument } from './body/index.js';

export const ARTICLE_STATUSES = ['draft', 'submitted', 'in_edit', 'ready', 'scheduled', 'published', 'unpublished', 'killed'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export function isArticleStatus(value: string): value is ArticleStatus {
  return (ARTICLE_STATUSES as readonly string[]).includes(value);
}

export const ARTICLE_KINDS = ['news', 'analysis', 'feature', 'opinion', 'editorial', 'video', 'obituary'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export const CORRECTION_KINDS = ['correction', 'update', 'clarification'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** Statuses a reader can never see again: their URL answers 410 Gone. */
export const GONE_STATUSES: readonly ArticleStatus[] = ['unpublished', 'killed'];

export interface Correction {
  id: number;
  kind: CorrectionKind;
  text: string;
  createdAt: string;
}

export interface WireSource {
  agency: string;
  guid: string;
  version: string | null;
}

export interface Article {
  id: number;
  slug: string;
  sectionId: number | null;
  kind: ArticleKind;
  status: ArticleStatus;
  headline: string;
  standfirst: string;
  body: BodyDocument;
  datelinePlace: string;
  datelineDate: string | null;
  agencyCredit: string | null;
  featuredImageId: number | null;
  language: string;
  priority: number;
  seoTitle: string;
  seoDescription: string;
  source: WireSource | null;
  publishedAt: string | null;
  updatedAt: string | null;
  createdAt: string;
  modifiedAt: string;
  revision: number;
  /** Readers may not see the story before this instant (publishing earlier is refused). */
  embargoUntil: string | null;
  /** When a 'scheduled' story goes live. */
  scheduledAt: string | null;
  /** The desk's latest note to the writer. */
  deskNote: string | null;
  lastEditedBy: string | null;
  authorIds: number[];
  tagIds: number[];
  corrections: Correction[];
}

/** `value` when it is one of `list`, else `fallback` (rows hold plain strings). */
export function oneOf<T extends string>(list: readonly T[], value: string, fallback: T): T {
  return (list as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function toArticle(
  row: ArticleRow,
  related: { body: BodyDocument; authorIds: number[]; tagIds: number[]; corrections: CorrectionRow[] },
): Article {
  return {
    id: row.id,
    slug: row.slug,
    sectionId: row.section_id,
    kind: oneOf(ARTICLE_KINDS, row.kind, 'news'),
    status: oneOf(ARTICLE_STATUSES, row.status, 'draft'),
    headline: row.headline,
    standfirst: row.standfirst,
    body: related.body,
    datelinePlace: row.dateline_place,
    datelineDate: row.dateline_date,
    agencyCredit: row.agency_credit,
    featuredImageId: row.featured_image_id,
    language: row.language,
    priority: row.priority,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    source: row.source_agency && row.source_guid ? { agency: row.source_agency, guid: row.source_guid, version: row.source_version } : null,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    revision: row.revision,
    embargoUntil: row.embargo_until,
    scheduledAt: row.scheduled_at,
    deskNote: row.desk_note,
    lastEditedBy: row.last_edited_by,
    authorIds: related.authorIds,
    tagIds: related.tagIds,
    corrections: related.corrections.map((c) => ({
      id: c.id,
      kind: oneOf(CORRECTION_KINDS, c.kind, 'correction'),
      text: c.text,
      createdAt: c.created_at,
    })),
  };
}

/** Is this story visible to readers at `now`? Only once both its publication time and its embargo have passed. */
export function isLive(a: Pick<Article, 'status' | 'publishedAt'> & { embargoUntil?: string | null }, now: Date): boolean {
  const at = now.toISOString();
  return a.status === 'published' && a.publishedAt !== null && a.publishedAt <= at && (a.embargoUntil == null || a.embargoUntil <= at);
}

/** The embargo still holding at `now`, as a coded refusal; undefined when there is none. */
export function embargoProblem(a: Pick<Article, 'embargoUntil'>, now: string): { code: string; message: string; field: string } | undefined {
  if (a.embargoUntil === null || a.embargoUntil <= now) return undefined;
  return { code: 'ARTICLE_EMBARGOED', message: `This story is under embargo until ${a.embargoUntil}.`, field: 'embargoUntil' };
}

/** What stops a story from going live; empty when it may. */
export function publishProblems(a: Pick<Article, 'headline' | 'sectionId' | 'body'>): { code: string; message: string; field: string }[] {
  const problems: { code: string; message: string; field: string }[] = [];
  if (a.headline.trim() === '') problems.push({ code: 'ARTICLE_HEADLINE_REQUIRED', message: 'A story needs a headline before it can be published.', field: 'headline' });
  if (a.sectionId === null) problems.push({ code: 'ARTICLE_SECTION_REQUIRED', message: 'Choose a section before publishing.', field: 'sectionId' });
  if (a.body.content.length === 0) problems.push({ code: 'ARTICLE_BODY_REQUIRED', message: 'The story has no body text yet.', field: 'body' });
  return problems;
}

/** Reader-facing path of a story: under its section's path, or /story/ when it has none. */
export function articlePath(sectionPath: string | null, slug: string): string {
  return sectionPath ? `/${sectionPath}/${slug}` : `/story/${slug}`;
}

/** Opaque pagination cursor over (timestamp, id), newest first. */
export function encodeCursor(at: string, id: number): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { at: string; id: number } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value[0]) &&
      Number.isSafeInteger(value[1])
    ) {
      return { at: value[0], id: value[1] as number };
    }
  } catch {
    // fall through: any undecodable cursor is simply invalid
  }
  return undefined;
}
