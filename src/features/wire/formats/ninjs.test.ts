import { describe, expect, it } from 'vitest';
import { wireFixture } from '../fixtures/index.js';
import { parseWireFile } from './index.js';

const parse = (name: string) => parseWireFile(wireFixture(name));
const json = (value: unknown) => parseWireFile(Buffer.from(JSON.stringify(value)));

describe('ninjs', () => {
  it('reads ninjs 1.x: headline, body_html, subject, located, urgency, embargo and an association map', () => {
    const [item] = parse('ninjs/ninjs-1.json');
    expect(item).toMatchObject({
      format: 'ninjs', guid: 'urn:afp:2025-03-03:who-pandemic-treaty', version: 2, urgency: 3, language: 'en',
      headline: 'WHO members agree draft pandemic treaty', byline: 'Anne Dupont', datelinePlace: 'Geneva',
      embargoUntil: '2025-03-03T11:00:00.000Z', keywords: ['health-WHO-treaty', 'WHO', 'pandemic'],
    });
    expect(item?.bodyHtml).toContain('<b>GENEVA</b>, March 3, 2025 (AFP)');
    expect(item?.subjects.map((s) => s.name)).toEqual(['health', 'politics']);
    expect(item?.pictures).toEqual([{ href: 'https://img.example.com/33XY12.jpg', mimeType: 'image/jpeg', width: 3000, height: 2000, caption: 'Delegates applaud at the end of the session in Geneva on March 3, 2025.', credit: 'Fabrice Coffrini / AFP' }]);
  });

  it('reads ninjs 2.x: headlines, descriptions, bodies, by, places, subjects and association/rendition arrays', () => {
    const [item] = parse('ninjs/ninjs-2.json');
    expect(item).toMatchObject({ version: 3, headline: 'Bank of England holds rates, signals cut next year', standfirst: 'Policymakers vote 6-3 to keep Bank Rate at 4%.', byline: 'Jane Doe', datelinePlace: 'London', language: 'en-GB' });
    expect(item?.subjects.map((s) => s.name)).toEqual(['economy, business and finance', 'interest rates']);
    expect(item?.pictures[0]).toMatchObject({ href: 'pictures/RC2XYZ.jpg', width: 2400, credit: 'Toby Melville', caption: 'A view of the Bank of England in the City of London.' });
  });

  it('reads ninjs 3.x: a plain-text body, numeric version and contentcreated', () => {
    const [item] = parse('ninjs/ninjs-3.json');
    expect(item).toMatchObject({ version: 1, urgency: 2, bodyHtml: null, firstCreated: '2025-11-28T01:00:00.000Z' });
    expect(item?.bodyText).toContain('NEW DELHI, Nov 28 (PTI) The monsoon session');
  });

  it('reads a list, a correction signal and a canceled item', () => {
    const items = parse('ninjs/ninjs-list.json');
    expect(items.map((i) => [i.guid, i.isCorrection])).toEqual([['urn:ians:2025-11-28:mum-1', false], ['urn:ians:2025-11-28:mum-2', true]]);
    expect(parse('ninjs/ninjs-canceled.json')[0]).toMatchObject({ pubStatus: 'canceled', version: 3 });
  });

  it('ignores values of the wrong JSON type instead of trusting them', () => {
    const [item] = json({ uri: 'u1', version: { evil: true }, headline: ['x'], urgency: '99', subjects: 'politics', associations: [null, 3, 'x'], embargoed: 'soon' });
    expect(item).toMatchObject({ guid: 'u1', version: 1, headline: '', urgency: null, subjects: [], pictures: [], embargoUntil: null });
  });

  it('refuses malformed JSON, an item without a uri, and a list entry that is not an object', () => {
    expect(() => parseWireFile(Buffer.from('{"uri": "x",'))).toThrow(expect.objectContaining({ code: 'WIRE_MALFORMED' }) as Error);
    expect(() => json({ headline: 'no id' })).toThrow(expect.objectContaining({ code: 'WIRE_INVALID_ITEM' }) as Error);
    expect(() => json([{ uri: 'a' }, 'b'])).toThrow(expect.objectContaining({ code: 'WIRE_INVALID_ITEM' }) as Error);
  });
});
