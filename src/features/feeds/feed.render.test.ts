import { parseFeed } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { FeedChannel, FeedItem } from './feed.js';
import { renderAtom, renderRss } from './feed.render.js';
import { all, kids, one, parseStrictXml, text } from './feeds.test-xml.js';

const SITE = 'https://news.example.test';

const photoStory: FeedItem = {
  url: `${SITE}/nation/floods?a=1&b=2`,
  title: 'Floods <cut off> 3 districts & "more"',
  summary: 'Rivers rose </description><x> overnight.',
  publishedAt: '2026-11-28T09:00:00.000Z',
  updatedAt: '2026-11-28T09:30:00.000Z',
  authors: [{ name: 'Asha Rao', url: `${SITE}/author/asha-rao` }, { name: 'Vik Das', url: `${SITE}/author/vik-das` }],
  categories: ['Nation', 'Floods'],
  image: { url: `${SITE}/media/v/1280/jpeg/2026/11/ab.jpg`, byteSize: 123456, mimeType: 'image/jpeg', width: 1280, height: 720, description: 'Water & mud', credit: 'Staff' },
};
const wireStory: FeedItem = {
  url: `${SITE}/world/asia/summit`,
  title: 'Summit ends',
  summary: '',
  publishedAt: '2026-11-28T05:00:00.000Z',
  updatedAt: '2026-11-28T05:00:00.000Z',
  authors: [{ name: 'AFP', url: null }],
  categories: ['Asia'],
  image: null,
};
const channel: FeedChannel = {
  title: 'The Daily Dateline',
  description: 'News & views',
  htmlUrl: `${SITE}/`,
  selfUrl: `${SITE}/feed.xml`,
  alternateUrl: `${SITE}/atom.xml`,
  language: 'en-IN',
  siteName: 'The Daily Dateline',
  updatedAt: '2026-11-28T09:30:00.000Z',
  items: [photoStory, wireStory],
};

