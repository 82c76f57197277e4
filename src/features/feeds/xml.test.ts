import { describe, expect, it } from 'vitest';
import { escapeXml, xml, xmlDocument } from './xml.js';
import { one, parseStrictXml, text } from './feeds.test-xml.js';

describe('xml writing', () => {
  it('escapes the five special characters', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
  });

  it('drops characters XML cannot carry, keeping tabs, newlines and every real character', () => {
    expect(escapeXml('bell\u0007 nul\u0000 esc\u001b ok\t\n\r')).toBe('bell nul esc ok\t\n\r');
    expect(escapeXml('lone \ud800 surrogate, \uffff non-char')).toBe('lone  surrogate,  non-char');
    expect(escapeXml('हिन्दी ਪੰਜਾਬੀ 😀 ’quotes’')).toBe('हिन्दी ਪੰਜਾਬੀ 😀 ’quotes’');
  });

  it('escapes interpolated values but not nested xml, and skips empty ones', () => {
    const inner = xml`<b>${'1 < 2'}</b>`;
    expect(xml`<a t="${'"q"'}">${inner}${null}${undefined}${false}${[xml`<c/>`, 'd&e']}${3}</a>`.value).toBe(
      '<a t="&quot;q&quot;"><b>1 &lt; 2</b><c/>d&amp;e3</a>',
    );
  });

  it('makes a document that reads back with the same text', () => {
    const nasty = 'Floods <cut off> & "more" \u0007';
    const doc = parseStrictXml(xmlDocument(xml`<root><title>${nasty}</title></root>`));
    expect(text(one(doc, 'title'))).toBe('Floods <cut off> & "more" ');
  });

  it('is caught by the strict reader when something is not well-formed', () => {
    expect(() => parseStrictXml('<?xml version="1.0" encoding="UTF-8"?>\n<a><b></a>')).toThrow(/not well-formed/);
    expect(() => parseStrictXml('<?xml version="1.0" encoding="UTF-8"?>\n<a>Tom & Jerry</a>')).toThrow(/bare &/);
    expect(() => parseStrictXml('<?xml version="1.0" encoding="UTF-8"?>\n<a/><b/>')).toThrow(/2 root/);
  });
});
