/** Staff routes of advertising (/api/admin/ads/…), all behind the ads:manage permission. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../../lib/errors.js';
import { IdParams, Type, errorResponses, type Static } from '../../lib/schema.js';
import { AD_STATUSES, type AdStatus } from './ad-campaign.js';
import { AD_IMAGE_MAX_BYTES, adImageTooLarge } from './ad-creative.service.js';
import type { Inquiry } from './ad.inquiries.js';
import type { InquiryService } from './ad.inquiries.service.js';
import { reportCsv } from './ad.reports.js';
import {
  AdCampaignView,
  AdCreativeView,
  CampaignCreate,
  CampaignList,
  CampaignListQuery,
  CampaignPatch,
  CreativeCreate,
  CreativePatch,
  ImageUploadQuery,
  InquiryListQuery,
  InquiryPatchBody,
  InquiryView,
  NetworkBody,
  NetworkResponse,
  RateCardBody,
  ReportQuery,
  ReportResponse,
  campaignResponse,
  creativeResponse,
  reportResponse,
} from './ad.schemas.js';
import type { AdsService } from './ad.service.js';
import { invalid } from '../../lib/errors.js';

const permission = 'ads:manage' as const;
const config = { permission };
const tags = ['ads'];

type IdRoute = { Params: Static<typeof IdParams> };

function statusesOf(raw: string | undefined): AdStatus[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const list = raw.split(',').map((s) => s.trim());
  const bad = list.find((s) => !(AD_STATUSES as readonly string[]).includes(s));
  if (bad !== undefined) throw invalid('AD_STATUS_INVALID', `Status is one of ${AD_STATUSES.join(', ')}.`, 'status');
  return list as AdStatus[];
}

function inquiryResponse(i: Inquiry): Static<typeof InquiryView> {
  return { id: i.id, name: i.name, company: i.company, email: i.email, phone: i.phone, budget: i.budget, message: i.message, status: i.status, notes: i.notes, createdAt: i.createdAt, updatedAt: i.updatedAt };
}

export function registerAdAdminRoutes(admin: FastifyInstance, deps: { ads: AdsService; inquiries: InquiryService }): void {
  const { ads, inquiries } = deps;

  // ------------------------------------------------------------ campaigns
  admin.get<{ Querystring: Static<typeof CampaignListQuery> }>(
    '/ads/campaigns',
    { config, schema: { tags, summary: 'Campaigns, latest flight first, with creatives and delivery', querystring: CampaignListQuery, response: { 200: CampaignList, ...errorResponses(400) } } },
    async (req) => ({ items: (await ads.campaigns.list({ statuses: statusesOf(req.query.status) })).map(campaignResponse) }),
  );
  admin.post<{ Body: Static<typeof CampaignCreate> }>(
    '/ads/campaigns',
    { config, schema: { tags, summary: 'Create a campaign (draft unless a status is given)', body: CampaignCreate, response: { 201: AdCampaignView, ...errorResponses(400) } } },
    async (req, reply) => reply.code(201).send(campaignResponse(await ads.campaigns.create(req.body))),
  );
  admin.get<IdRoute>(
    '/ads/campaigns/:id',
    { config, schema: { tags, summary: 'One campaign', params: IdParams, response: { 200: AdCampaignView, ...errorResponses(400, 404) } } },
    async (req) => campaignResponse(await ads.campaigns.view(req.params.id)),
  );
  admin.patch<IdRoute & { Body: Static<typeof CampaignPatch> }>(
    '/ads/campaigns/:id',
    { config, schema: { tags, summary: 'Edit a campaign', params: IdParams, body: CampaignPatch, response: { 200: AdCampaignView, ...errorResponses(400, 404) } } },
    async (req) => campaignResponse(await ads.campaigns.update(req.params.id, req.body)),
  );
  admin.delete<IdRoute>(
    '/ads/campaigns/:id',
    { config, schema: { tags, summary: 'Delete a campaign with its creatives and counts', params: IdParams, response: { 204: Type.Null(), ...errorResponses(400, 404) } } },
    async (req, reply) => {
      await ads.removeCampaign(req.params.id);
      return reply.code(204).send();
    },
  );
  admin.post<IdRoute>(
    '/ads/campaigns/:id/pause',
    { config, schema: { tags, summary: 'Pause an active campaign (it stops serving at once)', params: IdParams, response: { 200: AdCampaignView, ...errorResponses(400, 404, 422) } } },
    async (req) => campaignResponse(await ads.campaigns.pause(req.params.id)),
  );
  admin.post<IdRoute>(
    '/ads/campaigns/:id/resume',
    { config, schema: { tags, summary: 'Resume a paused campaign', params: IdParams, response: { 200: AdCampaignView, ...errorResponses(400, 404, 422) } } },
    async (req) => campaignResponse(await ads.campaigns.resume(req.params.id)),
  );

  // ------------------------------------------------------------ creatives
  admin.post<IdRoute & { Body: Static<typeof CreativeCreate> }>(
    '/ads/campaigns/:id/creatives',
    {
      config,
      bodyLimit: 3_200_000,
      schema: {
        tags,
        summary: 'Add a creative: HTML ({ kind: "html", html }) or an image as base64 ({ kind: "image", data })',
        params: IdParams,
        body: CreativeCreate,
        response: { 201: AdCreativeView, ...errorResponses(400, 404, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const common = { name: b.name, size: b.size, clickUrl: b.clickUrl, altText: b.altText, active: b.active };
      const creative =
        b.kind === 'html'
          ? await ads.creatives.createHtml(req.params.id, { ...common, html: b.html ?? '' })
          : await ads.creatives.createImage(req.params.id, { ...common, data: Buffer.from(b.data ?? '', 'base64') });
      return reply.code(201).send(creativeResponse(creative));
    },
  );

  // Raw image bytes, like the media library's upload; its own scope so the byte parsers apply here only.
  void admin.register((scope, _opts, done) => {
    const raw = (_req: unknown, body: string | Buffer, next: (err: null, body: Buffer) => void): void => next(null, typeof body === 'string' ? Buffer.from(body) : body);
    scope.addContentTypeParser(/^image\/[\w.+-]+$/i, { parseAs: 'buffer' }, raw);
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, raw);
    scope.post<IdRoute & { Querystring: Static<typeof ImageUploadQuery> }>(
      '/ads/campaigns/:id/creatives/image',
      {
        config,
        bodyLimit: AD_IMAGE_MAX_BYTES + 1,
        errorHandler: (error: FastifyError) => {
          if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw adImageTooLarge();
          throw error;
        },
        schema: {
          tags,
          summary: 'Add an image creative: the image itself as the body (checked like newsroom images; exactly the size)',
          params: IdParams,
          querystring: ImageUploadQuery,
          response: { 201: AdCreativeView, ...errorResponses(400, 404, 413, 415, 422) },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported', 'MEDIA_UNSUPPORTED', 'Send the image itself as the request body (Content-Type image/… or application/octet-stream).', 'file');
        const q = req.query;
        const creative = await ads.creatives.createImage(req.params.id, { name: q.name, size: q.size, clickUrl: q.clickUrl, altText: q.alt, active: q.active, data: req.body });
        return reply.code(201).send(creativeResponse(creative));
      },
    );
    done();
  });

  admin.patch<IdRoute & { Body: Static<typeof CreativePatch> }>(
    '/ads/creatives/:id',
    { config, schema: { tags, summary: 'Edit a creative (name, click-through, alt text, on/off, HTML)', params: IdParams, body: CreativePatch, response: { 200: AdCreativeView, ...errorResponses(400, 404) } } },
    async (req) => creativeResponse(await ads.creatives.update(req.params.id, req.body)),
  );
  admin.delete<IdRoute>(
    '/ads/creatives/:id',
    { config, schema: { tags, summary: 'Delete a creative', params: IdParams, response: { 204: Type.Null(), ...errorResponses(400, 404) } } },
    async (req, reply) => {
      await ads.creatives.remove(req.params.id);
      return reply.code(204).send();
    },
  );

  // ------------------------------------------------------------ reports
  admin.get<{ Querystring: Static<typeof ReportQuery> }>(
    '/ads/reports',
    { config, schema: { tags, summary: 'Daily served, viewable, clicks and CTR per campaign and creative', querystring: ReportQuery, response: { 200: ReportResponse, ...errorResponses(400, 404) } } },
    async (req) => reportResponse(await ads.reports.report(req.query)),
  );
  admin.get<{ Querystring: Static<typeof ReportQuery> }>(
    '/ads/reports.csv',
    { config, schema: { tags, summary: 'The same report as CSV (spreadsheet-safe)', querystring: ReportQuery, response: { ...errorResponses(400, 404) } } },
    async (req, reply) => {
      const report = await ads.reports.report(req.query);
      const name = `ads-report-${req.query.campaignId !== undefined ? `campaign-${req.query.campaignId}-` : ''}${report.from}-to-${report.to}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(reportCsv(report));
    },
  );

  // ------------------------------------------------------------ settings
  admin.get(
    '/ads/network',
    { config, schema: { tags, summary: 'The ad-network tag each slot falls back to (null: house promotion)', response: { 200: NetworkResponse } } },
    async () => ({ slots: await ads.settings.network() }),
  );
  admin.put<{ Body: Static<typeof NetworkBody> }>(
    '/ads/network',
    { config, schema: { tags, summary: 'Set the ad-network fallbacks (slots left out or null have none)', body: NetworkBody, response: { 200: NetworkResponse, ...errorResponses(400) } } },
    async (req) => ({ slots: await ads.settings.setNetwork(req.body.slots) }),
  );
  admin.get(
    '/ads/rate-card',
    { config, schema: { tags, summary: 'The rate card shown on /advertise', response: { 200: RateCardBody } } },
    async () => ads.settings.rateCard(),
  );
  admin.put<{ Body: Static<typeof RateCardBody> }>(
    '/ads/rate-card',
    { config, schema: { tags, summary: 'Replace the rate card', body: RateCardBody, response: { 200: RateCardBody, ...errorResponses(400) } } },
    async (req) => ads.settings.setRateCard(req.body),
  );

  // ------------------------------------------------------------ inquiries
  admin.get<{ Querystring: Static<typeof InquiryListQuery> }>(
    '/ads/inquiries',
    { config, schema: { tags, summary: 'Inquiries from /advertise, newest first', querystring: InquiryListQuery, response: { 200: Type.Object({ items: Type.Array(InquiryView) }), ...errorResponses(400) } } },
    async (req) => ({ items: (await inquiries.list(req.query)).map(inquiryResponse) }),
  );
  admin.patch<IdRoute & { Body: Static<typeof InquiryPatchBody> }>(
    '/ads/inquiries/:id',
    { config, schema: { tags, summary: 'Move an inquiry along (status) and keep notes', params: IdParams, body: InquiryPatchBody, response: { 200: InquiryView, ...errorResponses(400, 404) } } },
    async (req) => inquiryResponse(await inquiries.update(req.params.id, req.body)),
  );
}
