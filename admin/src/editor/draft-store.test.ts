import { describe, expect, it } from 'vitest';
import { dropDrafts, findDraft, keepDraft } from './draft-store.js';
import { fieldsFromStory } from './story.js';
import { makeStory } from './test-story.js';

/** localStorage as the browser has it, in memory. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
  setItem(k: string, v: string): void {
    this.items.set(k, v);
  }
}

describe('the unsaved draft kept in the browser', () => {
  const base = fieldsFromStory(makeStory());
  const draft = (revision: number, headline: string) => ({ storyId: 7, revision, savedAt: '2026-11-28T10:40:00.000Z', base, fields: { ...base, headline } });

  it('is found again under the story id, newest revision only', () => {
    const storage = new MemoryStorage();
    keepDraft(storage, draft(3, 'Older'));
    keepDraft(storage, draft(4, 'Newer'));
    keepDraft(storage, { ...draft(4, 'Other story'), storyId: 8 });
    expect(storage.getItem('dateline:story-draft:7:4')).not.toBeNull();
    expect(storage.getItem('dateline:story-draft:7:3')).toBeNull();
    expect(findDraft(storage, 7)?.fields.headline).toBe('Newer');
  });

  it('is gone once dropped, and a damaged entry is ignored', () => {
    const storage = new MemoryStorage();
    keepDraft(storage, draft(3, 'Kept'));
    dropDrafts(storage, 7);
    expect(findDraft(storage, 7)).toBeNull();
    storage.setItem('dateline:story-draft:7:5', '{not json');
    expect(findDraft(storage, 7)).toBeNull();
  });
});
