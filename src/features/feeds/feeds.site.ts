/**
 * Reader routes of feeds and sitemaps at fixed URLs. Section feeds live
 * under section paths of any depth (/world/asia/feed.xml), which only the
 * site's catch-all resolver sees: it asks `parseFeedPath` and calls
 * `renderSectionFeed` from the service this function returns.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cachedPage, type RenderedPage } from '../../site/serve.js';
import { createFeedService, type FeedDeps, type FeedService } from './feeds.service.js';

const ARTICLE_SITEMAP = /^articles-([1-9]\d{0,6})\.xml$/;

/** What an unknown sitemap file answers: plain, short-lived, never an HTML page a crawler would try to parse as XML. */
const NO_SUCH_FILE: RenderedPage = { status: 404, html: 'Not found\n', keys: ['sitemaps'], contentType: 'text/plain; charset=utf-8' };

const route = { schema: { hide: true } } as const;

export function registerFeedRoutes(server: FastifyInstance, deps: FeedDeps): FeedService {
  const feeds = createFeedService(deps);
  // No query parameter changes a feed or sitemap, so every query string shares the one cached copy.
  const send = (request: FastifyRequest, reply: FastifyReply, render: () => Promise<RenderedPage | null> | RenderedPage): Promise<FastifyReply> =>
    cachedPage(request, reply, {}, async () => (await render()) ?? NO_SUCH_FILE);

  server.get('/feed.xml', route, (req, reply) => send(req, reply, () => feeds.renderSiteFeed('rss')));
  server.get('/atom.xml', route, (req, reply) => send(req, reply, () => feeds.renderSiteFeed('atom')));
  server.get('/sitemap.xml', route, (req, reply) => send(req, reply, () => feeds.renderSitemapIndex()));
  server.get('/sitemaps/sections.xml', route, (req, reply) => send(req, reply, () => feeds.renderSectionsSitemap()));
  server.get('/sitemaps/news.xml', route, (req, reply) => send(req, reply, () => feeds.renderNewsSitemap()));
  server.get<{ Params: { file: string } }>('/sitemaps/:file', route, (req, reply) => {
    const n = ARTICLE_SITEMAP.exec(req.params.file)?.[1];
    return send(req, reply, () => (n === undefined ? NO_SUCH_FILE : feeds.renderArticleSitemap(Number(n))));
  });
  server.get('/robots.txt', route, (req, reply) => send(req, reply, () => feeds.renderRobots()));
  return feeds;
}
