/** The story page: every element of the page anatomy, in order (docs/site-anatomy.md). */
import { html, type SafeHtml } from '../../lib/html.js';
import { cardList, type CardModel } from '../cards.js';
import { adSlot } from '../frame.js';
import { ICONS } from '../icons.js';
import { picture, type PictureImage } from '../images.js';

export interface StoryModel {
  id: number;
  headline: string;
  standfirst: string;
  canonicalUrl: string;
  section: { name: string; href: string } | null;
  breadcrumbs: readonly { name: string; href: string }[];
  image: (PictureImage & { caption: string; credit: string }) | null;
  published: { iso: string; label: string } | null;
  updated: { iso: string; label: string } | null;
  body: SafeHtml;
  signoff: { kind: 'byline'; authors: readonly { name: string; href: string }[] } | { kind: 'agency'; agency: string } | null;
  tags: readonly { name: string; href: string }[];
  corrections: readonly { kind: string; text: string; time: { iso: string; label: string } }[];
  related: readonly CardModel[];
}

export function shareLinks(url: string, title: string): SafeHtml {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return html`<div class="share" data-share-url="${url}" data-share-title="${title}">
<a class="share__facebook" href="https://www.facebook.com/sharer/sharer.php?u=${u}" rel="noopener" target="_blank">${ICONS.facebook}<span>Facebook</span></a>
<a class="share__x" href="https://x.com/intent/post?url=${u}&amp;text=${t}" rel="noopener" target="_blank">${ICONS.x}<span>X</span></a>
<a class="share__whatsapp" href="https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}" rel="noopener" target="_blank">${ICONS.whatsapp}<span>WhatsApp</span></a>
<button class="share__copy" type="button">${ICONS.link}<span>Copy link</span></button>
<button class="share__native" type="button" hidden>${ICONS.share}<span>Share</span></button>
</div>`;
}

function signoff(s: StoryModel['signoff']): SafeHtml {
  if (!s) return html``;
  if (s.kind === 'agency') return html`<p class="story__signoff story__signoff--agency">— ${s.agency}</p>`;
  const names = s.authors.map((a, i) => html`${i === 0 ? '' : i === s.authors.length - 1 ? ' and ' : ', '}<a rel="author" href="${a.href}">${a.name}</a>`);
  return html`<p class="story__signoff">By ${names}</p>`;
}

export function storyMain(s: StoryModel): SafeHtml {
  return html`<article class="story" data-article-id="${s.id}">
${s.breadcrumbs.length ? html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${s.breadcrumbs.map((b) => html`<li><a href="${b.href}">${b.name}</a></li>`)}</ol></nav>` : ''}
${s.section ? html`<a class="story__section kicker" href="${s.section.href}">${s.section.name}</a>` : ''}
<h1 class="story__headline">${s.headline}</h1>
${s.standfirst ? html`<p class="story__standfirst">${s.standfirst}</p>` : ''}
${shareLinks(s.canonicalUrl, s.headline)}
${s.image
    ? html`<figure class="story__image">${picture(s.image, { sizes: '(min-width: 1024px) 720px, 100vw', maxWidth: 1280, eager: true })}${
        s.image.caption || s.image.credit
          ? html`<figcaption>${s.image.caption ? html`<span class="caption">${s.image.caption}</span> ` : ''}${s.image.credit ? html`<span class="credit">${s.image.credit}</span>` : ''}</figcaption>`
          : ''
      }</figure>`
    : ''}
<div class="story__meta">${s.published ? html`<time datetime="${s.published.iso}">Published ${s.published.label}</time>` : ''}${
    s.updated ? html`<time datetime="${s.updated.iso}">Updated ${s.updated.label}</time>` : ''
  }</div>
<div class="story__body">${s.body}</div>
${signoff(s.signoff)}
${s.tags.length ? html`<ul class="story__tags" aria-label="Topics">${s.tags.map((t) => html`<li><a href="${t.href}">${t.name}</a></li>`)}</ul>` : ''}
${s.corrections.length
    ? html`<section class="story__corrections" aria-labelledby="corrections-h"><h2 id="corrections-h">Corrections and updates</h2><ul>${s.corrections.map(
        (c) => html`<li><time datetime="${c.time.iso}">${c.kind === 'update' ? 'Update' : c.kind === 'clarification' ? 'Clarification' : 'Correction'}, ${c.time.label}</time>${c.text}</li>`,
      )}</ul></section>`
    : ''}
${s.related.length ? html`<section class="related" aria-labelledby="related-h"><h2 id="related-h">Related stories</h2>${cardList(s.related, 'standard')}</section>` : ''}
</article>`;
}

/** The desktop rail: a rectangle ad and the latest stories. */
export function storyRail(latest: readonly CardModel[]): SafeHtml {
  return html`${adSlot('rectangle', 'rail')}<section aria-labelledby="latest-h"><div class="section-head"><h2 id="latest-h">Latest</h2></div>${cardList(latest, 'compact')}</section>`;
}
