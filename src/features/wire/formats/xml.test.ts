import { describe, expect, it } from 'vitest';
import { WireRefusal } from './refusal.js';
import { cleanText, find, innerHtml, parseXml, textOf, XML_LIMITS } from './xml.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof WireRefusal ? err.code : `other: ${String(err)}`;
  }
}

describe('parseXml', () => {
  it('builds a tree with local names, attributes, text and CDATA', () => {
    const root = parseXml('<?xml version="1.0"?><a:root xmlns:a="urn:x" k="v"><b>one &amp; <![CDATA[<two>]]></b><c/></a:root>');
    expect(root).toMatchObject({ name: 'a:root', local: 'root', attrs: { k: 'v' } });
    expect(cleanText(find(root, 'b'))).toBe('one & <two>');
  });

  it('expands common HTML named characters but no declared entities', () => {
    expect(textOf(parseXml('<p>a&nbsp;b&mdash;c</p>'))).toBe('a\u00a0b\u2014c');
    expect(codeOf(() => parseXml('<p>&undefined;</p>'))).toBe('WIRE_MALFORMED');
  });

  it('refuses any DOCTYPE, with or without entity declarations', () => {
    expect(codeOf(() => parseXml('<!DOCTYPE p><p/>'))).toBe('WIRE_DOCTYPE');
    expect(codeOf(() => parseXml('<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><p>&x;</p>'))).toBe('WIRE_DOCTYPE');
  });

  it('refuses malformed XML, deep nesting and too many nodes', () => {
    for (const bad of ['<a><b></a>', '<a>', 'text', '<a></a><b></b>', '<a x="1" x="2"/>', '<a>\u0001</a>']) {
      expect(codeOf(() => parseXml(bad)), bad).toBe('WIRE_MALFORMED');
    }
    expect(codeOf(() => parseXml('<a>'.repeat(XML_LIMITS.maxDepth + 1) + '</a>'.repeat(XML_LIMITS.maxDepth + 1)))).toBe('WIRE_MALFORMED');
    expect(codeOf(() => parseXml(`<r>${'<i/>'.repeat(XML_LIMITS.maxNodes + 1)}</r>`))).toBe('WIRE_TOO_LARGE');
  });

  it('re-serialises inline markup as escaped HTML without prefixes or namespace attributes', () => {
    const root = parseXml('<body xmlns:h="urn:h"><h:p class="x" xmlns="urn:y">1 &lt; 2 &amp; "q"<br/>next</h:p></body>');
    expect(innerHtml(root)).toBe('<p class="x">1 &lt; 2 &amp; "q"<br>next</p>');
  });
});
