import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { BODY_LIMITS } from './body.limits.js';
import type { BodyDocument } from './body.types.js';
import { parseBody } from './body.validate.js';

function doc(...content: unknown[]): unknown {
  return { type: 'doc', version: 1, content };
}

function para(...content: unknown[]): unknown {
  return { type: 'paragraph', content };
}

function text(value: string, marks?: unknown[]): unknown {
  return marks === undefined ? { type: 'text', text: value } : { type: 'text', text: value, marks };
}

function valid(input: unknown): BodyDocument {
  const result = parseBody(input);
  if (!result.ok) throw new Error(`expected a valid body, got ${result.error.field}: ${result.error.message}`);
  return result.value;
}

function rejection(input: unknown): { code: string; field: string; message: string } {
  const result = parseBody(input);
  if (result.ok) throw new Error('expected the body to be refused');
  return result.error;
}

describe('parseBody accepts', () => {
  it('accepts an empty document', () => {
    expect(valid(doc())).toEqual({ type: 'doc', version: 1, content: [] });
  });

  it('accepts every block type', () => {
    const input = doc(
      para(text('Hello'), { type: 'break' }, text('world', [{ type: 'bold' }])),
      { type: 'heading', level: 3, content: [text('Sub')] },
      { type: 'quote', content: [text('Words')], cite: 'A. Person' },
      { type: 'list', ordered: true, items: [[text('one')], [text('two')]] },
      { type: 'image', mediaId: 7, alt: 'A dog', caption: 'Rex', credit: 'Photo: Jo', width: 800, height: 600 },
      { type: 'image', src: 'https://cdn.example.com/a.jpg', alt: '' },
      { type: 'embed', provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ', caption: 'Clip' },
      { type: 'ad-break' },
      { type: 'divider' },
    );
    expect(valid(input).content).toHaveLength(9);
  });

  it('accepts the example document in docs/story-body.md', () => {
    const reference = readFileSync(new URL('../../../../docs/story-body.md', import.meta.url), 'utf8');
    const example = reference.slice(reference.indexOf('## Example'));
    const json = /```json\n([\s\S]*?)```/.exec(example)?.[1];
    expect(valid(JSON.parse(json ?? 'null')).content).toHaveLength(9);
  });

  it('returns a fresh document, not the input objects', () => {
    const block = para(text('a'));
    const input = doc(block);
    expect(valid(input).content[0]).not.toBe(block);
  });

  it('gives back the same document when parsing its own output', () => {
    const once = valid(doc(para(text('a '), text('b', [{ type: 'italic' }, { type: 'bold' }]), text(''))));
    expect(valid(once)).toEqual(once);
  });
});

describe('parseBody normalises', () => {
  it('merges adjacent text nodes with equal marks', () => {
    const out = valid(doc(para(text('a', [{ type: 'bold' }]), text('b', [{ type: 'bold' }]), text('c'))));
    expect(out.content[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'ab', marks: [{ type: 'bold' }] }, { type: 'text', text: 'c' }],
    });
  });

  it('drops empty text nodes, so their neighbours merge', () => {
    const out = valid(doc(para(text('a'), text('', [{ type: 'bold' }]), text('b'))));
    expect(out.content[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'ab' }] });
  });

  it('puts marks in the order link, bold, italic and removes duplicates', () => {
    const marks = [{ type: 'italic' }, { type: 'bold' }, { type: 'link', href: '/x' }, { type: 'bold' }];
    const out = valid(doc(para(text('a', marks))));
    expect(out.content[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'a', marks: [{ type: 'link', href: '/x' }, { type: 'bold' }, { type: 'italic' }] }],
    });
  });

  it('treats marks given in a different order as equal when merging', () => {
    const out = valid(doc(para(text('a', [{ type: 'bold' }, { type: 'italic' }]), text('b', [{ type: 'italic' }, { type: 'bold' }]))));
    expect(out.content[0]).toMatchObject({ content: [{ text: 'ab' }] });
  });

  it('removes an empty marks array', () => {
    expect(valid(doc(para(text('a', [])))).content[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'a' }] });
  });

  it('does not merge text past the per-node length limit', () => {
    const half = 'x'.repeat(BODY_LIMITS.maxTextLength / 2 + 1);
    const out = valid(doc(para(text(half), text(half))));
    expect(out.content[0]).toMatchObject({ content: [{ text: half }, { text: half }] });
  });

  it('normalises link, image and embed URLs', () => {
    const out = valid(
      doc(
        para(text('a', [{ type: 'link', href: '  HTTPS://Example.COM/a b ' }])),
        { type: 'image', src: 'https://CDN.example.com/x.jpg', alt: '' },
        { type: 'embed', provider: 'x', url: 'https://twitter.com/someone/status/123?s=20' },
      ),
    );
    expect(out.content[0]).toMatchObject({ content: [{ marks: [{ href: 'https://example.com/a%20b' }] }] });
    expect(out.content[1]).toMatchObject({ src: 'https://cdn.example.com/x.jpg' });
    expect(out.content[2]).toMatchObject({ url: 'https://x.com/someone/status/123' });
  });

  it('treats an optional field set to undefined by code as absent', () => {
    expect(valid(doc({ type: 'image', mediaId: 3, src: undefined, alt: '', caption: undefined })).content[0]).toEqual({
      type: 'image',
      mediaId: 3,
      alt: '',
    });
  });

  it('drops blank optional strings', () => {
    const out = valid(doc({ type: 'quote', content: [text('q')], cite: '  ' }));
    expect(out.content[0]).toEqual({ type: 'quote', content: [{ type: 'text', text: 'q' }] });
  });
});

