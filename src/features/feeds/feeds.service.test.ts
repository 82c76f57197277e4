import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { createFeedService, type FeedService } from './feeds.service.js';
import { buildFeedWorld, PUBLIC_URL, type FeedWorld } from './feeds.test-world.js';
import { all, kids, one, parseStrictXml, text } from './feeds.test-xml.js';

describeEachDb('feeds and sitemaps', (ctx) => {
  let world: FeedWorld;
  let feeds: FeedService;
  beforeAll(async () => {
    world = await buildFeedWorld(ctx());
    feeds = createFeedService(world.deps);
  });
  afterAll(async () => {
    await world?.cleanup();
  });

  const url = (path: string) => PUBLIC_URL + path;

  it('lists the paper’s live stories newest first, and nothing readers may not see', async () => {
    const page = await feeds.renderSiteFeed('rss');
    expect(page).toMatchObject({ status: 200, contentType: 'application/rss+xml; charset=utf-8' });
    const doc = parseStrictXml(page.html);
    const { floods, summit, oldWire } = world.stories;
    expect(all(doc, 'item').map((i) => text(kids(i, 'link')[0]!))).toEqual([floods.url, summit.url, oldWire.url]);
    expect(text(kids(one(doc, 'channel'), 'description')[0]!)).toBe('News & views from Pachhimdesh');
  });

  it('gives a story its byline, categories and clean title', async () => {
    const doc = parseStrictXml((await feeds.renderSiteFeed('rss')).html);
    const [floods, summit] = all(doc, 'item');
    expect(text(kids(floods!, 'title')[0]!)).toBe('Floods <cut off> 3 districts & more');
    expect(text(kids(floods!, 'description')[0]!)).toBe('Rivers rose "overnight".');
    expect(kids(floods!, 'dc:creator').map(text)).toEqual(['Asha Rao']);
    expect(kids(floods!, 'category').map(text)).toEqual(['Nation', 'Floods']);
    expect(kids(summit!, 'dc:creator').map(text)).toEqual(['AFP']);
  });

  it('encloses the featured image as the 1280-pixel JPEG it links, with that file’s exact length', async () => {
    const doc = parseStrictXml((await feeds.renderSiteFeed('rss')).html);
    const enclosure = one(doc, 'enclosure').attribs;
    const asset = (await world.deps.media.findByIds([world.stories.floods.featuredImageId!]))[0]!;
    expect(enclosure['url']).toBe(url(`/media/v/1280/jpeg/${asset.storageKey}`));
    expect(enclosure['type']).toBe('image/jpeg');
    const size = await world.mediaStore.size(`variants/${asset.storageKey.replace(/\.jpg$/, '')}-1280.jpeg`);
    expect(Number(enclosure['length'])).toBe(size);
    expect(one(doc, 'media:content').attribs).toMatchObject({ width: '1280', height: '720', fileSize: String(size) });
    expect(text(one(doc, 'media:description'))).toBe('Water in the streets');
  });

  it('depends on the feeds key and on the bylines, tags and pictures it shows', async () => {
    const { floods } = world.stories;
    expect((await feeds.renderSiteFeed('rss')).keys).toEqual(['feeds', `author:${floods.authorIds[0]}`, `tag:${floods.tagIds[0]}`, `media:${floods.featuredImageId}`]);
  });

  it('renders the same feed twice identically, so its ETag holds', async () => {
    expect((await feeds.renderSiteFeed('atom')).html).toBe((await feeds.renderSiteFeed('atom')).html);
  });

  it('gives a section feed its subsections’ stories and depends on each section', async () => {
    const page = await feeds.renderSectionFeed('world', 'atom');
    expect(page).toMatchObject({ status: 200, contentType: 'application/atom+xml; charset=utf-8' });
    expect(page!.keys).toEqual(['feeds', `section:${world.sections.world}`, `section:${world.sections.asia}`]);
    const doc = parseStrictXml(page!.html);
    expect(all(doc, 'entry').map((e) => text(kids(e, 'id')[0]!))).toEqual([world.stories.summit.url, world.stories.oldWire.url]);
    expect(text(kids(one(doc, 'feed'), 'title')[0]!)).toBe('World — The Daily Dateline');
    expect(kids(one(doc, 'feed'), 'link')[0]!.attribs['href']).toBe(url('/world/atom.xml'));
  });

  it('finds a subsection feed by its full path, and nothing for an unknown one', async () => {
    const asia = parseStrictXml((await feeds.renderSectionFeed('/world/asia/', 'rss'))!.html);
    expect(all(asia, 'item').map((i) => text(kids(i, 'title')[0]!))).toEqual(['Summit ends in Hanoi']);
    expect(text(kids(one(asia, 'channel'), 'description')[0]!)).toBe('Stories from <Asia>');
    expect(one(asia, 'atom:link').attribs['href']).toBe(url('/world/asia/feed.xml'));
    expect(await feeds.renderSectionFeed('asia', 'rss')).toBeNull();
    expect(await feeds.renderSectionFeed('nowhere', 'atom')).toBeNull();
  });

  it('lists every live story in the first article sitemap under its canonical path', async () => {
    const page = await feeds.renderArticleSitemap(1);
    expect(page).toMatchObject({ status: 200, keys: ['sitemaps'], contentType: 'application/xml; charset=utf-8' });
    const doc = parseStrictXml(page!.html);
    const { floods, summit, oldWire } = world.stories;
    expect(all(doc, 'url').map((u) => [text(one(u, 'loc')), text(one(u, 'lastmod'))])).toEqual(
      [floods, summit, oldWire].sort((a, b) => a.id - b.id).map((s) => [s.url, s.updatedAt]),
    );
    expect(floods.url).toBe(url(`/nation/${floods.slug}`));
    expect(summit.url).toBe(url(`/world/asia/${summit.slug}`));
  });

  it('lists home, sections, authors and tags with stories, and published pages', async () => {
    const doc = parseStrictXml((await feeds.renderSectionsSitemap()).html);
    const locs = Object.fromEntries(all(doc, 'url').map((u) => [text(one(u, 'loc')), all(u, 'lastmod').map(text)[0] ?? null]));
    const { floods, summit } = world.stories;
    expect(locs).toEqual({
      [url('/')]: floods.updatedAt,
      [url('/world')]: summit.updatedAt,
      [url('/world/asia')]: summit.updatedAt,
      [url('/nation')]: floods.updatedAt,
      [url('/author/asha-rao')]: floods.updatedAt,
      [url('/about')]: expect.any(String) as string,
      [url('/tag/floods')]: floods.updatedAt,
    });
  });

  it('gives Google News the stories of the last two days, newest first', async () => {
    const doc = parseStrictXml((await feeds.renderNewsSitemap()).html);
    const { floods, summit } = world.stories;
    expect(all(doc, 'url').map((u) => [text(one(u, 'loc')), text(one(u, 'news:title')), text(one(u, 'news:publication_date'))])).toEqual([
      [floods.url, 'Floods <cut off> 3 districts & more', floods.publishedAt],
      [summit.url, 'Summit ends in Hanoi', summit.publishedAt],
    ]);
    expect(all(doc, 'news:name').map(text)).toEqual(['The Daily Dateline', 'The Daily Dateline']);
    expect(all(doc, 'news:language').map(text)).toEqual(['en', 'en']);
  });

  it('splits stories into sitemap files by blocks of 5,000 ids, naming each in the index', async () => {
    const db = ctx().db;
    const base = world.stories.oldWire;
    const publishedAt = '2026-11-20T08:00:00.000Z';
    await db
      .insertInto('articles')
      .values({
        id: 10_001, slug: 'from-the-archive', section_id: base.sectionId, kind: 'news', status: 'published', headline: 'From the archive', standfirst: '',
        body: '{"type":"doc","version":1,"content":[]}', dateline_place: '', dateline_date: null, agency_credit: null, featured_image_id: null,
        language: 'en', priority: 0, seo_title: '', seo_description: '', source_agency: null, source_guid: null, source_version: null,
        published_at: publishedAt, updated_at: publishedAt, created_at: publishedAt, modified_at: publishedAt, revision: 1,
      })
      .execute();
    const index = parseStrictXml((await feeds.renderSitemapIndex()).html);
    expect(all(index, 'loc').map(text)).toEqual([url('/sitemaps/sections.xml'), url('/sitemaps/news.xml'), url('/sitemaps/articles-1.xml'), url('/sitemaps/articles-3.xml')]);
    const third = parseStrictXml((await feeds.renderArticleSitemap(3))!.html);
    expect(all(third, 'loc').map(text)).toEqual([url('/world/from-the-archive')]);
    expect(await feeds.renderArticleSitemap(2)).toBeNull();
    expect(await feeds.renderArticleSitemap(0)).toBeNull();
  });

  it('writes robots.txt naming the sitemap index', () => {
    expect(feeds.renderRobots()).toMatchObject({ status: 200, contentType: 'text/plain; charset=utf-8' });
    expect(feeds.renderRobots().html).toContain(`Sitemap: ${url('/sitemap.xml')}`);
  });
});
