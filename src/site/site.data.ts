/**
 * Builds reader page view models from the feature services. The only part of
 * the site that talks to services; the views in pages/ stay pure.
 */
import type { ArticleService, ArticleView, BodyDocument, Block, StorySummary } from '../features/articles/index.js';
import { renderBody } from '../features/articles/index.js';
import type { AuthorService } from '../features/authors/index.js';
import type { MediaService } from '../features/media/index.js';
import type { PageService } from '../features/pages/index.js';
import type { SearchService } from '../features/search/index.js';
import type { FeedService } from '../features/feeds/index.js';
import type { Section, SectionService } from '../features/sections/index.js';
import type { SettingsService, PublicationSettings } from '../features/settings/index.js';
import type { TagService } from '../features/tags/index.js';
import type { Clock } from '../lib/clock.js';
import { html, raw, type SafeHtml } from '../lib/html.js';
import type { SiteAssets } from './assets.js';
import type { CardModel } from './cards.js';
import { dateline, isoDay, longDate, relative, stamp, type PaperClock } from './format.js';
import type { AdPageContext, BottomItem, FrameModel } from './frame.js';
import { picture, type PictureImage } from './images.js';
import type { StoryModel } from './pages/story.js';

export interface SiteDeps {
  articles: ArticleService;
  search: SearchService;
  /** Section feeds (/world/feed.xml) are answered by the site's resolver. */
  feeds?: FeedService;
  sections: SectionService;
  authors: AuthorService;
  tags: TagService;
  pages: PageService;
  settings: SettingsService;
  media: MediaService;
  clock: Clock;
  publicUrl: string;
  assets: SiteAssets;
  /** An in-article ad slot after every N paragraphs (stories without explicit ad breaks). */
  inArticleAdEvery?: number;
}

export interface SiteContext {
  settings: PublicationSettings;
  sections: Section[];
  paper: PaperClock;
  now: Date;
}

export async function loadContext(d: Pick<SiteDeps, 'settings' | 'sections' | 'clock'>): Promise<SiteContext> {
  const [settings, sections] = await Promise.all([d.settings.get(), d.sections.list()]);
  return { settings, sections, paper: { locale: settings.locale, timeZone: settings.timeZone }, now: d.clock.now() };
}

export function topLevelOf(sections: readonly Section[], id: number | null): Section | undefined {
  let s = sections.find((x) => x.id === id);
  for (let guard = 0; s && s.parentId !== null && guard < 20; guard++) {
    const parentId: number = s.parentId;
    s = sections.find((x) => x.id === parentId);
  }
  return s;
}

const BOTTOM_BY_SECTION: Record<string, BottomItem> = { opinion: 'opinion', videos: 'videos', classifieds: 'classifieds', epaper: 'epaper' };

/** What a page tells the ad script about itself (see AdPageContext); pages that say nothing are 'other'. */
export type PageAdContext = Partial<Omit<AdPageContext, 'language'>> & { language?: string };

export function frameModel(
  d: Pick<SiteDeps, 'assets'>,
  ctx: SiteContext,
  current: { sectionId?: number | null; bottom?: BottomItem | null; ad?: PageAdContext },
): FrameModel {
  const top = current.sectionId !== undefined ? topLevelOf(ctx.sections, current.sectionId) : undefined;
  return {
    siteName: ctx.settings.name,
    tagline: ctx.settings.tagline,
    lang: ctx.settings.locale,
    today: { iso: isoDay(ctx.paper, ctx.now), label: longDate(ctx.paper, ctx.now) },
    utilityLinks: ctx.settings.utilityLinks,
    social: ctx.settings.social,
    nav: ctx.sections
      .filter((s) => s.parentId === null)
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .map((s) => ({ name: s.name, href: `/${s.path}`, current: top?.id === s.id })),
    bottomCurrent: current.bottom !== undefined ? current.bottom : top ? (BOTTOM_BY_SECTION[top.slug] ?? null) : null,
    css: d.assets.css,
    jsPath: d.assets.jsPath,
    adsJsPath: d.assets.adsJsPath,
    adContext: {
      type: current.ad?.type ?? 'other',
      sectionId: current.ad?.sectionId ?? null,
      language: adLanguage(current.ad?.language, ctx.settings.locale),
      keywords: current.ad?.keywords ?? [],
    },
    iconPath: d.assets.iconPath,
  };
}

/**
 * The page's language as a tag, lower case: the paper's locale ('en-in') unless the page is in
 * another language. Stories store only the language ('en'); one in the paper's own language
 * takes the locale, so a campaign aimed at 'en' or at 'en-in' finds it.
 */
function adLanguage(pageLanguage: string | undefined, locale: string): string {
  const paper = locale.toLowerCase();
  const page = (pageLanguage ?? '').toLowerCase();
  return page === '' || paper === page || paper.startsWith(`${page}-`) ? paper : page;
}

/** A story page's ad context: its section, language and topics (the same for every reader). */
export function storyAdContext(a: Pick<ArticleView, 'sectionId' | 'language' | 'tags'>): PageAdContext {
  return { type: 'article', sectionId: a.sectionId, language: a.language, keywords: a.tags.map((t) => t.name) };
}

