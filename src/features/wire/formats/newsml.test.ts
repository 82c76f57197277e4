import { describe, expect, it } from 'vitest';
import { wireFixture, wireFixtureNames } from '../fixtures/index.js';
import { parseWireFile } from './index.js';

const parse = (name: string) => parseWireFile(wireFixture(name));

describe('NewsML-G2: the IPTC published examples', () => {
  it('parses every example in the fixtures folder without refusing any', () => {
    const names = wireFixtureNames('iptc');
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) expect(() => parse(name), name).not.toThrow();
  });

  it('reads LISTING 1: guid, version, headline, embargo, located, creator and subjects', () => {
    const [item] = parse('iptc/LISTING_1_A_NewsML-G2_News_Item.xml');
    expect(item).toMatchObject({
      format: 'newsml-g2', guid: 'urn:newsml:acmenews.com:20161018:US-FINANCE-FED', version: 11, pubStatus: 'usable',
      headline: 'Fed to halt QE to avert "bubble"', embargoUntil: '2018-10-23T12:00:00.000Z',
      versionCreated: '2018-10-21T21:25:32.000Z', firstCreated: '2016-10-18T18:12:21.000Z',
      datelinePlace: 'Berlin', byline: 'Meredith Jameson', language: 'en-GB', bodyHtml: null, keywords: ['US-Finance-Fed'],
    });
    expect(item?.subjects).toEqual([
      { code: 'medtop:04000000', name: 'economy, business and finance' },
      { code: 'medtop:20000523', name: 'labour market' },
    ]);
  });

  it('reads LISTING 2: an NITF body becomes body HTML without the NITF head', () => {
    const [item] = parse('iptc/LISTING_2_NewsML-G2_Text_Document.xml');
    expect(item?.guid).toBe('urn:newsml:acmenews.com:20161121:US-FINANCE-FED');
    expect(item?.bodyHtml).toContain('<p>(New York, NY - October 21) Et, sent luptat');
    expect(item?.bodyHtml).not.toContain('hl1');
    expect(item?.language).toBe('en-US');
    expect(item?.subjects.map((s) => s.name)).toEqual(['economy, business and finance', 'central bank', 'money and monetary policy']);
  });

  it('reads LISTING 3: a photo gives its high-resolution rendition with caption and credit', () => {
    const [item] = parse('iptc/LISTING_3_Photo_in_NewsML-G2.xml');
    expect(item?.guid).toBe('tag:gettyimages.com,2010:GYI0062134533');
    expect(item?.headline).toBe('Variety Of Recessionary Forces Leave Las Vegas Economy Scarred');
    expect(item?.creditLine).toBe('Getty Images');
    expect(item?.keywords).toContain('poverty');
    expect(item?.pictures).toHaveLength(1);
    expect(item?.pictures[0]).toMatchObject({ href: 'GYI0062134533.jpg', mimeType: 'image/jpeg', width: 1500, height: 1001, credit: 'Getty Images' });
    expect(item?.pictures[0]?.caption).toMatch(/^A general view of part of downtown/);
  });

  it('reads LISTING 24: a news message gives the four items its package groups', () => {
    expect(parse('iptc/LISTING_24_News_Message_conveying_a_complete_News_Package.xml').map((i) => i.guid)).toEqual(['N1', 'N2', 'N3', 'N4']);
  });

  it('reads LISTING 28: a bare contentMeta fragment gives place, agency and language from its dateline', () => {
    const [item] = parse('iptc/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml');
    expect(item).toMatchObject({ datelinePlace: 'Moscow', creditLine: 'Reuters', language: 'en-US', byline: 'Thomson Reuters' });
    expect(item?.guid).toMatch(/^urn:dateline:g2:[0-9a-f]{32}$/);
    expect(parse('iptc/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml')[0]?.guid).toBe(item?.guid);
  });

  it('reads LISTING 6: a lone package of references gives no items', () => {
    expect(parse('iptc/LISTING_6_Simple_NewsML-G2_Package.xml')).toEqual([]);
  });
});

describe('NewsML-G2: our fixtures', () => {
  it('takes an NITF body, urgency, creditline and the summary as standfirst', () => {
    const [item] = parse('newsml/nitf-item.xml');
    expect(item).toMatchObject({ version: 2, urgency: 3, creditLine: 'IANS', byline: 'Priya Nair', standfirst: 'Schools shut as 120 mm of rain falls overnight.', datelinePlace: 'Mumbai' });
    expect(item?.bodyHtml).toContain('Friday &amp; schools');
    expect(item?.bodyHtml).not.toContain('flooded street');
    expect(item?.pictures).toEqual([{ href: 'mum-rain.jpg', mimeType: 'image/jpeg', width: 2000, height: 1333, caption: 'A flooded street in Andheri on Friday.', credit: 'IANS', altText: 'A flooded street' }]);
  });

  it('takes an XHTML body and the name in the item language', () => {
    const [item] = parse('newsml/xhtml-item.xml');
    expect(item?.bodyHtml).toContain('<p>WASHINGTON (AP) — The Senate passed');
    expect(item?.bodyHtml).not.toContain('<title>');
    expect(item?.subjects).toEqual([{ code: 'medtop:11000000', name: 'politics' }]);
    expect(item?.byline).toBe('By Mary Clarke');
    expect(item?.embargoUntil).toBe('2025-11-28T05:00:00.000Z');
  });

  it('gives a message\'s stories, with the grouped picture attached instead of standing alone', () => {
    const items = parse('newsml/message-two-items.xml');
    expect(items.map((i) => i.guid)).toEqual(['urn:afp:20251128:cop-talks', 'urn:afp:20251128:oil-prices']);
    expect(items[0]?.pictures).toEqual([{ href: 'cop-hall.jpg', mimeType: 'image/jpeg', width: 4000, height: 2667, caption: 'Delegates in the plenary hall in Belem on November 28, 2025.', credit: 'AFP' }]);
    expect(items[1]?.bodyText).toContain('Brent crude');
    expect(items[1]?.datelinePlace).toBe('Singapore');
  });

  it('reads stat:canceled as a kill and sig:correction as a correction', () => {
    expect(parse('newsml/canceled.xml')[0]).toMatchObject({ pubStatus: 'canceled', version: 3 });
    expect(parse('newsml/correction.xml')[0]).toMatchObject({ isCorrection: true, version: 2, pubStatus: 'usable' });
  });

  it('refuses a newsItem without a guid', () => {
    const xml = '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" version="1"><contentMeta><headline>x</headline></contentMeta></newsItem>';
    expect(() => parseWireFile(Buffer.from(xml))).toThrow(expect.objectContaining({ code: 'WIRE_INVALID_ITEM' }) as Error);
  });

  it('drops picture hrefs that leave the folder or use another scheme', () => {
    const xml = (href: string) => `<newsItem guid="g" version="1"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta><contentSet><remoteContent href="${href}" rendition="rnd:highRes"/></contentSet></newsItem>`;
    for (const bad of ['../../etc/passwd', '/etc/passwd', 'ftp://x/y.jpg', 'a/../../b.jpg', 'C:\\x.jpg']) {
      expect(parseWireFile(Buffer.from(xml(bad)))[0]?.pictures, bad).toEqual([]);
    }
    expect(parseWireFile(Buffer.from(xml('https://cdn.example.com/p.jpg')))[0]?.pictures[0]?.href).toBe('https://cdn.example.com/p.jpg');
  });
});
