/**
 * What a reader page tells search engines and social networks: the canonical
 * URL, meta description, Open Graph and Twitter cards, feed links, and
 * schema.org JSON-LD. Pure functions: ready absolute URLs in, escaped markup
 * out. See docs/seo.md for what each page exposes.
 */
import { html, raw, type SafeHtml } from '../lib/html.js';
import { cropPath, cropSize, type CropRatio } from '../features/media/index.js';

export interface OgImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

export interface FeedLink {
  title: string;
  /** Absolute URLs of the RSS 2.0 and Atom versions. */
  rss: string;
  atom: string;
}

export interface HeadMetaInput {
  title: string;
  description: string;
  canonicalUrl: string;
  siteName: string;
  /** BCP-47, e.g. "en-IN" (written as og:locale "en_IN"). */
  locale: string;
  type: 'website' | 'article';
  image?: OgImage;
  article?: {
    publishedTime: string;
    modifiedTime: string;
    section?: string;
    tags: string[];
    /** Author page URLs. */
    authors: string[];
  };
  feeds?: FeedLink[];
  noindex?: boolean;
}

/** The feeds a page links in its head: the whole paper's, and its section's when it has one. */
export function feedLinks(publicUrl: string, siteName: string, section?: { name: string; path: string } | null): FeedLink[] {
  const links: FeedLink[] = [{ title: siteName, rss: `${publicUrl}/feed.xml`, atom: `${publicUrl}/atom.xml` }];
  if (section) {
    links.push({ title: `${section.name} — ${siteName}`, rss: `${publicUrl}/${section.path}/feed.xml`, atom: `${publicUrl}/${section.path}/atom.xml` });
  }
  return links;
}

/** Open Graph wants "en_IN", not "en-IN". */
export function ogLocale(locale: string): string {
  const [language = 'en', region] = locale.split('-');
  return region && /^[A-Za-z]{2}$/.test(region) ? `${language.toLowerCase()}_${region.toUpperCase()}` : language.toLowerCase();
}

const metaProperty = (property: string, content: string | number): SafeHtml => html`<meta property="${property}" content="${String(content)}">`;
const metaName = (name: string, content: string | number): SafeHtml => html`<meta name="${name}" content="${String(content)}">`;

/**
 * The `<head>` tags of a page, except `<title>` (the layout writes that).
 * Every value is escaped; pass URLs already absolute (PUBLIC_URL + path).
 */
export function headMeta(input: HeadMetaInput): SafeHtml {
  const tags: SafeHtml[] = [
    html`<link rel="canonical" href="${input.canonicalUrl}">`,
    metaName('description', input.description),
    // Large image previews are what Google Discover and Top Stories show; noindex pages ask to stay out.
    metaName('robots', input.noindex ? 'noindex, follow' : 'max-image-preview:large'),
    metaProperty('og:title', input.title),
    metaProperty('og:description', input.description),
    metaProperty('og:url', input.canonicalUrl),
    metaProperty('og:site_name', input.siteName),
    metaProperty('og:locale', ogLocale(input.locale)),
    metaProperty('og:type', input.type),
  ];
  if (input.image) {
    tags.push(
      metaProperty('og:image', input.image.url),
      metaProperty('og:image:width', input.image.width),
      metaProperty('og:image:height', input.image.height),
      metaProperty('og:image:alt', input.image.alt),
    );
  }
  const a = input.article;
  if (a) {
    tags.push(metaProperty('article:published_time', a.publishedTime), metaProperty('article:modified_time', a.modifiedTime));
    if (a.section) tags.push(metaProperty('article:section', a.section));
    for (const tag of a.tags) tags.push(metaProperty('article:tag', tag));
    for (const author of a.authors) tags.push(metaProperty('article:author', author));
  }
  tags.push(metaName('twitter:card', 'summary_large_image'), metaName('twitter:title', input.title), metaName('twitter:description', input.description));
  if (input.image) tags.push(metaName('twitter:image', input.image.url), metaName('twitter:image:alt', input.image.alt));
  for (const feed of input.feeds ?? []) {
    tags.push(
      html`<link rel="alternate" type="application/rss+xml" title="${feed.title}" href="${feed.rss}">`,
      html`<link rel="alternate" type="application/atom+xml" title="${feed.title}" href="${feed.atom}">`,
    );
  }
  return raw(tags.map((t) => t.value).join('\n'));
}

/* ---------- Share images: crops of the featured image ---------- */

export interface NewsImages {
  url16x9: string;
  url4x3: string;
  url1x1: string;
}

/** Width asked of every share crop: Google wants at least 1,200 pixels wide for large previews; the ladder's next step is 1280. */
export const SHARE_IMAGE_WIDTH = 1280;

