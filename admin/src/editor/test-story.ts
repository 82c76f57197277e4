/** A staff story for the editor's unit tests (the shape GET /api/admin/articles/:id answers). */
import type { Story } from './story.js';

export function makeStory(overrides: Partial<Story> = {}): Story {
  return {
    id: 7,
    slug: 'council-budget',
    url: '/news/council-budget',
    kind: 'news',
    headline: 'Council approves budget',
    standfirst: 'Fares frozen for a year',
    section: { id: 2, name: 'News', slug: 'news', path: 'news' },
    authors: [{ id: 4, name: 'Nisha Menon' }],
    agencyCredit: null,
    tags: [{ id: 9, name: 'Budget' }],
    featuredImage: null,
    dateline: { place: 'LONDON', date: null },
    body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The council met.' }] }] },
    seoTitle: '',
    seoDescription: '',
    corrections: [],
    status: 'draft',
    revision: 3,
    publishedAt: null,
    modifiedAt: '2026-11-28T10:00:00.000Z',
    embargoUntil: null,
    scheduledAt: null,
    deskNote: null,
    lastEditedBy: 'Nisha Menon',
    actions: ['edit', 'submit'],
    ...overrides,
  };
}
