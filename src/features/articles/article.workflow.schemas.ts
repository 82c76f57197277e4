/** Request and response schemas of the workflow, revision and preview-link routes. */
import { Id, Nullable, Text, Timestamp, Type } from '../../lib/schema.js';
import { BodyDocumentSchema, WireSourceSchema } from './article.schemas.js';
import { PREVIEW_HOURS } from './article.preview.js';

export const SendBackBody = Type.Object(
  { note: Text(2000, { minLength: 1, description: 'what the writer should change; shown to them with the story' }) },
  { additionalProperties: false },
);

export const ScheduleBody = Type.Object(
  { at: Type.String({ format: 'date-time', description: 'when the story goes live: in the future, and not before its embargo' }) },
  { additionalProperties: false },
);

export const RestoreBody = Type.Object(
  { revision: Type.Integer({ minimum: 1, description: 'the current revision (the one you are looking at); a newer save answers 409' }) },
  { additionalProperties: false },
);

export const PreviewLinkBody = Type.Object(
  { hours: Type.Optional(Type.Integer({ minimum: PREVIEW_HOURS.min, maximum: PREVIEW_HOURS.max, default: PREVIEW_HOURS.default })) },
  { additionalProperties: false },
);

export const PreviewLink = Type.Object({
  url: Type.String({ description: 'site-relative: /preview/<token>; the token is shown only once' }),
  expiresAt: Timestamp,
});

export const RevisionParams = Type.Object({ id: Id, rev: Id }, { additionalProperties: false });

export const DiffQuery = Type.Object(
  {
    from: Type.Optional(Type.Integer({ minimum: 1, description: 'default: the revision before `to`' })),
    to: Type.Optional(Type.Integer({ minimum: 1, description: 'default: the current revision' })),
  },
  { additionalProperties: false },
);

const summaryFields = {
  revision: Type.Integer(),
  createdAt: Timestamp,
  by: Type.String({ description: "who made it: a person's name, an API token's name, or Dateline (the system)" }),
  byUserId: Nullable(Type.Integer()),
  action: Type.String({ description: 'create, save, restore, submit, take, ready, send-back, publish, publish-scheduled, schedule, schedule-failed, unschedule, unpublish, kill, correct, baseline' }),
};

export const RevisionList = Type.Object({
  items: Type.Array(Type.Object({ ...summaryFields, changed: Type.Array(Type.String()) })),
});

const Snapshot = Type.Object({
  headline: Type.String(),
  slug: Type.String(),
  standfirst: Type.String(),
  body: BodyDocumentSchema,
  sectionId: Nullable(Type.Integer()),
  kind: Type.String(),
  datelinePlace: Type.String(),
  datelineDate: Nullable(Type.String()),
  agencyCredit: Nullable(Type.String()),
  featuredImageId: Nullable(Type.Integer()),
  language: Type.String(),
  priority: Type.Integer(),
  seoTitle: Type.String(),
  seoDescription: Type.String(),
  source: Nullable(WireSourceSchema),
  embargoUntil: Nullable(Type.String()),
  authorIds: Type.Array(Type.Integer()),
  tagIds: Type.Array(Type.Integer()),
  status: Type.String(),
  scheduledAt: Nullable(Type.String()),
  deskNote: Nullable(Type.String()),
});

export const RevisionOne = Type.Object({ ...summaryFields, changed: Type.Array(Type.String()), story: Snapshot });

export const RevisionDiff = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  fields: Type.Array(Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() }), {
    description: 'every changed field but the body, with both values',
  }),
  body: Type.Array(Type.Object({ op: Type.Enum(['equal', 'insert', 'delete']), text: Type.String() }), {
    description: "a word diff of the body's plain text; empty when the body did not change",
  }),
});

/** 409 of an edit: the usual error, plus the story as now saved when the cause is a newer revision. */
export const ArticleConflict = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
  current: Type.Optional(Type.Ref('ArticleStaff')),
});
