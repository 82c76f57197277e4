/**
 * The page frame every reader page shares: head, utility bar, masthead with
 * section navigation, top ad slot, footer and the phones' bottom bar. Pure:
 * a view model in, escaped HTML out.
 */
import { html, raw, type SafeHtml } from '../lib/html.js';
import { ICONS } from './icons.js';

export type SocialNetwork = 'facebook' | 'instagram' | 'x' | 'youtube' | 'whatsapp' | 'linkedin';
export type BottomItem = 'home' | 'opinion' | 'classifieds' | 'videos' | 'epaper';

export interface FrameModel {
  siteName: string;
  tagline: string;
  lang: string;
  today: { iso: string; label: string };
  utilityLinks: readonly { label: string; href: string }[];
  social: Partial<Record<SocialNetwork, string>>;
  nav: readonly { name: string; href: string; current: boolean }[];
  bottomCurrent: BottomItem | null;
  css: string;
  jsPath: string;
  /** The ad script (assets/ads-js.ts), loaded only on pages that carry ad slots. */
  adsJsPath: string;
  /** What the page is, for the ad request; the same for every reader, so cached pages stay shared. */
  adContext: AdPageContext;
  iconPath: string;
}

/** The page's side of POST /ads/fill: everything in it comes from the page's content, nothing from the reader. */
export interface AdPageContext {
  type: 'home' | 'section' | 'article' | 'other';
  sectionId: number | null;
  language: string;
  keywords: readonly string[];
}

export interface PageHead {
  title: string;
  /** Meta, Open Graph, feeds and JSON-LD, built by seo.ts. */
  extra?: SafeHtml;
  description?: string;
  canonical?: string;
  noindex?: boolean;
}

const SOCIAL_LABELS: Record<SocialNetwork, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  youtube: 'YouTube',
  whatsapp: 'WhatsApp channel',
  linkedin: 'LinkedIn',
};

const BOTTOM: readonly { id: BottomItem; label: string; href: string }[] = [
  { id: 'home', label: 'Home', href: '/' },
  { id: 'opinion', label: 'Opinion', href: '/opinion' },
  { id: 'classifieds', label: 'Classifieds', href: '/classifieds' },
  { id: 'videos', label: 'Videos', href: '/videos' },
  { id: 'epaper', label: 'E-Paper', href: '/epaper' },
];

function socialLinks(f: FrameModel): SafeHtml {
  const items = (Object.keys(SOCIAL_LABELS) as SocialNetwork[]).flatMap((n) => {
    const href = f.social[n];
    if (!href) return [];
    const icon = n === 'linkedin' ? ICONS.link : ICONS[n];
    return [html`<li><a href="${href}" rel="noopener me" aria-label="${f.siteName} on ${SOCIAL_LABELS[n]}">${icon}</a></li>`];
  });
  return items.length ? html`<ul class="utility__social">${items}</ul>` : html``;
}

function utilityBar(f: FrameModel): SafeHtml {
  return html`<nav class="utility" aria-label="Utility"><div class="wrap">
<ul class="utility__links">${f.utilityLinks.map((l) => html`<li><a href="${l.href}">${l.label}</a></li>`)}</ul>
<form class="search-form" role="search" aria-label="Site search" action="/search" method="get"><label class="visually-hidden" for="site-search">Search the site</label><input id="site-search" name="q" type="search" placeholder="Search" maxlength="200" autocomplete="off"><button type="submit">Search</button></form>
${socialLinks(f)}
</div></nav>`;
}

function masthead(f: FrameModel, topAd: boolean): SafeHtml {
  return html`<header class="masthead">
<a class="masthead__name" href="/">${f.siteName}</a>
${f.tagline ? html`<p class="masthead__tagline">${f.tagline}</p>` : ''}
<time class="masthead__date" datetime="${f.today.iso}">${f.today.label}</time>
<nav class="sections" aria-label="Sections"><ul>${f.nav.map(
    (n) => html`<li><a href="${n.href}"${n.current ? html` aria-current="page"` : ''}>${n.name}</a></li>`,
  )}</ul></nav>
${topAd ? adSlot('leaderboard', 'top') : ''}
</header>`;
}

export type AdKind = 'leaderboard' | 'rectangle';

/**
 * The sizes each kind of slot may serve, largest first. The CSS reserves the box at the
 * largest size that fits the breakpoint (leaderboard: 320x50 below 768px, 728x90 from
 * 768px); the ad script asks only for sizes that fit the box it finds, so a creative never
 * grows the page.
 */
export const AD_KIND_SIZES: Readonly<Record<AdKind, readonly string[]>> = {
  leaderboard: ['728x90', '320x50'],
  rectangle: ['300x250'],
};

