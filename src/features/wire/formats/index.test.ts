import { describe, expect, it } from 'vitest';
import { htmlToBody, renderBody } from '../../articles/index.js';
import { wireFixture } from '../fixtures/index.js';
import { normaliseWireItem } from '../wire.normalise.js';
import { detectWireFormat, parseWireFile, WireRefusal } from './index.js';

function refusalOf(bytes: Buffer, hint?: Parameters<typeof parseWireFile>[1]): string {
  try {
    parseWireFile(bytes, hint);
  } catch (err) {
    if (err instanceof WireRefusal) return err.code;
    throw err;
  }
  return 'parsed';
}

describe('detectWireFormat', () => {
  it('names each format from the bytes', () => {
    expect(detectWireFormat(wireFixture('ninjs/ninjs-2.json'))).toBe('ninjs');
    expect(detectWireFormat(wireFixture('newsml/nitf-item.xml'))).toBe('newsml-g2');
    expect(detectWireFormat(wireFixture('iptc/LISTING_3_Photo_in_NewsML-G2.xml'))).toBe('newsml-g2');
    expect(detectWireFormat(wireFixture('7901/normal.txt'))).toBe('iptc7901');
    expect(detectWireFormat(wireFixture('feeds/rss.xml'))).toBe('rss');
    expect(detectWireFormat(wireFixture('feeds/atom.xml'))).toBe('atom');
  });

  it('says null for what is none of ours, and reads plain text as 7901 only when told it is a text file', () => {
    expect(detectWireFormat(Buffer.from('<html><body>hi</body></html>'))).toBeNull();
    expect(detectWireFormat(Buffer.from('GIF89a'))).toBeNull();
    expect(detectWireFormat(Buffer.from('Plain copy\n\nMore copy'), { filename: 'story.txt' })).toBe('iptc7901');
    expect(detectWireFormat(Buffer.from('Plain copy\n\nMore copy'))).toBeNull();
  });

  it('looks past a byte-order mark', () => {
    expect(detectWireFormat(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), wireFixture('ninjs/ninjs-1.json')]))).toBe('ninjs');
  });
});

describe('parseWireFile refusals', () => {
  it('refuses a DOCTYPE: billion laughs and external entities never expand', () => {
    expect(refusalOf(wireFixture('hostile/billion-laughs.xml'))).toBe('WIRE_DOCTYPE');
    expect(refusalOf(wireFixture('hostile/external-entity.xml'))).toBe('WIRE_DOCTYPE');
    expect(refusalOf(Buffer.from('<!DOCTYPE html><html></html>'))).toBe('WIRE_DOCTYPE');
  });

  it('refuses truncated XML and broken JSON as malformed', () => {
    expect(refusalOf(wireFixture('hostile/truncated.xml'))).toBe('WIRE_MALFORMED');
    expect(refusalOf(Buffer.from('[{"uri": "a"}'))).toBe('WIRE_MALFORMED');
    expect(refusalOf(Buffer.from('<newsItem guid="x"><headline>&bogus;</headline></newsItem>'))).toBe('WIRE_MALFORMED');
  });

  it('refuses files over the size limit, empty files and unknown formats', () => {
    expect(refusalOf(wireFixture('hostile/huge.xml'))).toBe('WIRE_TOO_LARGE');
    expect(refusalOf(wireFixture('ninjs/ninjs-2.json'), { maxBytes: 100 })).toBe('WIRE_TOO_LARGE');
    expect(refusalOf(Buffer.from('  \n\t '))).toBe('WIRE_EMPTY');
    expect(refusalOf(Buffer.alloc(0))).toBe('WIRE_EMPTY');
    expect(refusalOf(Buffer.from('<html><body>hi</body></html>'))).toBe('WIRE_UNKNOWN_FORMAT');
    expect(refusalOf(Buffer.from('just some words'))).toBe('WIRE_UNKNOWN_FORMAT');
  });

  it('refuses XML nested deeper than the cap', () => {
    const deep = `<newsItem guid="d">${'<a>'.repeat(400)}${'</a>'.repeat(400)}</newsItem>`;
    expect(refusalOf(Buffer.from(deep))).toBe('WIRE_MALFORMED');
  });

  it('is an AppError of kind invalid, so the app answers it like any coded error', () => {
    try {
      parseWireFile(Buffer.from('{'));
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ kind: 'invalid', code: 'WIRE_MALFORMED', name: 'WireRefusal' });
    }
  });
});

describe('encodings', () => {
  it('refuses Latin-1 bytes in a file that says it is UTF-8', () => {
    expect(refusalOf(wireFixture('hostile/wrong-encoding.xml'))).toBe('WIRE_ENCODING');
  });

  it('decodes a file that declares ISO-8859-1 (as windows-1252)', () => {
    expect(parseWireFile(wireFixture('hostile/latin1-declared.xml'))[0]?.headline).toBe('Café au lait – Z');
  });

  it('reads UTF-8 and UTF-16 with a byte-order mark, and UTF-8 sent under a Latin-1 label', () => {
    const xml = '<newsItem guid="b" version="1"><contentMeta><headline>Zürich — Genève</headline></contentMeta></newsItem>';
    expect(parseWireFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)]))[0]?.headline).toBe('Zürich — Genève');
    expect(parseWireFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]))[0]?.headline).toBe('Zürich — Genève');
    expect(parseWireFile(Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>${xml}`))[0]?.headline).toBe('Zürich — Genève');
  });

  it('refuses encodings it does not read', () => {
    expect(refusalOf(Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?><newsItem guid="x"/>'))).toBe('WIRE_ENCODING');
    expect(refusalOf(Buffer.from('{"uri": "x"}'), { contentType: 'application/json; charset=koi8-r' })).toBe('WIRE_ENCODING');
  });
});

describe('hostile body HTML', () => {
  it('keeps the words of a body with scripts and event handlers, and none of the scripts, handlers or javascript: links', () => {
    for (const name of ['hostile/script-body.xml', 'hostile/script-body.json']) {
      const [item] = parseWireFile(wireFixture(name));
      const normalised = normaliseWireItem(item!, { agency: 'Test', credit: 'Test' });
      const html = renderBody(normalised.body).value;
      expect(html, name).not.toMatch(/<script|onerror|onclick|onmouseover|javascript:|<iframe|<style/i);
      expect(JSON.stringify(normalised.body), name).not.toMatch(/alert|document\.cookie/);
    }
    expect(renderBody(htmlToBody(parseWireFile(wireFixture('hostile/script-body.xml'))[0]!.bodyHtml!)).value).toContain('https://example.com/ok');
  });
});
