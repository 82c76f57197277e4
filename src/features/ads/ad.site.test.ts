/** The "Advertise with us" page and its inquiry form, through HTTP. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { fixedClock } from '../../lib/clock.js';

const clock = fixedClock('2026-11-20T09:00:00.000Z');

function stampOf(html: string): string {
  const m = /name="stamp" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no stamp in the form');
  return m[1];
}

const fields = {
  name: 'Priya Menon',
  company: 'Menon Jewellers',
  email: 'priya@menon.example',
  phone: '+91 98765 43210',
  budget: '₹2 lakh',
  message: 'We would like the home page rectangle for the Diwali fortnight.',
};

describe('/advertise', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp('sqlite', { clock, env: { PAGE_CACHE: 'false' } });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.services.store.db.deleteFrom('ad_inquiries').execute();
    await t.services.store.db.deleteFrom('settings').where('key', '=', 'ads.rateCard').execute();
  });

  const stored = () => t.services.store.db.selectFrom('ad_inquiries').selectAll().execute();

  /** Fetches the form, waits like a person would, and posts it from `address`. */
  async function submit(values: Record<string, string>, opts: { address?: string; waitMs?: number } = {}) {
    const page = await t.server.inject({ url: '/advertise' });
    clock.advance(opts.waitMs ?? 20_000);
    const form = new URLSearchParams({ stamp: stampOf(page.body), website: '', ...values });
    return t.server.inject({
      method: 'POST',
      url: '/advertise',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
      remoteAddress: opts.address ?? '203.0.113.7',
    });
  }

  it('shows the default rate card and the form, cacheable, linked from every footer', async () => {
    const res = await t.server.inject({ url: '/advertise' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/^public/);
    expect(res.body).toContain('<h1>Advertise with us</h1>');
    expect(res.body).toContain('Sidebar rectangle');
    expect(res.body).toContain('₹180 <span>CPM</span>');
    expect(res.body).toMatch(/<label for="inquiry-email">Email/);
    expect(res.body).toContain('<a href="/advertise">Advertise with us</a>');
    const home = await t.server.inject({ url: '/' });
    expect(home.body).toContain('<a href="/advertise">Advertise with us</a>');
  });

  it('shows the rate card ad ops saved in the settings', async () => {
    const card = { intro: 'Festive season rates.', rows: [{ placement: 'Diwali takeover', size: '728x90', price: '₹1,50,000', unit: 'per day', notes: 'All pages.' }], more: [] };
    await t.services.store.db.insertInto('settings').values({ key: 'ads.rateCard', value: JSON.stringify(card), updated_at: clock.now().toISOString() }).execute();
    const res = await t.server.inject({ url: '/advertise' });
    expect(res.body).toContain('Festive season rates.');
    expect(res.body).toContain('Diwali takeover');
    expect(res.body).toContain('₹1,50,000 <span>per day</span>');
    expect(res.body).not.toContain('Sidebar rectangle');
  });

  it('stores a good inquiry as new and redirects to the thank-you page, never cached', async () => {
    const res = await submit(fields);
    expect(res.statusCode).toBe(303);
    expect(res.headers['location']).toBe('/advertise/thanks');
    expect(res.headers['cache-control']).toBe('no-store');
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Priya Menon', email: 'priya@menon.example', status: 'new', budget: '₹2 lakh' });
    expect((await t.services.adInquiries.list({ status: 'new' })).map((i) => i.name)).toEqual(['Priya Menon']);
    const thanks = await t.server.inject({ url: '/advertise/thanks' });
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain('We have your inquiry.');
  });

  it('shows problems beside their fields, keeps what was typed, and stores nothing', async () => {
    const res = await submit({ ...fields, email: 'priya at menon', message: 'http://a.example http://b.example http://c.example buy' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('id="inquiry-email-error"');
    expect(res.body).toContain('This does not look like an email address');
    expect(res.body).toContain('at most 2 links');
    expect(res.body).toContain('value="priya at menon"');
    expect(await stored()).toHaveLength(0);
  });

  it('thanks a bot that fills the hidden field, but stores nothing', async () => {
    const res = await submit({ ...fields, website: 'http://spam.example' });
    expect(res.statusCode).toBe(303);
    expect(res.headers['location']).toBe('/advertise/thanks');
    expect(await stored()).toHaveLength(0);
  });

  it('asks for a second press when the form comes back faster than a person types', async () => {
    const res = await submit(fields, { waitMs: 1_000 });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('quicker than we expected');
    expect(res.body).toContain('value="Priya Menon"');
    expect(await stored()).toHaveLength(0);
    // The page it answers with carries a fresh stamp: sent again a little later, it goes through.
    clock.advance(10_000);
    const again = await t.server.inject({
      method: 'POST',
      url: '/advertise',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, website: '', stamp: stampOf(res.body) }).toString(),
      remoteAddress: '203.0.113.8',
    });
    expect(again.statusCode).toBe(303);
    expect(await stored()).toHaveLength(1);
  });

  it('refuses a forged, missing or day-old stamp with a friendly message', async () => {
    const forged = await t.server.inject({
      method: 'POST',
      url: '/advertise',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, stamp: `${(clock.now().getTime() - 60_000).toString(36)}.${'A'.repeat(32)}` }).toString(),
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('could not be read');
    expect((await submit(fields, { waitMs: 25 * 3_600_000 })).statusCode).toBe(400);
    expect(await stored()).toHaveLength(0);
  });

  it('takes five inquiries an hour from one address, then answers 429 with a page', async () => {
    for (let i = 0; i < 5; i++) expect((await submit({ ...fields, name: `Reader ${i}` }, { address: '198.51.100.1', waitMs: 5_000 })).statusCode).toBe(303);
    const sixth = await submit(fields, { address: '198.51.100.1', waitMs: 5_000 });
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(sixth.headers['content-type']).toMatch(/text\/html/);
    expect(sixth.body).toContain('Please try again later');
    expect(await stored()).toHaveLength(5);
    expect((await submit(fields, { address: '198.51.100.2', waitMs: 5_000 })).statusCode).toBe(303);
  });
});

describe('/advertise through the page cache', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => {
    await t.close();
  });

  it('is one cached page for every reader, refreshed when ad ops save the rate card', async () => {
    const first = await t.server.inject({ url: '/advertise' });
    const second = await t.server.inject({ url: '/advertise', headers: { cookie: 'dl_ad=someone-else' } });
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    const card = { intro: 'New season.', rows: [{ placement: 'Budget day takeover', size: '728x90', price: '₹2,00,000', unit: 'per day', notes: '' }] };
    const saved = await t.server.inject({ method: 'PUT', url: '/api/admin/ads/rate-card', headers: t.auth, payload: card });
    expect(saved.statusCode).toBe(200);
    const after = await t.server.inject({ url: '/advertise' });
    expect(after.body).toContain('Budget day takeover');
  });
});
