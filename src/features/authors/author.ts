/** A person who writes for the paper: reporter, columnist, photographer. Stories carry them as bylines. */
import type { AuthorRow } from '../../db/schema.js';

export const SOCIAL_KEYS = ['x', 'facebook', 'instagram', 'linkedin', 'website', 'email'] as const;
export type SocialKey = (typeof SOCIAL_KEYS)[number];
export type AuthorSocial = Partial<Record<SocialKey, string>>;

export const AUTHOR_LIMITS = { name: 200, title: 200, bio: 5000, url: 500, email: 254 } as const;

export interface Author {
  id: number;
  slug: string;
  name: string;
  /** Job title shown with the byline, e.g. "Columnist" or "Special Correspondent". */
  title: string;
  bio: string;
  /** Media-library id of the head shot, or null. */
  photoId: number | null;
  social: AuthorSocial;
  createdAt: string;
  updatedAt: string;
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** An absolute http(s) URL with a host: what a profile link must be. */
export function isWebUrl(value: string): boolean {
  if (value.length > AUTHOR_LIMITS.url || !/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}

export function isEmail(value: string): boolean {
  return value.length <= AUTHOR_LIMITS.email && EMAIL.test(value);
}

/** The first problem with a set of social links, as { field, message }, or null when all are fine. */
export function socialProblem(social: AuthorSocial): { field: string; message: string } | null {
  for (const key of Object.keys(social)) {
    if (!(SOCIAL_KEYS as readonly string[]).includes(key)) return { field: `social.${key}`, message: `Unknown social link "${key}".` };
  }
  for (const key of SOCIAL_KEYS) {
    const value = social[key];
    if (value === undefined) continue;
    if (key === 'email') {
      if (!isEmail(value)) return { field: 'social.email', message: 'The e-mail address is not valid.' };
    } else if (!isWebUrl(value)) {
      return { field: `social.${key}`, message: `The ${key} link must be an absolute http(s) URL.` };
    }
  }
  return null;
}

/** Empty strings mean "no link": drop them so they are not stored. */
export function compactSocial(social: AuthorSocial): AuthorSocial {
  const out: AuthorSocial = {};
  for (const key of SOCIAL_KEYS) {
    const value = social[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** Reads the stored JSON leniently: a damaged or hand-edited value yields only the well-formed known keys. */
export function parseStoredSocial(text: string): AuthorSocial {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const out: AuthorSocial = {};
  for (const key of SOCIAL_KEYS) {
    const value: unknown = Object.hasOwn(parsed, key) ? (parsed as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  return out;
}

export function toAuthor(row: AuthorRow): Author {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    title: row.title,
    bio: row.bio,
    photoId: row.photo_id,
    social: parseStoredSocial(row.social),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
