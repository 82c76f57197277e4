import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import type { NewArticleRow } from '../../db/index.js';
import { bodyFromParagraphs } from '../articles/index.js';
import { searchWorld } from './search.fixtures.js';
import { MAX_RESULTS } from './search.js';

const STORIES = 2_100;

describeEachDb('counting matches up to the cap', (ctx) => {
  const w = searchWorld(ctx);

  beforeAll(async () => {
    const { db, dialect } = ctx();
    const section = await w.section('Harbour');
    const rows: NewArticleRow[] = [];
    for (let i = 0; i < STORIES; i++) {
      // Every story has "lantern"; 1,500 "harbour"; 700 "kite"; one minute apart, the newest an hour ago.
      const at = new Date(Date.parse('2026-11-28T09:00:00.000Z') - (STORIES - i) * 60_000).toISOString();
      const words = ['lantern festival', i % 7 < 5 ? 'harbour' : 'quay', i % 3 === 0 ? 'kite' : 'sail'].join(' ');
      rows.push({
        slug: `count-${i}`, section_id: section.id, kind: 'news', status: 'published', headline: `Story ${i}`, standfirst: '',
        body: JSON.stringify(bodyFromParagraphs([words])), dateline_place: '', dateline_date: null, agency_credit: null,
        featured_image_id: null, language: 'en', priority: 0, seo_title: '', seo_description: '', source_agency: null,
        source_guid: null, source_version: null, published_at: at, updated_at: at, created_at: at, modified_at: at, revision: 1,
      });
    }
    for (let i = 0; i < rows.length; i += 300) await db.insertInto('articles').values(rows.slice(i, i + 300)).execute();
    await w.build().search.reindex();
    // What autovacuum does after a bulk load: the planner (and PostgreSQL's plan choice) read fresh statistics.
    if (dialect.name === 'postgres') await sql`analyze`.execute(db);
  }, 120_000);

  it('says "more than 1,000" for a word in thousands of stories, and serves the newest 1,000 page by page', async () => {
    const { search } = w.build();
    for (const sort of ['relevance', 'newest'] as const) {
      const first = await search.search({ q: 'lantern', sort });
      expect(first.page, sort).toMatchObject({ total: MAX_RESULTS, capped: true, hasMore: true });
      const last = await search.search({ q: 'lantern', sort, page: 50 });
      expect(last.items, sort).toHaveLength(20);
      expect(last.page, sort).toMatchObject({ total: MAX_RESULTS, capped: true, hasMore: false });
    }
  });

  it('counts exactly where the vocabulary cannot tell: fewer stories, filters, two words', async () => {
    const { search } = w.build();
    expect((await search.search({ q: 'harbour' })).page).toMatchObject({ total: MAX_RESULTS, capped: true });
    expect((await search.search({ q: 'kite' })).page).toMatchObject({ total: 700, capped: false });
    expect((await search.search({ q: 'kite lantern' })).page).toMatchObject({ total: 700, capped: false });
    expect((await search.search({ q: 'lantern -kite' })).page).toMatchObject({ total: MAX_RESULTS, capped: true });
    expect((await search.search({ q: 'lantern -harbour' })).page).toMatchObject({ total: 600, capped: false });
    // one a minute, the last at 08:59: 540 on the 28th
    expect((await search.search({ q: 'lantern', from: '2026-11-28', to: '2026-11-28' })).page).toMatchObject({ total: 540, capped: false });
  });
});
