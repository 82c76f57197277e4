/**
 * Keeping the index in step: the article service calls `upsert`/`remove`
 * inside its own transaction, so a story and its search document change
 * together or not at all. `indexBatch` is the bulk form used by reindex.
 */
import type { Db } from '../../db/index.js';
import type { SearchDocumentRow } from '../../db/schema.js';
import { bodyToPlainText, parseBody, type BodyDocument } from '../articles/index.js';
import type { IndexedText, SearchEngine } from './search.engine.js';
import { facetsOf } from './search.facets.js';
import * as q from './search.queries.js';
import { cleanText, vocabularyOf } from './search.text.js';
import { SORT_KEY_LOW_BITS as LOW_BITS, sortKeyRange } from './search.js';

export { sortKeyRange };

/** What the articles feature calls inside its write transactions (it defines the same shape as ArticleIndexer). */
export interface SearchIndexer {
  upsert(trx: Db, articleId: number): Promise<void>;
  remove(trx: Db, articleId: number): Promise<void>;
}

export function plainBody(json: string): string {
  try {
    const doc = JSON.parse(json) as BodyDocument;
    if (doc && doc.type === 'doc' && Array.isArray(doc.content)) return bodyToPlainText(doc);
  } catch {
    // fall through to the strict parser, which rejects what it cannot read
  }
  const parsed = parseBody(json);
  return parsed.ok ? bodyToPlainText(parsed.value) : '';
}

export function sortKey(src: Pick<q.StorySource, 'id' | 'published_at' | 'created_at'>): number {
  const minutes = Math.floor(Date.parse(src.published_at ?? src.created_at) / 60_000);
  return (Number.isFinite(minutes) ? minutes : 0) * LOW_BITS + (src.id % LOW_BITS);
}

/** A story's authors and tags, which its document carries as facets. */
export interface StoryLinks {
  authorIds: readonly number[];
  tagIds: readonly number[];
}

export function documentOf(src: q.StorySource, links: StoryLinks = { authorIds: [], tagIds: [] }): q.DocumentValues {
  return {
    id: sortKey(src),
    article_id: src.id,
    wire_item_id: null,
    language: src.language,
    status: src.status,
    kind: src.kind,
    section_id: src.section_id,
    published_at: src.published_at,
    modified_at: src.modified_at,
    headline: cleanText(src.headline),
    standfirst: cleanText(src.standfirst),
    body: cleanText(plainBody(src.body)),
    facets: facetsOf({ ...src, ...links }),
  };
}

/** Words a document gives the vocabulary: only live stories', so suggestions never leak a draft. */
export function termsOf(doc: Pick<q.DocumentValues, 'status' | 'headline' | 'standfirst' | 'body'> | undefined): Set<string> {
  return doc && doc.status === 'published' ? vocabularyOf(doc.headline, doc.standfirst, doc.body) : new Set();
}

// What the engine indexes: a change rewrites the FTS5 row (trigger) or the tsvector (indexText), facets included.
const TEXT_KEYS = ['id', 'headline', 'standfirst', 'body', 'language', 'facets'] as const;
const META_KEYS = ['status', 'kind', 'section_id', 'published_at', 'modified_at'] as const;

function changes(old: SearchDocumentRow, next: q.DocumentValues): { set: Partial<q.DocumentValues>; text: boolean } {
  const set: Partial<q.DocumentValues> = {};
  let text = false;
  for (const k of TEXT_KEYS) if (old[k] !== next[k]) { Object.assign(set, { [k]: next[k] }); text = true; }
  for (const k of META_KEYS) if (old[k] !== next[k]) Object.assign(set, { [k]: next[k] });
  return { set, text };
}

/**
 * Brings each document to its next values: a new one inserted (the engine
 * indexes it as it is written), an existing one updated in the columns that
 * changed, and re-indexed only if its text or facets did.
 */
export async function writeDocuments(trx: Db, engine: SearchEngine, pairs: readonly { old: SearchDocumentRow | undefined; next: q.DocumentValues }[]): Promise<void> {
  const retext: IndexedText[] = [];
  const fresh: q.DocumentValues[] = [];
  for (const { old, next } of pairs) {
    if (!old) {
      fresh.push(next);
      continue;
    }
    const { set, text } = changes(old, next);
    if (Object.keys(set).length > 0) await q.updateDocument(trx, old.id, set);
    if (text) retext.push(next);
  }
  await engine.insertDocuments(trx, fresh);
  await engine.indexText(trx, retext);
}

/**
 * Writes the documents of these stories (inserting, updating only what
 * changed, or removing those whose story is gone). With `vocabulary`, term
 * counts are adjusted by the difference; without, the caller recounts.
 */
export async function indexBatch(trx: Db, engine: SearchEngine, articleIds: readonly number[], vocabulary: boolean): Promise<number> {
  const [sources, links, docs] = await Promise.all([q.storySources(trx, articleIds), q.storyLinks(trx, articleIds), q.documentsOf(trx, articleIds)]);
  const existing = new Map(docs.map((d) => [d.article_id, d]));
  const pairs: { old: SearchDocumentRow | undefined; next: q.DocumentValues }[] = [];
  const added = new Set<string>();
  const dropped = new Set<string>();
  for (const src of sources) {
    const next = documentOf(src, links.get(src.id));
    const old = existing.get(src.id);
    existing.delete(src.id);
    if (vocabulary) {
      const before = termsOf(old);
      const after = termsOf(next);
      for (const t of after) if (!before.has(t)) added.add(t);
      for (const t of before) if (!after.has(t)) dropped.add(t);
    }
    pairs.push({ old, next });
  }
  for (const gone of existing.values()) if (vocabulary) for (const t of termsOf(gone)) dropped.add(t);
  await q.deleteDocuments(trx, [...existing.values()].map((d) => d.id));
  await writeDocuments(trx, engine, pairs);
  if (added.size) await q.adjustTerms(trx, added, 1);
  if (dropped.size) await q.adjustTerms(trx, dropped, -1);
  return sources.length;
}

export function createSearchIndexer(engine: SearchEngine): SearchIndexer {
  return {
    async upsert(trx, articleId) {
      await indexBatch(trx, engine, [articleId], true);
    },
    async remove(trx, articleId) {
      const [doc] = await q.documentsOf(trx, [articleId]);
      if (!doc) return;
      await q.adjustTerms(trx, termsOf(doc), -1);
      await q.deleteDocuments(trx, [doc.id]);
    },
  };
}
