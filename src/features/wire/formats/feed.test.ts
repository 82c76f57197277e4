import { describe, expect, it } from 'vitest';
import { wireFixture } from '../fixtures/index.js';
import { parseWireFile } from './index.js';

const parse = (name: string) => parseWireFile(wireFixture(name));

describe('RSS 2.0 and Atom', () => {
  it('makes one item per RSS item: content:encoded as body, description as standfirst, guid, date, categories, image', () => {
    const items = parse('feeds/rss.xml');
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ format: 'rss', guid: 'press-1234', headline: 'Minister opens new metro line', standfirst: 'The new line links the airport to the city centre.', byline: 'Press Office', language: 'en-in', versionCreated: '2025-11-28T04:00:00.000Z' });
    expect(items[0]?.bodyHtml).toBe('<p>The minister opened the line on Friday.</p><p>Trains will run <b>every six minutes</b>.</p>');
    expect(items[0]?.subjects.map((s) => s.name)).toEqual(['transport', 'Transport']);
    expect(items[0]?.pictures).toEqual([{ href: 'https://press.example.gov/img/metro.jpg', width: 1600, height: 900, caption: 'The first train leaves.' }]);
    // No guid: the link identifies the item; an escaped HTML description is the body.
    expect(items[1]).toMatchObject({ guid: 'https://press.example.gov/releases/1235', bodyHtml: '<p>Prices are unchanged this week.</p>' });
    expect(items[1]?.pictures[0]).toEqual({ href: 'https://press.example.gov/img/pump.png', mimeType: 'image/png' });
  });

  it('makes one item per Atom entry: xhtml and text content, html title, published/updated, author, enclosure link', () => {
    const items = parse('feeds/atom.xml');
    expect(items[0]).toMatchObject({ format: 'atom', guid: 'tag:smallagency.example,2025:port-strike', headline: 'Port strike ends', standfirst: 'Dock workers return after a week.', byline: 'Small Agency', firstCreated: '2025-11-28T07:00:00.000Z', versionCreated: '2025-11-28T09:00:00.000Z', language: 'en' });
    expect(items[0]?.bodyHtml).toBe('<p>KOCHI — Dock workers returned to work on Friday.</p><p>The union accepted a 9% rise.</p>');
    expect(items[0]?.subjects).toEqual([{ code: null, name: 'Labour' }]);
    expect(items[0]?.pictures).toEqual([{ href: 'https://smallagency.example/port.jpg', mimeType: 'image/jpeg' }]);
    expect(items[1]?.bodyText).toBe('Ferries will run hourly from Monday.\n\nNight services are suspended.');
  });

  it('gives an empty feed no items rather than a refusal', () => {
    expect(parseWireFile(Buffer.from('<rss version="2.0"><channel><title>x</title></channel></rss>'))).toEqual([]);
    expect(parseWireFile(Buffer.from('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>'))).toEqual([]);
  });
});
