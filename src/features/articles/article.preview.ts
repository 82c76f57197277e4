/**
 * Preview links: a secret URL that shows the saved version of a story in any
 * status, as readers would see it, to someone without a staff account (a
 * source checking a quote, a lawyer). The link expires; only a hash of its
 * token is stored, so the database cannot hand out working links.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import type { ArticleContext } from './article.context.js';
import type { ArticleView } from './article.hydrate.js';
import type { Actor } from './article.workflow.js';
import * as q from './article.queries.js';
import * as rq from './revision.queries.js';

export const PREVIEW_HOURS = { default: 48, min: 1, max: 168 } as const;
const HOUR_MS = 3_600_000;
/** Expired links answer 410 for a month (so whoever follows one learns it expired), then are forgotten. */
const FORGET_AFTER_MS = 30 * 24 * HOUR_MS;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

export function createPreviewLinks(c: ArticleContext) {
  return {
    async createPreviewLink(id: number, actor: Actor, hours: number = PREVIEW_HOURS.default): Promise<{ url: string; expiresAt: string }> {
      if (!Number.isInteger(hours) || hours < PREVIEW_HOURS.min || hours > PREVIEW_HOURS.max) {
        throw invalid('VALIDATION_FAILED', `A preview link lasts ${PREVIEW_HOURS.min} to ${PREVIEW_HOURS.max} hours.`, 'hours');
      }
      if (!(await q.findArticleRow(c.db, id))) throw notFound('ARTICLE_NOT_FOUND', `There is no story ${id}.`, 'id');
      const now = c.clock.now();
      const token = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now.getTime() + hours * HOUR_MS).toISOString();
      await rq.insertPreviewLink(c.db, { article_id: id, token_hash: hashOf(token), created_at: now.toISOString(), expires_at: expiresAt, created_by: actor.name });
      await rq.deleteExpiredPreviewLinks(c.db, new Date(now.getTime() - FORGET_AFTER_MS).toISOString());
      return { url: `/preview/${token}`, expiresAt };
    },

    /** The story behind a preview token, as last saved: 404 for an unknown token, 410 once it has expired. */
    async getPreview(token: string): Promise<ArticleView> {
      const row = TOKEN_SHAPE.test(token) ? await rq.findPreviewLink(c.db, hashOf(token)) : undefined;
      if (!row) throw notFound('PREVIEW_NOT_FOUND', 'There is no such preview link.');
      if (row.expires_at <= c.nowIso()) throw new AppError('gone', 'PREVIEW_EXPIRED', 'This preview link has expired; ask the newsroom for a new one.');
      return c.loadOne(c.db, row.article_id);
    },
  };
}