describe('RSS 2.0', () => {
  const doc = parseStrictXml(renderRss(channel));

  it('describes the channel with its self link, language and build date', () => {
    const rss = one(doc, 'rss');
    expect(rss.attribs).toMatchObject({ version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom', 'xmlns:media': 'http://search.yahoo.com/mrss/' });
    const ch = one(doc, 'channel');
    expect(text(kids(ch, 'title')[0]!)).toBe('The Daily Dateline');
    expect(text(kids(ch, 'link')[0]!)).toBe(`${SITE}/`);
    expect(text(kids(ch, 'description')[0]!)).toBe('News & views');
    expect(text(kids(ch, 'language')[0]!)).toBe('en-in');
    expect(text(kids(ch, 'lastBuildDate')[0]!)).toBe('Sat, 28 Nov 2026 09:30:00 GMT');
    expect(one(doc, 'atom:link').attribs).toEqual({ href: `${SITE}/feed.xml`, rel: 'self', type: 'application/rss+xml' });
  });

  it('gives each story its title, permalink guid, date, standfirst, creators and categories, all unescaped on reading', () => {
    const [item] = all(doc, 'item');
    expect(text(kids(item!, 'title')[0]!)).toBe(photoStory.title);
    expect(text(kids(item!, 'link')[0]!)).toBe(photoStory.url);
    expect(kids(item!, 'guid')[0]!.attribs).toEqual({ isPermaLink: 'true' });
    expect(text(kids(item!, 'guid')[0]!)).toBe(photoStory.url);
    expect(text(kids(item!, 'pubDate')[0]!)).toBe('Sat, 28 Nov 2026 09:00:00 GMT');
    expect(text(kids(item!, 'description')[0]!)).toBe(photoStory.summary);
    expect(kids(item!, 'dc:creator').map(text)).toEqual(['Asha Rao', 'Vik Das']);
    expect(kids(item!, 'category').map(text)).toEqual(['Nation', 'Floods']);
  });

  it('attaches the photo as an enclosure with its byte length and type, and as media:content', () => {
    const [item, wire] = all(doc, 'item');
    expect(kids(item!, 'enclosure')[0]!.attribs).toEqual({ url: photoStory.image!.url, length: '123456', type: 'image/jpeg' });
    const media = kids(item!, 'media:content')[0]!;
    expect(media.attribs).toEqual({ url: photoStory.image!.url, type: 'image/jpeg', medium: 'image', fileSize: '123456', width: '1280', height: '720' });
    expect(text(one(media, 'media:description'))).toBe('Water & mud');
    expect(text(one(media, 'media:credit'))).toBe('Staff');
    expect(kids(wire!, 'enclosure')).toEqual([]);
    expect(kids(wire!, 'dc:creator').map(text)).toEqual(['AFP']);
  });

  it('reads as a feed in a feed reader', () => {
    const feed = parseFeed(renderRss(channel), { xmlMode: true });
    expect(feed).toMatchObject({ type: 'rss', title: 'The Daily Dateline', link: `${SITE}/` });
    expect(feed?.items.map((i) => [i.title, i.link])).toEqual([[photoStory.title, photoStory.url], [wireStory.title, wireStory.url]]);
    expect(feed?.items[0]?.media[0]).toMatchObject({ url: photoStory.image!.url, medium: 'image', fileSize: 123456, width: 1280, height: 720 });
  });
});

describe('Atom', () => {
  const doc = parseStrictXml(renderAtom(channel));

  it('describes the feed with id, self and alternate links, updated time and a fallback author', () => {
    const feed = one(doc, 'feed');
    expect(feed.attribs).toMatchObject({ xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'en-IN' });
    expect(text(kids(feed, 'id')[0]!)).toBe(`${SITE}/feed.xml`);
    expect(kids(feed, 'link').map((l) => l.attribs)).toEqual([
      { rel: 'self', type: 'application/atom+xml', href: `${SITE}/feed.xml` },
      { rel: 'alternate', type: 'text/html', href: `${SITE}/` },
      { rel: 'alternate', type: 'application/rss+xml', href: `${SITE}/atom.xml` },
    ]);
    expect(text(kids(feed, 'updated')[0]!)).toBe('2026-11-28T09:30:00.000Z');
    expect(text(one(kids(feed, 'author')[0]!, 'name'))).toBe('The Daily Dateline');
  });

  it('gives each entry id, title, link, dates, summary, authors with pages and categories', () => {
    const [entry, wire] = all(doc, 'entry');
    expect(text(kids(entry!, 'id')[0]!)).toBe(photoStory.url);
    expect(text(kids(entry!, 'title')[0]!)).toBe(photoStory.title);
    expect(text(kids(entry!, 'published')[0]!)).toBe('2026-11-28T09:00:00.000Z');
    expect(text(kids(entry!, 'updated')[0]!)).toBe('2026-11-28T09:30:00.000Z');
    expect(text(kids(entry!, 'summary')[0]!)).toBe(photoStory.summary);
    expect(kids(entry!, 'author').map((a) => [text(one(a, 'name')), text(one(a, 'uri'))])).toEqual([
      ['Asha Rao', `${SITE}/author/asha-rao`],
      ['Vik Das', `${SITE}/author/vik-das`],
    ]);
    expect(kids(entry!, 'category').map((c) => c.attribs['term'])).toEqual(['Nation', 'Floods']);
    expect(all(kids(wire!, 'author')[0]!, 'uri')).toEqual([]);
  });

  it('links the photo as an enclosure with type and length', () => {
    const [entry, wire] = all(doc, 'entry');
    expect(kids(entry!, 'link').map((l) => l.attribs)).toEqual([
      { rel: 'alternate', type: 'text/html', href: photoStory.url },
      { rel: 'enclosure', type: 'image/jpeg', length: '123456', href: photoStory.image!.url },
    ]);
    expect(kids(entry!, 'media:content')[0]!.attribs['fileSize']).toBe('123456');
    expect(kids(wire!, 'link')).toHaveLength(1);
  });

  it('reads as a feed in a feed reader', () => {
    const feed = parseFeed(renderAtom(channel), { xmlMode: true });
    expect(feed).toMatchObject({ type: 'atom', title: 'The Daily Dateline' });
    expect(feed?.items.map((i) => i.title)).toEqual([photoStory.title, wireStory.title]);
  });
});
