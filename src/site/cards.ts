/** Story cards: how a story appears in lists (home, sections, authors, tags, related). */
import { html, type SafeHtml } from '../lib/html.js';
import { picture, type PictureImage } from './images.js';

export interface CardModel {
  id: number;
  headline: string;
  href: string;
  standfirst: string;
  image: PictureImage | null;
  kicker: { name: string; href: string } | null;
  time: { iso: string; label: string } | null;
  byline: string;
  author: { name: string; photo: PictureImage | null } | null;
}

export type CardVariant = 'lead' | 'top' | 'standard' | 'compact' | 'opinion';

const IMAGE_SIZES: Record<CardVariant, { sizes: string; maxWidth: number } | null> = {
  lead: { sizes: '(min-width: 1024px) 760px, 100vw', maxWidth: 1280 },
  top: { sizes: '(min-width: 1024px) 360px, 100vw', maxWidth: 800 },
  standard: { sizes: '(min-width: 640px) 160px, 112px', maxWidth: 320 },
  compact: null,
  opinion: null,
};

export function card(c: CardModel, variant: CardVariant = 'standard', headingLevel: 2 | 3 = 3): SafeHtml {
  const size = IMAGE_SIZES[variant];
  const headline = html`<a href="${c.href}">${c.headline}</a>`;
  const heading = headingLevel === 2 ? html`<h2 class="card__headline">${headline}</h2>` : html`<h3 class="card__headline">${headline}</h3>`;
  const meta = [c.byline, c.time?.label].filter(Boolean).join(' · ');
  return html`<article class="card card--${variant}">
<div class="card__body">
${c.kicker && variant !== 'compact' ? html`<a class="kicker" href="${c.kicker.href}">${c.kicker.name}</a>` : ''}
${heading}
${variant === 'opinion' && c.author
    ? html`<p class="card__author">${c.author.photo ? picture(c.author.photo, { sizes: '48px', maxWidth: 320 }) : ''}<span>${c.author.name}</span></p>`
    : ''}
${variant === 'lead' || variant === 'top' || variant === 'standard' ? (c.standfirst ? html`<p class="card__standfirst">${c.standfirst}</p>` : '') : ''}
${meta && variant !== 'opinion' ? html`<p class="card__meta">${c.time ? html`<time datetime="${c.time.iso}">${meta}</time>` : meta}</p>` : ''}
</div>
${size && c.image ? html`<div class="card__image">${picture(c.image, { ...size, eager: variant === 'lead' })}</div>` : ''}
</article>`;
}

export function cardList(cards: readonly CardModel[], variant: CardVariant = 'standard', options: { grid?: boolean; headingLevel?: 2 | 3 } = {}): SafeHtml {
  if (cards.length === 0) return html`<p class="intro">No stories here yet.</p>`;
  return html`<div class="cards${options.grid ? ' cards--grid' : ''}">${cards.map((c) => card(c, variant, options.headingLevel ?? 3))}</div>`;
}
