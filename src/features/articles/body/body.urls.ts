/**
 * URL allowlists for the story body. Every href and src the renderer emits
 * passes through one of these functions, so this file is where "which URLs can
 * reach a reader's browser" is decided. All three return a normalised string
 * (or null) rather than a boolean so callers emit exactly what was checked.
 */
import { BODY_LIMITS } from './body.limits.js';
import type { EmbedProvider } from './body.types.js';

const MAX_URL_LENGTH = BODY_LIMITS.maxUrlLength;

/** Stand-in origin for resolving site-relative paths; never emitted. */
const PROBE_ORIGIN = 'https://dateline.invalid';

const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel']);
const IMAGE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);

/* eslint-disable no-control-regex -- matching control characters is the point here */
// Browsers strip leading/trailing C0 controls and spaces, and remove tabs and
// newlines anywhere in a URL before parsing it.
const EDGE_JUNK = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const TAB_NEWLINE = /[\t\n\r]/g;
// For deciding the scheme we also ignore every other control/space character,
// so "java\0script:" counts as javascript even if a browser would not.
const ANY_CONTROL_OR_SPACE = /[\u0000-\u0020\u007f]/g;
/* eslint-enable no-control-regex */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

type Classified =
  | { kind: 'absolute'; scheme: string; cleaned: string }
  | { kind: 'path'; cleaned: string }
  | { kind: 'fragment'; cleaned: string };

/** Split a candidate URL into what a browser would see: a scheme, a site path, a fragment, or junk. */
function classify(input: unknown): Classified | null {
  if (typeof input !== 'string' || input.length > MAX_URL_LENGTH) return null;
  const cleaned = input.replace(EDGE_JUNK, '').replace(TAB_NEWLINE, '');
  if (cleaned === '') return null;
  const scheme = SCHEME.exec(cleaned.replace(ANY_CONTROL_OR_SPACE, ''));
  if (scheme?.[1] !== undefined) return { kind: 'absolute', scheme: scheme[1].toLowerCase(), cleaned };
  // A backslash after the first slash means "//" to a browser (protocol-relative).
  if (cleaned.startsWith('/') && cleaned[1] !== '/' && cleaned[1] !== '\\') return { kind: 'path', cleaned };
  if (cleaned.startsWith('#')) return { kind: 'fragment', cleaned };
  return null;
}

/** Normalising can lengthen a URL (percent-encoding); the limit applies to what we store and emit. */
function fits(url: string): string | null {
  return url.length <= MAX_URL_LENGTH ? url : null;
}

function parseAbsolute(cleaned: string): URL | null {
  try {
    return new URL(cleaned);
  } catch {
    return null;
  }
}

