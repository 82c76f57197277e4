/**
 * One interface, two engines: SQLite FTS5 and PostgreSQL full-text search,
 * chosen by the store's dialect. Both take our parsed query (never raw
 * input), apply the same filters and return the same shapes. Each engine's
 * SQL lives in its own queries file (search.sqlite.queries.ts,
 * search.postgres.queries.ts); what both share is in search.queries.ts.
 */
import type { Db, DialectName } from '../../db/index.js';
import type { ParsedQuery } from './search.parse.js';
import type { EngineFilter, Highlights } from './search.js';
import type { DocumentValues } from './search.queries.js';
import { sqliteEngine } from './search.sqlite.queries.js';
import { postgresEngine } from './search.postgres.queries.js';

export interface Candidate {
  /** search_documents.id, the sort key. */
  docId: number;
  /** The story's id, or the wire item's in the wire corpus. */
  ref: number;
}

export interface IndexedText {
  /** search_documents.id */
  id: number;
  language: string;
  headline: string;
  standfirst: string;
  body: string;
  /** Facet tokens (search.facets.ts). */
  facets: string;
}

/** A parsed query compiled once per search for one engine, then reused by every step. */
export interface EngineQuery {
  parsed: ParsedQuery;
  /** The engine's own texts of it: the FTS5 MATCH expression, or PostgreSQL's tsqueries per configuration. */
  forms: Readonly<Record<string, string>>;
  /**
   * About what share (0..1) of the documents the required words can match, from the vocabulary's counts
   * (PostgreSQL: it picks the plan by it); undefined when unknown. Never decides what matches.
   */
  share?: number;
  /** The same for the words' stem families (PostgreSQL: every vocabulary word starting with the stem). */
  familyShare?: number;
  /**
   * Live stories the query is sure to match, from the vocabulary (`requiredMatchFloor`; PostgreSQL). Far past
   * the count's cap, a reader's unfiltered search is known to be capped without counting.
   */
  atLeast?: number;
}

export interface Matches {
  /** Up to `limit` matching documents, newest first (document id order). */
  candidates: Candidate[];
  /** Relevance of the newest `rankWindow` of them: higher is better (headline above standfirst above body). */
  scores: Map<number, number>;
}

export interface SearchEngine {
  /**
   * Whether to find the page's newest matches first and count the older ones on a second connection while the
   * page is highlighted and hydrated: PostgreSQL when it walks the newest documents (the count's walk carries on
   * where the page's stopped). Never where both would repeat one scan (a GIN scan finds every match whatever
   * the limit) or where statements cannot run side by side (SQLite's driver is synchronous).
   */
  countApart(query: EngineQuery, filter: EngineFilter): boolean;
  /** After documents' text changed: update the engine's index of them (PostgreSQL; SQLite's triggers already did). */
  indexText(db: Db, docs: readonly IndexedText[]): Promise<void>;
  /** New documents, indexed as they are written (PostgreSQL builds the tsvector in the insert; SQLite's triggers fill FTS5). */
  insertDocuments(db: Db, docs: readonly DocumentValues[]): Promise<void>;
  /** Our parsed query in the engine's terms (PostgreSQL asks the database to stem it: one round trip). */
  compile(db: Db, parsed: ParsedQuery): Promise<EngineQuery>;
  /** The newest matches (the count, up to `limit`) and the scores of the newest `rankWindow` of them. */
  matches(db: Db, query: EngineQuery, filter: EngineFilter, limit: number, rankWindow: number): Promise<Matches>;
  /** Highlighted headline and passage for a page of results (matches of this filter), by `ref` (story or wire item id). */
  highlights(db: Db, query: EngineQuery, filter: EngineFilter, hits: readonly Candidate[]): Promise<Map<number, Highlights>>;
  /** Live stories whose headline has these words, the last one as a prefix; newest first. */
  headlinePrefix(db: Db, words: readonly string[], filter: EngineFilter, limit: number): Promise<number[]>;
}

export function engineFor(dialect: DialectName): SearchEngine {
  return dialect === 'sqlite' ? sqliteEngine : postgresEngine;
}
