import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import {
  articleImages,
  breadcrumbJsonLd,
  feedLinks,
  headMeta,
  jsonLdScript,
  newsArticleJsonLd,
  ogLocale,
  organizationJsonLd,
  serializeJsonLd,
  websiteJsonLd,
  type HeadMetaInput,
  type NewsArticleInput,
} from './seo.js';

const SITE = 'https://news.example.test';

const story: HeadMetaInput = {
  title: 'Floods in "Assam" <again> & more',
  description: 'Rivers rose overnight; 3 districts cut off.',
  canonicalUrl: `${SITE}/nation/floods-in-assam?a=1&b=2`,
  siteName: 'The Daily Dateline',
  locale: 'en-IN',
  type: 'article',
  image: { url: `${SITE}/media/c/16x9/1280/jpeg/2026/11/ab.jpg`, width: 1280, height: 720, alt: 'A "flooded" street' },
  article: {
    publishedTime: '2026-11-28T04:00:00.000Z',
    modifiedTime: '2026-11-28T06:30:00.000Z',
    section: 'Nation',
    tags: ['Floods', 'Assam'],
    authors: [`${SITE}/author/asha-rao`, `${SITE}/author/vik-das`],
  },
  feeds: [{ title: 'Nation', rss: `${SITE}/nation/feed.xml`, atom: `${SITE}/nation/atom.xml` }],
};

/** Reads the tags back the way a crawler does: parsed, with entities decoded. */
function head(markup: string) {
  const doc = parseDocument(markup);
  const all = DomUtils.getElementsByTagName(() => true, doc, true);
  const meta = (attr: 'property' | 'name', key: string) =>
    all.filter((e) => e.name === 'meta' && e.attribs[attr] === key).map((e) => e.attribs['content']);
  const links = (rel: string) => all.filter((e) => e.name === 'link' && e.attribs['rel'] === rel).map((e) => ({ ...e.attribs }));
  return { all, meta, links };
}

describe('head meta', () => {
  it('writes canonical, description, Open Graph, article and Twitter tags for a story', () => {
    const h = head(headMeta(story).value);
    expect(h.links('canonical')).toEqual([{ rel: 'canonical', href: story.canonicalUrl }]);
    expect(h.meta('name', 'description')).toEqual([story.description]);
    expect(h.meta('property', 'og:title')).toEqual([story.title]);
    expect(h.meta('property', 'og:description')).toEqual([story.description]);
    expect(h.meta('property', 'og:url')).toEqual([story.canonicalUrl]);
    expect(h.meta('property', 'og:site_name')).toEqual(['The Daily Dateline']);
    expect(h.meta('property', 'og:locale')).toEqual(['en_IN']);
    expect(h.meta('property', 'og:type')).toEqual(['article']);
    expect(h.meta('property', 'og:image')).toEqual([story.image?.url]);
    expect(h.meta('property', 'og:image:width')).toEqual(['1280']);
    expect(h.meta('property', 'og:image:height')).toEqual(['720']);
    expect(h.meta('property', 'og:image:alt')).toEqual(['A "flooded" street']);
    expect(h.meta('property', 'article:published_time')).toEqual(['2026-11-28T04:00:00.000Z']);
    expect(h.meta('property', 'article:modified_time')).toEqual(['2026-11-28T06:30:00.000Z']);
    expect(h.meta('property', 'article:section')).toEqual(['Nation']);
    expect(h.meta('property', 'article:tag')).toEqual(['Floods', 'Assam']);
    expect(h.meta('property', 'article:author')).toEqual([`${SITE}/author/asha-rao`, `${SITE}/author/vik-das`]);
    expect(h.meta('name', 'twitter:card')).toEqual(['summary_large_image']);
    expect(h.meta('name', 'twitter:title')).toEqual([story.title]);
    expect(h.meta('name', 'twitter:description')).toEqual([story.description]);
    expect(h.meta('name', 'twitter:image')).toEqual([story.image?.url]);
    expect(h.meta('name', 'twitter:image:alt')).toEqual(['A "flooded" street']);
    expect(h.meta('name', 'robots')).toEqual(['max-image-preview:large']);
  });

  it('links each feed in RSS and Atom', () => {
    const alternates = head(headMeta(story).value).links('alternate');
    expect(alternates).toEqual([
      { rel: 'alternate', type: 'application/rss+xml', title: 'Nation', href: `${SITE}/nation/feed.xml` },
      { rel: 'alternate', type: 'application/atom+xml', title: 'Nation', href: `${SITE}/nation/atom.xml` },
    ]);
  });

  it('escapes every value, so a headline cannot open a tag or leave its attribute', () => {
    const markup = headMeta({ ...story, title: '"><script>alert(1)</script>', description: "it's <b>bold</b>" }).value;
    expect(markup).not.toContain('<script');
    expect(markup).not.toContain('<b>');
    expect(markup).toContain('&quot;&gt;&lt;script&gt;');
    expect(markup).toContain('it&#39;s');
    // Still exactly one element per tag: nothing broke out.
    expect(head(markup).all.every((e) => e.name === 'meta' || e.name === 'link')).toBe(true);
    expect(markup).toContain('a=1&amp;b=2');
  });

  it('leaves out article, image and feed tags a plain page does not have, and can ask not to be indexed', () => {
    const h = head(headMeta({ title: 'Search', description: 'Search the paper', canonicalUrl: `${SITE}/search`, siteName: 'X', locale: 'hi-IN', type: 'website', noindex: true }).value);
    expect(h.meta('property', 'og:type')).toEqual(['website']);
    expect(h.meta('property', 'og:locale')).toEqual(['hi_IN']);
    expect(h.meta('property', 'og:image')).toEqual([]);
    expect(h.meta('name', 'twitter:image')).toEqual([]);
    expect(h.meta('property', 'article:published_time')).toEqual([]);
    expect(h.links('alternate')).toEqual([]);
    expect(h.meta('name', 'robots')).toEqual(['noindex, follow']);
    expect(h.meta('name', 'twitter:card')).toEqual(['summary_large_image']);
  });

  it('links the paper’s feeds everywhere and a section’s feeds on its pages', () => {
    expect(feedLinks(SITE, 'The Daily Dateline')).toEqual([{ title: 'The Daily Dateline', rss: `${SITE}/feed.xml`, atom: `${SITE}/atom.xml` }]);
    expect(feedLinks(SITE, 'The Daily Dateline', { name: 'Asia', path: 'world/asia' })[1]).toEqual({
      title: 'Asia — The Daily Dateline',
      rss: `${SITE}/world/asia/feed.xml`,
      atom: `${SITE}/world/asia/atom.xml`,
    });
  });

  it('writes Open Graph locales with an underscore', () => {
    expect(ogLocale('en-IN')).toBe('en_IN');
    expect(ogLocale('pa-in')).toBe('pa_IN');
    expect(ogLocale('en')).toBe('en');
  });
});

