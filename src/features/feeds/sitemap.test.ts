import { describe, expect, it } from 'vitest';
import { newsLanguage, renderNewsSitemap, renderRobots, renderSitemapIndex, renderUrlset } from './sitemap.js';
import { all, one, parseStrictXml, text } from './feeds.test-xml.js';

const SITE = 'https://news.example.test';

describe('sitemaps', () => {
  it('writes an index naming each sitemap with its last change', () => {
    const doc = parseStrictXml(
      renderSitemapIndex([{ loc: `${SITE}/sitemaps/sections.xml`, lastmod: '2026-11-28T09:00:00.000Z' }, { loc: `${SITE}/sitemaps/articles-1.xml`, lastmod: null }]),
    );
    expect(one(doc, 'sitemapindex').attribs['xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(all(doc, 'sitemap').map((s) => [text(one(s, 'loc')), all(s, 'lastmod').map(text)])).toEqual([
      [`${SITE}/sitemaps/sections.xml`, ['2026-11-28T09:00:00.000Z']],
      [`${SITE}/sitemaps/articles-1.xml`, []],
    ]);
  });

  it('writes a url set, escaping addresses', () => {
    const doc = parseStrictXml(renderUrlset([{ loc: `${SITE}/tag/a?x=1&y=2`, lastmod: '2026-11-28T09:00:00.000Z' }, { loc: `${SITE}/` }]));
    expect(all(doc, 'loc').map(text)).toEqual([`${SITE}/tag/a?x=1&y=2`, `${SITE}/`]);
    expect(all(doc, 'lastmod').map(text)).toEqual(['2026-11-28T09:00:00.000Z']);
  });

  it('writes a Google News sitemap with publication, date and title', () => {
    const doc = parseStrictXml(
      renderNewsSitemap({ name: 'The Daily <Dateline>' }, [{ loc: `${SITE}/nation/floods`, title: 'Floods & rain', publishedAt: '2026-11-28T09:00:00.000Z', language: 'en' }]),
    );
    expect(one(doc, 'urlset').attribs).toEqual({ xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9', 'xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9' });
    const url = one(doc, 'url');
    expect(text(one(url, 'loc'))).toBe(`${SITE}/nation/floods`);
    expect(text(one(url, 'news:name'))).toBe('The Daily <Dateline>');
    expect(text(one(url, 'news:language'))).toBe('en');
    expect(text(one(url, 'news:publication_date'))).toBe('2026-11-28T09:00:00.000Z');
    expect(text(one(url, 'news:title'))).toBe('Floods & rain');
  });

  it('gives Google News the language codes it knows', () => {
    expect(['en', 'en-IN', 'hi', 'pa-Guru-IN', 'zh-CN', 'zh-TW'].map(newsLanguage)).toEqual(['en', 'en', 'hi', 'pa', 'zh-cn', 'zh-tw']);
  });
});

describe('robots.txt', () => {
  const robots = renderRobots(SITE);

  it('allows everything but the staff areas and search results, and names the sitemap index', () => {
    expect(robots.split('\n')).toEqual([
      'User-agent: *',
      'Allow: /',
      'Disallow: /api/admin/',
      'Disallow: /newsroom/',
      'Disallow: /search$',
      'Disallow: /search?',
      'Disallow: /search/',
      '',
      `Sitemap: ${SITE}/sitemap.xml`,
      '',
    ]);
  });
});
