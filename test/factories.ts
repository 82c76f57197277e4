/** Small row factories for tests that need a story in the database without going through the service. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../src/db/index.js';
import type { NewArticleRow } from '../src/db/schema.js';

export function articleRow(overrides: Partial<NewArticleRow> = {}): NewArticleRow {
  const now = '2026-01-01T00:00:00.000Z';
  return {
    slug: `story-${randomBytes(6).toString('hex')}`,
    section_id: null,
    kind: 'news',
    status: 'draft',
    headline: 'A story',
    standfirst: '',
    body: '{"type":"doc","version":1,"content":[]}',
    dateline_place: '',
    dateline_date: null,
    agency_credit: null,
    featured_image_id: null,
    language: 'en',
    priority: 0,
    seo_title: '',
    seo_description: '',
    source_agency: null,
    source_guid: null,
    source_version: null,
    published_at: null,
    updated_at: null,
    created_at: now,
    modified_at: now,
    revision: 1,
    ...overrides,
  };
}

export async function insertArticle(db: Db, overrides: Partial<NewArticleRow> = {}): Promise<number> {
  const { id } = await db.insertInto('articles').values(articleRow(overrides)).returning('id').executeTakeFirstOrThrow();
  return id;
}