/** Resolve a site path against a fake origin: if the origin changes, the path was really an external URL. */
function normalisePath(cleaned: string): string | null {
  let url: URL;
  try {
    url = new URL(cleaned, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  return fits(url.pathname + url.search + url.hash);
}

function normaliseFragment(cleaned: string): string | null {
  try {
    return fits(new URL(cleaned, PROBE_ORIGIN).hash || '#');
  } catch {
    return null;
  }
}

/**
 * A link target safe to put in `href`, or null. Allows http(s), mailto and tel
 * (any case, surrounding junk ignored), site paths ("/…" but not "//…") and
 * fragments ("#…"). http(s) URLs with a user name are refused: they are a
 * spoofing trick ("https://bank.example@evil.example").
 */
export function safeLinkHref(href: unknown): string | null {
  const c = classify(href);
  if (c === null) return null;
  if (c.kind === 'path') return normalisePath(c.cleaned);
  if (c.kind === 'fragment') return normaliseFragment(c.cleaned);
  if (!LINK_SCHEMES.has(c.scheme)) return null;
  const url = parseAbsolute(c.cleaned);
  if (url === null || url.protocol !== `${c.scheme}:`) return null;
  if (c.scheme === 'http' || c.scheme === 'https') {
    if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  }
  return fits(url.href);
}

/** An image source safe to put in `src`: absolute http(s) or a site path, else null. */
export function safeImageSrc(src: unknown): string | null {
  const c = classify(src);
  if (c === null || c.kind === 'fragment') return null;
  if (c.kind === 'path') return normalisePath(c.cleaned);
  if (!IMAGE_SCHEMES.has(c.scheme)) return null;
  const url = parseAbsolute(c.cleaned);
  if (url === null || url.protocol !== `${c.scheme}:`) return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return fits(url.href);
}

export interface ParsedEmbed {
  provider: EmbedProvider;
  /** Canonical https URL rebuilt from the checked parts, never the input string. */
  url: string;
  id: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const X_USER = /^[A-Za-z0-9_]{1,50}$/;
const X_STATUS = /^\d{1,25}$/;
const INSTAGRAM_ID = /^[A-Za-z0-9_-]{1,64}$/;
const FACEBOOK_SEGMENT = /^[A-Za-z0-9._-]{1,128}$/;
const FB_WATCH_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Exact host or one of the www./m./mobile. subdomains; nothing else (no evil-youtube.com, no youtube.com.evil). */
function hostIs(hostname: string, base: string): boolean {
  return (
    hostname === base ||
    hostname === `www.${base}` ||
    hostname === `m.${base}` ||
    hostname === `mobile.${base}`
  );
}

function segmentsOf(url: URL): string[] {
  return url.pathname.split('/').filter((s) => s !== '');
}

function youtube(id: string | null | undefined): ParsedEmbed | null {
  if (id === null || id === undefined || !YOUTUBE_ID.test(id)) return null;
  return { provider: 'youtube', url: `https://www.youtube.com/watch?v=${id}`, id };
}

function parseYouTube(url: URL, host: string, seg: string[]): ParsedEmbed | null {
  if (hostIs(host, 'youtu.be')) return seg.length === 1 ? youtube(seg[0]) : null;
  if (hostIs(host, 'youtube-nocookie.com')) return seg.length === 2 && seg[0] === 'embed' ? youtube(seg[1]) : null;
  if (!hostIs(host, 'youtube.com')) return null;
  if (seg.length === 1 && seg[0] === 'watch') return youtube(url.searchParams.get('v'));
  if (seg.length === 2 && (seg[0] === 'shorts' || seg[0] === 'embed')) return youtube(seg[1]);
  return null;
}

function parseX(host: string, seg: string[]): ParsedEmbed | null {
  if (!hostIs(host, 'x.com') && !hostIs(host, 'twitter.com')) return null;
  const [user, status, id] = seg;
  if (user === undefined || status !== 'status' || id === undefined) return null;
  if (!X_USER.test(user) || !X_STATUS.test(id)) return null;
  return { provider: 'x', url: `https://x.com/${user}/status/${id}`, id };
}

function parseInstagram(host: string, seg: string[]): ParsedEmbed | null {
  if (!hostIs(host, 'instagram.com')) return null;
  const [kind, id] = seg;
  if ((kind !== 'p' && kind !== 'reel') || id === undefined || !INSTAGRAM_ID.test(id)) return null;
  return { provider: 'instagram', url: `https://www.instagram.com/${kind}/${id}/`, id };
}

function parseFacebook(host: string, seg: string[]): ParsedEmbed | null {
  if (hostIs(host, 'fb.watch')) {
    const id = seg[0];
    if (seg.length !== 1 || id === undefined || !FB_WATCH_ID.test(id)) return null;
    return { provider: 'facebook', url: `https://fb.watch/${id}/`, id };
  }
  if (!hostIs(host, 'facebook.com')) return null;
  // "/<page>/posts/<id>" or "/<page>/videos/[<slug>/]<id>": something before and after the keyword.
  const at = seg.findIndex((s, i) => i > 0 && (s === 'posts' || s === 'videos'));
  const id = seg[seg.length - 1];
  if (at < 1 || at === seg.length - 1 || id === undefined) return null;
  if (!seg.every((s) => FACEBOOK_SEGMENT.test(s))) return null;
  return { provider: 'facebook', url: `https://www.facebook.com/${seg.join('/')}`, id };
}

/**
 * Recognise a post or video URL of an allowlisted provider (YouTube, X/Twitter,
 * Instagram, Facebook). Anything else, including look-alike hosts, other
 * ports, credentials or non-http schemes, is null.
 */
export function parseEmbedUrl(input: unknown): ParsedEmbed | null {
  const c = classify(input);
  if (c === null || c.kind !== 'absolute' || (c.scheme !== 'http' && c.scheme !== 'https')) return null;
  const url = parseAbsolute(c.cleaned);
  if (url === null || url.port !== '' || url.username !== '' || url.password !== '') return null;
  const host = url.hostname;
  const seg = segmentsOf(url);
  return parseYouTube(url, host, seg) ?? parseX(host, seg) ?? parseInstagram(host, seg) ?? parseFacebook(host, seg);
}

const PROVIDER_LABELS: Record<EmbedProvider, string> = {
  youtube: 'YouTube',
  x: 'X',
  instagram: 'Instagram',
  facebook: 'Facebook',
};

/** Human name of a provider, for "View on …" link text. */
export function embedProviderLabel(provider: EmbedProvider): string {
  return PROVIDER_LABELS[provider];
}
