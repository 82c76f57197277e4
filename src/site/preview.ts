/**
 * /preview/<token>: the saved version of a story in any status, drawn by the
 * reader site's own story page, for someone holding a preview link. Never
 * through the page cache and never kept by any cache (no-store), kept out of
 * search engines (noindex), and the token is not leaked to other sites in a
 * Referer header. An expired link answers the site's 410 page, an unknown
 * one its 404 page.
 */
import type { FastifyInstance } from 'fastify';
import type { ArticleView } from '../features/articles/index.js';
import { isAppError } from '../lib/errors.js';
import { html, type SafeHtml } from '../lib/html.js';
import { adSlot, renderDocument } from './frame.js';
import { noticeMain } from './pages/lists.js';
import { storyMain, storyRail } from './pages/story.js';
import { cardOf, frameModel, loadContext, relatedTo, storyModel, type SiteContext, type SiteDeps } from './site.data.js';
import { stamp } from './format.js';

interface PreviewPage {
  status: number;
  html: string;
}

const STATUS_WORDS: Readonly<Record<string, string>> = {
  draft: 'a draft',
  submitted: 'submitted to the desk',
  in_edit: 'being edited',
  ready: 'ready for publication',
  scheduled: 'scheduled',
  published: 'published',
  unpublished: 'unpublished',
  killed: 'killed',
};

/** The banner readers of a preview always see: this is not (or not exactly) what the public sees. */
export function previewBanner(ctx: SiteContext, a: ArticleView): SafeHtml {
  const saved = stamp(ctx.paper, new Date(a.modifiedAt));
  const state = a.status === 'published' ? 'Preview — the latest saved version of a published story' : 'Preview — not published';
  const scheduled = a.status === 'scheduled' && a.scheduledAt ? html` It is scheduled for ${stamp(ctx.paper, new Date(a.scheduledAt))}.` : '';
  return html`<div class="preview-banner" role="status" style="margin:0 0 1rem;padding:.75rem 1rem;border:2px solid #b00020;background:#fff4f4;color:#121212;font-weight:600"><strong>${state}</strong><br><span style="font-weight:400">This story is ${STATUS_WORDS[a.status] ?? a.status}; saved ${saved}.${scheduled} Please do not share this link.</span></div>`;
}

function notice(d: SiteDeps, ctx: SiteContext, status: number, title: string, message: string): PreviewPage {
  return { status, html: renderDocument(frameModel(d, ctx, {}), { title, noindex: true }, noticeMain(title, message, []), { topAd: false }) };
}

async function renderPreview(d: SiteDeps, token: string): Promise<PreviewPage> {
  const ctx = await loadContext(d);
  let view: ArticleView;
  try {
    view = await d.articles.getPreview(token);
  } catch (err) {
    if (isAppError(err) && err.kind === 'gone') return notice(d, ctx, 410, 'This preview link has expired', 'Ask the newsroom for a new link.');
    if (isAppError(err) && err.kind === 'not_found') return notice(d, ctx, 404, 'Page not found', 'We could not find that page. It may have moved, or the address may be mistyped.');
    throw err;
  }
  const [related, latest] = await Promise.all([relatedTo(d, view), d.articles.listPublished({ limit: 6 })]);
  const model = storyModel(d, ctx, view, related, (i) => adSlot('rectangle', `in-article-${i + 1}`));
  const rail = storyRail(latest.items.filter((a) => a.id !== view.id).slice(0, 5).map((a) => cardOf(ctx, a)));
  const main = html`${previewBanner(ctx, view)}${storyMain(model)}`;
  return { status: 200, html: renderDocument(frameModel(d, ctx, { sectionId: view.sectionId }), { title: `Preview: ${view.headline}`, noindex: true }, main, { rail, fillAds: false }) };
}

export function registerPreviewRoute(server: FastifyInstance, d: SiteDeps): void {
  server.get<{ Params: { token: string } }>('/preview/:token', { schema: { hide: true } }, async (request, reply) => {
    let page: PreviewPage;
    try {
      page = await renderPreview(d, request.params.token);
    } catch (err) {
      request.log.error({ err }, 'preview page failed');
      page = { status: 500, html: '<!doctype html><title>Error</title><meta name="robots" content="noindex"><p>Something went wrong. Please try again in a moment.</p>' };
    }
    return reply
      .code(page.status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .send(page.html);
  });
}
