/**
 * The last unsaved draft of a story, kept in this browser (localStorage) under
 * the story id and the revision it was based on, so a crashed tab or a lost
 * connection loses nothing. Kept with its base so restoring it onto a newer
 * revision is a merge, not an overwrite.
 */
import type { StoryFields } from './story.js';

const PREFIX = 'dateline:story-draft:';

export interface LocalDraft {
  storyId: number;
  revision: number;
  savedAt: string;
  base: StoryFields;
  fields: StoryFields;
}

function keyOf(storyId: number, revision: number): string {
  return `${PREFIX}${storyId}:${revision}`;
}

function keysFor(storage: Storage, storyId: number): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(`${PREFIX}${storyId}:`)) keys.push(key);
  }
  return keys;
}

function isDraft(value: unknown, storyId: number): value is LocalDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<LocalDraft>;
  return d.storyId === storyId && typeof d.revision === 'number' && typeof d.savedAt === 'string' && typeof d.base === 'object' && typeof d.fields === 'object';
}

/** Keep the draft, replacing older ones of the same story. Storage full or blocked: the server copy is all there is. */
export function keepDraft(storage: Storage, draft: LocalDraft): void {
  try {
    for (const key of keysFor(storage, draft.storyId)) storage.removeItem(key);
    storage.setItem(keyOf(draft.storyId, draft.revision), JSON.stringify(draft));
  } catch {
    // Quota exceeded or storage disabled: nothing better to do in a browser.
  }
}

export function findDraft(storage: Storage, storyId: number): LocalDraft | null {
  let best: LocalDraft | null = null;
  for (const key of keysFor(storage, storyId)) {
    try {
      const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
      if (isDraft(value, storyId) && (best === null || value.revision > best.revision)) best = value;
    } catch {
      storage.removeItem(key);
    }
  }
  return best;
}

export function dropDrafts(storage: Storage, storyId: number): void {
  try {
    for (const key of keysFor(storage, storyId)) storage.removeItem(key);
  } catch {
    // Storage disabled: there is nothing to drop.
  }
}
