/**
 * Which cached reader pages a story change touches, as surrogate keys (the
 * scheme is in src/lib/events.ts). Pure: the service passes the story as it
 * was before the change and as it is after, so a story moved between
 * sections, bylines or tags purges the pages it left as well as those it
 * joined.
 */
import type { ArticleStatus } from './article.js';

export interface StoryKeysInput {
  id: number;
  status: ArticleStatus;
  /** The story's section and its ancestors (any order). */
  breadcrumbs: readonly { id: number }[];
  authorIds: readonly number[];
  tagIds: readonly number[];
}

/**
 * Statuses a reader page can show (a live story, or the 410 of a removed one).
 * A story that is neither before nor after a change in one of these is
 * invisible to readers, so saving a draft purges nothing — autosave must not
 * flush the home page every few seconds.
 */
const READER_VISIBLE: readonly ArticleStatus[] = ['published', 'unpublished', 'killed'];

export function storyChangeKeys(before: StoryKeysInput | null, after: StoryKeysInput | null): string[] {
  const states = [before, after].filter((s): s is StoryKeysInput => s !== null);
  const first = states[0];
  if (!first || !states.some((s) => READER_VISIBLE.includes(s.status))) return [];
  const ids = (pick: (s: StoryKeysInput) => readonly number[]) => [...new Set(states.flatMap(pick))].sort((a, b) => a - b);
  return [
    `article:${first.id}`,
    'home',
    'feeds',
    'sitemaps',
    ...ids((s) => s.breadcrumbs.map((b) => b.id)).map((id) => `section:${id}`),
    ...ids((s) => s.authorIds).map((id) => `author:${id}`),
    ...ids((s) => s.tagIds).map((id) => `tag:${id}`),
  ];
}
