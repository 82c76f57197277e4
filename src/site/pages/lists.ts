/** Paginated lists: section, author and tag pages, and search results. */
import { html, type SafeHtml } from '../../lib/html.js';
import { cardList, type CardModel } from '../cards.js';
import { picture, type PictureImage } from '../images.js';

export interface Pager {
  page: number;
  prevHref: string | null;
  nextHref: string | null;
}

export function pager(p: Pager, labels: readonly [string, string] = ['‹ Newer stories', 'Older stories ›']): SafeHtml {
  if (!p.prevHref && !p.nextHref) return html``;
  return html`<nav class="pager" aria-label="Pages">${p.prevHref ? html`<a href="${p.prevHref}" rel="prev">${labels[0]}</a>` : html`<span></span>`}${
    p.nextHref ? html`<a href="${p.nextHref}" rel="next">${labels[1]}</a>` : ''
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

export interface SearchResultModel {
  card: CardModel;
  /** Escaped by the search feature, with <mark> around matched words. */
  headlineHtml: SafeHtml;
  snippetHtml: SafeHtml;
}

export interface SearchFiltersModel {
  sections: readonly { slug: string; name: string }[];
  section: string;
  sort: 'relevance' | 'newest';
  range: string;
  /** Filters without a control of their own (from links), kept as hidden fields. */
  hidden: readonly { name: string; value: string; label: string; clearHref: string }[];
}

export interface SearchPageModel {
  /** What the reader typed. */
  query: string;
  results: readonly SearchResultModel[];
  total: number;
  capped: boolean;
  suggestion: { text: string; href: string } | null;
  latest: readonly CardModel[];
  filters: SearchFiltersModel;
  pager: Pager;
}

const RANGE_LABELS: readonly (readonly [string, string])[] = [['', 'Any time'], ['day', 'Past day'], ['week', 'Past week'], ['month', 'Past month'], ['year', 'Past year']];

function searchForm(m: SearchPageModel): SafeHtml {
  const f = m.filters;
  const option = (value: string, label: string, current: string) => html`<option value="${value}"${current === value ? html` selected` : ''}>${label}</option>`;
  return html`<form class="search-page" role="search" aria-label="Search this archive" action="/search" method="get">
<div class="search-form"><label class="visually-hidden" for="search-page-q">Search</label><input id="search-page-q" name="q" type="search" value="${m.query}" maxlength="200" autocomplete="off" data-search-suggest><button type="submit">Search</button></div>
<div class="search-filters">
<label>Section <select name="section">${option('', 'All sections', f.section)}${f.sections.map((s) => option(s.slug, s.name, f.section))}</select></label>
<label>Date <select name="range">${RANGE_LABELS.map(([v, l]) => option(v, l, f.range))}</select></label>
<label>Sort <select name="sort">${option('relevance', 'Most relevant', f.sort)}${option('newest', 'Newest first', f.sort)}</select></label>
${f.hidden.map((h) => html`<input type="hidden" name="${h.name}" value="${h.value}">`)}
<button type="submit">Apply</button>
</div>
${f.hidden.length ? html`<ul class="story__tags">${f.hidden.map((h) => html`<li>${h.label} <a href="${h.clearHref}" aria-label="Remove filter ${h.label}">✕</a></li>`)}</ul>` : ''}
</form>`;
}

function searchResult(r: SearchResultModel): SafeHtml {
  const c = r.card;
  const meta = [c.byline, c.time?.label].filter(Boolean).join(' · ');
  return html`<article class="card card--standard search-result">
<div class="card__body">
${c.kicker ? html`<a class="kicker" href="${c.kicker.href}">${c.kicker.name}</a>` : ''}
<h2 class="card__headline"><a href="${c.href}">${r.headlineHtml}</a></h2>
${r.snippetHtml.value ? html`<p class="card__standfirst search-result__snippet">${r.snippetHtml}</p>` : ''}
${meta ? html`<p class="card__meta">${c.time ? html`<time datetime="${c.time.iso}">${meta}</time>` : meta}</p>` : ''}
</div>
</article>`;
}

export function searchMain(m: SearchPageModel): SafeHtml {
  if (!m.query) return html`<div class="section-head"><h1>Search</h1></div>${searchForm(m)}
<p class="intro">Tip: use "quotes" for an exact phrase, a minus sign to leave a word out (-cricket), and OR for either word.</p>`;
  const count = m.capped ? `More than ${m.total.toLocaleString('en')} stories found.` : `${m.total.toLocaleString('en')} ${m.total === 1 ? 'story' : 'stories'} found.`;
  return html`<div class="section-head"><h1>Search: ${m.query}</h1></div>${searchForm(m)}
${m.results.length
    ? html`<p class="intro search-count" role="status">${count}${m.pager.page > 1 ? ` Page ${m.pager.page}.` : ''}</p><div class="cards search-results">${m.results.map(searchResult)}</div>${pager(m.pager, ['‹ Previous results', 'More results ›'])}`
    : html`<p class="intro" role="status">Nothing matched “${m.query}”.${m.suggestion ? html` Did you mean <a class="search-suggestion" href="${m.suggestion.href}">${m.suggestion.text}</a>?` : ' Check the spelling, try fewer words, or widen the filters.'}</p><div class="section-head"><h2>Latest stories</h2></div>${cardList(m.latest, 'standard')}`}`;
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
