/** Request and response schemas of the advertising routes, and the response allowlists. */
import { Id, Nullable, Text, Timestamp, Type, type Static } from '../../lib/schema.js';
import { AD_LIMITS, AD_STATUSES, CREATIVE_KINDS, DEVICES, PAGE_TYPES, type AdCreative } from './ad-campaign.js';
import type { CampaignView } from './ad-campaign.service.js';
import { RATE_CARD_LIMITS } from './ad.settings.js';
import { AD_SIZES } from './ad.slots.js';
import type { Report } from './ad.reports.js';

/** A string from a closed list (a plain JSON-schema enum: clear validation messages). */
const OneOf = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });

const Size = OneOf(AD_SIZES);

// ---------------------------------------------------------------- public

export const FillBody = Type.Object(
  {
    page: Type.Object(
      {
        type: OneOf(PAGE_TYPES),
        sectionId: Nullable(Id),
        language: Type.String({ maxLength: 35 }),
        keywords: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 }),
        path: Type.String({ maxLength: 1000 }),
      },
      { additionalProperties: false },
    ),
    device: OneOf(DEVICES),
    slots: Type.Array(
      Type.Object(
        { id: Type.String({ minLength: 1, maxLength: 40 }), sizes: Type.Array(Size, { minItems: 1, maxItems: 3 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type FillBody = Static<typeof FillBody>;

const NetworkTagSchema = Type.Object({ network: Type.Literal('gam'), unitPath: Type.String(), sizes: Type.Array(Size) });

export const FillResponse = Type.Object({
  ads: Type.Array(
    Type.Object({
      slot: Type.String(),
      kind: OneOf(['image', 'html', 'network', 'house'] as const),
      size: Size,
      token: Type.String(),
      image: Type.Optional(Type.Object({ src: Type.String(), width: Type.Integer(), height: Type.Integer(), alt: Type.String() })),
      html: Type.Optional(Type.String({ description: 'srcdoc of a sandboxed iframe (sandbox="allow-popups allow-popups-to-escape-sandbox")' })),
      network: Type.Optional(NetworkTagSchema),
      clickUrl: Type.Optional(Type.String({ description: 'our signed redirect, /ads/click?t=…' })),
    }),
  ),
});

export const BeaconBody = Type.Object({ t: Type.String({ maxLength: 300 }), e: Type.String({ maxLength: 10 }) });
export const ClickQuery = Type.Object({ t: Type.Optional(Type.String({ maxLength: 300 })) });

// ---------------------------------------------------------------- admin

const TargetingSchema = Type.Object(
  {
    sections: Type.Optional(Type.Array(Id, { maxItems: AD_LIMITS.targetingItems })),
    pageTypes: Type.Optional(Type.Array(OneOf(PAGE_TYPES), { maxItems: 4 })),
    devices: Type.Optional(Type.Array(OneOf(DEVICES), { maxItems: 3 })),
    languages: Type.Optional(Type.Array(Type.String({ maxLength: AD_LIMITS.language }), { maxItems: AD_LIMITS.targetingItems })),
    keywords: Type.Optional(Type.Array(Type.String({ maxLength: AD_LIMITS.keyword }), { maxItems: AD_LIMITS.targetingItems })),
  },
  { additionalProperties: false },
);

export const CampaignCreate = Type.Object(
  {
    name: Text(AD_LIMITS.name, { minLength: 1 }),
    advertiser: Text(AD_LIMITS.advertiser, { minLength: 1 }),
    status: Type.Optional(OneOf(AD_STATUSES)),
    startsAt: Timestamp,
    endsAt: Timestamp,
    priority: Type.Optional(Type.Integer({ minimum: AD_LIMITS.priorityMin, maximum: AD_LIMITS.priorityMax, description: 'higher wins' })),
    weight: Type.Optional(Type.Integer({ minimum: 1, maximum: AD_LIMITS.weightMax, description: 'rotation among equal priority' })),
    impressionGoal: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: AD_LIMITS.goalMax, description: 'viewable impressions over the flight' }))),
    frequencyCap: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: AD_LIMITS.capMax, description: 'serves per reader per day' }))),
    targeting: Type.Optional(TargetingSchema),
  },
  { additionalProperties: false },
);
export const CampaignPatch = Type.Partial(CampaignCreate, { additionalProperties: false, minProperties: 1 });

export const CampaignListQuery = Type.Object(
  { status: Type.Optional(Type.String({ maxLength: 60, description: 'one status or several joined by commas (active,paused)' })) },
  { additionalProperties: false },
);

const CreativeFields = {
  name: Text(AD_LIMITS.name, { minLength: 1 }),
  size: Size,
  clickUrl: Text(AD_LIMITS.clickUrl, { minLength: 1, description: 'http:// or https:// only' }),
  altText: Type.Optional(Text(AD_LIMITS.altText)),
  active: Type.Optional(Type.Boolean()),
};

/** JSON creative: HTML, or an image as base64 (the raw-bytes route /creatives/image is lighter). */
export const CreativeCreate = Type.Object(
  {
    kind: OneOf(CREATIVE_KINDS),
    ...CreativeFields,
    html: Type.Optional(Type.String({ maxLength: AD_LIMITS.html })),
    data: Type.Optional(Type.String({ maxLength: 3_000_000, description: 'image bytes, base64 (kind image)' })),
  },
  { additionalProperties: false },
);