describe('share images', () => {
  it('points og:image and NewsArticle at 16:9, 4:3 and 1:1 crops of the featured image', () => {
    const images = articleImages(SITE, { src: '/media/2026/11/ab.jpg', width: 1600, height: 900, altText: 'A street' });
    expect(images).toEqual({
      og: { url: `${SITE}/media/c/16x9/1280/jpeg/2026/11/ab.jpg`, width: 1280, height: 720, alt: 'A street' },
      newsArticle: {
        url16x9: `${SITE}/media/c/16x9/1280/jpeg/2026/11/ab.jpg`,
        url4x3: `${SITE}/media/c/4x3/1280/jpeg/2026/11/ab.jpg`,
        url1x1: `${SITE}/media/c/1x1/1280/jpeg/2026/11/ab.jpg`,
      },
    });
  });

  it('gives the real size of a crop from a small photo', () => {
    expect(articleImages(SITE, { src: '/media/2026/11/ab.jpg', width: 800, height: 600, altText: '' })?.og).toMatchObject({ width: 800, height: 450 });
  });

  it('has nothing to offer for an image outside the media library', () => {
    expect(articleImages(SITE, { src: 'https://elsewhere.example/x.jpg', width: 10, height: 10, altText: '' })).toBeNull();
  });
});

const article: NewsArticleInput = {
  url: `${SITE}/world/asia/summit-ends`,
  headline: 'Summit ends </script><script>alert(1)</script>',
  description: 'Leaders agreed & disagreed.',
  images: { url16x9: `${SITE}/a-16x9.jpg`, url4x3: `${SITE}/a-4x3.jpg`, url1x1: `${SITE}/a-1x1.jpg` },
  datePublished: '2026-11-27T10:00:00.000Z',
  dateModified: '2026-11-28T08:00:00.000Z',
  authors: [{ name: 'Asha Rao', url: `${SITE}/author/asha-rao` }],
  section: 'Asia',
  publisher: { name: 'The Daily Dateline', logoUrl: `${SITE}/media/logo.png`, url: `${SITE}/` },
  corrections: [{ text: 'An earlier version misspelt the minister’s name.', datePublished: '2026-11-28T08:00:00.000Z' }],
  language: 'en-IN',
  isAccessibleForFree: true,
};

