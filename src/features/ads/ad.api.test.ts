import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRequest, createTestApp, loginAs, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import sharp from 'sharp';

/** A solid image of a format and size, made on the fly. */
const makeImage = (format: 'png' | 'jpeg' | 'webp', width: number, height: number): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } }).toFormat(format).toBuffer();

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36';

for (const kind of DIALECTS) {
  describe(`advertising over HTTP [${kind}]`, () => {
    let t: TestApp;
    const clock = fixedClock('2026-11-15T12:00:00.000Z');
    beforeAll(async () => {
      t = await createTestApp(kind, { clock });
    });
    afterAll(async () => {
      await t?.close();
    });

    const admin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => adminRequest(t, method, `/ads${url}`, payload);
    const campaign = async (over: object = {}) => {
      const res = await admin('POST', '/campaigns', { name: 'Diwali sale', advertiser: 'Acme', status: 'active', startsAt: '2026-11-01T00:00:00Z', endsAt: '2026-12-01T00:00:00Z', ...over });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: number }>().id;
    };
    const uploadImage = (campaignId: number, body: Buffer | string, query: string, type = 'image/png') =>
      t.server.inject({ method: 'POST', url: `/api/admin/ads/campaigns/${campaignId}/creatives/image?${query}`, headers: { ...t.auth, 'content-type': type }, payload: body });
    const fill = (slots: object[], cookie?: string, ua = BROWSER) =>
      t.server.inject({
        method: 'POST',
        url: '/ads/fill',
        headers: { 'user-agent': ua, ...(cookie && { cookie }) },
        payload: { page: { type: 'article', sectionId: null, language: 'en', keywords: [], path: '/business/story' }, device: 'desktop', slots },
      });
    const beacon = (token: string, opts: { ua?: string; text?: boolean } = {}) =>
      t.server.inject({
        method: 'POST',
        url: '/ads/beacon',
        headers: { 'user-agent': opts.ua ?? BROWSER, 'content-type': opts.text ? 'text/plain;charset=UTF-8' : 'application/json' },
        payload: JSON.stringify({ t: token, e: 'view' }),
      });
    const stats = async (campaignId: number) => {
      await t.services.ads.flush();
      return (await admin('GET', `/reports?campaignId=${campaignId}&from=2026-11-01&to=2026-11-30`)).json<{ totals: { served: number; viewable: number; clicks: number; ctr: number } }>().totals;
    };

    it('runs a campaign end to end: upload, fill, viewable beacon, click, report', async () => {
      const id = await campaign({ name: 'Festive loans' });
      const up = await uploadImage(id, await makeImage('png', 300, 250), 'name=Rectangle&size=300x250&clickUrl=https%3A%2F%2Fbank.example%2Floans&alt=Loans%20at%207%25');
      expect(up.statusCode, up.body).toBe(201);
      expect(up.json()).toMatchObject({ kind: 'image', size: '300x250', width: 300, height: 250, clickUrl: 'https://bank.example/loans', altText: 'Loans at 7%' });

      const res = await fill([{ id: 'rail', sizes: ['300x250'] }]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(String(res.headers['set-cookie'])).toMatch(/^dl_ad=[\w-]{22}; Path=\/; Max-Age=31536000; SameSite=Lax; HttpOnly; Secure$/);
      const [ad] = res.json<{ ads: { kind: string; token: string; clickUrl: string; image: { src: string; width: number; height: number; alt: string } }[] }>().ads;
      expect(ad).toMatchObject({ kind: 'image', image: { width: 300, height: 250, alt: 'Loans at 7%' } });
      expect((await t.server.inject({ url: ad!.image.src })).headers['content-type']).toBe('image/png');

      expect((await beacon(ad!.token)).statusCode).toBe(204);
      expect((await beacon(ad!.token, { text: true })).statusCode).toBe(204);
      // A link checker's HEAD is not a click.
      expect((await t.server.inject({ method: 'HEAD', url: ad!.clickUrl, headers: { 'user-agent': BROWSER } })).statusCode).not.toBe(302);
      const click = await t.server.inject({ url: ad!.clickUrl, headers: { 'user-agent': BROWSER } });
      expect(click.statusCode).toBe(302);
      expect(click.headers.location).toBe('https://bank.example/loans');
      expect(click.headers['cache-control']).toBe('no-store');
      expect((await t.server.inject({ url: ad!.clickUrl, headers: { 'user-agent': BROWSER } })).statusCode).toBe(302);

      expect(await stats(id)).toEqual({ served: 1, viewable: 1, clicks: 1, ctr: 1 });
      // The same beacon after the flush is still a duplicate: the ledger remembers it.
      await beacon(ad!.token);
      expect((await stats(id)).viewable).toBe(1);
      const view = await admin('GET', `/campaigns/${id}`);
      expect(view.json()).toMatchObject({ delivery: { served: 1, viewable: 1, clicks: 1 }, creatives: [{ imageUrl: ad!.image.src }] });
    });

    it('counts nothing for forged or altered tokens, bots, or events other than views', async () => {
      const id = await campaign({ name: 'Forgery target', priority: 10 });
      await admin('POST', `/campaigns/${id}/creatives`, { kind: 'html', name: 'Box', size: '728x90', html: '<p>Hi</p>', clickUrl: 'https://shop.example/' });
      const [ad] = (await fill([{ id: 'top', sizes: ['728x90'] }])).json<{ ads: { token: string }[] }>().ads;
      const parts = ad!.token.split('.');
      const otherCampaign = [String(id + 1000), ...parts.slice(1)].join('.');
      for (const forged of [otherCampaign, `${ad!.token.slice(0, -2)}AA`, 'not-a-token']) expect((await beacon(forged)).statusCode).toBe(204);
      expect((await beacon(ad!.token, { ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' })).statusCode).toBe(204);
      const click = await t.server.inject({ method: 'POST', url: '/ads/beacon', headers: { 'user-agent': BROWSER }, payload: { t: ad!.token, e: 'click' } });
      expect(click.statusCode).toBe(204);
      expect(await stats(id)).toMatchObject({ served: 1, viewable: 0, clicks: 0 });
      const forgedClick = await t.server.inject({ url: `/ads/click?t=${encodeURIComponent(otherCampaign)}`, headers: { 'user-agent': BROWSER } });
      expect(forgedClick.statusCode).toBe(400);
      expect(forgedClick.headers['content-type']).toMatch(/^text\/html/);
      expect(forgedClick.headers.location).toBeUndefined();
      expect(forgedClick.body).toContain('This ad link has expired');
      expect((await t.server.inject({ url: '/ads/click?t=https://evil.example' })).statusCode).toBe(400);
      expect((await t.server.inject({ url: '/ads/click' })).statusCode).toBe(400);
      await admin('POST', `/campaigns/${id}/pause`);
    });

    it('refuses a click-through that is not http(s), an image that is not one, and one of the wrong size', async () => {
      const id = await campaign({ status: 'draft' });
      for (const url of ['javascript:alert(1)', '//evil.example', 'data:text/html,x']) {
        const res = await admin('POST', `/campaigns/${id}/creatives`, { kind: 'html', name: 'X', size: '300x250', html: '<p>x</p>', clickUrl: url });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ error: { code: 'AD_CLICK_URL_INVALID', field: 'clickUrl' } });
      }
      const q = 'name=X&size=300x250&clickUrl=https%3A%2F%2Fa.example%2F&alt=X';
      const fake = await uploadImage(id, 'GIF89a this is text', q, 'image/gif');
      expect(fake.statusCode).toBe(415);
      expect(fake.json()).toMatchObject({ error: { code: 'MEDIA_UNSUPPORTED', field: 'file' } });
      const wrong = await uploadImage(id, await makeImage('jpeg', 300, 251), q, 'image/jpeg');
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json()).toMatchObject({ error: { code: 'AD_CREATIVE_SIZE_MISMATCH', field: 'file' } });
      const b64 = await admin('POST', `/campaigns/${id}/creatives`, { kind: 'image', name: 'B', size: '728x90', clickUrl: 'https://a.example/', altText: 'A', data: (await makeImage('webp', 728, 90)).toString('base64') });
      expect(b64.statusCode, b64.body).toBe(201);
    });

    it('stores HTML creatives sanitised', async () => {
      const id = await campaign({ status: 'draft' });
      const res = await admin('POST', `/campaigns/${id}/creatives`, {
        kind: 'html',
        name: 'Rich',
        size: '300x250',
        html: '<div onmouseover="x()"><script>alert(1)</script><p>Sale</p><a href="javascript:alert(1)">Buy</a><form><input></form></div>',
        clickUrl: 'https://shop.example/',
      });
      expect(res.statusCode, res.body).toBe(201);
      const stored = res.json<{ html: string }>().html;
      expect(stored).toContain('<p>Sale</p>');
      expect(stored).not.toMatch(/script|onmouseover|javascript:|<form|<input/);
      const scriptOnly = await admin('POST', `/campaigns/${id}/creatives`, { kind: 'html', name: 'Empty', size: '300x250', html: '<script>alert(1)</script>', clickUrl: 'https://shop.example/' });
      expect(scriptOnly.json()).toMatchObject({ error: { code: 'AD_HTML_INVALID', field: 'html' } });
    });

    it('answers a malformed fill request with 400 AD_REQUEST_INVALID naming the field', async () => {
      const post = (payload: unknown, type = 'application/json') =>
        t.server.inject({ method: 'POST', url: '/ads/fill', headers: { 'content-type': type }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });
      const good = { page: { type: 'article', sectionId: null, language: 'en', keywords: [], path: '/' }, device: 'desktop', slots: [{ id: 'rail', sizes: ['300x250'] }] };
      const cases: [unknown, string | undefined][] = [
        [{ ...good, device: 'fridge' }, 'device'],
        [{ ...good, page: { ...good.page, type: 'blog' } }, 'page.type'],
        [{ page: good.page, slots: good.slots }, 'device'],
        [{ ...good, slots: [{ id: 'rail', sizes: ['1x1'] }] }, 'slots.0.sizes.0'],
        [{ ...good, slots: Array.from({ length: 21 }, (_, i) => ({ id: `in-article-${i + 1}`, sizes: ['300x250'] })) }, 'slots'],
        [{ ...good, slots: [{ id: 'popup', sizes: ['300x250'] }] }, 'slots.0.id'],
        [{ ...good, extra: 1 }, 'extra'],
        ['{not json', 'body'],
      ];
      for (const [payload, field] of cases) {
        const res = await post(payload);
        expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
        expect(res.json()).toMatchObject({ error: { code: 'AD_REQUEST_INVALID', ...(field && { field }) } });
      }
    });

    it('reports per day as JSON and as spreadsheet-safe CSV', async () => {
      const id = await campaign({ name: '=HYPERLINK("https://evil.example","Click")', priority: 10 });
      await admin('POST', `/campaigns/${id}/creatives`, { kind: 'html', name: '+Leaderboard, "big"', size: '728x90', html: '<p>x</p>', clickUrl: 'https://shop.example/' });
      await fill([{ id: 'top', sizes: ['728x90'] }]);
      await t.services.ads.flush();
      const json = await admin('GET', `/reports?campaignId=${id}&from=2026-11-01&to=2026-11-30`);
      expect(json.json()).toMatchObject({
        rows: [{ day: '2026-11-15', campaignId: id, creativeName: '+Leaderboard, "big"', served: 1, viewable: 0, clicks: 0, ctr: 0 }],
        totals: { served: 1 },
        goal: { impressionGoal: null, delivered: 0, progress: null },
      });
      const csv = await admin('GET', `/reports.csv?campaignId=${id}&from=2026-11-01&to=2026-11-30`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="ads-report-campaign-${id}-2026-11-01-to-2026-11-30.csv"`);
      const lines = csv.body.trim().split('\r\n');
      expect(lines[0]).toBe('day,campaign_id,campaign,creative_id,creative,served,viewable,clicks,ctr');
      expect(lines[1]).toMatch(new RegExp(`^2026-11-15,${id},"'=HYPERLINK\\(""https://evil.example"",""Click""\\)",\\d+,"'\\+Leaderboard, ""big""",1,0,0,0$`));
      expect((await admin('GET', '/reports?from=2026-11-30&to=2026-11-01')).json()).toMatchObject({ error: { code: 'AD_REPORT_RANGE_INVALID', field: 'from' } });
      await admin('POST', `/campaigns/${id}/pause`);
    });

    it('keeps the rate card and network fallbacks, and the inquiry inbox', async () => {
      expect((await admin('GET', '/rate-card')).json<{ rows: unknown[] }>().rows.length).toBeGreaterThan(0);
      const card = { intro: 'Our rates', rows: [{ placement: 'Top', size: '728x90', price: '₹100', unit: 'CPM', notes: '' }] };
      expect((await t.server.inject({ method: 'PUT', url: '/api/admin/ads/rate-card', headers: t.auth, payload: card })).json()).toEqual(card);
      expect((await admin('GET', '/rate-card')).json()).toEqual(card);

      const put = await t.server.inject({ method: 'PUT', url: '/api/admin/ads/network', headers: t.auth, payload: { slots: { rail: { network: 'gam', unitPath: '/99/rail', sizes: ['300x250'] } } } });
      expect(put.json()).toMatchObject({ slots: { rail: { unitPath: '/99/rail' }, top: null } });
      const bad = await t.server.inject({ method: 'PUT', url: '/api/admin/ads/network', headers: t.auth, payload: { slots: { rail: { network: 'gam', unitPath: '/99/rail', sizes: ['728x90'] } } } });
      expect(bad.json()).toMatchObject({ error: { code: 'AD_NETWORK_INVALID', field: 'slots.rail.sizes' } });

      const lead = await t.services.adInquiries.create({ name: 'Priya', company: 'Acme', email: 'priya@acme.example', phone: '', budget: '₹5 lakh', message: 'Festive season campaign' });
      expect((await admin('GET', '/inquiries?status=new')).json()).toMatchObject({ items: [{ id: lead.id, status: 'new' }] });
      expect((await admin('PATCH', `/inquiries/${lead.id}`, { status: 'contacted', notes: 'Called' })).json()).toMatchObject({ status: 'contacted', notes: 'Called' });
    });

    it('keeps ad routes to ad ops and admins', async () => {
      const editor = await loginAs(t, 'editor');
      expect((await t.server.inject({ url: '/api/admin/ads/campaigns', headers: editor.headers })).statusCode).toBe(403);
      const adops = await loginAs(t, 'ad-ops');
      expect((await t.server.inject({ url: '/api/admin/ads/campaigns', headers: adops.headers })).statusCode).toBe(200);
    });

    it('limits beacons per address with 429, never slowing fills', async () => {
      let limited = 0;
      for (let i = 0; i < 140; i++) if ((await beacon('x')).statusCode === 429) limited += 1;
      expect(limited).toBeGreaterThan(0);
      expect((await fill([{ id: 'rail', sizes: ['300x250'] }])).statusCode).toBe(200);
    });
  });
}
