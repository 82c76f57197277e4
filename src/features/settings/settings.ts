/**
 * Publication settings: the paper's name, locale and time zone, its logo,
 * social profiles and the utility-bar links. One JSON document, read on
 * every page render, with defaults for a fresh install.
 */

export const SOCIAL_NETWORKS = ['facebook', 'instagram', 'x', 'youtube', 'whatsapp', 'linkedin'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

export interface UtilityLink {
  label: string;
  /** Site-relative ("/about") or an absolute https URL. */
  href: string;
}

export interface PublicationSettings {
  name: string;
  tagline: string;
  /** BCP-47 tag used for dates, numbers and <html lang>, e.g. "en-IN". */
  locale: string;
  /** IANA zone the paper's day runs in, e.g. "Asia/Kolkata": decides what "today's edition" means. */
  timeZone: string;
  logoMediaId: number | null;
  social: Partial<Record<SocialNetwork, string>>;
  utilityLinks: UtilityLink[];
}

export const SETTINGS_LIMITS = { name: 120, tagline: 200, label: 60, href: 500, utilityLinks: 12 } as const;

export function defaultSettings(): PublicationSettings {
  return {
    name: 'The Daily Dateline',
    tagline: '',
    locale: 'en-IN',
    timeZone: 'Asia/Kolkata',
    logoMediaId: null,
    social: {},
    utilityLinks: [
      { label: 'Subscribe to print edition', href: '/subscribe' },
      { label: 'About us', href: '/about' },
      { label: 'Code of ethics', href: '/code-of-ethics' },
      { label: 'Download app', href: '/app' },
      { label: 'Advertise with us', href: '/advertise' },
      { label: 'Classifieds', href: '/classifieds' },
    ],
  };
}

export interface Problem {
  /** Dotted path, as in validation errors from the HTTP edge: "utilityLinks.2.href". */
  field: string;
  code: string;
  message: string;
}

const LOCALE = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/;

/** The canonical form of a BCP-47-ish tag ("en-in" → "en-IN"), or null when it is not one. */
export function canonicalLocale(tag: string): string | null {
  if (!LOCALE.test(tag) || tag.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Is this an IANA time zone the runtime knows? The zone is stored as given, not
 * as resolvedOptions() reports it: older ICU data answers "Asia/Calcutta" for
 * "Asia/Kolkata", and staff should see the name they chose.
 */
export function isTimeZone(zone: string): boolean {
  if (zone === '' || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function isHttpsUrl(value: string): boolean {
  if (value.length > SETTINGS_LIMITS.href || !/^https:\/\//i.test(value)) return false;
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}

/** "/about", not "//evil.example" (protocol-relative, leaves the site) nor "/\evil" (browsers read "\" as "/"). */
export function isSiteRelative(value: string): boolean {
  return value.length <= SETTINGS_LIMITS.href && /^\/(?![/\\])[^\s\\]*$/.test(value);
}

/** The first rule the settings break, or null. Canonical forms are the caller's job (see normalise). */
export function settingsProblem(s: PublicationSettings): Problem | null {
  const name = s.name.trim();
  if (name === '' || name.length > SETTINGS_LIMITS.name) {
    return { field: 'name', code: 'SETTINGS_NAME_INVALID', message: `The publication needs a name of 1 to ${SETTINGS_LIMITS.name} characters.` };
  }
  if (s.tagline.length > SETTINGS_LIMITS.tagline) {
    return { field: 'tagline', code: 'SETTINGS_TAGLINE_TOO_LONG', message: `The tagline may have at most ${SETTINGS_LIMITS.tagline} characters.` };
  }
  if (canonicalLocale(s.locale) === null) {
    return { field: 'locale', code: 'SETTINGS_LOCALE_INVALID', message: 'The locale must be a language tag such as "en-IN" or "hi-IN".' };
  }
  if (!isTimeZone(s.timeZone)) {
    return { field: 'timeZone', code: 'SETTINGS_TIME_ZONE_UNKNOWN', message: 'The time zone must be an IANA zone such as "Asia/Kolkata".' };
  }
  for (const [key, url] of Object.entries(s.social)) {
    if (!(SOCIAL_NETWORKS as readonly string[]).includes(key)) {
      return { field: `social.${key}`, code: 'SETTINGS_SOCIAL_UNKNOWN', message: `Unknown social network "${key}".` };
    }
    if (typeof url !== 'string' || !isHttpsUrl(url)) {
      return { field: `social.${key}`, code: 'SETTINGS_SOCIAL_URL_INVALID', message: `The ${key} link must be an absolute https URL.` };
    }
  }
  if (s.utilityLinks.length > SETTINGS_LIMITS.utilityLinks) {
    return { field: 'utilityLinks', code: 'SETTINGS_TOO_MANY_LINKS', message: `At most ${SETTINGS_LIMITS.utilityLinks} utility links.` };
  }
  for (const [i, link] of s.utilityLinks.entries()) {
    if (link.label.trim() === '' || link.label.length > SETTINGS_LIMITS.label) {
      return { field: `utilityLinks.${i}.label`, code: 'SETTINGS_LINK_LABEL_INVALID', message: `A link needs a label of 1 to ${SETTINGS_LIMITS.label} characters.` };
    }
    if (!isSiteRelative(link.href) && !isHttpsUrl(link.href)) {
      return { field: `utilityLinks.${i}.href`, code: 'SETTINGS_LINK_HREF_INVALID', message: 'A link goes to a page of this site ("/about") or to an https URL.' };
    }
  }
  return null;
}

/** Trimmed text, canonical locale, empty social links dropped. Call after settingsProblem says null. */
export function normalise(s: PublicationSettings): PublicationSettings {
  const social: PublicationSettings['social'] = {};
  for (const key of SOCIAL_NETWORKS) {
    const url = s.social[key]?.trim();
    if (url) social[key] = url;
  }
  return {
    name: s.name.trim(),
    tagline: s.tagline.trim(),
    locale: canonicalLocale(s.locale) ?? s.locale,
    timeZone: s.timeZone.trim(),
    logoMediaId: s.logoMediaId,
    social,
    utilityLinks: s.utilityLinks.map((l) => ({ label: l.label.trim(), href: l.href })),
  };
}

function isLinkShape(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const link = value as Record<string, unknown>;
  return typeof link['label'] === 'string' && typeof link['href'] === 'string';
}

/**
 * Reads the stored document field by field: a field that is missing, of the
 * wrong shape or breaking a rule falls back to its default, so a damaged row
 * can never take the whole site down.
 */
export function readStoredSettings(text: string | undefined): PublicationSettings {
  const defaults = defaultSettings();
  if (text === undefined) return defaults;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return defaults;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return defaults;
  const stored = raw as Record<string, unknown>;
  const pick = <K extends keyof PublicationSettings>(key: K, ok: (v: unknown) => boolean): PublicationSettings[K] =>
    Object.hasOwn(stored, key) && ok(stored[key]) ? (stored[key] as PublicationSettings[K]) : defaults[key];
  const candidate: PublicationSettings = {
    name: pick('name', (v) => typeof v === 'string' && v.trim() !== '' && v.length <= SETTINGS_LIMITS.name),
    tagline: pick('tagline', (v) => typeof v === 'string' && v.length <= SETTINGS_LIMITS.tagline),
    locale: pick('locale', (v) => typeof v === 'string' && canonicalLocale(v) !== null),
    timeZone: pick('timeZone', (v) => typeof v === 'string' && isTimeZone(v)),
    logoMediaId: pick('logoMediaId', (v) => v === null || (typeof v === 'number' && Number.isSafeInteger(v) && v > 0)),
    social: pick('social', (v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
    utilityLinks: pick(
      'utilityLinks',
      (v) => Array.isArray(v) && v.every(isLinkShape),
    ),
  };
  const problem = settingsProblem(candidate);
  if (problem?.field.startsWith('social')) candidate.social = {};
  else if (problem?.field.startsWith('utilityLinks')) candidate.utilityLinks = defaults.utilityLinks;
  return normalise(settingsProblem(candidate) === null ? candidate : defaults);
}
