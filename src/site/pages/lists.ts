/** Paginated lists: section, author and tag pages, and search results. */
import { html, type SafeHtml } from '../../lib/html.js';
import { cardList, type CardModel } from '../cards.js';
import { picture, type PictureImage } from '../images.js';

export interface Pager {
  page: number;
  prevHref: string | null;
  nextHref: string | null;
}

export function pager(p: Pager): SafeHtml {
  if (!p.prevHref && !p.nextHref) return html``;
  return html`<nav class="pager" aria-label="Pages">${p.prevHref ? html`<a href="${p.prevHref}" rel="prev">‹ Newer stories</a>` : html`<span></span>`}${
    p.nextHref ? html`<a href="${p.nextHref}" rel="next">Older stories ›</a>` : ''
  }</nav>`;
}

export interface SectionPageModel {
  name: string;
  description: string;
  breadcrumbs: readonly { name: string; href: string }[];
  subsections: readonly { name: string; href: string }[];
  stories: readonly CardModel[];
  layout: 'news' | 'opinion' | 'videos';
  pager: Pager;
}

export function sectionMain(m: SectionPageModel): SafeHtml {
  return html`${m.breadcrumbs.length > 1 ? html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${m.breadcrumbs.map((b) => html`<li><a href="${b.href}">${b.name}</a></li>`)}</ol></nav>` : ''}
<div class="section-head"><h1>${m.name}${m.pager.page > 1 ? html` <span class="intro">— page ${m.pager.page}</span>` : ''}</h1></div>
${m.description && m.pager.page === 1 ? html`<p class="intro">${m.description}</p>` : ''}
${m.subsections.length ? html`<nav aria-label="${m.name} sections"><ul class="story__tags">${m.subsections.map((s) => html`<li><a href="${s.href}">${s.name}</a></li>`)}</ul></nav>` : ''}
${cardList(m.stories, m.layout === 'opinion' ? 'opinion' : m.layout === 'videos' ? 'top' : 'standard', { grid: m.layout !== 'news', headingLevel: 2 })}
${pager(m.pager)}`;
}

export interface AuthorPageModel {
  name: string;
  title: string;
  bio: string;
  photo: PictureImage | null;
  social: readonly { label: string; href: string }[];
  stories: readonly CardModel[];
  pager: Pager;
}

export function authorMain(m: AuthorPageModel): SafeHtml {
  return html`<div class="author-head">${m.photo ? picture(m.photo, { sizes: '96px', maxWidth: 320, eager: true }) : ''}<div><h1>${m.name}</h1>${m.title ? html`<p>${m.title}</p>` : ''}</div></div>
${m.bio ? html`<p class="intro">${m.bio}</p>` : ''}
${m.social.length ? html`<ul class="story__tags">${m.social.map((s) => html`<li><a href="${s.href}" rel="noopener me">${s.label}</a></li>`)}</ul>` : ''}
<div class="section-head"><h2>Stories by ${m.name}</h2></div>
${cardList(m.stories, 'standard')}
${pager(m.pager)}`;
}

export interface TagPageModel {
  name: string;
  stories: readonly CardModel[];
  pager: Pager;
}

export function tagMain(m: TagPageModel): SafeHtml {
  return html`<div class="section-head"><h1>${m.name}</h1></div>
<p class="intro">Stories about ${m.name}, newest first.</p>
${cardList(m.stories, 'standard', { headingLevel: 2 })}
${pager(m.pager)}`;
}

export interface SearchPageModel {
  query: string;
  stories: readonly CardModel[];
  latest: readonly CardModel[];
}

export function searchMain(m: SearchPageModel): SafeHtml {
  const form = html`<form class="search-form" role="search" action="/search" method="get"><label class="visually-hidden" for="search-page-q">Search</label><input id="search-page-q" name="q" type="search" value="${m.query}" maxlength="200"><button type="submit">Search</button></form>`;
  if (!m.query) return html`<div class="section-head"><h1>Search</h1></div>${form}`;
  return html`<div class="section-head"><h1>Search: ${m.query}</h1></div>${form}
${m.stories.length
    ? html`<p class="intro">${m.stories.length} ${m.stories.length === 1 ? 'story' : 'stories'} found.</p>${cardList(m.stories, 'standard', { headingLevel: 2 })}`
    : html`<p class="intro">Nothing matched “${m.query}”. Check the spelling, or try fewer words.</p><div class="section-head"><h2>Latest stories</h2></div>${cardList(m.latest, 'standard')}`}`;
}

export interface StaticPageModel {
  title: string;
  body: SafeHtml;
}

export function staticMain(m: StaticPageModel): SafeHtml {
  return html`<article class="static-page"><h1>${m.title}</h1><div class="story__body">${m.body}</div></article>`;
}

export function noticeMain(title: string, message: string, latest: readonly CardModel[]): SafeHtml {
  return html`<div class="notice"><h1>${title}</h1><p>${message}</p><p><a href="/">Go to the front page</a> or <a href="/search">search the site</a>.</p></div>
${latest.length ? html`<div class="section-head"><h2>Latest stories</h2></div>${cardList(latest, 'standard')}` : ''}`;
}
