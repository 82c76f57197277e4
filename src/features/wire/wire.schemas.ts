/** Request and response schemas of the wire desk's item routes, and the response allowlists. */
import { ErrorResponse, Id, Nullable, NullableTimestamp, Timestamp, Type, type Static } from '../../lib/schema.js';
import type { WireVersionDiff } from './wire.diff.js';
import type { WireItemDetail } from './wire.service.js';
import { WIRE_ITEM_STATES, type WireItemSummary, type WireRefusalView } from './wire.js';
import { WIRE_PAGE_MAX } from './wire.service.js';

const PubStatus = Type.Union([Type.Literal('usable'), Type.Literal('withheld'), Type.Literal('canceled')]);

export const WireItemSummaryResponse = Type.Object({
  id: Type.Integer(),
  sourceId: Nullable(Type.Integer()),
  sourceName: Nullable(Type.String()),
  agency: Type.String(),
  guid: Type.String(),
  version: Type.Integer(),
  pubStatus: PubStatus,
  isCorrection: Type.Boolean(),
  headline: Type.String(),
  standfirst: Type.String(),
  datelinePlace: Type.String(),
  datelineDate: Nullable(Type.String()),
  byline: Nullable(Type.String()),
  credit: Type.String(),
  priority: Type.Integer({ description: '1 = most urgent … 9' }),
  subjects: Type.Array(Type.String()),
  receivedAt: Timestamp,
  updatedAt: Timestamp,
  versionCreated: NullableTimestamp,
  embargoUntil: NullableTimestamp,
  articleId: Nullable(Type.Integer()),
  articleStatus: Nullable(Type.String()),
  updateAvailable: Type.Boolean(),
  killed: Type.Boolean(),
  pictureCount: Type.Integer(),
});

export const WireItemDetailResponse = Type.Object({
  ...WireItemSummaryResponse.properties,
  bodyHtml: Type.String({ description: 'our safe rendering of the stored body' }),
  keywords: Type.Array(Type.String()),
  language: Type.String(),
  pictures: Type.Array(Type.Object({ mediaId: Type.Integer(), url: Type.String(), caption: Type.String(), credit: Type.String() })),
  versions: Type.Array(Type.Object({ version: Type.Integer(), receivedAt: Timestamp, pubStatus: Type.String(), isCorrection: Type.Boolean() })),
});

export const WireListQuery = Type.Object(
  {
    agency: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    maxPriority: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'words that must all appear in the headline or standfirst' })),
    since: Type.Optional(Timestamp),
    until: Type.Optional(Timestamp),
    state: Type.Optional(Type.Union(WIRE_ITEM_STATES.map((s) => Type.Literal(s)))),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: WIRE_PAGE_MAX })),
  },
  { additionalProperties: false },
);

export const WireListResponse = Type.Object({
  items: Type.Array(WireItemSummaryResponse),
  nextCursor: Nullable(Type.String()),
});

export const DiffQuery = Type.Object(
  { from: Type.Optional(Id), to: Type.Optional(Id) },
  { additionalProperties: false },
);

export const DiffResponse = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  fields: Type.Array(Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() })),
  body: Type.Array(Type.Object({ value: Type.String(), added: Type.Optional(Type.Boolean()), removed: Type.Optional(Type.Boolean()) })),
});

export const ArticleIdResponse = Type.Object({ articleId: Type.Integer() });

/** 409 of Use: WIRE_ALREADY_USED also names the story already made (`articleId`). */
export const UseConflict = Type.Object({
  ...ErrorResponse.properties,
  articleId: Type.Optional(Type.Integer({ description: 'the story already made from this item (WIRE_ALREADY_USED)' })),
});

export const RefusalsQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false });

export const RefusalResponse = Type.Object({
  id: Type.Integer(),
  sourceId: Nullable(Type.Integer()),
  sourceName: Nullable(Type.String()),
  filename: Type.String(),
  code: Type.String(),
  message: Type.String(),
  receivedAt: Timestamp,
});

export const RefusalsResponse = Type.Object({ items: Type.Array(RefusalResponse) });

export const FacetsResponse = Type.Object({ agencies: Type.Array(Type.String()), subjects: Type.Array(Type.String()) });

/** Explicit allowlist of an inbox entry. */
export function wireItemSummaryResponse(s: WireItemSummary): Static<typeof WireItemSummaryResponse> {
  return {
    id: s.id,
    sourceId: s.sourceId,
    sourceName: s.sourceName,
    agency: s.agency,
    guid: s.guid,
    version: s.version,
    pubStatus: s.pubStatus,
    isCorrection: s.isCorrection,
    headline: s.headline,
    standfirst: s.standfirst,
    datelinePlace: s.datelinePlace,
    datelineDate: s.datelineDate,
    byline: s.byline,
    credit: s.credit,
    priority: s.priority,
    subjects: s.subjects,
    receivedAt: s.receivedAt,
    updatedAt: s.updatedAt,
    versionCreated: s.versionCreated,
    embargoUntil: s.embargoUntil,
    articleId: s.articleId,
    articleStatus: s.articleStatus,
    updateAvailable: s.updateAvailable,
    killed: s.killed,
    pictureCount: s.pictureCount,
  };
}

export function wireItemDetailResponse(d: WireItemDetail): Static<typeof WireItemDetailResponse> {
  return {
    ...wireItemSummaryResponse(d),
    bodyHtml: d.bodyHtml,
    keywords: d.keywords,
    language: d.language,
    pictures: d.pictures.map((p) => ({ mediaId: p.mediaId, url: p.url, caption: p.caption, credit: p.credit })),
    versions: d.versions.map((v) => ({ version: v.version, receivedAt: v.receivedAt, pubStatus: v.pubStatus, isCorrection: v.isCorrection })),
  };
}

export function refusalResponse(r: WireRefusalView): Static<typeof RefusalResponse> {
  return { id: r.id, sourceId: r.sourceId, sourceName: r.sourceName, filename: r.filename, code: r.code, message: r.message, receivedAt: r.receivedAt };
}

export function diffResponse(d: WireVersionDiff): Static<typeof DiffResponse> {
  return { from: d.from, to: d.to, fields: d.fields, body: d.body };
}
