import { describe, expect, it } from 'vitest';
import { ApiError, errorFrom } from '../api.js';
import { alreadyUsedArticle, comparePair, diffParts, togglePick, versionNote, wireFieldLabel } from './item.js';

describe('wire item helpers', () => {
  it('turns the API’s word diff into the shared display’s parts', () => {
    expect(diffParts([{ value: 'Floods ' }, { value: 'close', removed: true }, { value: 'shut', added: true }, { value: ' the airport' }])).toEqual([
      { op: 'equal', text: 'Floods ' },
      { op: 'delete', text: 'close' },
      { op: 'insert', text: 'shut' },
      { op: 'equal', text: ' the airport' },
    ]);
  });

  it('labels fields and versions', () => {
    expect(wireFieldLabel('datelinePlace')).toBe('Dateline place');
    expect(wireFieldLabel('someNewField')).toBe('Some New Field');
    expect(versionNote({ version: 2, receivedAt: '', pubStatus: 'usable', isCorrection: true })).toBe('correction');
    expect(versionNote({ version: 3, receivedAt: '', pubStatus: 'canceled', isCorrection: false })).toBe('killed');
    expect(versionNote({ version: 1, receivedAt: '', pubStatus: 'usable', isCorrection: false })).toBe('');
  });

  it('compares two picked versions, oldest first; a third pick replaces the older', () => {
    expect(comparePair([3])).toBeNull();
    expect(comparePair([3, 1])).toEqual({ from: 1, to: 3 });
    expect(togglePick([1, 3], 2)).toEqual([3, 2]);
    expect(togglePick([1, 3], 1)).toEqual([3]);
  });

  it('finds the story an already-used item made, from the 409 answer', () => {
    const used = errorFrom(409, { articleId: 42, error: { code: 'WIRE_ALREADY_USED', message: 'Already used.' } });
    expect(alreadyUsedArticle(used)).toBe(42);
    expect(alreadyUsedArticle(errorFrom(409, { error: { code: 'WIRE_ALREADY_USED', message: 'x', articleId: 7 } }))).toBe(7);
    expect(alreadyUsedArticle(errorFrom(409, { error: { code: 'WIRE_ALREADY_USED', message: 'x' } }))).toBeNull();
    expect(alreadyUsedArticle(new ApiError(409, 'CONFLICT', 'x', undefined, { articleId: 4 }))).toBeNull();
    expect(alreadyUsedArticle(new Error('x'))).toBeNull();
  });
});
