/**
 * Feeds and sitemaps as rendered pages (body, content type, surrogate keys),
 * ready for the site's page cache. Reads only; every list comes from one
 * indexed query or one service call, never one query per story.
 */
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import type { RenderedPage } from '../../site/serve.js';
import { articlePath, type ArticleService, type ArticleView } from '../articles/index.js';
import type { MediaService } from '../media/index.js';
import type { Section, SectionService } from '../sections/index.js';
import type { SettingsService } from '../settings/index.js';
import { FEED_CONTENT_TYPE, FEED_FILE, FEED_IMAGE_WIDTH, FEED_SIZE, newestUpdate, toFeedItem, type FeedFormat, type FeedImage, type FeedItem } from './feed.js';
import { renderAtom, renderRss } from './feed.render.js';
import * as q from './feeds.queries.js';
import {
  ARTICLES_PER_SITEMAP,
  NEWS_MAX,
  NEWS_WINDOW_MS,
  SITEMAP_MAX_URLS,
  XML_CONTENT_TYPE,
  newsLanguage,
  renderNewsSitemap,
  renderRobots,
  renderSitemapIndex,
  renderUrlset,
  type SitemapUrl,
} from './sitemap.js';

export interface FeedDeps {
  db: Db;
  clock: Clock;
  /** PUBLIC_URL without a trailing slash, e.g. "https://news.example". */
  publicUrl: string;
  articles: ArticleService;
  sections: SectionService;
  settings: SettingsService;
  media: MediaService;
}

/** Images are rendered on a feed's first request only; a few at a time keeps sharp from hogging every core. */
const IMAGE_CONCURRENCY = 4;

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const newest = (values: Iterable<string | null | undefined>): string | null => {
  let max: string | null = null;
  for (const v of values) if (v && (max === null || v > max)) max = v;
  return max;
};

