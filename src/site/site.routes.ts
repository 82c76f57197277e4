/**
 * Reader routes. Fixed pages (home, search, authors, tags, assets) have their
 * own routes; everything else goes through one resolver that knows the URL
 * scheme: a section path, a story under its section path, or a static page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../lib/errors.js';
import { raw, type SafeHtml } from '../lib/html.js';
import { SLUG_PATTERN } from '../lib/slug.js';
import { adSlot, renderDocument, type PageHead } from './frame.js';
import { homeMain } from './pages/home.js';
import { authorMain, noticeMain, searchMain, sectionMain, staticMain, tagMain, type Pager } from './pages/lists.js';
import { storyMain, storyRail } from './pages/story.js';
import { cachedPage, type RenderedPage } from './serve.js';
import { registerPreviewRoute } from './preview.js';
import { homeHead, simpleHead, storyHead } from './head.js';
import { breadcrumbJsonLd } from './seo.js';
import { parseFeedPath } from '../features/feeds/index.js';
import { renderBody } from '../features/articles/index.js';
import { authorPhotos, cardOf, frameModel, loadContext, relatedTo, storyAdContext, storyModel, topLevelOf, type SiteContext, type SiteDeps } from './site.data.js';
import type { Section } from '../features/sections/index.js';

const SLUG_RE = new RegExp(SLUG_PATTERN);
const PAGE_SIZE = 20;
const MAX_PAGE = 500;
const MAX_PATH = 512;

export type { SiteDeps } from './site.data.js';

/** ?page=N: 1 when absent; undefined when it is not a sane page number (→ 404). */
function pageNumber(query: unknown): number | undefined {
  const raw = (query as Record<string, unknown>)['page'];
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,3}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n <= MAX_PAGE ? n : undefined;
}

export function registerSiteRoutes(server: FastifyInstance, d: SiteDeps): void {
  // Every reader page goes through the page cache; `query` names the parameters that change the page.
  const respond = (request: FastifyRequest, reply: FastifyReply, render: () => Promise<RenderedPage>, query: readonly string[] = ['page']) =>
    cachedPage(request, reply, { query }, () =>
      render().catch((err: unknown) => {
        if (!(isAppError(err) && err.kind === 'not_found')) request.log.error({ err }, 'reader page failed');
        return errorPage(d, err);
      }),
    );

  for (const [path, body] of [[d.assets.jsPath, d.assets.js], [d.assets.adsJsPath, d.assets.adsJs]] as const) {
    server.get(path, { schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(body),
    );
  }

  // Browsers ask for /favicon.ico whatever the page says; both answer with the same SVG.
  for (const path of [d.assets.iconPath, '/favicon.ico']) {
    server.get(path, { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('image/svg+xml')
        .header('cache-control', path === '/favicon.ico' ? 'public, max-age=86400' : 'public, max-age=31536000, immutable')
        .send(d.assets.icon),
    );
  }

  server.get('/', { schema: { hide: true } }, (req, reply) => respond(req, reply, () => renderHome(d)));

  registerPreviewRoute(server, d);

  server.get('/search', { schema: { hide: true } }, (req, reply) =>
    respond(req, reply, () => renderSearch(d, searchParams(req.query)), ['q', 'section', 'author', 'tag', 'from', 'to', 'range', 'sort', 'page']),
  );

  server.get<{ Params: { slug: string } }>('/author/:slug', { schema: { hide: true } }, (req, reply) => {
    const page = pageNumber(req.query);
    return respond(req, reply, () => (page && SLUG_RE.test(req.params.slug) ? renderAuthor(d, req.params.slug, page) : notFound(d)));
  });

  server.get<{ Params: { slug: string } }>('/tag/:slug', { schema: { hide: true } }, (req, reply) => {
    const page = pageNumber(req.query);
    return respond(req, reply, () => (page && SLUG_RE.test(req.params.slug) ? renderTag(d, req.params.slug, page) : notFound(d)));
  });

  server.get('/*', { schema: { hide: true } }, (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/')) {
      return reply.code(404).header('cache-control', 'no-store').send({ error: { code: 'ROUTE_NOT_FOUND', message: `No such endpoint: GET ${path.slice(0, 200)}` } });
    }
    const feed = parseFeedPath(path);
    if (feed) return respond(req, reply, async () => (await d.feeds?.renderSectionFeed(feed.sectionPath, feed.format)) ?? notFound(d), []);
    const page = pageNumber(req.query);
    return respond(req, reply, () => (page ? resolve(d, path, page) : notFound(d)));
  });
}

async function resolve(d: SiteDeps, path: string, page: number): Promise<RenderedPage> {
  if (path.length > MAX_PATH) return notFound(d);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return notFound(d);
  }
  const segments = decoded.replace(/^\/+|\/+$/g, '').split('/');
  if (segments.length === 0 || segments.some((s) => !SLUG_RE.test(s))) return notFound(d);
  const ctx = await loadContext(d);
  const joined = segments.join('/');
  const section = ctx.sections.find((s) => s.path === joined);
  if (section) return renderSection(d, ctx, section, page);
  const slug = segments[segments.length - 1] ?? '';
  if (segments.length >= 2) return renderStory(d, ctx, slug, `/${joined}`);
  const staticPage = await d.pages.getPublished(slug).catch(() => undefined);
  if (staticPage) return renderStatic(d, ctx, staticPage.title, staticPage.seoDescription, staticPage.body, staticPage.id, slug);
  return notFound(d, ctx);
}

