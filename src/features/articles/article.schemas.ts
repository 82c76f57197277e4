/** Request and response schemas of the article routes (JSON Schema via TypeBox; also feeds the OpenAPI document). */
import { Id, Nullable, Slug, Text, Timestamp, NullableTimestamp, Type } from '../../lib/schema.js';
import { ARTICLE_KINDS, ARTICLE_STATUSES, CORRECTION_KINDS } from './article.js';
import { WORKFLOW_ACTIONS } from './article.workflow.js';

const Kind = Type.Enum([...ARTICLE_KINDS]);
const Status = Type.Enum([...ARTICLE_STATUSES]);

export const BodyDocumentSchema = Type.Object(
  {
    type: Type.Literal('doc'),
    version: Type.Literal(1),
    content: Type.Array(Type.Unknown(), { maxItems: 2000 }),
  },
  { additionalProperties: false, description: 'Story body document; see docs/story-body.md' },
);

export const WireSourceSchema = Type.Object(
  { agency: Text(60, { minLength: 1 }), guid: Text(500, { minLength: 1 }), version: Nullable(Text(60)) },
  { additionalProperties: false },
);

const articleFields = {
  headline: Text(300, { minLength: 1 }),
  slug: Slug,
  standfirst: Text(1000),
  body: BodyDocumentSchema,
  sectionId: Nullable(Id),
  kind: Kind,
  datelinePlace: Text(120),
  datelineDate: Nullable(Type.String({ format: 'date' })),
  agencyCredit: Nullable(Text(60, { minLength: 1 })),
  authorIds: Type.Array(Id, { maxItems: 20 }),
  tagIds: Type.Array(Id, { maxItems: 50 }),
  featuredImageId: Nullable(Id),
  language: Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 10 }),
  priority: Type.Integer({ minimum: 0, maximum: 100 }),
  seoTitle: Text(200),
  seoDescription: Text(400),
  source: Nullable(WireSourceSchema),
  embargoUntil: Nullable(Type.String({ format: 'date-time', description: 'readers may not see the story before this instant; publishing earlier is refused' })),
};

const optionalFields = {
  slug: Type.Optional(articleFields.slug),
  standfirst: Type.Optional(articleFields.standfirst),
  body: Type.Optional(articleFields.body),
  sectionId: Type.Optional(articleFields.sectionId),
  kind: Type.Optional(articleFields.kind),
  datelinePlace: Type.Optional(articleFields.datelinePlace),
  datelineDate: Type.Optional(articleFields.datelineDate),
  agencyCredit: Type.Optional(articleFields.agencyCredit),
  authorIds: Type.Optional(articleFields.authorIds),
  tagIds: Type.Optional(articleFields.tagIds),
  featuredImageId: Type.Optional(articleFields.featuredImageId),
  language: Type.Optional(articleFields.language),
  priority: Type.Optional(articleFields.priority),
  seoTitle: Type.Optional(articleFields.seoTitle),
  seoDescription: Type.Optional(articleFields.seoDescription),
  source: Type.Optional(articleFields.source),
  embargoUntil: Type.Optional(articleFields.embargoUntil),
};

export const ArticleCreate = Type.Object(
  {
    headline: articleFields.headline,
    ...optionalFields,
    status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published')])),
    publishedAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);

export const ArticlePatch = Type.Object(
  {
    headline: Type.Optional(articleFields.headline),
    ...optionalFields,
    revision: Type.Optional(Type.Integer({ minimum: 1, description: 'the revision you edited; a newer stored one answers 409' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CorrectionCreate = Type.Object(
  { kind: Type.Enum([...CORRECTION_KINDS]), text: Text(2000, { minLength: 1 }) },
  { additionalProperties: false },
);

const LimitCursor = {
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

export const PublicListQuery = Type.Object(
  {
    section: Type.Optional(Slug),
    sectionId: Type.Optional(Id),
    tag: Type.Optional(Slug),
    tagId: Type.Optional(Id),
    author: Type.Optional(Slug),
    authorId: Type.Optional(Id),
    kind: Type.Optional(Kind),
    ...LimitCursor,
  },
  { additionalProperties: false },
);

export const DeskListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.String({
        pattern: `^(${ARTICLE_STATUSES.join('|')})(,(${ARTICLE_STATUSES.join('|')}))*$`,
        maxLength: 200,
        description: 'one status, or several separated by commas (e.g. the desk queue: submitted,in_edit)',
      }),
    ),
    sectionId: Type.Optional(Id),
    tagId: Type.Optional(Id),
    authorId: Type.Optional(Id),
    kind: Type.Optional(Kind),
    ...LimitCursor,
  },
  { additionalProperties: false },
);

const SectionRef = Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String(), path: Type.String() });
const AuthorRef = Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String(), title: Type.String(), photoId: Nullable(Type.Integer()) });
const TagRef = Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String() });
const ImageRef = Type.Object({
  id: Type.Integer(),
  src: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  caption: Type.String(),
  credit: Type.String(),
  altText: Type.String(),
  focalX: Type.Number(),
  focalY: Type.Number(),
});

const summaryFields = {
  id: Type.Integer(),
  slug: Type.String(),
  url: Type.String({ description: 'canonical public URL' }),
  kind: Kind,
  headline: Type.String(),
  standfirst: Type.String(),
  section: Nullable(SectionRef),
  authors: Type.Array(AuthorRef),
  agencyCredit: Nullable(Type.String()),
  tags: Type.Array(TagRef),
  featuredImage: Nullable(ImageRef),
  dateline: Type.Object({ place: Type.String(), date: Nullable(Type.String()) }),
  language: Type.String(),
  publishedAt: NullableTimestamp,
  updatedAt: NullableTimestamp,
};

export const ArticleSummary = Type.Object(summaryFields, { $id: 'ArticleSummary' });

export const ArticleFull = Type.Object(
  {
    ...summaryFields,
    body: BodyDocumentSchema,
    bodyHtml: Type.String({ description: 'the body rendered by our own escaping renderer' }),
    breadcrumbs: Type.Array(SectionRef),
    seoTitle: Type.String(),
    seoDescription: Type.String(),
    corrections: Type.Array(Type.Object({ id: Type.Integer(), kind: Type.String(), text: Type.String(), createdAt: Timestamp })),
  },
  { $id: 'Article' },
);

export const ArticleStaff = Type.Object(
  {
    ...ArticleFull.properties,
    status: Status,
    priority: Type.Integer(),
    source: Nullable(WireSourceSchema),
    createdAt: Timestamp,
    modifiedAt: Timestamp,
    revision: Type.Integer(),
    embargoUntil: NullableTimestamp,
    scheduledAt: NullableTimestamp,
    deskNote: Nullable(Type.String({ description: "the desk's latest note to the writer (a send-back, a failed scheduled publication)" })),
    lastEditedBy: Nullable(Type.String({ description: 'who last changed the copy' })),
    actions: Type.Array(Type.Enum([...WORKFLOW_ACTIONS]), { description: 'the workflow actions the caller may take on this story now' }),
  },
  { $id: 'ArticleStaff' },
);
