/** JSON-schema building blocks shared by every feature's routes (TypeBox → JSON Schema → Ajv + OpenAPI). */
import { Type, type TSchema } from 'typebox';
import { SLUG_MAX, SLUG_PATTERN } from './slug.js';

export { Type };
export type { Static, TSchema } from 'typebox';

export const Slug = Type.String({ pattern: SLUG_PATTERN, minLength: 1, maxLength: SLUG_MAX, description: 'lowercase words joined by hyphens' });
export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: SLUG_MAX }) }, { additionalProperties: false });
export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
export const Text = (maxLength: number, options: { minLength?: number; description?: string } = {}) =>
  Type.String({ maxLength, ...options });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'stable machine-readable code, e.g. ARTICLE_NOT_FOUND' }),
      message: Type.String({ description: 'safe human-readable message' }),
      field: Type.Optional(Type.String({ description: 'the request field at fault' })),
    }),
  },
  { $id: 'ErrorResponse' },
);

/** Standard error responses to attach to a route's schema. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, Type.Ref('ErrorResponse')]));

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Nullable(Type.String({ description: 'pass as ?cursor= to get the next page' })),
  });