function doc(d: SiteDeps, ctx: SiteContext, head: PageHead, main: SafeHtml, current: Parameters<typeof frameModel>[2]): string {
  return renderDocument(frameModel(d, ctx, current), head, main);
}

async function renderHome(d: SiteDeps): Promise<RenderedPage> {
  const ctx = await loadContext(d);
  const [recent, opinion, videos] = await Promise.all([
    d.articles.listPublished({ limit: 30 }),
    d.articles.listPublished({ kinds: ['opinion', 'editorial'], limit: 4 }),
    d.articles.listPublished({ kinds: ['video'], limit: 4 }),
  ]);
  const news = recent.items.filter((a) => a.kind !== 'opinion' && a.kind !== 'editorial' && a.kind !== 'video');
  const byPriority = [...news].sort((a, b) => b.priority - a.priority || (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  const lead = byPriority[0];
  const top = byPriority.slice(1).filter((a) => a.priority >= 50).slice(0, 3);
  for (const a of news) if (top.length < 3 && a !== lead && !top.includes(a)) top.push(a);
  const shown = new Set([lead?.id, ...top.map((a) => a.id)]);
  const blockSections = ctx.sections.filter((s) => s.parentId === null && s.slug !== 'opinion' && s.slug !== 'videos').sort((a, b) => a.position - b.position);
  const blocks = await Promise.all(blockSections.map((s) => d.articles.listPublished({ sectionId: s.id, limit: 8 })));
  const photos = await authorPhotos(d, opinion.items);
  const main = homeMain({
    siteName: ctx.settings.name,
    lead: lead ? cardOf(ctx, lead) : null,
    top: top.map((a) => cardOf(ctx, a)),
    latest: recent.items.slice(0, 8).map((a) => cardOf(ctx, a)),
    opinion: opinion.items.map((a) => cardOf(ctx, a, photos)),
    videos: videos.items.map((a) => cardOf(ctx, a)),
    sections: blockSections.map((s, i) => ({
      name: s.name,
      href: `/${s.path}`,
      stories: (blocks[i]?.items ?? []).filter((a) => !shown.has(a.id)).slice(0, 3).map((a) => cardOf(ctx, a)),
    })),
  });
  return { status: 200, html: doc(d, ctx, homeHead(d, ctx), main, { bottom: 'home', ad: { type: 'home' } }), keys: ['home', 'all'] };
}

async function renderSection(d: SiteDeps, ctx: SiteContext, section: Section, page: number): Promise<RenderedPage> {
  const list = await d.articles.listPublished({ sectionId: section.id, limit: PAGE_SIZE * page });
  const items = list.items.slice(PAGE_SIZE * (page - 1));
  if (page > 1 && items.length === 0) return notFound(d, ctx);
  const top = topLevelOf(ctx.sections, section.id);
  const layout = top?.slug === 'opinion' ? 'opinion' : top?.slug === 'videos' ? 'videos' : 'news';
  const photos = layout === 'opinion' ? await authorPhotos(d, items) : undefined;
  const chain: Section[] = [];
  for (let s: Section | undefined = section; s; s = ctx.sections.find((x) => x.id === s?.parentId)) chain.unshift(s);
  const main = sectionMain({
    name: section.name,
    description: section.description,
    breadcrumbs: chain.map((s) => ({ name: s.name, href: `/${s.path}` })),
    subsections: ctx.sections.filter((s) => s.parentId === section.id).map((s) => ({ name: s.name, href: `/${s.path}` })),
    stories: items.map((a) => cardOf(ctx, a, photos)),
    layout,
    pager: pagerFor(`/${section.path}`, page, list.nextCursor !== null),
  });
  const head = simpleHead(d, ctx, {
    title: page > 1 ? `${section.name} — page ${page}` : section.name,
    description: section.description || `${section.name} news from ${ctx.settings.name}.`,
    path: `/${section.path}${page > 1 ? `?page=${page}` : ''}`,
    section,
    jsonLd: [breadcrumbJsonLd(chain.map((s) => ({ name: s.name, url: `${d.publicUrl}/${s.path}` })))],
  });
  return { status: 200, html: doc(d, ctx, head, main, { sectionId: section.id, ad: { type: 'section', sectionId: section.id } }), keys: [`section:${section.id}`, 'all'] };
}

function pagerFor(base: string, page: number, more: boolean): Pager {
  return { page, prevHref: page > 1 ? (page === 2 ? base : `${base}?page=${page - 1}`) : null, nextHref: more ? `${base}?page=${page + 1}` : null };
}

async function renderStory(d: SiteDeps, ctx: SiteContext, slug: string, requestedPath: string): Promise<RenderedPage> {
  let view;
  try {
    view = await d.articles.getPublishedBySlug(slug);
  } catch (err) {
    if (isAppError(err) && err.kind === 'gone') return gonePage(d, ctx);
    if (isAppError(err) && err.kind === 'not_found') return notFound(d, ctx);
    throw err;
  }
  if (view.path !== requestedPath) return { status: 301, html: '', keys: [`article:${view.id}`], location: view.path };
  const [related, latest] = await Promise.all([relatedTo(d, view), d.articles.listPublished({ limit: 6 })]);
  const model = storyModel(d, ctx, view, related, (i) => adSlot('rectangle', `in-article-${i + 1}`));
  const rail = storyRail(latest.items.filter((a) => a.id !== view.id).slice(0, 5).map((a) => cardOf(ctx, a)));
  const head = storyHead(d, ctx, view);
  const keys = [`article:${view.id}`, 'all', ...view.authors.map((a) => `author:${a.id}`), ...view.tags.map((t) => `tag:${t.id}`)];
  if (view.featuredImage) keys.push(`media:${view.featuredImage.id}`);
  return { status: 200, html: renderDocument(frameModel(d, ctx, { sectionId: view.sectionId, ad: storyAdContext(view) }), head, storyMain(model), { rail }), keys };
}

async function renderAuthor(d: SiteDeps, slug: string, page: number): Promise<RenderedPage> {
  const ctx = await loadContext(d);
  const author = await d.authors.getBySlug(slug).catch(() => undefined);
  if (!author) return notFound(d, ctx);
  const list = await d.articles.listPublished({ authorId: author.id, limit: PAGE_SIZE * page });
  const items = list.items.slice(PAGE_SIZE * (page - 1));
  if (page > 1 && items.length === 0) return notFound(d, ctx);
  const photo = author.photoId !== null ? (await d.media.findByIds([author.photoId]))[0] : undefined;
  const social = Object.entries(author.social).flatMap(([k, v]) => (typeof v === 'string' && v ? [{ label: k === 'email' ? 'Email' : k === 'x' ? 'X' : k[0]?.toUpperCase() + k.slice(1), href: k === 'email' ? `mailto:${v}` : v }] : []));
  const main = authorMain({
    name: author.name,
    title: author.title,
    bio: author.bio,
    photo: photo ? { src: `/media/${photo.storageKey}`, width: photo.width, height: photo.height, altText: photo.altText || author.name } : null,
    social,
    stories: items.map((a) => cardOf(ctx, a)),
    pager: pagerFor(`/author/${slug}`, page, list.nextCursor !== null),
  });
  const head = simpleHead(d, ctx, { title: author.name, description: author.bio || `Stories by ${author.name}.`, path: `/author/${slug}${page > 1 ? `?page=${page}` : ''}` });
  return { status: 200, html: doc(d, ctx, head, main, {}), keys: [`author:${author.id}`, 'all'] };
}

async function renderTag(d: SiteDeps, slug: string, page: number): Promise<RenderedPage> {
  const ctx = await loadContext(d);
  const tag = await d.tags.getBySlug(slug).catch(() => undefined);
  if (!tag) return notFound(d, ctx);
  const list = await d.articles.listPublished({ tagId: tag.id, limit: PAGE_SIZE * page });
  const items = list.items.slice(PAGE_SIZE * (page - 1));
  if (page > 1 && items.length === 0) return notFound(d, ctx);
  const main = tagMain({ name: tag.name, stories: items.map((a) => cardOf(ctx, a)), pager: pagerFor(`/tag/${slug}`, page, list.nextCursor !== null) });
  const head = simpleHead(d, ctx, { title: tag.name, description: `Stories about ${tag.name} from ${ctx.settings.name}.`, path: `/tag/${slug}${page > 1 ? `?page=${page}` : ''}` });
  return { status: 200, html: doc(d, ctx, head, main, {}), keys: [`tag:${tag.id}`, 'all'] };
}

const SEARCH_PARAMS = ['q', 'section', 'author', 'tag', 'from', 'to', 'range', 'sort', 'page'] as const;
type SearchParams = Partial<Record<(typeof SEARCH_PARAMS)[number], string>>;

/** Reader search parameters, leniently: anything odd is dropped rather than refused (the search feature bounds the rest). */
function searchParams(query: unknown): SearchParams {
  const out: SearchParams = {};
  for (const name of SEARCH_PARAMS) {
    let v = (query as Record<string, unknown>)[name];
    if (Array.isArray(v)) v = v[0];
    if (typeof v === 'string' && v !== '') out[name] = v.slice(0, name === 'q' ? 1000 : 200);
  }
  return out;
}

function searchHref(p: SearchParams, change: SearchParams): string {
  const qs = new URLSearchParams();
  for (const name of SEARCH_PARAMS) {
    const v = name in change ? change[name] : p[name];
    if (v) qs.set(name, v);
  }
  return `/search?${qs.toString()}`;
}

async function renderSearch(d: SiteDeps, p: SearchParams): Promise<RenderedPage> {
  const ctx = await loadContext(d);
  const query = (p.q ?? '').trim().slice(0, 200);
  const range = p.range === 'day' || p.range === 'week' || p.range === 'month' || p.range === 'year' ? p.range : undefined;
  const sort = p.sort === 'newest' ? 'newest' : 'relevance';
  const page = p.page && /^\d{1,4}$/.test(p.page) ? Number(p.page) : 1;
  const found = await d.search.search({ q: query, section: p.section, author: p.author, tag: p.tag, from: p.from, to: p.to, range, sort, page });
  const latest = query && found.items.length === 0 ? (await d.articles.listPublished({ limit: 5 })).items : [];
  const hidden = (['author', 'tag', 'from', 'to'] as const).flatMap((name) => {
    const value = p[name];
    return value ? [{ name, value, label: `${name === 'from' ? 'From' : name === 'to' ? 'Until' : name === 'author' ? 'Author' : 'Tag'}: ${value}`, clearHref: searchHref(p, { [name]: undefined, page: undefined }) }] : [];
  });
  const main = searchMain({
    query,
    results: found.items.map((i) => ({ card: cardOf(ctx, i.story), headlineHtml: raw(i.headlineHtml), snippetHtml: raw(i.snippetHtml) })),
    total: found.page.total,
    capped: found.page.capped,
    suggestion: found.suggestion ? { text: found.suggestion, href: searchHref(p, { q: found.suggestion, page: undefined }) } : null,
    latest: latest.map((a) => cardOf(ctx, a)),
    filters: {
      sections: ctx.sections.filter((s) => s.parentId === null).sort((a, b) => a.position - b.position).map((s) => ({ slug: s.slug, name: s.name })),
      section: p.section ?? '',
      sort,
      range: range ?? '',
      hidden,
    },
    pager: {
      page: found.page.page,
      prevHref: found.page.page > 1 ? searchHref(p, { page: found.page.page === 2 ? undefined : String(found.page.page - 1) }) : null,
      nextHref: found.page.hasMore ? searchHref(p, { page: String(found.page.page + 1) }) : null,
    },
  });
  // Results depend on every story: 'home' is purged by every change a reader can see, so cached result pages go with it.
  return { status: 200, html: doc(d, ctx, { title: query ? `Search: ${query}` : 'Search', noindex: true }, main, {}), keys: ['search', 'home', 'all'], sMaxAge: 60 };
}

function renderStatic(d: SiteDeps, ctx: SiteContext, title: string, description: string, body: Parameters<typeof renderBody>[0], id: number, slug: string): RenderedPage {
  const bottom = slug === 'classifieds' ? 'classifieds' : slug === 'epaper' ? 'epaper' : null;
  const main = staticMain({ title, body: renderBody(body) });
  return { status: 200, html: doc(d, ctx, simpleHead(d, ctx, { title, description: description || title, path: `/${slug}` }), main, { bottom }), keys: [`page:${id}`, 'all'] };
}

async function notice(d: SiteDeps, ctx: SiteContext | undefined, status: number, title: string, message: string): Promise<RenderedPage> {
  const c = ctx ?? (await loadContext(d));
  const latest = (await d.articles.listPublished({ limit: 4 })).items;
  const main = noticeMain(title, message, latest.map((a) => cardOf(c, a)));
  return { status, html: renderDocument(frameModel(d, c, {}), { title, noindex: true }, main, { topAd: false }), keys: ['all'] };
}

export function notFound(d: SiteDeps, ctx?: SiteContext): Promise<RenderedPage> {
  return notice(d, ctx, 404, 'Page not found', 'We could not find that page. It may have moved, or the address may be mistyped.');
}

function gonePage(d: SiteDeps, ctx: SiteContext): Promise<RenderedPage> {
  return notice(d, ctx, 410, 'This story has been removed', 'The story you are looking for was taken down by the editors and is no longer available.');
}

/** A failure while rendering: the site's own page, never a stack trace. */
async function errorPage(d: SiteDeps, err: unknown): Promise<RenderedPage> {
  if (isAppError(err) && err.kind === 'not_found') return notFound(d);
  try {
    return { ...(await notice(d, undefined, 500, 'Something went wrong', 'We could not show this page just now. Please try again in a moment.')), keys: [] };
  } catch {
    return { status: 500, html: '<!doctype html><title>Error</title><p>Something went wrong. Please try again in a moment.</p>', keys: [] };
  }
}