describe('parseBody refuses', () => {
  const cases: [string, unknown, string][] = [
    ['a non-object body', 'hello', 'body'],
    ['an array body', [], 'body'],
    ['a wrong document type', { type: 'page', version: 1, content: [] }, 'body.type'],
    ['an unknown version', { type: 'doc', version: 2, content: [] }, 'body.version'],
    ['an unknown top-level key', { type: 'doc', version: 1, content: [], html: '<p>' }, 'body.html'],
    ['content that is not an array', { type: 'doc', version: 1, content: {} }, 'body.content'],
    ['a block that is not an object', doc('text'), 'body.content[0]'],
    ['a block without a type', doc({ content: [] }), 'body.content[0].type'],
    ['an unknown block type', doc(para(), { type: 'html', html: '<b>' }), 'body.content[1].type'],
    ['an unknown key on a block', doc({ type: 'paragraph', content: [], style: 'x' }), 'body.content[0].style'],
    ['an unknown key that is not an identifier', doc({ type: 'divider', 'on click': 1 }), 'body.content[0]["on click"]'],
    ['a prototype-polluting key', JSON.parse('{"type":"doc","version":1,"content":[],"__proto__":{}}'), 'body.__proto__'],
    ['a heading level of 1', doc({ type: 'heading', level: 1, content: [] }), 'body.content[0].level'],
    ['a heading level of 5', doc({ type: 'heading', level: 5, content: [] }), 'body.content[0].level'],
    ['a heading level given as a string', doc({ type: 'heading', level: '2', content: [] }), 'body.content[0].level'],
    ['an unknown inline type', doc(para(text('a'), { type: 'html', html: '<b>' })), 'body.content[0].content[1].type'],
    ['text that is not a string', doc(para({ type: 'text', text: 5 })), 'body.content[0].content[0].text'],
    ['an unknown key on a text node', doc(para({ type: 'text', text: 'a', style: 'x' })), 'body.content[0].content[0].style'],
    ['an unknown key on a break', doc(para({ type: 'break', count: 2 })), 'body.content[0].content[0].count'],
    ['marks that are not an array', doc(para(text('a', 'bold' as unknown as unknown[]))), 'body.content[0].content[0].marks'],
    ['an unknown mark', doc(para(text('a', [{ type: 'underline' }]))), 'body.content[0].content[0].marks[0].type'],
    ['an unknown key on a mark', doc(para(text('a', [{ type: 'bold', weight: 900 }]))), 'body.content[0].content[0].marks[0].weight'],
    ['a link mark without href', doc(para(text('a', [{ type: 'link' }]))), 'body.content[0].content[0].marks[0].href'],
    ['a javascript: link', doc(para(text('a', [{ type: 'link', href: 'javascript:alert(1)' }]))), 'body.content[0].content[0].marks[0].href'],
    ['a protocol-relative link', doc(para(text('a', [{ type: 'link', href: '//evil.example/' }]))), 'body.content[0].content[0].marks[0].href'],
    ['two different links on one text node', doc(para(text('a', [{ type: 'link', href: '/a' }, { type: 'link', href: '/b' }]))), 'body.content[0].content[0].marks[1]'],
    ['a quote cite that is not a string', doc({ type: 'quote', content: [], cite: 3 }), 'body.content[0].cite'],
    ['a list without ordered', doc({ type: 'list', items: [] }), 'body.content[0].ordered'],
    ['a list item that is not an array', doc({ type: 'list', ordered: false, items: [[text('a')], 'b'] }), 'body.content[0].items[1]'],
    ['a bad node inside a list item', doc({ type: 'list', ordered: false, items: [[text('a')], [text('b'), { type: 'img' }]] }), 'body.content[0].items[1][1].type'],
    ['an image with neither mediaId nor src', doc({ type: 'image', alt: '' }), 'body.content[0]'],
    ['an image with both mediaId and src', doc({ type: 'image', alt: '', mediaId: 1, src: '/a.jpg' }), 'body.content[0]'],
    ['an image without alt', doc({ type: 'image', mediaId: 1 }), 'body.content[0].alt'],
    ['a fractional mediaId', doc({ type: 'image', mediaId: 1.5, alt: '' }), 'body.content[0].mediaId'],
    ['a data: image source', doc({ type: 'image', src: 'data:image/png;base64,AAAA', alt: '' }), 'body.content[0].src'],
    ['a zero image width', doc({ type: 'image', src: '/a.jpg', alt: '', width: 0 }), 'body.content[0].width'],
    ['an image height given as a string', doc({ type: 'image', src: '/a.jpg', alt: '', height: '600' }), 'body.content[0].height'],
    ['an unknown embed provider', doc({ type: 'embed', provider: 'tiktok', url: 'https://www.tiktok.com/@a/video/1' }), 'body.content[0].provider'],
    ['an embed URL of another provider', doc({ type: 'embed', provider: 'youtube', url: 'https://x.com/a/status/1' }), 'body.content[0].url'],
    ['a javascript: embed URL', doc({ type: 'embed', provider: 'youtube', url: 'javascript:alert(1)' }), 'body.content[0].url'],
    ['an unknown key on an ad break', doc({ type: 'ad-break', slot: 'top' }), 'body.content[0].slot'],
  ];

  for (const [name, input, field] of cases) {
    it(`refuses ${name} at ${field}`, () => {
      const error = rejection(input);
      expect(error.code).toBe('BODY_INVALID');
      expect(error.field).toBe(field);
      expect(error.message.length).toBeGreaterThan(0);
    });
  }

  it('refuses text longer than 20,000 characters, naming the text node', () => {
    const long = 'x'.repeat(BODY_LIMITS.maxTextLength + 1);
    expect(rejection(doc(para(text('ok')), { type: 'list', ordered: false, items: [[text(long)]] })).field).toBe(
      'body.content[1].items[0][0].text',
    );
  });

  it('accepts text of exactly 20,000 characters', () => {
    expect(parseBody(doc(para(text('x'.repeat(BODY_LIMITS.maxTextLength))))).ok).toBe(true);
  });

  it('refuses more than 2,000 blocks', () => {
    const blocks = Array.from({ length: BODY_LIMITS.maxBlocks + 1 }, () => ({ type: 'divider' }));
    expect(rejection(doc(...blocks)).field).toBe('body.content');
    expect(parseBody(doc(...blocks.slice(1))).ok).toBe(true);
  });

  it('refuses a list of more than 500 items', () => {
    const items = Array.from({ length: BODY_LIMITS.maxListItems + 1 }, () => [text('i')]);
    expect(rejection(doc({ type: 'list', ordered: false, items })).field).toBe('body.content[0].items');
  });

  it('refuses more than 5,000 inline nodes in one paragraph', () => {
    const inlines = Array.from({ length: BODY_LIMITS.maxInlines + 1 }, () => ({ type: 'break' }));
    expect(rejection(doc(para(...inlines))).field).toBe('body.content[0].content');
  });

  it('refuses a link longer than 2,048 characters', () => {
    const href = `https://example.com/${'a'.repeat(BODY_LIMITS.maxUrlLength)}`;
    expect(rejection(doc(para(text('a', [{ type: 'link', href }])))).field).toBe('body.content[0].content[0].marks[0].href');
  });

  it('does not echo the offending value in its message', () => {
    const error = rejection(doc({ type: '<script>alert(1)</script>' }));
    expect(error.message).not.toContain('<script>');
  });
});
