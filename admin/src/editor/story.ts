/**
 * A story as the editor sees it: the staff JSON the API sends (ArticleStaff),
 * and the editable fields the form holds. The fields carry ids where the story
 * carries objects (section, authors, tags, featured image), exactly as
 * PATCH /api/admin/articles/:id takes them.
 */
import { bodyToTiptap, tiptapToBody } from './body-mapping.js';
import type { BodyDocument } from './body-types.js';

export interface NamedRef {
  id: number;
  name: string;
  slug?: string;
}

export interface ImageRef {
  id: number;
  src: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  altText: string;
}

export interface Correction {
  id: number;
  kind: string;
  text: string;
  createdAt: string;
}

/** The staff story JSON (contract: ArticleStaff). */
export interface Story {
  id: number;
  slug: string;
  url: string;
  kind: string;
  headline: string;
  standfirst: string;
  section: (NamedRef & { path: string }) | null;
  authors: NamedRef[];
  agencyCredit: string | null;
  tags: NamedRef[];
  featuredImage: ImageRef | null;
  dateline: { place: string; date: string | null };
  body: BodyDocument;
  seoTitle: string;
  seoDescription: string;
  corrections: Correction[];
  status: string;
  revision: number;
  publishedAt: string | null;
  modifiedAt: string;
  embargoUntil: string | null;
  scheduledAt: string | null;
  deskNote: string | null;
  lastEditedBy: string | null;
  actions: string[];
}

export const ARTICLE_KINDS = ['news', 'analysis', 'feature', 'opinion', 'editorial', 'video', 'obituary'] as const;
export const CORRECTION_KINDS = ['correction', 'update', 'clarification'] as const;

/** What the form edits. Names are the PATCH field names. */
export interface StoryFields {
  headline: string;
  standfirst: string;
  body: BodyDocument;
  sectionId: number | null;
  kind: string;
  datelinePlace: string;
  datelineDate: string | null;
  authorIds: number[];
  agencyCredit: string | null;
  tagIds: number[];
  featuredImageId: number | null;
  seoTitle: string;
  seoDescription: string;
  slug: string;
  embargoUntil: string | null;
}

export type FieldName = keyof StoryFields;

export const FIELD_NAMES: readonly FieldName[] = [
  'headline',
  'standfirst',
  'body',
  'sectionId',
  'kind',
  'datelinePlace',
  'datelineDate',
  'authorIds',
  'agencyCredit',
  'tagIds',
  'featuredImageId',
  'seoTitle',
  'seoDescription',
  'slug',
  'embargoUntil',
];

export const FIELD_LABELS: Readonly<Record<FieldName, string>> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  body: 'Story body',
  sectionId: 'Section',
  kind: 'Kind',
  datelinePlace: 'Dateline place',
  datelineDate: 'Dateline date',
  authorIds: 'Authors',
  agencyCredit: 'Agency credit',
  tagIds: 'Tags',
  featuredImageId: 'Featured image',
  seoTitle: 'SEO title',
  seoDescription: 'SEO description',
  slug: 'Slug',
  embargoUntil: 'Embargo',
};

/**
 * The story's fields as the form holds them. The body goes through the editor
 * mapping once, so it is in exactly the form the editor will hand back: a
 * story stored before a normalisation rule existed does not look edited the
 * moment it is opened.
 */
export function fieldsFromStory(story: Story): StoryFields {
  return {
    headline: story.headline,
    standfirst: story.standfirst,
    body: tiptapToBody(bodyToTiptap(story.body)),
    sectionId: story.section?.id ?? null,
    kind: story.kind,
    datelinePlace: story.dateline.place,
    datelineDate: story.dateline.date,
    authorIds: story.authors.map((a) => a.id),
    agencyCredit: story.agencyCredit,
    tagIds: story.tags.map((t) => t.id),
    featuredImageId: story.featuredImage?.id ?? null,
    seoTitle: story.seoTitle,
    seoDescription: story.seoDescription,
    slug: story.slug,
    embargoUntil: story.embargoUntil ?? null,
  };
}

/** Values compare as JSON: bodies and id lists are plain data. */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of `next` that differ from `base`. */
export function changedFields(base: StoryFields, next: StoryFields): FieldName[] {
  return FIELD_NAMES.filter((name) => !sameValue(base[name], next[name]));
}

/** The PATCH body for the given fields (blank optional text is sent as null, as the API stores it). */
export function patchOf(fields: StoryFields, names: readonly FieldName[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const name of names) {
    const value = fields[name];
    patch[name] = name === 'agencyCredit' && typeof value === 'string' && value.trim() === '' ? null : value;
  }
  return patch;
}

export function isStory(value: unknown): value is Story {
  return typeof value === 'object' && value !== null && typeof (value as Story).id === 'number' && typeof (value as Story).revision === 'number';
}
