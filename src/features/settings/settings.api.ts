/** Publication settings: readers' copy at /api/v1/publication; staff read and change them at /api/admin/settings/publication. */
import type { FastifyInstance } from 'fastify';
import { Nullable, Text, Type, errorResponses, type Static } from '../../lib/schema.js';
import { SETTINGS_LIMITS, type PublicationSettings } from './settings.js';
import type { SettingsService } from './settings.service.js';

const HttpsUrl = Type.String({ pattern: '^https://\\S+$', maxLength: SETTINGS_LIMITS.href, description: 'absolute https URL' });

/** Keep in step with SOCIAL_NETWORKS in settings.ts. */
const Social = Type.Object(
  {
    facebook: Type.Optional(HttpsUrl),
    instagram: Type.Optional(HttpsUrl),
    x: Type.Optional(HttpsUrl),
    youtube: Type.Optional(HttpsUrl),
    whatsapp: Type.Optional(HttpsUrl),
    linkedin: Type.Optional(HttpsUrl),
  },
  { additionalProperties: false },
);

const UtilityLink = Type.Object(
  {
    label: Text(SETTINGS_LIMITS.label, { minLength: 1 }),
    href: Type.String({ minLength: 1, maxLength: SETTINGS_LIMITS.href, description: 'site-relative ("/about") or an https URL' }),
  },
  { additionalProperties: false },
);

export const PublicationResponse = Type.Object({
  name: Type.String(),
  tagline: Type.String(),
  locale: Type.String({ description: 'BCP-47 language tag, e.g. "en-IN"' }),
  timeZone: Type.String({ description: 'IANA time zone, e.g. "Asia/Kolkata"' }),
  logoMediaId: Nullable(Type.Integer()),
  social: Social,
  utilityLinks: Type.Array(UtilityLink),
});

const PublicationPatch = Type.Object(
  {
    name: Type.Optional(Text(SETTINGS_LIMITS.name, { minLength: 1 })),
    tagline: Type.Optional(Text(SETTINGS_LIMITS.tagline)),
    locale: Type.Optional(Type.String({ minLength: 2, maxLength: 35 })),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    logoMediaId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    social: Type.Optional(Social),
    utilityLinks: Type.Optional(Type.Array(UtilityLink, { maxItems: SETTINGS_LIMITS.utilityLinks })),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** Explicit allowlist of what leaves the server. */
export function publicationResponse(s: PublicationSettings): Static<typeof PublicationResponse> {
  return {
    name: s.name,
    tagline: s.tagline,
    locale: s.locale,
    timeZone: s.timeZone,
    logoMediaId: s.logoMediaId,
    social: { ...s.social },
    utilityLinks: s.utilityLinks.map((l) => ({ label: l.label, href: l.href })),
  };
}

export function registerSettingsPublicRoutes(app: FastifyInstance, deps: { settings: SettingsService }): void {
  app.get(
    '/publication',
    { schema: { tags: ['content'], summary: "The publication's name, locale, time zone, logo, social profiles and utility links", response: { 200: PublicationResponse } } },
    async () => publicationResponse(await deps.settings.get()),
  );
}

export function registerSettingsAdminRoutes(app: FastifyInstance, deps: { settings: SettingsService }): void {
  const tags = ['settings'];
  app.get(
    '/settings/publication',
    { config: { permission: 'content:read' }, schema: { tags, summary: 'Publication settings', response: { 200: PublicationResponse } } },
    async () => publicationResponse(await deps.settings.get()),
  );
  app.patch<{ Body: Static<typeof PublicationPatch> }>(
    '/settings/publication',
    {
      config: { permission: 'settings:manage' },
      schema: { tags, summary: 'Change publication settings', body: PublicationPatch, response: { 200: PublicationResponse, ...errorResponses(400, 422) } },
    },
    async (req) => publicationResponse(await deps.settings.update(req.body)),
  );
}
