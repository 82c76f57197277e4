/** Campaign use cases for ad ops: create, edit, pause/resume, delete, and the views with delivery so far. */
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/clock.js';
import { invalid, notFound, unprocessable } from '../../lib/errors.js';
import {
  AD_LIMITS,
  AD_STATUSES,
  DEVICES,
  PAGE_TYPES,
  emptyTargeting,
  toAdCampaign,
  toAdCreative,
  type AdCampaign,
  type AdCreative,
  type AdStatus,
  type AdTargeting,
} from './ad-campaign.js';
import * as q from './ad-campaign.queries.js';

export interface CampaignInput {
  name: string;
  advertiser: string;
  status?: AdStatus;
  startsAt: string;
  endsAt: string;
  priority?: number;
  weight?: number;
  impressionGoal?: number | null;
  frequencyCap?: number | null;
  targeting?: Partial<AdTargeting>;
}
export type CampaignPatch = Partial<CampaignInput>;

export interface Delivery {
  served: number;
  viewable: number;
  clicks: number;
  /** clicks / viewable, 0 when nothing was viewed. */
  ctr: number;
  /** viewable / goal (1 = goal met); null without a goal. */
  goalProgress: number | null;
  /** viewable / what even pacing expects by now (1 = on pace); null without a goal or before the flight. */
  pacing: number | null;
}

export interface CampaignView {
  campaign: AdCampaign;
  creatives: AdCreative[];
  delivery: Delivery;
}

export const CAMPAIGN_LIST_MAX = 500;

export const campaignNotFound = (id: number) => notFound('AD_CAMPAIGN_NOT_FOUND', `There is no campaign ${id}.`, 'id');

export function ctrOf(clicks: number, viewable: number): number {
  return viewable > 0 ? Math.round((clicks / viewable) * 10_000) / 10_000 : 0;
}

export function deliveryOf(c: AdCampaign, t: { served: number; viewable: number; clicks: number }, nowMs: number): Delivery {
  const goal = c.impressionGoal;
  let pacing: number | null = null;
  if (goal !== null && nowMs > Date.parse(c.startsAt)) {
    const start = Date.parse(c.startsAt);
    const end = Date.parse(c.endsAt);
    const expected = goal * Math.min(1, (nowMs - start) / Math.max(1, end - start));
    pacing = expected > 0 ? Math.round((t.viewable / expected) * 1000) / 1000 : null;
  }
  return {
    served: t.served,
    viewable: t.viewable,
    clicks: t.clicks,
    ctr: ctrOf(t.clicks, t.viewable),
    goalProgress: goal === null ? null : Math.round((t.viewable / goal) * 1000) / 1000,
    pacing,
  };
}

function text(field: string, code: string, value: string, max: number): string {
  const clean = value.trim();
  if (clean === '' || clean.length > max) throw invalid(code, `The ${field} must have 1 to ${max} characters.`, field);
  return clean;
}

function iso(field: string, value: string): string {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) throw invalid('AD_DATES_INVALID', `The ${field} must be a date and time (ISO 8601).`, field);
  return toIso(new Date(ms));
}