const HOUSE: Record<AdKind, SafeHtml> = {
  leaderboard: html`<a class="house" href="/subscribe"><strong>Get the paper at your door</strong> Print + e-paper from ₹299 a month</a>`,
  rectangle: html`<a class="house" href="/subscribe"><strong>Subscribe to the print edition</strong><span>Home delivery across the city, with the e-paper included.</span><span>See plans →</span></a>`,
};

/**
 * A labelled ad slot with its size reserved, holding a house promotion. The ad script
 * (assets/ads-js.ts) replaces the promotion when a campaign or ad network fills the slot;
 * without JavaScript, or when nothing fills it, the promotion stays.
 */
export function adSlot(kind: AdKind, id: string): SafeHtml {
  // A plain block, not a landmark: pages carry several slots, some inside the story, where
  // complementary landmarks are not allowed. The visible label says what it is.
  return html`<div class="ad-slot ad-slot--${kind}" data-ad-slot="${id}" data-ad-sizes="${AD_KIND_SIZES[kind].join(' ')}"><span class="ad-slot__label">Advertisement</span><div class="ad-slot__frame">${HOUSE[kind]}</div></div>`;
}

/** True when rendered markup holds at least one ad slot. */
function hasAdSlots(markup: string): boolean {
  return markup.includes(' data-ad-slot="');
}

/** The page context as a <meta> the ad script reads: JSON in an attribute, escaped like any other value. */
function adContextMeta(c: AdPageContext): SafeHtml {
  // Bounded as POST /ads/fill accepts them (20 keywords of at most 100 characters, a 35-character tag).
  const keywords = c.keywords.slice(0, 20).map((k) => k.slice(0, 100));
  const json = JSON.stringify({ type: c.type, sectionId: c.sectionId, language: c.language.slice(0, 35), keywords });
  return html`<meta name="dl-ad-context" content="${json}">`;
}

function footer(f: FrameModel): SafeHtml {
  return html`<footer class="site-footer"><div class="wrap">
<nav aria-label="About the paper"><ul>${f.utilityLinks.map((l) => html`<li><a href="${l.href}">${l.label}</a></li>`)}<li><a href="/contact">Contact us</a></li>${
    f.utilityLinks.some((l) => l.href === '/advertise') ? '' : html`<li><a href="/advertise">Advertise with us</a></li>`
  }<li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms of use</a></li></ul></nav>
${socialLinks(f)}
<p>© ${f.today.iso.slice(0, 4)} ${f.siteName}. All rights reserved.</p>
</div></footer>`;
}

function bottomBar(f: FrameModel): SafeHtml {
  return html`<nav class="bottom-bar" aria-label="Quick links">${BOTTOM.map(
    (b) => html`<a href="${b.href}"${f.bottomCurrent === b.id ? html` aria-current="page"` : ''}>${ICONS[b.id]}<span>${b.label}</span></a>`,
  )}</nav>`;
}

/**
 * A whole HTML document. `main` is the page's own content; `rail` the desktop right-hand column.
 * `fillAds: false` keeps the slots' house promotions and loads no ad script (staff previews:
 * nobody is to be served, or counted, an ad there).
 */
export function renderDocument(f: FrameModel, head: PageHead, main: SafeHtml, options: { rail?: SafeHtml; topAd?: boolean; fillAds?: boolean } = {}): string {
  const title = head.title === f.siteName ? head.title : `${head.title} | ${f.siteName}`;
  // The rail is a top-level complementary landmark beside <main>, not inside it.
  const body = options.rail
    ? html`<div class="wrap page page--rail"><main id="main">${main}</main><aside class="rail" aria-label="More from ${f.siteName}">${options.rail}</aside></div>`
    : html`<div class="wrap page"><main id="main">${main}</main></div>`;
  const top = masthead(f, options.topAd !== false);
  const ads = options.fillAds !== false && (hasAdSlots(top.value) || hasAdSlots(body.value));
  return html`<!doctype html>
<html lang="${f.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head.description !== undefined && !head.extra ? html`<meta name="description" content="${head.description}">` : ''}
${head.canonical && !head.extra ? html`<link rel="canonical" href="${head.canonical}">` : ''}
${head.noindex ? html`<meta name="robots" content="noindex">` : ''}
<meta name="theme-color" content="#121212">
<link rel="icon" href="${f.iconPath}" type="image/svg+xml">
${head.extra ?? ''}
${ads ? adContextMeta(f.adContext) : ''}
<style>${raw(f.css)}</style>
<script src="${f.jsPath}" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
${utilityBar(f)}
${top}
${body}
${footer(f)}
${bottomBar(f)}
${ads ? html`<script src="${f.adsJsPath}" defer></script>` : ''}
</body>
</html>`.value;
}
