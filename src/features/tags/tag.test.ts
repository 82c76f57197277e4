import { describe, expect, it } from 'vitest';
import { cleanTagName, likePrefix, tagSlugFor } from './tag.js';

describe('tag rules', () => {
  it('tidies names as typed or imported', () => {
    expect(cleanTagName('  Lok   Sabha\n elections ')).toBe('Lok Sabha elections');
  });

  it('slugs Latin names and gives non-Latin names a stable slug of their own', () => {
    expect(tagSlugFor('Monsoon 2026')).toBe('monsoon-2026');
    const hindi = tagSlugFor('मानसून');
    expect(hindi).toMatch(/^t-[0-9a-f]{12}$/);
    expect(tagSlugFor(' मानसून ')).toBe(hindi);
    expect(tagSlugFor('चुनाव')).not.toBe(hindi);
  });

  it('matches LIKE wildcards literally', () => {
    expect(likePrefix('50%_off\\')).toBe('50\\%\\_off\\\\%');
  });
});
