import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { defaultRateCard, parseRateCard } from './ad.settings.js';
import { html } from '../../lib/html.js';
import { advertiseMain, thanksMain, type AdvertiseModel } from './ad.views.js';

function model(form: Partial<AdvertiseModel['form']> = {}, rateCard = defaultRateCard()): AdvertiseModel {
  return { siteName: 'The Daily Lamp', rateCard, page: null, form: { values: {}, problems: {}, notice: null, stamp: 'abc.def', ...form } };
}

function dom(markup: string) {
  const doc = parseDocument(markup);
  const all = (pred: (e: Element) => boolean) => DomUtils.findAll(pred, doc.children);
  const text = (e: Element | undefined) => (e ? DomUtils.textContent(e).replace(/\s+/g, ' ').trim() : '');
  return { all, text };
}

describe('advertise page', () => {
  it('shows the rate card as a table with rupee prices, and mentions classifieds and print', () => {
    const d = dom(advertiseMain(model()).value);
    const rows = d.all((e) => e.name === 'tr' && e.parent !== null && (e.parent as Element).name === 'tbody');
    expect(rows.map((r) => d.text(DomUtils.findOne((e) => e.name === 'th', [r])!))).toEqual(defaultRateCard().rows.map((r) => r.placement));
    const cells = (r: Element) => DomUtils.findAll((e) => e.name === 'th' || e.name === 'td', [r]).map((c) => d.text(c));
    expect(cells(rows[0]!)).toEqual(['Top leaderboard', '728x90 / 320x50', '₹250 CPM', 'Every page; 320x50 on phones']);
    expect(d.text(d.all((e) => e.attribs['class'] === 'advertise__more')[0])).toMatch(/Classifieds.*Print/);
  });

  it('asks for rates when the card has no rows', () => {
    expect(advertiseMain(model({}, { intro: '', rows: [] })).value).toContain('Please ask us for current rates');
  });

  it('leads with the editors’ own advertise page when there is one', () => {
    const d = dom(advertiseMain({ ...model(), page: { title: 'Advertise in The Daily Lamp', body: html`<p>Print and digital.</p>` } }).value);
    expect(d.text(d.all((e) => e.name === 'h1')[0])).toBe('Advertise in The Daily Lamp');
    expect(d.text(d.all((e) => e.attribs['class'] === 'story__body')[0])).toBe('Print and digital.');
  });

  it('labels every field and carries the honeypot and the stamp', () => {
    const d = dom(advertiseMain(model()).value);
    const inputs = d.all((e) => (e.name === 'input' || e.name === 'textarea') && e.attribs['type'] !== 'hidden');
    for (const input of inputs) {
      const id = input.attribs['id'];
      expect(d.all((e) => e.name === 'label' && e.attribs['for'] === id), `label for ${id}`).toHaveLength(1);
    }
    const form = d.all((e) => e.name === 'form')[0]!;
    expect(form.attribs).toMatchObject({ action: '/advertise', method: 'post' });
    expect(d.all((e) => e.name === 'input' && e.attribs['name'] === 'stamp')[0]!.attribs['value']).toBe('abc.def');
    const trap = d.all((e) => e.attribs['class'] === 'form-trap')[0]!;
    expect(trap.attribs['aria-hidden']).toBe('true');
    expect(DomUtils.findOne((e) => e.name === 'input', [trap])!.attribs).toMatchObject({ name: 'website', tabindex: '-1' });
  });

  it('shows each problem beside its field, tied to it for screen readers, and keeps what was typed', () => {
    const d = dom(advertiseMain(model({ values: { name: 'Priya', email: 'nope' }, problems: { email: 'This does not look like an email address.' } })).value);
    const email = d.all((e) => e.attribs['id'] === 'inquiry-email')[0]!;
    expect(email.attribs).toMatchObject({ value: 'nope', 'aria-invalid': 'true', 'aria-describedby': 'inquiry-email-error' });
    expect(d.text(d.all((e) => e.attribs['id'] === 'inquiry-email-error')[0])).toBe('This does not look like an email address.');
    expect(d.all((e) => e.attribs['id'] === 'inquiry-name')[0]!.attribs['aria-invalid']).toBeUndefined();
    expect(d.text(d.all((e) => e.attribs['role'] === 'alert')[0])).toContain('Email: This does not look like an email address.');
  });

  it('escapes what readers typed and what ad ops wrote in the rate card', () => {
    const card = parseRateCard(JSON.stringify({ intro: '<b>Big</b> reach', rows: [{ placement: '<script>x</script>', size: '300x250', price: 'On "request"', unit: '', notes: '' }] }));
    const markup = advertiseMain(model({ values: { message: '</textarea><script>alert(1)</script>', name: '"><img src=x onerror=alert(1)>' } }, card)).value;
    expect(markup).not.toContain('<script>');
    expect(markup).not.toContain('<img src=x');
    expect(markup).toContain('&lt;/textarea&gt;&lt;script&gt;');
    expect(markup).toContain('&lt;b&gt;Big&lt;/b&gt; reach');
    expect(markup).toContain('On &quot;request&quot;');
  });

  it('thanks the reader by the paper’s name', () => {
    expect(thanksMain('The Daily Lamp').value).toContain('The advertising team of The Daily Lamp will get back to you');
  });
});

