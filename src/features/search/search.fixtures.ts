/** Test helpers: a story-writing article service wired to search, on a harness database. */
import type { Store } from '../../db/index.js';
import { fixedClock } from '../../lib/clock.js';
import { SYSTEM_ACTOR, bodyFromParagraphs, createArticleService, type ArticleInput } from '../articles/index.js';
import { createSectionService } from '../sections/index.js';
import { createSearchService } from './search.service.js';

export function searchWorld(store: () => Store) {
  const clock = fixedClock('2026-11-28T10:00:00.000Z');
  let n = 0;
  const unique = (s: string) => `${s}-${++n}`;
  const build = () => {
    const { db, dialect } = store();
    const search = createSearchService({ db, dialect: dialect.name, clock, stories: { getSummaries: (ids) => articles.getSummaries(ids) } });
    const articles = createArticleService({ db, clock, publicUrl: 'https://news.example.test', indexer: search.indexer });
    return { search, articles, sections: createSectionService({ db, clock }) };
  };

  async function section(name = 'Section', parentId?: number) {
    return build().sections.create({ slug: unique(name.toLowerCase()), name, ...(parentId !== undefined && { parentId }) });
  }

  async function author(name: string) {
    const now = clock.now().toISOString();
    return store()
      .db.insertInto('authors')
      .values({ slug: unique('author'), name, title: 'Reporter', bio: '', photo_id: null, social: '{}', created_at: now, updated_at: now })
      .returning(['id', 'slug'])
      .executeTakeFirstOrThrow();
  }

  async function tag(name: string) {
    return store()
      .db.insertInto('tags')
      .values({ slug: unique('tag'), name, created_at: clock.now().toISOString() })
      .returning(['id', 'slug'])
      .executeTakeFirstOrThrow();
  }

  /** A live story with these paragraphs; `sectionId` defaults to a fresh section. */
  async function story(headline: string, paragraphs: string[], extra: Partial<ArticleInput> = {}) {
    const sectionId = extra.sectionId ?? (await section()).id;
    return build().articles.create({ status: 'published', standfirst: '', ...extra, sectionId, headline, body: bodyFromParagraphs(paragraphs) }, SYSTEM_ACTOR);
  }

  /** Headlines a reader finds for `q`. */
  async function find(q: string, more: Partial<Parameters<ReturnType<typeof build>['search']['search']>[0]> = {}) {
    const r = await build().search.search({ q, ...more });
    return r.items.map((i) => i.story.headline);
  }

  return { clock, unique, build, section, author, tag, story, find };
}
