/**
 * Saving changes to a story's copy: the one write behind PATCH and restore.
 * Runs inside the caller's edit transaction.
 */
import type { Db } from '../../db/index.js';
import type { ArticleUpdate } from '../../db/schema.js';
import { conflict, unprocessable } from '../../lib/errors.js';
import type { BodyDocument } from './body/index.js';
import { publishProblems, type ArticleKind, type WireSource } from './article.js';
import { normaliseInstant, type ArticleContext } from './article.context.js';
import type { ArticleView } from './article.hydrate.js';
import { assertAllowed, type Actor } from './article.workflow.js';
import * as q from './article.queries.js';

export interface ArticleInput {
  headline: string;
  slug?: string;
  standfirst?: string;
  body?: unknown;
  sectionId?: number | null;
  kind?: ArticleKind;
  datelinePlace?: string;
  datelineDate?: string | null;
  agencyCredit?: string | null;
  authorIds?: number[];
  tagIds?: number[];
  featuredImageId?: number | null;
  language?: string;
  priority?: number;
  seoTitle?: string;
  seoDescription?: string;
  source?: WireSource | null;
  /** Readers may not see the story before this instant; publishing earlier is refused. */
  embargoUntil?: string | null;
  /** Only 'draft' or 'published' at creation; the newsroom workflow moves stories after that. */
  status?: 'draft' | 'published';
  /** For importers and the demo: when the story first went live. */
  publishedAt?: string;
}

export type ArticlePatch = Partial<Omit<ArticleInput, 'status' | 'publishedAt'>>;

/** Fields whose change readers of a live story do not see: saving only these does not move its "Updated" time. */
const NOT_READER_VISIBLE: readonly string[] = ['priority', 'embargoUntil'];

/** An embargo may be set or moved only while it can still hold: not on a live story, not past a story's scheduled time. */
function checkEmbargo(current: ArticleView, embargoUntil: string, now: string): void {
  if (embargoUntil <= now) return;
  if (current.status === 'published') {
    throw conflict('ARTICLE_EMBARGOED', 'This story is already live; an embargo can only be set before publication.', 'embargoUntil');
  }
  if (current.status === 'scheduled' && current.scheduledAt !== null && embargoUntil > current.scheduledAt) {
    throw conflict('ARTICLE_EMBARGOED', `This story is scheduled for ${current.scheduledAt}, before the embargo; reschedule it first.`, 'embargoUntil');
  }
}

export async function applyPatch(c: ArticleContext, trx: Db, current: ArticleView, patch: ArticlePatch, actor: Actor): Promise<void> {
  assertAllowed(current, actor.role, 'edit');
  const body: BodyDocument | undefined = patch.body !== undefined ? c.validBody(patch.body) : undefined;
  await c.checkReferences(trx, patch);
  c.checkCredit(patch.authorIds ?? current.authorIds, patch.agencyCredit !== undefined ? patch.agencyCredit : current.agencyCredit);
  const now = c.nowIso();
  const embargoUntil = patch.embargoUntil == null ? patch.embargoUntil : normaliseInstant(patch.embargoUntil, 'embargoUntil');
  if (embargoUntil) checkEmbargo(current, embargoUntil, now);
  const live = current.status === 'published';
  if (live) {
    const next = { headline: patch.headline ?? current.headline, sectionId: patch.sectionId !== undefined ? patch.sectionId : current.sectionId, body: body ?? current.body };
    const problems = publishProblems(next);
    if (problems[0]) throw unprocessable(problems[0].code, problems[0].message, problems[0].field);
  }
  const normalised: Record<string, unknown> = { ...patch, ...(body !== undefined && { body }), ...(embargoUntil !== undefined && { embargoUntil }) };
  const readerVisible = Object.entries(normalised).some(
    ([k, v]) => !NOT_READER_VISIBLE.includes(k) && JSON.stringify(v) !== JSON.stringify((current as unknown as Record<string, unknown>)[k]),
  );
  const set: ArticleUpdate = {
    ...(patch.headline !== undefined && { headline: patch.headline }),
    ...(patch.slug !== undefined && { slug: await c.uniqueSlug(trx, patch.slug, patch.headline ?? current.headline, current.id) }),
    ...(patch.standfirst !== undefined && { standfirst: patch.standfirst }),
    ...(body !== undefined && { body: JSON.stringify(body) }),
    ...(patch.sectionId !== undefined && { section_id: patch.sectionId }),
    ...(patch.kind !== undefined && { kind: patch.kind }),
    ...(patch.datelinePlace !== undefined && { dateline_place: patch.datelinePlace }),
    ...(patch.datelineDate !== undefined && { dateline_date: patch.datelineDate }),
    ...(patch.agencyCredit !== undefined && { agency_credit: patch.agencyCredit }),
    ...(patch.featuredImageId !== undefined && { featured_image_id: patch.featuredImageId }),
    ...(patch.language !== undefined && { language: patch.language }),
    ...(patch.priority !== undefined && { priority: patch.priority }),
    ...(patch.seoTitle !== undefined && { seo_title: patch.seoTitle }),
    ...(patch.seoDescription !== undefined && { seo_description: patch.seoDescription }),
    ...(patch.source !== undefined && {
      source_agency: patch.source?.agency ?? null,
      source_guid: patch.source?.guid ?? null,
      source_version: patch.source?.version ?? null,
    }),
    ...(embargoUntil !== undefined && { embargo_until: embargoUntil }),
    // A save readers can see on a live story moves its "Updated" time (the site and dateModified show it).
    ...(live && readerVisible && { updated_at: now }),
    last_edited_by: actor.name,
    modified_at: now,
  };
  await c.writeRow(trx, current, set);
  if (patch.authorIds) await q.replaceArticleAuthors(trx, current.id, [...new Set(patch.authorIds)]);
  if (patch.tagIds) await q.replaceArticleTags(trx, current.id, [...new Set(patch.tagIds)]);
}
