/**
 * One interface, two engines: SQLite FTS5 and PostgreSQL full-text search,
 * chosen by the store's dialect. Both take our parsed query (never raw
 * input), apply the same filters and return the same shapes.
 */
import type { Db, DialectName } from '../../db/index.js';
import type { ParsedQuery } from './search.parse.js';
import type { EngineFilter, Highlights } from './search.js';

export interface Candidate {
  /** search_documents.id, the sort key. */
  docId: number;
  articleId: number;
}
import { sqliteEngine } from './search.sqlite.js';
import { postgresEngine } from './search.postgres.js';

export interface IndexedText {
  /** search_documents.id */
  id: number;
  language: string;
  headline: string;
  standfirst: string;
  body: string;
}

export interface SearchEngine {
  /** After documents' text changed: update the engine's index of them (PostgreSQL; SQLite's triggers already did). */
  indexText(db: Db, docs: readonly IndexedText[]): Promise<void>;
  /** Up to `limit` matching documents, newest first (document id order). */
  candidates(db: Db, parsed: ParsedQuery, filter: EngineFilter, limit: number): Promise<Candidate[]>;
  /** Relevance of these matching documents: higher is better (headline above standfirst above body). */
  rank(db: Db, parsed: ParsedQuery, language: string | undefined, docIds: readonly number[]): Promise<Map<number, number>>;
  /** Highlighted headline and passage for a page of results. */
  highlights(db: Db, parsed: ParsedQuery, hits: readonly Candidate[]): Promise<Map<number, Highlights>>;
  /** Live stories whose headline has these words, the last one as a prefix; newest first. */
  headlinePrefix(db: Db, words: readonly string[], filter: EngineFilter, limit: number): Promise<number[]>;
}

export function engineFor(dialect: DialectName): SearchEngine {
  return dialect === 'sqlite' ? sqliteEngine : postgresEngine;
}
