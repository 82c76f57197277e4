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
  iconPath: string;
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

const HOUSE: Record<AdKind, SafeHtml> = {
  leaderboard: html`<a class="house" href="/subscribe"><strong>Get the paper at your door</strong> Print + e-paper from ₹299 a month</a>`,
  rectangle: html`<a class="house" href="/subscribe"><strong>Subscribe to the print edition</strong><span>Home delivery across the city, with the e-paper included.</span><span>See plans →</span></a>`,
};

/** A labelled ad slot with its size reserved. Until the advertising feature fills it, a house promotion of the same size. */
export function adSlot(kind: AdKind, id: string): SafeHtml {
  // A plain block, not a landmark: pages carry several slots, some inside the story, where
  // complementary landmarks are not allowed. The visible label says what it is.
  return html`<div class="ad-slot ad-slot--${kind}" data-ad-slot="${id}"><span class="ad-slot__label">Advertisement</span><div class="ad-slot__frame">${HOUSE[kind]}</div></div>`;
}

function footer(f: FrameModel): SafeHtml {
  return html`<footer class="site-footer"><div class="wrap">
<nav aria-label="About the paper"><ul>${f.utilityLinks.map((l) => html`<li><a href="${l.href}">${l.label}</a></li>`)}<li><a href="/contact">Contact us</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms of use</a></li></ul></nav>
${socialLinks(f)}
<p>© ${f.today.iso.slice(0, 4)} ${f.siteName}. All rights reserved.</p>
</div></footer>`;
}

function bottomBar(f: FrameModel): SafeHtml {
  return html`<nav class="bottom-bar" aria-label="Quick links">${BOTTOM.map(
    (b) => html`<a href="${b.href}"${f.bottomCurrent === b.id ? html` aria-current="page"` : ''}>${ICONS[b.id]}<span>${b.label}</span></a>`,
  )}</nav>`;
}

/** A whole HTML document. `main` is the page's own content; `rail` the desktop right-hand column. */
export function renderDocument(f: FrameModel, head: PageHead, main: SafeHtml, options: { rail?: SafeHtml; topAd?: boolean } = {}): string {
  const title = head.title === f.siteName ? head.title : `${head.title} | ${f.siteName}`;
  // The rail is a top-level complementary landmark beside <main>, not inside it.
  const body = options.rail
    ? html`<div class="wrap page page--rail"><main id="main">${main}</main><aside class="rail" aria-label="More from ${f.siteName}">${options.rail}</aside></div>`
    : html`<div class="wrap page"><main id="main">${main}</main></div>`;
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
<style>${raw(f.css)}</style>
<script src="${f.jsPath}" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
${utilityBar(f)}
${masthead(f, options.topAd !== false)}
${body}
${footer(f)}
${bottomBar(f)}
</body>
</html>`.value;
}
