/**
 * Turns article rows into full stories with their section, authors, tags and
 * images, using one batched query per relation for the whole page.
 */
import type { Db } from '../../db/index.js';
import type { ArticleRow } from '../../db/schema.js';
import { toSections, type Section } from '../sections/index.js';
import { emptyBody, type BodyDocument } from './body/index.js';
import { ARTICLE_KINDS, ARTICLE_STATUSES, articlePath, oneOf, toArticle, type Article, type ArticleKind, type ArticleStatus } from './article.js';
import * as q from './article.queries.js';

export interface SectionSummary {
  id: number;
  slug: string;
  name: string;
  path: string;
}
export interface AuthorSummary {
  id: number;
  slug: string;
  name: string;
  title: string;
  photoId: number | null;
}
export interface TagSummary {
  id: number;
  slug: string;
  name: string;
}
export interface ImageSummary {
  id: number;
  /** Site-relative URL of the stored file. */
  src: string;
  width: number;
  height: number;
  mimeType: string;
  caption: string;
  credit: string;
  altText: string;
  focalX: number;
  focalY: number;
}

export interface ArticleView extends Article {
  section: SectionSummary | null;
  /** Ancestors first, the story's own section last. */
  breadcrumbs: SectionSummary[];
  authors: AuthorSummary[];
  tags: TagSummary[];
  featuredImage: ImageSummary | null;
  /** Media used inside the body, by id. */
  bodyImages: Map<number, ImageSummary>;
  path: string;
  url: string;
}

/**
 * Bodies are validated on every write, so a read only checks the envelope
 * (re-validating each read would cost ~0.2 ms a story, and a later, stricter
 * validator would silently blank old stories). The renderer still checks
 * every URL it emits.
 */
function bodyOf(row: ArticleRow): BodyDocument {
  try {
    const value: unknown = JSON.parse(row.body);
    const doc = value as Partial<BodyDocument> | null;
    if (doc && doc.type === 'doc' && doc.version === 1 && Array.isArray(doc.content)) return doc as BodyDocument;
  } catch {
    // fall through: an unreadable body shows as empty rather than failing the page
  }
  return emptyBody();
}

function bodyMediaIds(body: BodyDocument): number[] {
  const ids: number[] = [];
  for (const block of body.content) if (block.type === 'image' && block.mediaId !== undefined) ids.push(block.mediaId);
  return ids;
}

const summary = (s: Section): SectionSummary => ({ id: s.id, slug: s.slug, name: s.name, path: s.path });

export async function hydrate(db: Db, rows: readonly ArticleRow[], publicUrl: string, options: { bodyMedia?: boolean } = {}): Promise<ArticleView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const bodies = new Map(rows.map((r) => [r.id, bodyOf(r)]));
  const [authorLinks, tagLinks, corrections, sectionRows] = await Promise.all([
    q.authorLinks(db, ids),
    q.tagLinks(db, ids),
    q.correctionRows(db, ids),
    q.allSectionRows(db),
  ]);
  const mediaIds = new Set<number>();
  for (const r of rows) if (r.featured_image_id !== null) mediaIds.add(r.featured_image_id);
  if (options.bodyMedia) for (const b of bodies.values()) for (const id of bodyMediaIds(b)) mediaIds.add(id);
  const [authors, tags, media] = await Promise.all([
    q.authorSummaries(db, [...new Set(authorLinks.map((l) => l.author_id))]),
    q.tagSummaries(db, [...new Set(tagLinks.map((l) => l.tag_id))]),
    q.mediaSummaries(db, [...mediaIds]),
  ]);

  const sections = new Map(toSections(sectionRows).map((s) => [s.id, s]));
  const authorById = new Map(authors.map((a) => [a.id, { id: a.id, slug: a.slug, name: a.name, title: a.title, photoId: a.photo_id }]));
  const tagById = new Map(tags.map((t) => [t.id, { id: t.id, slug: t.slug, name: t.name }]));
  const imageById = new Map<number, ImageSummary>(
    media.map((m) => [
      m.id,
      {
        id: m.id,
        src: `/media/${m.storage_key}`,
        width: m.width,
        height: m.height,
        mimeType: m.mime_type,
        caption: m.caption,
        credit: m.credit,
        altText: m.alt_text,
        focalX: m.focal_x,
        focalY: m.focal_y,
      },
    ]),
  );

  return rows.map((row) => {
    const body = bodies.get(row.id) ?? emptyBody();
    const article = toArticle(row, {
      body,
      authorIds: authorLinks.filter((l) => l.article_id === row.id).map((l) => l.author_id),
      tagIds: tagLinks.filter((l) => l.article_id === row.id).map((l) => l.tag_id),
      corrections: corrections.filter((c) => c.article_id === row.id),
    });
    const section = row.section_id !== null ? sections.get(row.section_id) : undefined;
    const breadcrumbs: SectionSummary[] = [];
    for (let s = section; s; s = s.parentId !== null ? sections.get(s.parentId) : undefined) {
      breadcrumbs.unshift(summary(s));
      if (breadcrumbs.length > 10) break;
    }
    const path = articlePath(section?.path ?? null, row.slug);
    const bodyImages = new Map<number, ImageSummary>();
    if (options.bodyMedia) for (const id of bodyMediaIds(body)) {
      const img = imageById.get(id);
      if (img) bodyImages.set(id, img);
    }
    return {
      ...article,
      section: section ? summary(section) : null,
      breadcrumbs,
      authors: article.authorIds.flatMap((id) => authorById.get(id) ?? []),
      tags: article.tagIds.flatMap((id) => tagById.get(id) ?? []),
      featuredImage: row.featured_image_id !== null ? (imageById.get(row.featured_image_id) ?? null) : null,
      bodyImages,
      path,
      url: publicUrl + path,
    };
  });
}