/**
 * Share images of a story's featured image (an `ImageSummary`, whose `src`
 * is `/media/<key>`): the 16:9 crop for og:image and the three crops for
 * NewsArticle. Null when the image is not a media-library file.
 */
export function articleImages(publicUrl: string, image: { src: string; width: number; height: number; altText: string }): { og: OgImage; newsArticle: NewsImages } | null {
  if (!image.src.startsWith('/media/')) return null;
  const key = image.src.slice('/media/'.length);
  const url = (ratio: CropRatio): string => publicUrl + cropPath(key, ratio, SHARE_IMAGE_WIDTH, 'jpeg');
  const size = cropSize(image, '16x9', SHARE_IMAGE_WIDTH);
  return {
    og: { url: url('16x9'), width: size.width, height: size.height, alt: image.altText },
    newsArticle: { url16x9: url('16x9'), url4x3: url('4x3'), url1x1: url('1x1') },
  };
}

/* ---------- JSON-LD ---------- */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonLd = { [key: string]: JsonValue };

const CONTEXT = 'https://schema.org';

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  images: NewsImages | null;
  datePublished: string;
  dateModified: string;
  authors: { name: string; url: string }[];
  /** Agency credit ("AFP") of wire copy: the author becomes that Organization. */
  agency?: string;
  section?: string;
  publisher: { name: string; logoUrl?: string; url: string };
  corrections: { text: string; datePublished: string }[];
  /** BCP-47, e.g. "en" or "en-IN". */
  language: string;
  isAccessibleForFree: true;
}

function publisherOf(p: NewsArticleInput['publisher']): JsonLd {
  return {
    '@type': 'NewsMediaOrganization',
    name: p.name,
    url: p.url,
    ...(p.logoUrl ? { logo: { '@type': 'ImageObject', url: p.logoUrl } } : {}),
  };
}

/** schema.org NewsArticle as Google's article rich results read it. */
export function newsArticleJsonLd(input: NewsArticleInput): JsonLd {
  const authors: JsonValue[] =
    input.authors.length > 0
      ? input.authors.map((a) => ({ '@type': 'Person', name: a.name, url: a.url }))
      : input.agency
        ? [{ '@type': 'Organization', name: input.agency }]
        : // An unsigned story is the paper's own work.
          [{ '@type': 'Organization', name: input.publisher.name, url: input.publisher.url }];
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: input.headline,
    description: input.description,
    ...(input.images ? { image: [input.images.url16x9, input.images.url4x3, input.images.url1x1] } : {}),
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    author: authors,
    publisher: publisherOf(input.publisher),
    ...(input.section ? { articleSection: input.section } : {}),
    inLanguage: input.language,
    isAccessibleForFree: input.isAccessibleForFree,
    ...(input.corrections.length > 0
      ? { correction: input.corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: c.datePublished })) }
      : {}),
  };
}

/** BreadcrumbList from the home page down to the page itself (absolute URLs). */
export function breadcrumbJsonLd(items: { name: string; url: string }[]): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: item.url })),
  };
}

/** The paper itself, for the home page: name, site, logo and social profiles. */
export function organizationJsonLd(input: { name: string; url: string; logoUrl?: string; sameAs?: string[] }): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'NewsMediaOrganization',
    name: input.name,
    url: input.url,
    ...(input.logoUrl ? { logo: { '@type': 'ImageObject', url: input.logoUrl } } : {}),
    ...(input.sameAs && input.sameAs.length > 0 ? { sameAs: input.sameAs } : {}),
  };
}

/** The site, for the home page, with the search box search engines may show (/search?q=). */
export function websiteJsonLd(input: { name: string; url: string; language?: string }): JsonLd {
  const origin = input.url.replace(/\/+$/, '');
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: input.name,
    url: input.url,
    ...(input.language ? { inLanguage: input.language } : {}),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${origin}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

const SCRIPT_UNSAFE: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON safe to place inside a <script> element: `<`, `>` and `&` become
 * \u escapes (no `</script>` or `<!--` can end or confuse the element), and
 * so do U+2028/2029, which older JavaScript parsers read as line breaks.
 * These characters only occur inside JSON strings, where the escapes mean
 * the same thing, so the data parses back unchanged.
 */
export function serializeJsonLd(value: JsonValue): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => SCRIPT_UNSAFE[ch] ?? ch);
}

/** One `<script type="application/ld+json">` per object. */
export function jsonLdScript(...objects: JsonLd[]): SafeHtml {
  return raw(objects.map((o) => `<script type="application/ld+json">${serializeJsonLd(o)}</script>`).join('\n'));
}
