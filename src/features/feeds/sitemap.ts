/**
 * Sitemaps (sitemaps.org 0.9), the Google News sitemap and robots.txt:
 * pure writers over ready absolute URLs.
 */
import { xml, xmlDocument } from './xml.js';

const NS_SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NS_NEWS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** Stories per article sitemap file (the protocol allows 50,000; smaller files are cheaper to render and fetch). */
export const ARTICLES_PER_SITEMAP = 5_000;
/** Google News: stories of the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_MAX = 1_000;
/** The protocol's limit per file; the sections sitemap stops there. */
export const SITEMAP_MAX_URLS = 50_000;

export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

export interface SitemapUrl {
  loc: string;
  lastmod?: string | null | undefined;
}

export interface NewsUrl {
  loc: string;
  title: string;
  publishedAt: string;
  /** ISO 639 code Google News expects, e.g. "en". */
  language: string;
}

export function renderSitemapIndex(sitemaps: readonly SitemapUrl[]): string {
  return xmlDocument(xml`<sitemapindex xmlns="${NS_SITEMAP}">${sitemaps.map(
    (s) => xml`
<sitemap><loc>${s.loc}</loc>${s.lastmod ? xml`<lastmod>${s.lastmod}</lastmod>` : null}</sitemap>`,
  )}
</sitemapindex>`);
}

export function renderUrlset(urls: readonly SitemapUrl[]): string {
  return xmlDocument(xml`<urlset xmlns="${NS_SITEMAP}">${urls.map(
    (u) => xml`
<url><loc>${u.loc}</loc>${u.lastmod ? xml`<lastmod>${u.lastmod}</lastmod>` : null}</url>`,
  )}
</urlset>`);
}

export function renderNewsSitemap(publication: { name: string }, urls: readonly NewsUrl[]): string {
  return xmlDocument(xml`<urlset xmlns="${NS_SITEMAP}" xmlns:news="${NS_NEWS}">${urls.map(
    (u) => xml`
<url><loc>${u.loc}</loc><news:news><news:publication><news:name>${publication.name}</news:name><news:language>${u.language}</news:language></news:publication><news:publication_date>${u.publishedAt}</news:publication_date><news:title>${u.title}</news:title></news:news></url>`,
  )}
</urlset>`);
}

/**
 * Google News language codes are ISO 639 ("en", "hi"), except Chinese, which
 * keeps its script ("zh-cn", "zh-tw").
 */
export function newsLanguage(language: string): string {
  const tag = language.toLowerCase();
  if (tag === 'zh-cn' || tag === 'zh-tw') return tag;
  return tag.split('-')[0] || 'en';
}

/**
 * robots.txt: everything is open except the staff areas and search results
 * (endless, thin pages). "/search" is spelt out as the page itself, its query
 * strings and anything under it, so a story or page whose slug merely starts
 * with "search" stays crawlable.
 */
export function renderRobots(publicUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /api/admin/',
    'Disallow: /newsroom/',
    'Disallow: /search$',
    'Disallow: /search?',
    'Disallow: /search/',
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    '',
  ].join('\n');
}
