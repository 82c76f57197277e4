/**
 * A feed: the latest stories of the whole paper or of one section, in
 * RSS 2.0 or Atom. The domain shapes and pure rules live here; the writers
 * in feed.render.ts.
 */
import type { ArticleView } from '../articles/index.js';
import { isSlug } from '../../lib/slug.js';

export const FEED_FORMATS = ['rss', 'atom'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** How many stories a feed carries. */
export const FEED_SIZE = 50;
/** The featured image is linked as this JPEG variant: wide enough for readers' cards, small enough to fetch. */
export const FEED_IMAGE_WIDTH = 1280;

export const FEED_FILE: Readonly<Record<FeedFormat, string>> = { rss: 'feed.xml', atom: 'atom.xml' };
export const FEED_CONTENT_TYPE: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

export interface FeedImage {
  /** Absolute URL of the exact file, whose size and type are declared. */
  url: string;
  byteSize: number;
  mimeType: string;
  width: number;
  height: number;
  description: string;
  credit: string;
}

export interface FeedItem {
  url: string;
  title: string;
  summary: string;
  publishedAt: string;
  updatedAt: string;
  /** Bylined authors with their pages, or the agency (no page). */
  authors: { name: string; url: string | null }[];
  /** Section first, then tags. */
  categories: string[];
  image: FeedImage | null;
}

export interface FeedChannel {
  title: string;
  description: string;
  /** The page the feed follows: home or the section page. */
  htmlUrl: string;
  /** This feed's own URL, and its twin in the other format. */
  selfUrl: string;
  alternateUrl: string;
  /** BCP-47, e.g. "en-IN". */
  language: string;
  siteName: string;
  /** Newest change among the items (RFC 3339); stable between renders so ETags hold. */
  updatedAt: string;
  items: FeedItem[];
}

export function toFeedItem(view: ArticleView, publicUrl: string, image: FeedImage | null): FeedItem | null {
  if (!view.publishedAt) return null;
  const authors =
    view.authors.length > 0
      ? view.authors.map((a) => ({ name: a.name, url: `${publicUrl}/author/${a.slug}` }))
      : view.agencyCredit
        ? [{ name: view.agencyCredit, url: null }]
        : [];
  const categories = [...new Set([...(view.section ? [view.section.name] : []), ...view.tags.map((t) => t.name)])];
  return {
    url: view.url,
    title: view.headline,
    summary: view.standfirst || view.seoDescription,
    publishedAt: view.publishedAt,
    updatedAt: view.updatedAt ?? view.publishedAt,
    authors,
    categories,
    image,
  };
}

/** The newest `updatedAt` of the items, or `fallback` for an empty feed. */
export function newestUpdate(items: readonly Pick<FeedItem, 'updatedAt'>[], fallback: string): string {
  return items.reduce((max, i) => (i.updatedAt > max ? i.updatedAt : max), items[0]?.updatedAt ?? fallback);
}

/** RSS 2.0 dates are RFC 822: "Sat, 28 Nov 2026 10:00:00 GMT". */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/** RSS wants a lowercase language code ("en-in"). */
export function rssLanguage(locale: string): string {
  return locale.toLowerCase();
}

/**
 * Is this URL path a section feed? "/world/asia/feed.xml" → { sectionPath: "world/asia", format: "rss" }.
 * The site's catch-all resolver asks this before looking for a story or page.
 */
export function parseFeedPath(urlPath: string): { sectionPath: string; format: FeedFormat } | null {
  const match = /^\/((?:[^/]+\/)*[^/]+)\/(feed|atom)\.xml$/.exec(urlPath);
  if (!match?.[1]) return null;
  const segments = match[1].split('/');
  if (segments.length > 10 || !segments.every(isSlug)) return null;
  return { sectionPath: match[1], format: match[2] === 'atom' ? 'atom' : 'rss' };
}