/** The JSON inside each ld+json script, parsed back. */
function scripts(markup: string): unknown[] {
  const doc = parseDocument(markup);
  return DomUtils.getElementsByTagName('script', doc, true).map((s) => {
    expect(s.attribs['type']).toBe('application/ld+json');
    return JSON.parse(DomUtils.textContent(s)) as unknown;
  });
}

describe('JSON-LD', () => {
  it('describes a story as a NewsArticle with images, dates, author, publisher and corrections', () => {
    const [parsed] = scripts(jsonLdScript(newsArticleJsonLd(article)).value);
    expect(parsed).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
      url: article.url,
      headline: article.headline,
      description: 'Leaders agreed & disagreed.',
      image: [`${SITE}/a-16x9.jpg`, `${SITE}/a-4x3.jpg`, `${SITE}/a-1x1.jpg`],
      datePublished: '2026-11-27T10:00:00.000Z',
      dateModified: '2026-11-28T08:00:00.000Z',
      author: [{ '@type': 'Person', name: 'Asha Rao', url: `${SITE}/author/asha-rao` }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'The Daily Dateline', url: `${SITE}/`, logo: { '@type': 'ImageObject', url: `${SITE}/media/logo.png` } },
      articleSection: 'Asia',
      inLanguage: 'en-IN',
      isAccessibleForFree: true,
      correction: [{ '@type': 'CorrectionComment', text: 'An earlier version misspelt the minister’s name.', datePublished: '2026-11-28T08:00:00.000Z' }],
    });
  });

  it('credits wire copy to the agency as an Organization, and an unsigned story to the paper', () => {
    expect(newsArticleJsonLd({ ...article, authors: [], agency: 'AFP' })['author']).toEqual([{ '@type': 'Organization', name: 'AFP' }]);
    expect(newsArticleJsonLd({ ...article, authors: [] })['author']).toEqual([{ '@type': 'Organization', name: 'The Daily Dateline', url: `${SITE}/` }]);
  });

  it('leaves out images, section and corrections a story does not have', () => {
    const ld = newsArticleJsonLd({ ...article, images: null, section: undefined, corrections: [] });
    expect(ld).not.toHaveProperty('image');
    expect(ld).not.toHaveProperty('articleSection');
    expect(ld).not.toHaveProperty('correction');
  });

  it('cannot be broken out of: </script>, <!--, & and line separators are escaped and still parse back', () => {
    const nasty = 'a </script><script>alert(1)</script> <!-- b --> & \u2028c\u2029';
    const text = serializeJsonLd({ headline: nasty });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(text).toContain('\\u2028');
    expect(JSON.parse(text)).toEqual({ headline: nasty });
    const markup = jsonLdScript({ headline: nasty }).value;
    expect(markup.match(/<\/script>/g)).toHaveLength(1);
    expect(scripts(markup)).toEqual([{ headline: nasty }]);
  });

  it('lists breadcrumbs from the top with their positions', () => {
    expect(breadcrumbJsonLd([{ name: 'World', url: `${SITE}/world` }, { name: 'Asia', url: `${SITE}/world/asia` }])).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'World', item: `${SITE}/world` },
        { '@type': 'ListItem', position: 2, name: 'Asia', item: `${SITE}/world/asia` },
      ],
    });
  });

  it('describes the home page: the paper with its profiles, and the site with its search box', () => {
    const [org, site] = scripts(
      jsonLdScript(
        organizationJsonLd({ name: 'The Daily Dateline', url: `${SITE}/`, logoUrl: `${SITE}/logo.png`, sameAs: ['https://x.com/dateline'] }),
        websiteJsonLd({ name: 'The Daily Dateline', url: `${SITE}/`, language: 'en-IN' }),
      ).value,
    );
    expect(org).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsMediaOrganization',
      name: 'The Daily Dateline',
      url: `${SITE}/`,
      logo: { '@type': 'ImageObject', url: `${SITE}/logo.png` },
      sameAs: ['https://x.com/dateline'],
    });
    expect(site).toEqual({
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: 'The Daily Dateline',
      url: `${SITE}/`,
      inLanguage: 'en-IN',
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${SITE}/search?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    });
    expect(organizationJsonLd({ name: 'X', url: `${SITE}/` })).not.toHaveProperty('logo');
  });
});
