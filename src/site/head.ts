/** The <head> of each kind of reader page: meta, Open Graph, feeds and JSON-LD, from seo.ts. */
import { html } from '../lib/html.js';
import type { ArticleView } from '../features/articles/index.js';
import type { PageHead } from './frame.js';
import type { SiteContext, SiteDeps } from './site.data.js';
import {
  articleImages,
  breadcrumbJsonLd,
  feedLinks,
  headMeta,
  jsonLdScript,
  newsArticleJsonLd,
  organizationJsonLd,
  websiteJsonLd,
  type JsonLd,
} from './seo.js';

export interface SimpleHead {
  title: string;
  description: string;
  /** Site-relative path of the canonical URL. */
  path: string;
  section?: { name: string; path: string } | null;
  noindex?: boolean;
  jsonLd?: JsonLd[];
}

export function simpleHead(d: SiteDeps, ctx: SiteContext, h: SimpleHead): PageHead {
  const meta = headMeta({
    title: h.title,
    description: h.description,
    canonicalUrl: d.publicUrl + h.path,
    siteName: ctx.settings.name,
    locale: ctx.settings.locale,
    type: 'website',
    feeds: feedLinks(d.publicUrl, ctx.settings.name, h.section ?? null),
    ...(h.noindex && { noindex: true }),
  });
  return { title: h.title, extra: h.jsonLd?.length ? html`${meta}${jsonLdScript(...h.jsonLd)}` : meta };
}

export function homeHead(d: SiteDeps, ctx: SiteContext): PageHead {
  const sameAs = Object.values(ctx.settings.social).filter((v): v is string => typeof v === 'string' && v !== '');
  return simpleHead(d, ctx, {
    title: ctx.settings.name,
    description: ctx.settings.tagline || `${ctx.settings.name}: news, opinion and videos.`,
    path: '/',
    jsonLd: [
      organizationJsonLd({ name: ctx.settings.name, url: `${d.publicUrl}/`, sameAs }),
      websiteJsonLd({ name: ctx.settings.name, url: `${d.publicUrl}/`, language: ctx.settings.locale }),
    ],
  });
}

export function storyHead(d: SiteDeps, ctx: SiteContext, a: ArticleView): PageHead {
  const images = a.featuredImage ? articleImages(d.publicUrl, a.featuredImage) : null;
  const published = a.publishedAt ?? a.createdAt;
  const modified = a.updatedAt && a.updatedAt > published ? a.updatedAt : published;
  const description = a.seoDescription || a.standfirst;
  const meta = headMeta({
    title: a.seoTitle || a.headline,
    description,
    canonicalUrl: a.url,
    siteName: ctx.settings.name,
    locale: ctx.settings.locale,
    type: 'article',
    ...(images && { image: images.og }),
    article: {
      publishedTime: published,
      modifiedTime: modified,
      ...(a.section && { section: a.section.name }),
      tags: a.tags.map((t) => t.name),
      authors: a.authors.map((x) => `${d.publicUrl}/author/${x.slug}`),
    },
    feeds: feedLinks(d.publicUrl, ctx.settings.name, a.section),
  });
  const article = newsArticleJsonLd({
    url: a.url,
    headline: a.headline,
    description,
    images: images?.newsArticle ?? null,
    datePublished: published,
    dateModified: modified,
    authors: a.authors.map((x) => ({ name: x.name, url: `${d.publicUrl}/author/${x.slug}` })),
    ...(a.agencyCredit && { agency: a.agencyCredit }),
    ...(a.section && { section: a.section.name }),
    publisher: { name: ctx.settings.name, url: `${d.publicUrl}/` },
    corrections: a.corrections.map((c) => ({ text: c.text, datePublished: c.createdAt })),
    language: a.language,
    isAccessibleForFree: true,
  });
  const crumbs = breadcrumbJsonLd([
    { name: ctx.settings.name, url: `${d.publicUrl}/` },
    ...a.breadcrumbs.map((b) => ({ name: b.name, url: `${d.publicUrl}/${b.path}` })),
    { name: a.headline, url: a.url },
  ]);
  return { title: a.seoTitle || a.headline, extra: html`${meta}${jsonLdScript(article, crumbs)}` };
}