export const ImageUploadQuery = Type.Object(
  {
    name: CreativeFields.name,
    size: Size,
    clickUrl: CreativeFields.clickUrl,
    alt: Text(AD_LIMITS.altText, { minLength: 1 }),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const CreativePatch = Type.Object(
  {
    name: Type.Optional(CreativeFields.name),
    clickUrl: Type.Optional(CreativeFields.clickUrl),
    altText: Type.Optional(Text(AD_LIMITS.altText)),
    active: Type.Optional(Type.Boolean()),
    html: Type.Optional(Type.String({ maxLength: AD_LIMITS.html })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const AdCreativeView = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  name: Type.String(),
  kind: OneOf(CREATIVE_KINDS),
  size: Size,
  imageUrl: Nullable(Type.String()),
  width: Type.Integer(),
  height: Type.Integer(),
  clickUrl: Type.String(),
  altText: Type.String(),
  active: Type.Boolean(),
  html: Nullable(Type.String({ description: 'the sanitised HTML as stored (links point at the click-through)' })),
  createdAt: Timestamp,
});

const Targeting = Type.Object({
  sections: Type.Array(Type.Integer()),
  pageTypes: Type.Array(Type.String()),
  devices: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  keywords: Type.Array(Type.String()),
});

export const AdCampaignView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  advertiser: Type.String(),
  status: OneOf(AD_STATUSES),
  startsAt: Timestamp,
  endsAt: Timestamp,
  priority: Type.Integer(),
  weight: Type.Integer(),
  impressionGoal: Nullable(Type.Integer()),
  frequencyCap: Nullable(Type.Integer()),
  targeting: Targeting,
  creatives: Type.Array(AdCreativeView),
  delivery: Type.Object({
    served: Type.Integer(),
    viewable: Type.Integer(),
    clicks: Type.Integer(),
    ctr: Type.Number(),
    goalProgress: Nullable(Type.Number()),
    pacing: Nullable(Type.Number()),
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const CampaignList = Type.Object({ items: Type.Array(AdCampaignView) });

export const ReportQuery = Type.Object(
  {
    campaignId: Type.Optional(Id),
    from: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD (default: 29 days before "to")' })),
    to: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD (default: today, UTC)' })),
  },
  { additionalProperties: false },
);

const Counts = { served: Type.Integer(), viewable: Type.Integer(), clicks: Type.Integer(), ctr: Type.Number() };
export const ReportResponse = Type.Object({
  from: Type.String(),
  to: Type.String(),
  rows: Type.Array(
    Type.Object({ day: Type.String(), campaignId: Type.Integer(), campaignName: Type.String(), creativeId: Type.Integer(), creativeName: Type.String(), ...Counts }),
  ),
  totals: Type.Object(Counts),
  goal: Nullable(Type.Object({ impressionGoal: Nullable(Type.Integer()), delivered: Type.Integer(), progress: Nullable(Type.Number()) })),
});

const NetworkSlot = Nullable(
  Type.Object({ network: Type.Literal('gam'), unitPath: Type.String({ maxLength: 300 }), sizes: Type.Array(Size, { minItems: 1, maxItems: 3 }) }, { additionalProperties: false }),
);
export const NetworkBody = Type.Object(
  { slots: Type.Record(Type.String({ maxLength: 40 }), NetworkSlot) },
  { additionalProperties: false },
);
export const NetworkResponse = Type.Object({ slots: Type.Record(Type.String(), NetworkSlot) });

const Cell = Type.String({ maxLength: RATE_CARD_LIMITS.cell });
export const RateCardBody = Type.Object(
  {
    intro: Type.String({ maxLength: RATE_CARD_LIMITS.intro }),
    rows: Type.Array(Type.Object({ placement: Cell, size: Cell, price: Cell, unit: Cell, notes: Cell }, { additionalProperties: false }), { maxItems: RATE_CARD_LIMITS.rows }),
  },
  { additionalProperties: false },
);

export const InquiryView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  company: Type.String(),
  email: Type.String(),
  phone: Type.String(),
  budget: Type.String(),
  message: Type.String(),
  status: Type.String(),
  notes: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const InquiryListQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ maxLength: 20 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    beforeId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export const InquiryPatchBody = Type.Object(
  { status: Type.Optional(OneOf(['new', 'contacted', 'won', 'lost'] as const)), notes: Type.Optional(Type.String({ maxLength: 10_000 })) },
  { additionalProperties: false, minProperties: 1 },
);

// ---------------------------------------------------------------- allowlists

export function creativeResponse(c: AdCreative): Static<typeof AdCreativeView> {
  return {
    id: c.id,
    campaignId: c.campaignId,
    name: c.name,
    kind: c.kind,
    size: c.size,
    imageUrl: c.storageKey ? `/media/${c.storageKey}` : null,
    width: c.width,
    height: c.height,
    clickUrl: c.clickUrl,
    altText: c.altText,
    active: c.active,
    html: c.kind === 'html' ? c.html : null,
    createdAt: c.createdAt,
  };
}

export function campaignResponse(v: CampaignView): Static<typeof AdCampaignView> {
  const c = v.campaign;
  return {
    id: c.id,
    name: c.name,
    advertiser: c.advertiser,
    status: c.status,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    priority: c.priority,
    weight: c.weight,
    impressionGoal: c.impressionGoal,
    frequencyCap: c.frequencyCap,
    targeting: { ...c.targeting },
    creatives: v.creatives.map(creativeResponse),
    delivery: { ...v.delivery },
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export function reportResponse(r: Report): Static<typeof ReportResponse> {
  return { from: r.from, to: r.to, rows: r.rows.map((x) => ({ ...x })), totals: { ...r.totals }, goal: r.goal && { ...r.goal } };
}
