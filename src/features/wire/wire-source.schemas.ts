/** Request and response schemas of the wire-source routes (TypeBox → JSON Schema → Ajv + OpenAPI). */
import { Id, Nullable, NullableTimestamp, Text, Type, type Static } from '../../lib/schema.js';
import { POLL_INTERVAL_MAX_S, POLL_INTERVAL_MIN_S, WIRE_NAME_MAX, WIRE_RULES_MAX, WIRE_SOURCE_KINDS } from './wire-source.js';

export const WireRuleSchema = Type.Object(
  {
    subjects: Type.Array(Text(120, { minLength: 1 }), { maxItems: 50, description: 'any of these subject names (case-insensitive); empty matches every item' }),
    maxUrgency: Nullable(Type.Integer({ minimum: 1, maximum: 9, description: 'only items this urgent or more (1 = flash); null for any' })),
    sectionId: Id,
    action: Type.Enum(['publish', 'draft'], { description: 'publish at once (or at the embargo), or leave a draft for the desk' }),
  },
  { additionalProperties: false },
);

const fields = {
  name: Text(WIRE_NAME_MAX, { minLength: 1 }),
  agency: Text(60, { minLength: 1, description: 'the agency its items are keyed by, e.g. AFP' }),
  credit: Text(60, { minLength: 1, description: 'credit line for stories made from its copy; defaults to the agency' }),
  kind: Type.Enum([...WIRE_SOURCE_KINDS]),
  folderPath: Nullable(Text(1000, { description: 'folder sources: absolute path of the drop folder on the server' })),
  feedUrl: Nullable(Text(2000, { description: 'poll sources: http(s) URL of the feed' })),
  pollIntervalSeconds: Type.Integer({ minimum: POLL_INTERVAL_MIN_S, maximum: POLL_INTERVAL_MAX_S }),
  enabled: Type.Boolean(),
  rules: Type.Array(WireRuleSchema, { maxItems: WIRE_RULES_MAX }),
  autoApplyUpdates: Type.Boolean({ description: 'copy newer versions into stories made from an item without asking the desk' }),
};

export const WireSourceCreate = Type.Object(
  {
    name: fields.name,
    agency: fields.agency,
    credit: Type.Optional(fields.credit),
    kind: fields.kind,
    folderPath: Type.Optional(fields.folderPath),
    feedUrl: Type.Optional(fields.feedUrl),
    pollIntervalSeconds: Type.Optional(fields.pollIntervalSeconds),
    enabled: Type.Optional(fields.enabled),
    rules: Type.Optional(fields.rules),
    autoApplyUpdates: Type.Optional(fields.autoApplyUpdates),
  },
  { additionalProperties: false },
);
export const WireSourcePatch = Type.Partial(WireSourceCreate, { additionalProperties: false, minProperties: 1 });

export const WireSourceResponse = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  agency: Type.String(),
  credit: Type.String(),
  kind: Type.String(),
  folderPath: Nullable(Type.String()),
  feedUrl: Nullable(Type.String()),
  pollIntervalSeconds: Type.Integer(),
  enabled: Type.Boolean(),
  rules: Type.Array(WireRuleSchema),
  autoApplyUpdates: Type.Boolean(),
  pushUrl: Nullable(Type.String({ description: 'push sources: where the agency POSTs signed files' })),
  hasSecret: Type.Boolean(),
  status: Type.Object({
    lastRunAt: NullableTimestamp,
    nextRunAt: NullableTimestamp,
    failures: Type.Integer(),
    lastError: Nullable(Type.String()),
  }),
});

export const WireSourceList = Type.Object({ items: Type.Array(WireSourceResponse) });
export const WireSecretResponse = Type.Object({ secret: Type.String({ description: 'shown this once; sign pushes with it' }) });

export const IngestFileResponse = Type.Object({
  status: Type.Enum(['ingested', 'unchanged', 'refused']),
  filename: Type.String(),
  items: Type.Array(
    Type.Object({
      guid: Type.String(),
      version: Type.Integer(),
      wireItemId: Type.Integer(),
      outcome: Type.Enum(['new', 'updated', 'unchanged', 'killed', 'stale']),
    }),
  ),
  refusal: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
});

export const WireRunResponse = Type.Object({
  sourceId: Type.Integer(),
  outcome: Type.Enum(['done', 'not-modified', 'failed', 'skipped']),
  files: Type.Array(IngestFileResponse),
  error: Nullable(Type.String()),
});

export const PushParams = Type.Object({ sourceId: Id }, { additionalProperties: false });

export type WireSourceCreateBody = Static<typeof WireSourceCreate>;
export type WireSourcePatchBody = Static<typeof WireSourcePatch>;