export function createCampaignService(deps: { db: Db; clock: Clock; onChange?: () => void }) {
  const { db, clock } = deps;
  const changed = () => deps.onChange?.();

  async function checkTargeting(t: Partial<AdTargeting> | undefined): Promise<AdTargeting> {
    const out = emptyTargeting();
    if (!t) return out;
    const bad = (key: string, message: string) => invalid('AD_TARGETING_INVALID', message, `targeting.${key}`);
    for (const key of ['sections', 'pageTypes', 'devices', 'languages', 'keywords'] as const) {
      const list = t[key];
      if (list !== undefined && list.length > AD_LIMITS.targetingItems) throw bad(key, `At most ${AD_LIMITS.targetingItems} entries.`);
    }
    out.pageTypes = [...new Set(t.pageTypes ?? [])];
    if (out.pageTypes.some((p) => !PAGE_TYPES.includes(p))) throw bad('pageTypes', `Page types are ${PAGE_TYPES.join(', ')}.`);
    out.devices = [...new Set(t.devices ?? [])];
    if (out.devices.some((d) => !DEVICES.includes(d))) throw bad('devices', `Devices are ${DEVICES.join(', ')}.`);
    out.languages = [...new Set((t.languages ?? []).map((l) => l.trim()))];
    if (out.languages.some((l) => !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(l) || l.length > AD_LIMITS.language)) {
      throw bad('languages', 'Languages are tags such as "en", "hi" or "en-IN".');
    }
    out.keywords = [...new Set((t.keywords ?? []).map((k) => k.trim().toLowerCase()).filter((k) => k !== ''))];
    if (out.keywords.some((k) => k.length > AD_LIMITS.keyword)) throw bad('keywords', `Keywords have at most ${AD_LIMITS.keyword} characters.`);
    out.sections = [...new Set(t.sections ?? [])];
    if (out.sections.length > 0) {
      const found = await q.existingSectionIds(db, out.sections);
      const missing = out.sections.find((id) => !found.has(id));
      if (missing !== undefined) throw bad('sections', `There is no section ${missing}.`);
    }
    return out;
  }

  function checkNumbers(i: CampaignPatch): void {
    if (i.priority !== undefined && (!Number.isInteger(i.priority) || i.priority < AD_LIMITS.priorityMin || i.priority > AD_LIMITS.priorityMax)) {
      throw invalid('AD_PRIORITY_INVALID', `Priority is a whole number from ${AD_LIMITS.priorityMin} to ${AD_LIMITS.priorityMax} (higher wins).`, 'priority');
    }
    if (i.weight !== undefined && (!Number.isInteger(i.weight) || i.weight < 1 || i.weight > AD_LIMITS.weightMax)) {
      throw invalid('AD_WEIGHT_INVALID', `Weight is a whole number from 1 to ${AD_LIMITS.weightMax}.`, 'weight');
    }
    if (i.impressionGoal != null && (!Number.isInteger(i.impressionGoal) || i.impressionGoal < 1 || i.impressionGoal > AD_LIMITS.goalMax)) {
      throw invalid('AD_GOAL_INVALID', 'The impression goal is a whole number of at least 1, or empty for none.', 'impressionGoal');
    }
    if (i.frequencyCap != null && (!Number.isInteger(i.frequencyCap) || i.frequencyCap < 1 || i.frequencyCap > AD_LIMITS.capMax)) {
      throw invalid('AD_CAP_INVALID', `The frequency cap is a whole number from 1 to ${AD_LIMITS.capMax} per reader per day, or empty for none.`, 'frequencyCap');
    }
    if (i.status !== undefined && !AD_STATUSES.includes(i.status)) throw invalid('AD_STATUS_INVALID', `Status is one of ${AD_STATUSES.join(', ')}.`, 'status');
  }

  function checkFlight(startsAt: string, endsAt: string): void {
    if (endsAt <= startsAt) throw invalid('AD_DATES_INVALID', 'The campaign must end after it starts.', 'endsAt');
  }

  async function views(campaigns: AdCampaign[]): Promise<CampaignView[]> {
    const ids = campaigns.map((c) => c.id);
    const creatives = (await q.creativeRowsOf(db, ids)).map(toAdCreative);
    const totals = new Map((await q.campaignTotals(db, ids)).map((t) => [t.campaign_id, t]));
    const nowMs = clock.now().getTime();
    return campaigns.map((campaign) => ({
      campaign,
      creatives: creatives.filter((cr) => cr.campaignId === campaign.id),
      delivery: deliveryOf(campaign, totals.get(campaign.id) ?? { served: 0, viewable: 0, clicks: 0 }, nowMs),
    }));
  }

  async function getCampaign(id: number, trx: Db = db): Promise<AdCampaign> {
    const row = await q.findCampaignRow(trx, id);
    if (!row) throw campaignNotFound(id);
    return toAdCampaign(row);
  }

  async function view(id: number): Promise<CampaignView> {
    const [v] = await views([await getCampaign(id)]);
    return v!;
  }

  async function setStatus(id: number, from: AdStatus, to: AdStatus, verb: string): Promise<CampaignView> {
    await db.transaction().execute(async (trx) => {
      const c = await getCampaign(id, trx);
      if (c.status !== from) throw unprocessable('AD_CAMPAIGN_STATE', `Only a ${from} campaign can be ${verb}; this one is ${c.status}.`, 'status');
      await q.updateCampaignRow(trx, id, { status: to, updated_at: toIso(clock.now()) });
    });
    changed();
    return view(id);
  }

  return {
    getCampaign,
    view,

    async list(opts: { statuses?: AdStatus[] | undefined; limit?: number | undefined } = {}): Promise<CampaignView[]> {
      const rows = await q.listCampaignRows(db, { statuses: opts.statuses, limit: Math.min(opts.limit ?? CAMPAIGN_LIST_MAX, CAMPAIGN_LIST_MAX) });
      return views(rows.map(toAdCampaign));
    },

    async create(input: CampaignInput): Promise<CampaignView> {
      checkNumbers(input);
      const startsAt = iso('startsAt', input.startsAt);
      const endsAt = iso('endsAt', input.endsAt);
      checkFlight(startsAt, endsAt);
      const now = toIso(clock.now());
      const targeting = await checkTargeting(input.targeting);
      const id = await db.transaction().execute((trx) =>
        q.insertCampaign(trx, {
          name: text('name', 'AD_NAME_INVALID', input.name, AD_LIMITS.name),
          advertiser: text('advertiser', 'AD_ADVERTISER_INVALID', input.advertiser, AD_LIMITS.advertiser),
          status: input.status ?? 'draft',
          starts_at: startsAt,
          ends_at: endsAt,
          priority: input.priority ?? 5,
          weight: input.weight ?? 1,
          impression_goal: input.impressionGoal ?? null,
          frequency_cap: input.frequencyCap ?? null,
          targeting: JSON.stringify(targeting),
          created_at: now,
          updated_at: now,
        }),
      );
      changed();
      return view(id);
    },

    async update(id: number, patch: CampaignPatch): Promise<CampaignView> {
      checkNumbers(patch);
      const targeting = patch.targeting === undefined ? undefined : await checkTargeting(patch.targeting);
      await db.transaction().execute(async (trx) => {
        const c = await getCampaign(id, trx);
        const startsAt = patch.startsAt === undefined ? c.startsAt : iso('startsAt', patch.startsAt);
        const endsAt = patch.endsAt === undefined ? c.endsAt : iso('endsAt', patch.endsAt);
        checkFlight(startsAt, endsAt);
        await q.updateCampaignRow(trx, id, {
          ...(patch.name !== undefined && { name: text('name', 'AD_NAME_INVALID', patch.name, AD_LIMITS.name) }),
          ...(patch.advertiser !== undefined && { advertiser: text('advertiser', 'AD_ADVERTISER_INVALID', patch.advertiser, AD_LIMITS.advertiser) }),
          ...(patch.status !== undefined && { status: patch.status }),
          starts_at: startsAt,
          ends_at: endsAt,
          ...(patch.priority !== undefined && { priority: patch.priority }),
          ...(patch.weight !== undefined && { weight: patch.weight }),
          ...(patch.impressionGoal !== undefined && { impression_goal: patch.impressionGoal }),
          ...(patch.frequencyCap !== undefined && { frequency_cap: patch.frequencyCap }),
          ...(targeting !== undefined && { targeting: JSON.stringify(targeting) }),
          updated_at: toIso(clock.now()),
        });
      });
      changed();
      return view(id);
    },

    pause: (id: number) => setStatus(id, 'active', 'paused', 'paused'),
    resume: (id: number) => setStatus(id, 'paused', 'active', 'resumed'),

    /** Deletes the campaign, its creatives and its counts; answers the image keys to remove from the media store. */
    async remove(id: number): Promise<string[]> {
      const keys = await db.transaction().execute(async (trx) => {
        await getCampaign(id, trx);
        const creatives = await q.creativeRowsOf(trx, [id]);
        await q.deleteCampaignRow(trx, id);
        return creatives.map((c) => c.storage_key).filter((k): k is string => k !== null);
      });
      changed();
      return keys;
    },
  };
}

export type CampaignService = ReturnType<typeof createCampaignService>;
