/**
 * The body's URL allowlists, as the server applies them
 * (src/features/articles/body/body.urls.ts). The editor uses them to refuse a
 * link or embed the moment it is typed, and to store URLs in the same
 * normalised form the server would, so a save does not change them again.
 * The server stays the authority; body-mapping.test.ts compares both.
 */
import { BODY_LIMITS, type EmbedProvider } from './body-types.js';

const PROBE_ORIGIN = 'https://dateline.invalid';
const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel']);

/* eslint-disable no-control-regex -- browsers strip control characters from URLs; so must we */
const EDGE_JUNK = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const TAB_NEWLINE = /[\t\n\r]/g;
const ANY_CONTROL_OR_SPACE = /[\u0000-\u0020\u007f]/g;
/* eslint-enable no-control-regex */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

type Classified = { kind: 'absolute'; scheme: string; cleaned: string } | { kind: 'path' | 'fragment'; cleaned: string };

function classify(input: string): Classified | null {
  if (input.length > BODY_LIMITS.maxUrlLength) return null;
  const cleaned = input.replace(EDGE_JUNK, '').replace(TAB_NEWLINE, '');
  if (cleaned === '') return null;
  const scheme = SCHEME.exec(cleaned.replace(ANY_CONTROL_OR_SPACE, ''));
  if (scheme?.[1] !== undefined) return { kind: 'absolute', scheme: scheme[1].toLowerCase(), cleaned };
  if (cleaned.startsWith('/') && cleaned[1] !== '/' && cleaned[1] !== '\\') return { kind: 'path', cleaned };
  if (cleaned.startsWith('#')) return { kind: 'fragment', cleaned };
  return null;
}

function fits(url: string): string | null {
  return url.length <= BODY_LIMITS.maxUrlLength ? url : null;
}

function parseUrl(input: string, base?: string): URL | null {
  try {
    return new URL(input, base);
  } catch {
    return null;
  }
}

function normalisePath(cleaned: string): string | null {
  const url = parseUrl(cleaned, PROBE_ORIGIN);
  return url !== null && url.origin === PROBE_ORIGIN ? fits(url.pathname + url.search + url.hash) : null;
}

/** An absolute URL of one of `schemes`, with a host and no credentials for http(s). */
function absolute(c: Classified, schemes: ReadonlySet<string>): string | null {
  if (c.kind !== 'absolute' || !schemes.has(c.scheme)) return null;
  const url = parseUrl(c.cleaned);
  if (url === null || url.protocol !== `${c.scheme}:`) return null;
  if ((c.scheme === 'http' || c.scheme === 'https') && (url.hostname === '' || url.username !== '' || url.password !== '')) return null;
  return fits(url.href);
}

/** A link target the body accepts, in normalised form, or null. */
export function safeLinkHref(href: string): string | null {
  const c = classify(href);
  if (c === null) return null;
  if (c.kind === 'path') return normalisePath(c.cleaned);
  if (c.kind === 'fragment') {
    const url = parseUrl(c.cleaned, PROBE_ORIGIN);
    return url === null ? null : fits(url.hash || '#');
  }
  return absolute(c, LINK_SCHEMES);
}

const IMAGE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);

/** An image source the body accepts (absolute http(s) or a site path), or null. */
export function safeImageSrc(src: string): string | null {
  const c = classify(src);
  if (c === null || c.kind === 'fragment') return null;
  return c.kind === 'path' ? normalisePath(c.cleaned) : absolute(c, IMAGE_SCHEMES);
}

export interface ParsedEmbed {
  provider: EmbedProvider;
  url: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const X_USER = /^[A-Za-z0-9_]{1,50}$/;
const X_STATUS = /^\d{1,25}$/;
const INSTAGRAM_ID = /^[A-Za-z0-9_-]{1,64}$/;
const FACEBOOK_SEGMENT = /^[A-Za-z0-9._-]{1,128}$/;
const FB_WATCH_ID = /^[A-Za-z0-9_-]{1,64}$/;

function hostIs(hostname: string, base: string): boolean {
  return hostname === base || hostname === `www.${base}` || hostname === `m.${base}` || hostname === `mobile.${base}`;
}

function youtube(id: string | null | undefined): ParsedEmbed | null {
  return id != null && YOUTUBE_ID.test(id) ? { provider: 'youtube', url: `https://www.youtube.com/watch?v=${id}` } : null;
}

function parseYouTube(url: URL, host: string, seg: string[]): ParsedEmbed | null {
  if (hostIs(host, 'youtu.be')) return seg.length === 1 ? youtube(seg[0]) : null;
  if (hostIs(host, 'youtube-nocookie.com')) return seg.length === 2 && seg[0] === 'embed' ? youtube(seg[1]) : null;
  if (!hostIs(host, 'youtube.com')) return null;
  if (seg.length === 1 && seg[0] === 'watch') return youtube(url.searchParams.get('v'));
  return seg.length === 2 && (seg[0] === 'shorts' || seg[0] === 'embed') ? youtube(seg[1]) : null;
}

function parseX(host: string, [user, status, id]: string[]): ParsedEmbed | null {
  if (!hostIs(host, 'x.com') && !hostIs(host, 'twitter.com')) return null;
  if (user === undefined || status !== 'status' || id === undefined || !X_USER.test(user) || !X_STATUS.test(id)) return null;
  return { provider: 'x', url: `https://x.com/${user}/status/${id}` };
}

function parseInstagram(host: string, [kind, id]: string[]): ParsedEmbed | null {
  if (!hostIs(host, 'instagram.com') || (kind !== 'p' && kind !== 'reel') || id === undefined || !INSTAGRAM_ID.test(id)) return null;
  return { provider: 'instagram', url: `https://www.instagram.com/${kind}/${id}/` };
}

function parseFacebook(host: string, seg: string[]): ParsedEmbed | null {
  if (hostIs(host, 'fb.watch')) {
    const id = seg[0];
    return seg.length === 1 && id !== undefined && FB_WATCH_ID.test(id) ? { provider: 'facebook', url: `https://fb.watch/${id}/` } : null;
  }
  if (!hostIs(host, 'facebook.com')) return null;
  const at = seg.findIndex((s, i) => i > 0 && (s === 'posts' || s === 'videos'));
  if (at < 1 || at === seg.length - 1 || !seg.every((s) => FACEBOOK_SEGMENT.test(s))) return null;
  return { provider: 'facebook', url: `https://www.facebook.com/${seg.join('/')}` };
}

/** A YouTube, X, Instagram or Facebook post URL → its provider and canonical URL; anything else → null. */
export function parseEmbedUrl(input: string): ParsedEmbed | null {
  const c = classify(input);
  if (c === null || c.kind !== 'absolute' || (c.scheme !== 'http' && c.scheme !== 'https')) return null;
  const url = parseUrl(c.cleaned);
  if (url === null || url.port !== '' || url.username !== '' || url.password !== '') return null;
  const seg = url.pathname.split('/').filter((s) => s !== '');
  const host = url.hostname;
  return parseYouTube(url, host, seg) ?? parseX(host, seg) ?? parseInstagram(host, seg) ?? parseFacebook(host, seg);
}

export const PROVIDER_LABELS: Readonly<Record<EmbedProvider, string>> = {
  youtube: 'YouTube',
  x: 'X',
  instagram: 'Instagram',
  facebook: 'Facebook',
};