export function createFeedService(deps: FeedDeps) {
  const { db, clock, publicUrl, articles, sections, settings, media } = deps;
  const nowIso = (): string => clock.now().toISOString();

  /** The JPEG variant each featured image is linked as, with its exact byte size. */
  async function feedImages(views: readonly ArticleView[]): Promise<Map<number, FeedImage>> {
    const ids = [...new Set(views.flatMap((v) => (v.featuredImage ? [v.featuredImage.id] : [])))];
    const assets = await media.findByIds(ids);
    const images = await mapLimit(assets, IMAGE_CONCURRENCY, async (asset): Promise<[number, FeedImage] | null> => {
      try {
        const v = await media.variantWithSize(asset, FEED_IMAGE_WIDTH, 'jpeg');
        const url = publicUrl + media.variantUrl(asset, FEED_IMAGE_WIDTH, 'jpeg');
        return [asset.id, { url, byteSize: v.byteSize, mimeType: v.mimeType, width: v.width, height: v.height, description: asset.caption || asset.altText, credit: asset.credit }];
      } catch {
        // A missing or unreadable file drops that one picture; the story itself still belongs in the feed.
        return null;
      }
    });
    return new Map(images.filter((i): i is [number, FeedImage] => i !== null));
  }

  async function items(views: readonly ArticleView[]): Promise<FeedItem[]> {
    const images = await feedImages(views);
    return views.flatMap((v) => toFeedItem(v, publicUrl, v.featuredImage ? (images.get(v.featuredImage.id) ?? null) : null) ?? []);
  }

  async function feed(format: FeedFormat, scope: { path: string; title: string; description: string; keys: string[]; sectionId?: number }): Promise<RenderedPage> {
    const site = await settings.get();
    const page = await articles.listPublished({ limit: FEED_SIZE, ...(scope.sectionId !== undefined && { sectionId: scope.sectionId }) });
    const list = await items(page.items);
    const base = `${publicUrl}${scope.path}`;
    const other: FeedFormat = format === 'rss' ? 'atom' : 'rss';
    const channel = {
      title: scope.title,
      description: scope.description,
      htmlUrl: scope.path === '' ? `${publicUrl}/` : base,
      selfUrl: `${base}/${FEED_FILE[format]}`,
      alternateUrl: `${base}/${FEED_FILE[other]}`,
      language: site.locale,
      siteName: site.name,
      updatedAt: newestUpdate(list, nowIso()),
      items: list,
    };
    // Bylines, tag names and picture captions are shown too; their own changes purge by these keys.
    const shown = new Set<string>();
    for (const v of page.items) {
      for (const a of v.authors) shown.add(`author:${a.id}`);
      for (const t of v.tags) shown.add(`tag:${t.id}`);
      if (v.featuredImage) shown.add(`media:${v.featuredImage.id}`);
    }
    const keys = [...scope.keys, ...shown];
    return { status: 200, html: format === 'rss' ? renderRss(channel) : renderAtom(channel), keys, contentType: FEED_CONTENT_TYPE[format] };
  }

  const xmlPage = (body: string): RenderedPage => ({ status: 200, html: body, keys: ['sitemaps'], contentType: XML_CONTENT_TYPE });
  const urlOf = (path: string): string => publicUrl + path;

  function pathsOf(list: readonly Section[]): Map<number, string> {
    return new Map(list.map((s) => [s.id, s.path]));
  }

  return {
    /** /feed.xml and /atom.xml: the latest stories of the whole paper. */
    async renderSiteFeed(format: FeedFormat): Promise<RenderedPage> {
      const site = await settings.get();
      return feed(format, { path: '', title: site.name, description: site.tagline || `The latest stories from ${site.name}.`, keys: ['feeds'] });
    },

    /** /<section path>/feed.xml and /atom.xml (the section and its subsections); null when there is no such section. */
    async renderSectionFeed(sectionPath: string, format: FeedFormat): Promise<RenderedPage | null> {
      const wanted = sectionPath.replace(/^\/+|\/+$/g, '');
      const list = await sections.list();
      const section = list.find((s) => s.path === wanted);
      if (!section) return null;
      // The feed carries the subsections' stories too, so it depends on each of them.
      const covered = list.filter((s) => s.path === section.path || s.path.startsWith(`${section.path}/`));
      const site = await settings.get();
      return feed(format, {
        path: `/${section.path}`,
        title: `${section.name} — ${site.name}`,
        description: section.description || `The latest ${section.name} stories from ${site.name}.`,
        keys: ['feeds', ...covered.map((s) => `section:${s.id}`)],
        sectionId: section.id,
      });
    },

    /** /sitemap.xml: the sections sitemap, the news sitemap and one article sitemap per block of ids. */
    async renderSitemapIndex(): Promise<RenderedPage> {
      const now = nowIso();
      const [buckets, lastmods] = await Promise.all([q.articleSitemapBuckets(db, now, ARTICLES_PER_SITEMAP), q.sectionLastmods(db, now)]);
      const latest = newest(lastmods.values());
      return xmlPage(
        renderSitemapIndex([
          { loc: urlOf('/sitemaps/sections.xml'), lastmod: latest },
          { loc: urlOf('/sitemaps/news.xml'), lastmod: latest },
          ...buckets.map((b) => ({ loc: urlOf(`/sitemaps/articles-${b.n}.xml`), lastmod: b.lastmod })),
        ]),
      );
    },

    /** /sitemaps/articles-<n>.xml; null when that block holds no published story. */
    async renderArticleSitemap(n: number): Promise<RenderedPage | null> {
      if (!Number.isSafeInteger(n) || n < 1 || n > 1_000_000) return null;
      const [rows, list] = await Promise.all([q.articleSitemapRows(db, nowIso(), n, ARTICLES_PER_SITEMAP), sections.list()]);
      if (rows.length === 0) return null;
      const paths = pathsOf(list);
      return xmlPage(renderUrlset(rows.map((r) => ({ loc: urlOf(articlePath(r.section_id !== null ? (paths.get(r.section_id) ?? null) : null, r.slug)), lastmod: r.lastmod }))));
    },

    /** /sitemaps/sections.xml: home, sections, authors and tags with stories, and static pages. */
    async renderSectionsSitemap(): Promise<RenderedPage> {
      const now = nowIso();
      const [list, lastmods, authors, pages] = await Promise.all([sections.list(), q.sectionLastmods(db, now), q.authorsWithStories(db, now), q.publishedPages(db)]);
      // A section page lists its subsections' stories too, so it changes when they do.
      const sectionUrls: SitemapUrl[] = list.map((s) => ({
        loc: urlOf(`/${s.path}`),
        lastmod: newest(list.filter((t) => t.path === s.path || t.path.startsWith(`${s.path}/`)).map((t) => lastmods.get(t.id))),
      }));
      const fixed: SitemapUrl[] = [
        { loc: `${publicUrl}/`, lastmod: newest(lastmods.values()) },
        ...sectionUrls,
        ...authors.map((a) => ({ loc: urlOf(`/author/${a.slug}`), lastmod: a.lastmod })),
        ...pages.map((p) => ({ loc: urlOf(`/${p.slug}`), lastmod: p.lastmod })),
      ];
      const tags = await q.tagsWithStories(db, now, Math.max(0, SITEMAP_MAX_URLS - fixed.length));
      return xmlPage(renderUrlset([...fixed, ...tags.map((t) => ({ loc: urlOf(`/tag/${t.slug}`), lastmod: t.lastmod }))]));
    },

    /** /sitemaps/news.xml: Google News — stories first published in the last two days, at most 1,000. */
    async renderNewsSitemap(): Promise<RenderedPage> {
      const now = clock.now();
      const since = new Date(now.getTime() - NEWS_WINDOW_MS).toISOString();
      const [rows, list, site] = await Promise.all([q.newsSitemapRows(db, now.toISOString(), since, NEWS_MAX), sections.list(), settings.get()]);
      const paths = pathsOf(list);
      return xmlPage(
        renderNewsSitemap(
          { name: site.name },
          rows.map((r) => ({
            loc: urlOf(articlePath(r.section_id !== null ? (paths.get(r.section_id) ?? null) : null, r.slug)),
            title: r.headline,
            publishedAt: r.published_at,
            language: newsLanguage(r.language),
          })),
        ),
      );
    },

    /** /robots.txt: depends on nothing but PUBLIC_URL. */
    renderRobots(): RenderedPage {
      return { status: 200, html: renderRobots(publicUrl), keys: ['sitemaps'], contentType: 'text/plain; charset=utf-8', sMaxAge: 86_400 };
    },
  };
}

export type FeedService = ReturnType<typeof createFeedService>;
