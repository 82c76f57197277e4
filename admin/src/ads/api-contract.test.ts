/**
 * What the advertising screens send, the admin API accepts, and what it
 * answers fills the screens back: the app duplicates the server's shapes
 * (it imports no server code), so this runs them against the real routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../../test/app.js';
import { makeImage } from '../../../src/features/media/media.test-images.js';
import type { AdCampaign, AdCreative, NetworkSettings, RateCard, Report } from './ads.js';
import { checkCampaign, emptyForm, formFromCampaign, type CampaignForm } from './campaign-form.js';
import { checkNetwork, checkRateCard, EMPTY_ROW, networkForm, rateCardForm } from './desk.js';
import { csvHref, reportQuery } from './report.js';

let t: TestApp;
let staff: TestSession;

beforeAll(async () => {
  t = await createTestApp('sqlite');
  staff = await loginAs(t, 'admin');
}, 60_000);
afterAll(async () => t?.close());

async function call<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object): Promise<{ status: number; body: T }> {
  const res = await t.server.inject({ method, url: `/api/admin/ads${url}`, headers: staff.headers, ...(payload && { payload }) });
  return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : undefined) as T };
}

const form = (change: Partial<CampaignForm> = {}): CampaignForm => ({
  ...emptyForm(new Date()),
  name: 'Diwali sale',
  advertiser: 'Sharma Electronics',
  impressionGoal: '50,000',
  frequencyCap: '3',
  pageTypes: ['article'],
  devices: ['phone'],
  languages: 'en, hi',
  keywords: 'festival',
  ...change,
});

describe('campaign form against the admin API', () => {
  it('creates a campaign from the form, and the answer fills the same form', async () => {
    const checked = checkCampaign(form());
    if (!checked.ok) throw new Error('the form should pass its own checks');
    const created = await call<AdCampaign>('POST', '/campaigns', checked.body);
    expect(created.status).toBe(201);
    expect(formFromCampaign(created.body)).toEqual(form({ impressionGoal: '50000' }));
    // saving it unchanged is accepted too
    expect((await call('PATCH', `/campaigns/${created.body.id}`, checked.body)).status).toBe(200);
  });

  it('lands the server’s refusal on a field the form knows', async () => {
    const checked = checkCampaign(form());
    if (!checked.ok) throw new Error('form');
    const res = await call<{ error: { field: string } }>('POST', '/campaigns', { ...checked.body, endsAt: checked.body.startsAt });
    expect(res.status).toBe(400);
    expect(['startsAt', 'endsAt']).toContain(res.body.error.field);
  });
});

describe('creatives as the campaign screen adds them', () => {
  it('uploads an image of the slot size and refuses others next to the upload (field "file")', async () => {
    const c = (await call<AdCampaign>('POST', '/campaigns', (checkCampaign(form()) as { body: object }).body)).body;
    const q = (alt: string) => new URLSearchParams({ name: 'Rectangle', size: '300x250', clickUrl: 'https://shop.example/', alt });
    const upload = (bytes: Buffer, alt = 'Sale now') =>
      t.server.inject({ method: 'POST', url: `/api/admin/ads/campaigns/${c.id}/creatives/image?${q(alt)}`, headers: { ...staff.headers, 'content-type': 'image/png' }, payload: bytes });
    const ok = await upload(await makeImage('png', 300, 250));
    expect(ok.statusCode).toBe(201);
    expect(JSON.parse(ok.body) as AdCreative).toMatchObject({ kind: 'image', size: '300x250', altText: 'Sale now', active: true });
    const refusal = (res: { statusCode: number; body: string }) => [res.statusCode, (JSON.parse(res.body) as { error: { field: string } }).error.field];
    expect(refusal(await upload(await makeImage('png', 100, 100)))).toEqual([422, 'file']);
    expect(refusal(await upload(Buffer.from('hello')))).toEqual([415, 'file']);
  });

  it('adds an HTML creative as the form sends it and gives back the sanitised HTML for the preview', async () => {
    const c = (await call<AdCampaign>('POST', '/campaigns', (checkCampaign(form()) as { body: object }).body)).body;
    const res = await call<AdCreative>('POST', `/campaigns/${c.id}/creatives`, {
      kind: 'html',
      html: '<p>Big sale <a href="https://x.example">now</a><script>alert(1)</script></p>',
      name: 'Banner',
      size: '728x90',
      clickUrl: 'https://shop.example/',
      altText: '',
    });
    expect(res.status).toBe(201);
    expect(res.body.html).toContain('Big sale');
    expect(res.body.html).not.toContain('script');
    expect((await call('PATCH', `/creatives/${res.body.id}`, { active: false })).status).toBe(200);
  });
});

describe('report, rate card and network fallbacks', () => {
  it('asks for the report and the CSV with the same range', async () => {
    const range = { from: '2026-11-01', to: '2026-11-30' };
    const c = (await call<AdCampaign>('POST', '/campaigns', (checkCampaign(form()) as { body: object }).body)).body;
    const res = await call<Report>('GET', `/reports${reportQuery(c.id, range)}`);
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([]);
    const csv = await t.server.inject({ method: 'GET', url: csvHref(c.id, range), headers: staff.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
  });

  it('saves the rate card as the editor sends it', async () => {
    const card = (await call<RateCard>('GET', '/rate-card')).body;
    const edited = rateCardForm(card);
    edited.rows.push({ ...EMPTY_ROW, placement: 'Sponsored newsletter', price: 'On request' });
    const checked = checkRateCard(edited);
    if (!checked.ok) throw new Error('card');
    const saved = await call<RateCard>('PUT', '/rate-card', checked.card);
    expect(saved.status).toBe(200);
    expect(saved.body.rows.at(-1)).toEqual({ placement: 'Sponsored newsletter', size: '', price: 'On request', unit: 'CPM', notes: '' });
  });

  it('saves a network fallback for one slot and none for the others', async () => {
    const edited = networkForm((await call<NetworkSettings>('GET', '/network')).body);
    edited['top'] = { enabled: true, unitPath: '/1234567/dateline/top', sizes: ['728x90', '320x50'] };
    const checked = checkNetwork(edited);
    if (!checked.ok) throw new Error('network');
    const saved = await call<NetworkSettings>('PUT', '/network', checked.body);
    expect(saved.status).toBe(200);
    expect(networkForm(saved.body)).toEqual(edited);
  });
});
