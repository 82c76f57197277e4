/**
 * Explicit response mappers of the article routes (never a spread row), and
 * the request helpers the staff routes share.
 */
import type { FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../lib/errors.js';
import type { Static } from '../../lib/schema.js';
import type { Role } from '../staff/index.js';
import { renderBody } from './body/index.js';
import type { ArticleView, StorySummary } from './article.hydrate.js';
import type { ArticleService } from './article.service.js';
import type { ArticleFull, ArticleStaff, ArticleSummary } from './article.schemas.js';
import { allowedActions, type Actor } from './article.workflow.js';

export type Summary = Static<typeof ArticleSummary>;
export type Full = Static<typeof ArticleFull>;
export type Staff = Static<typeof ArticleStaff>;

export function articleSummaryResponse(a: StorySummary): Summary {
  return {
    id: a.id,
    slug: a.slug,
    url: a.url,
    kind: a.kind,
    headline: a.headline,
    standfirst: a.standfirst,
    section: a.section,
    authors: a.authors,
    agencyCredit: a.agencyCredit,
    tags: a.tags,
    featuredImage: a.featuredImage && {
      id: a.featuredImage.id,
      src: a.featuredImage.src,
      width: a.featuredImage.width,
      height: a.featuredImage.height,
      caption: a.featuredImage.caption,
      credit: a.featuredImage.credit,
      altText: a.featuredImage.altText,
      focalX: a.featuredImage.focalX,
      focalY: a.featuredImage.focalY,
    },
    dateline: { place: a.datelinePlace, date: a.datelineDate ?? a.publishedAt?.slice(0, 10) ?? null },
    language: a.language,
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
  };
}

export function articleFullResponse(a: ArticleView): Full {
  const bodyHtml = renderBody(a.body, {
    resolveMedia: (id) => {
      const img = a.bodyImages.get(id);
      return img && { src: img.src, width: img.width, height: img.height };
    },
  }).value;
  return {
    ...articleSummaryResponse(a),
    body: a.body,
    bodyHtml,
    breadcrumbs: a.breadcrumbs,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    corrections: a.corrections.map((c) => ({ id: c.id, kind: c.kind, text: c.text, createdAt: c.createdAt })),
  };
}

/** The newsroom's view of a story; `actions` are the workflow buttons the caller's role may press now. */
export function articleStaffResponse(a: ArticleView, role: Role): Staff {
  return {
    ...articleFullResponse(a),
    status: a.status,
    priority: a.priority,
    source: a.source,
    createdAt: a.createdAt,
    modifiedAt: a.modifiedAt,
    revision: a.revision,
    embargoUntil: a.embargoUntil,
    scheduledAt: a.scheduledAt,
    deskNote: a.deskNote,
    lastEditedBy: a.lastEditedBy,
    actions: allowedActions(a, role),
  };
}

/** Who is asking, as the services record it. The admin scope has authenticated every request before its handler runs. */
export function actorOf(req: FastifyRequest): Actor {
  const p = req.principal;
  if (!p) throw new AppError('unauthenticated', 'AUTH_REQUIRED', 'Sign in first.');
  return { userId: p.userId, name: p.name, role: p.role };
}

/**
 * Runs an edit; when it lost to a newer save, the 409 also carries that save
 * as `current`, so the newsroom app can merge or reload without asking again.
 */
export async function answeringConflicts(articles: ArticleService, id: number, role: Role, edit: () => Promise<ArticleView>): Promise<Staff> {
  try {
    return articleStaffResponse(await edit(), role);
  } catch (err) {
    if (!isAppError(err) || err.code !== 'ARTICLE_REVISION_CONFLICT') throw err;
    throw err.with({ current: articleStaffResponse(await articles.get(id), role) });
  }
}