/**
 * A story as a card or a search result shows it: everything of the full read
 * but the body, its images, corrections and breadcrumbs. Each field equals
 * the full read's (ArticleView) field of the same name.
 */
export type StorySummary = Pick<
  ArticleView,
  | 'id' | 'slug' | 'sectionId' | 'kind' | 'status' | 'headline' | 'standfirst' | 'datelinePlace' | 'datelineDate' | 'agencyCredit'
  | 'featuredImageId' | 'language' | 'publishedAt' | 'updatedAt' | 'createdAt' | 'modifiedAt' | 'embargoUntil' | 'authorIds' | 'tagIds'
  | 'section' | 'authors' | 'tags' | 'featuredImage' | 'path' | 'url'
>;

/**
 * Summaries of stories, without reading or parsing bodies: the rows with
 * their featured images, the authors, the tags and the sections — four
 * statements for the whole page, sent together. In the order of `ids`,
 * missing ones left out.
 */
export async function summarise(db: Db, ids: readonly number[], publicUrl: string): Promise<StorySummary[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const [rows, authorRows, tagRows, sectionRows] = await Promise.all([
    q.summaryRows(db, unique),
    q.authorsOfStories(db, unique),
    q.tagsOfStories(db, unique),
    q.allSectionRows(db),
  ]);
  const sections = new Map(toSections(sectionRows).map((s) => [s.id, s]));
  const authorsOf = new Map<number, AuthorSummary[]>();
  for (const a of authorRows) {
    const list = authorsOf.get(a.article_id) ?? [];
    list.push({ id: a.id, slug: a.slug, name: a.name, title: a.title, photoId: a.photo_id });
    authorsOf.set(a.article_id, list);
  }
  const tagsOf = new Map<number, TagSummary[]>();
  for (const t of tagRows) {
    const list = tagsOf.get(t.article_id) ?? [];
    list.push({ id: t.id, slug: t.slug, name: t.name });
    tagsOf.set(t.article_id, list);
  }
  const byId = new Map(
    rows.map((row): [number, StorySummary] => {
      const section = row.section_id !== null ? sections.get(row.section_id) : undefined;
      const path = articlePath(section?.path ?? null, row.slug);
      const authors = authorsOf.get(row.id) ?? [];
      const tags = tagsOf.get(row.id) ?? [];
      const featuredImage: ImageSummary | null =
        row.image_id !== null && row.image_storage_key !== null
          ? {
              id: row.image_id,
              src: `/media/${row.image_storage_key}`,
              width: row.image_width ?? 0,
              height: row.image_height ?? 0,
              mimeType: row.image_mime_type ?? '',
              caption: row.image_caption ?? '',
              credit: row.image_credit ?? '',
              altText: row.image_alt_text ?? '',
              focalX: row.image_focal_x ?? 0,
              focalY: row.image_focal_y ?? 0,
            }
          : null;
      return [
        row.id,
        {
          id: row.id,
          slug: row.slug,
          sectionId: row.section_id,
          kind: oneOf<ArticleKind>(ARTICLE_KINDS, row.kind, 'news'),
          status: oneOf<ArticleStatus>(ARTICLE_STATUSES, row.status, 'draft'),
          headline: row.headline,
          standfirst: row.standfirst,
          datelinePlace: row.dateline_place,
          datelineDate: row.dateline_date,
          agencyCredit: row.agency_credit,
          featuredImageId: row.featured_image_id,
          language: row.language,
          publishedAt: row.published_at,
          updatedAt: row.updated_at,
          createdAt: row.created_at,
          modifiedAt: row.modified_at,
          embargoUntil: row.embargo_until,
          authorIds: authors.map((a) => a.id),
          tagIds: tags.map((t) => t.id),
          section: section ? summary(section) : null,
          authors,
          tags,
          featuredImage,
          path,
          url: publicUrl + path,
        },
      ];
    }),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Section ids of a section and everything below it. */
export async function sectionAndDescendants(db: Db, sectionId: number): Promise<number[]> {
  const rows = await q.allSectionRows(db);
  const out = [sectionId];
  for (let i = 0; i < out.length; i++) for (const r of rows) if (r.parent_id === out[i] && !out.includes(r.id)) out.push(r.id);
  return out;
}