export function cardOf(ctx: SiteContext, a: StorySummary, photos: ReadonlyMap<number, PictureImage> = new Map()): CardModel {
  const published = a.publishedAt ? new Date(a.publishedAt) : null;
  const firstAuthor = a.authors[0];
  return {
    id: a.id,
    headline: a.headline,
    href: a.path,
    standfirst: a.standfirst,
    image: a.featuredImage,
    kicker: a.section ? { name: a.section.name, href: `/${a.section.path}` } : null,
    time: published ? { iso: a.publishedAt ?? '', label: relative(ctx.paper, published, ctx.now) } : null,
    byline: a.agencyCredit ?? a.authors.map((x) => x.name).join(', '),
    author: firstAuthor ? { name: firstAuthor.name, photo: firstAuthor.photoId !== null ? (photos.get(firstAuthor.photoId) ?? null) : null } : null,
  };
}

/** Author head shots for a set of stories, in one query. */
export async function authorPhotos(d: SiteDeps, stories: readonly ArticleView[]): Promise<Map<number, PictureImage>> {
  const ids = [...new Set(stories.flatMap((s) => s.authors.flatMap((a) => (a.photoId !== null ? [a.photoId] : []))))];
  const assets = ids.length ? await d.media.findByIds(ids) : [];
  return new Map(assets.map((m) => [m.id, { src: `/media/${m.storageKey}`, width: m.width, height: m.height, altText: m.altText }]));
}

/** Inserts ad breaks after every `every` paragraphs, unless the editor placed them by hand. */
export function withAdBreaks(doc: BodyDocument, every: number): BodyDocument {
  if (every <= 0 || doc.content.some((b) => b.type === 'ad-break')) return doc;
  const content: Block[] = [];
  let paragraphs = 0;
  doc.content.forEach((block, i) => {
    content.push(block);
    if (block.type === 'paragraph' && ++paragraphs % every === 0 && i < doc.content.length - 1) content.push({ type: 'ad-break' });
  });
  return { ...doc, content };
}

export function storyModel(d: SiteDeps, ctx: SiteContext, a: ArticleView, related: readonly ArticleView[], adSlot: (i: number) => SafeHtml): StoryModel {
  const published = a.publishedAt ? { iso: a.publishedAt, label: stamp(ctx.paper, new Date(a.publishedAt)) } : null;
  const updated =
    a.updatedAt && a.publishedAt && a.updatedAt > a.publishedAt ? { iso: a.updatedAt, label: stamp(ctx.paper, new Date(a.updatedAt)) } : null;
  const body = renderBody(withAdBreaks(a.body, d.inArticleAdEvery ?? 4), {
    dateline: dateline(ctx.paper, a.datelinePlace, a.datelineDate, a.publishedAt),
    resolveMedia: (id) => {
      const img = a.bodyImages.get(id);
      return img && { src: img.src, width: img.width, height: img.height };
    },
    renderImage: (block, resolved) => {
      const img = block.mediaId !== undefined ? a.bodyImages.get(block.mediaId) : undefined;
      const pic = img
        ? picture({ ...img, altText: block.alt || img.altText }, { sizes: '(min-width: 1024px) 720px, 100vw', maxWidth: 1280 })
        : html`<img src="${resolved.src}" alt="${block.alt}"${resolved.width ? html` width="${resolved.width}" height="${resolved.height ?? ''}"` : ''} loading="lazy" decoding="async">`;
      const caption = block.caption ?? img?.caption ?? '';
      const credit = block.credit ?? img?.credit ?? '';
      return html`<figure class="body-image">${pic}${caption || credit ? html`<figcaption>${caption ? html`<span class="caption">${caption}</span> ` : ''}${credit ? html`<span class="credit">${credit}</span>` : ''}</figcaption>` : ''}</figure>`;
    },
    renderAdBreak: adSlot,
  });
  return {
    id: a.id,
    headline: a.headline,
    standfirst: a.standfirst,
    canonicalUrl: a.url,
    section: a.section ? { name: a.section.name, href: `/${a.section.path}` } : null,
    breadcrumbs: a.breadcrumbs.map((b) => ({ name: b.name, href: `/${b.path}` })),
    image: a.featuredImage,
    published,
    updated,
    body: raw(body.value),
    signoff: a.agencyCredit
      ? { kind: 'agency', agency: a.agencyCredit }
      : a.authors.length
        ? { kind: 'byline', authors: a.authors.map((x) => ({ name: x.name, href: `/author/${x.slug}` })) }
        : null,
    tags: a.tags.map((t) => ({ name: t.name, href: `/tag/${t.slug}` })),
    corrections: a.corrections.map((c) => ({ kind: c.kind, text: c.text, time: { iso: c.createdAt, label: stamp(ctx.paper, new Date(c.createdAt)) } })),
    related: related.map((r) => cardOf(ctx, r)),
  };
}

/** Related stories: the first tag's latest, then the section's, never the story itself. */
export async function relatedTo(d: SiteDeps, a: ArticleView, limit = 4): Promise<ArticleView[]> {
  const seen = new Set([a.id]);
  const out: ArticleView[] = [];
  const take = (items: readonly ArticleView[]) => {
    for (const s of items) {
      if (out.length >= limit || seen.has(s.id)) continue;
      seen.add(s.id);
      out.push(s);
    }
  };
  const firstTag = a.tags[0];
  if (firstTag) take((await d.articles.listPublished({ tagId: firstTag.id, limit: limit + 1 })).items);
  if (out.length < limit && a.sectionId !== null) take((await d.articles.listPublished({ sectionId: a.sectionId, limit: limit + 1 })).items);
  return out;
}
