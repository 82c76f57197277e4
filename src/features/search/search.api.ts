/** Search routes: public (/api/v1/search, /api/v1/search/suggest) and the newsroom's (/api/admin/search). */
import type { FastifyInstance } from 'fastify';
import { Nullable, Timestamp, Type, errorResponses, type Static } from '../../lib/schema.js';
import { ARTICLE_KINDS, ARTICLE_STATUSES, articleSummaryResponse, type StorySummary } from '../articles/index.js';
import { WireItemSummaryResponse, wireItemSummaryResponse } from '../wire/index.js';
import { RANGES, SORTS, type SearchRequest } from './search.js';
import type { SearchResults, SearchService, WireSearchResults } from './search.service.js';

// `q` is accepted long and cut to MAX_QUERY_CHARS by the parser: a long paste is a search, not a 400.
const common = {
  q: Type.String({ maxLength: 20_000, description: 'words, "exact phrases", -excluded, OR' }),
  section: Type.Optional(Type.String({ maxLength: 200, description: 'section slug (includes its subsections)' })),
  author: Type.Optional(Type.String({ maxLength: 200, description: 'author slug' })),
  tag: Type.Optional(Type.String({ maxLength: 200, description: 'tag slug' })),
  from: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD, published on or after' })),
  to: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD, published on or before' })),
  range: Type.Optional(Type.Enum([...RANGES])),
  sort: Type.Optional(Type.Enum([...SORTS])),
  language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
};
const PublicQuery = Type.Object(common, { additionalProperties: false });
const DeskQuery = Type.Object(
  { ...common, status: Type.Optional(Type.Enum([...ARTICLE_STATUSES])), kind: Type.Optional(Type.Enum([...ARTICLE_KINDS])) },
  { additionalProperties: false },
);
const { q, from, to, range, sort, language, page, limit } = common;
const WireQuery = Type.Object(
  { q, agency: Type.Optional(Type.String({ maxLength: 100, description: 'the agency, as the wire desk names it (AFP)' })), from, to, range, sort, language, page, limit },
  { additionalProperties: false },
);
const SuggestQuery = Type.Object({ q: Type.String({ maxLength: 20_000 }) }, { additionalProperties: false });

const marks = {
  headlineHtml: Type.String({ description: 'escaped headline, matched words in <mark>' }),
  snippetHtml: Type.String({ description: 'escaped passage, matched words in <mark>' }),
  score: Type.Number(),
};
const pageFields = {
  query: Type.String({ description: 'the query as understood; empty when nothing searchable was typed' }),
  total: Type.Integer({ description: 'matches, counted up to 1,000' }),
  capped: Type.Boolean({ description: 'true when there are more than `total`' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hasMore: Type.Boolean(),
  suggestion: Nullable(Type.String({ description: 'a corrected query, when this one found nothing' })),
};
const PublicResults = Type.Object({ ...pageFields, items: Type.Array(Type.Object({ story: Type.Ref('ArticleSummary'), ...marks })) });
const DeskItem = Type.Object({
  id: Type.Integer(),
  headline: Type.String(),
  status: Type.String(),
  kind: Type.String(),
  language: Type.String(),
  section: Nullable(Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String() })),
  authors: Type.Array(Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String() })),
  url: Type.String(),
  publishedAt: Nullable(Timestamp),
  modifiedAt: Timestamp,
  ...marks,
});
const DeskResults = Type.Object({ ...pageFields, items: Type.Array(DeskItem) });
const WireResults = Type.Object({ ...pageFields, items: Type.Array(Type.Object({ wire: WireItemSummaryResponse, ...marks })) });
const Suggestions = Type.Object({ items: Type.Array(Type.Object({ id: Type.Integer(), headline: Type.String(), url: Type.String(), path: Type.String() })) });

function pageResponse(r: SearchResults | WireSearchResults) {
  return { query: r.query, total: r.page.total, capped: r.page.capped, page: r.page.page, pageSize: r.page.pageSize, hasMore: r.page.hasMore, suggestion: r.suggestion };
}

function deskItem(a: StorySummary): Omit<Static<typeof DeskItem>, keyof typeof marks> {
  return {
    id: a.id,
    headline: a.headline,
    status: a.status,
    kind: a.kind,
    language: a.language,
    section: a.section && { id: a.section.id, slug: a.section.slug, name: a.section.name },
    authors: a.authors.map((x) => ({ id: x.id, slug: x.slug, name: x.name })),
    url: a.url,
    publishedAt: a.publishedAt,
    modifiedAt: a.modifiedAt,
  };
}

export function registerSearchPublicRoutes(app: FastifyInstance, deps: { search: SearchService }): void {
  const tags = ['content'];
  app.get<{ Querystring: Static<typeof PublicQuery> }>(
    '/search',
    { schema: { tags, summary: 'Search published stories', querystring: PublicQuery, response: { 200: PublicResults, ...errorResponses(400) } } },
    async (req) => {
      const r = await deps.search.search(req.query);
      return { ...pageResponse(r), items: r.items.map((i) => ({ story: articleSummaryResponse(i.story), headlineHtml: i.headlineHtml, snippetHtml: i.snippetHtml, score: i.score })) };
    },
  );
  app.get<{ Querystring: Static<typeof SuggestQuery> }>(
    '/search/suggest',
    { schema: { tags, summary: 'Headlines of live stories matching what has been typed so far', querystring: SuggestQuery, response: { 200: Suggestions, ...errorResponses(400) } } },
    async (req) => ({ items: (await deps.search.suggest(req.query.q)).map((a) => ({ id: a.id, headline: a.headline, url: a.url, path: a.path })) }),
  );
}

export function registerSearchAdminRoutes(app: FastifyInstance, deps: { search: SearchService }): void {
  app.get<{ Querystring: Static<typeof DeskQuery> }>(
    '/search',
    {
      config: { permission: 'content:read' },
      schema: { tags: ['articles'], summary: 'Search every story: drafts, scheduled, published, unpublished and killed', querystring: DeskQuery, response: { 200: DeskResults, ...errorResponses(400) } },
    },
    async (req) => {
      const { status, ...rest } = req.query;
      const r = await deps.search.searchDesk({ ...(rest as SearchRequest), ...(status && { statuses: [status] }) });
      return { ...pageResponse(r), items: r.items.map((i) => ({ ...deskItem(i.story), headlineHtml: i.headlineHtml, snippetHtml: i.snippetHtml, score: i.score })) };
    },
  );
  app.get<{ Querystring: Static<typeof WireQuery> }>(
    '/search/wire',
    {
      config: { permission: 'wire:read' },
      schema: {
        tags: ['wire'],
        summary: 'Search every wire item held (new, used and killed) by the words of its current version; dates are arrival dates',
        querystring: WireQuery,
        response: { 200: WireResults, ...errorResponses(400) },
      },
    },
    async (req) => {
      const r = await deps.search.searchWire(req.query);
      return { ...pageResponse(r), items: r.items.map((i) => ({ wire: wireItemSummaryResponse(i.wire), headlineHtml: i.headlineHtml, snippetHtml: i.snippetHtml, score: i.score })) };
    },
  );
}
