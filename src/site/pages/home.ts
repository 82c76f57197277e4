/** The home page: lead, top stories, latest, opinion and videos strips, one block per section. */
import { html, type SafeHtml } from '../../lib/html.js';
import { card, cardList, type CardModel } from '../cards.js';
import { adSlot } from '../frame.js';

export interface HomeModel {
  siteName: string;
  lead: CardModel | null;
  top: readonly CardModel[];
  latest: readonly CardModel[];
  opinion: readonly CardModel[];
  videos: readonly CardModel[];
  sections: readonly { name: string; href: string; stories: readonly CardModel[] }[];
}

function block(title: string, href: string | null, body: SafeHtml, id: string): SafeHtml {
  return html`<section aria-labelledby="${id}"><div class="section-head"><h2 id="${id}">${href ? html`<a href="${href}">${title}</a>` : title}</h2>${
    href ? html`<a class="more" href="${href}">More ›</a>` : ''
  }</div>${body}</section>`;
}

export function homeMain(m: HomeModel): SafeHtml {
  return html`<h1 class="visually-hidden">${m.siteName}: latest news</h1>
<div class="home-top">
<div>${m.lead ? card(m.lead, 'lead', 2) : ''}${m.top.length ? html`<div class="cards cards--grid">${m.top.map((c) => card(c, 'top', 3))}</div>` : ''}</div>
${block('Latest', null, cardList(m.latest, 'compact'), 'latest-h')}
</div>
${adSlot('rectangle', 'home-1')}
${m.opinion.length ? html`<div class="strip">${block('Opinion', '/opinion', cardList(m.opinion, 'opinion'), 'opinion-h')}</div>` : ''}
${m.sections.map((s, i) => html`${block(s.name, s.href, cardList(s.stories, 'standard', { grid: true }), `sec-${i}-h`)}${i === 1 ? adSlot('rectangle', 'home-2') : ''}`)}
${m.videos.length ? html`<div class="strip">${block('Videos', '/videos', cardList(m.videos, 'top', { grid: true }), 'videos-h')}</div>` : ''}`;
}
