/**
 * Classic XSS payloads against the whole body pipeline. Output is checked by
 * parsing it, not by looking for strings we expect, so these tests fail if the
 * renderer or converter ever lets any new element, attribute or URL through.
 */
import { describe, it, expect } from 'vitest';
import { ElementType, parseDocument } from 'htmlparser2';
import { htmlToBody } from './body.from-html.js';
import { renderBody } from './body.render.js';
import type { RenderOptions } from './body.render.js';
import type { Block, BodyDocument } from './body.types.js';
import { parseBody } from './body.validate.js';

type DomNode = ReturnType<typeof parseDocument>['children'][number];

/** Every element the renderer may emit, with the attributes each may carry. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: [], h2: [], h3: [], h4: [], blockquote: [], cite: [], ul: [], ol: [], li: [], hr: [], br: [], em: [],
  strong: ['class'],
  a: ['href', 'rel', 'class', 'target'],
  figure: ['class', 'data-embed-provider', 'data-embed-id'],
  img: ['src', 'alt', 'width', 'height', 'loading', 'decoding', 'srcset'],
  figcaption: [],
  span: ['class'],
};
const ALLOWED_CLASSES = new Set(['dateline', 'credit', 'body-image', 'embed', 'embed__link', 'embed--youtube', 'embed--x', 'embed--instagram', 'embed--facebook']);
const FIXED_VALUES: Readonly<Record<string, readonly string[]>> = {
  rel: ['noopener noreferrer nofollow'],
  target: ['_blank'],
  loading: ['lazy'],
  decoding: ['async'],
  'data-embed-provider': ['youtube', 'x', 'instagram', 'facebook'],
};
/* eslint-disable-next-line no-control-regex -- a safe URL has no control characters or edge spaces */
const SAFE_URL = /^(?:https?:\/\/[^\s\u0000-\u001f]+|mailto:[^\s\u0000-\u001f]+|tel:[^\u0000-\u001f]+|\/(?![/\\])[^\s\u0000-\u001f]*|#[^\s\u0000-\u001f]*)$/i;
/** Every "<" in the output must open or close an allowlisted tag; everything else was escaped. */
const ALLOWED_TAG = new RegExp(`</?(?:${Object.keys(ALLOWED).join('|')})(?:\\s[^<>]*)?>`, 'g');

function checkAttribute(tag: string, name: string, value: string): void {
  expect(ALLOWED[tag], `<${tag}> may not carry ${name}`).toContain(name);
  expect(name.startsWith('on'), `event handler ${name}`).toBe(false);
  if (name === 'href' || name === 'src') expect(value, `${tag} ${name}`).toMatch(SAFE_URL);
  if (name === 'srcset') for (const candidate of value.split(',')) expect(candidate.trim().split(/\s+/)[0]).toMatch(SAFE_URL);
  if (name === 'class') for (const c of value.split(' ')) expect(ALLOWED_CLASSES, `class ${c}`).toContain(c);
  if (name === 'width' || name === 'height') expect(value).toMatch(/^[1-9]\d*$/);
  if (name === 'data-embed-id') expect(value).toMatch(/^[A-Za-z0-9._-]+$/);
  const fixed = FIXED_VALUES[name];
  if (fixed !== undefined) expect(fixed).toContain(value);
}

/** Parse rendered HTML and check every element, attribute and URL against the allowlists. */
function expectSafe(output: string): void {
  expect(output.replace(ALLOWED_TAG, '')).not.toContain('<');
  const stack: DomNode[] = [...parseDocument(output).children];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) continue;
    expect([ElementType.Text, ElementType.Tag], `node type ${node.type}`).toContain(node.type);
    if (!('attribs' in node)) continue;
    expect(Object.keys(ALLOWED), `element <${node.name}>`).toContain(node.name);
    for (const [name, value] of Object.entries(node.attribs)) checkAttribute(node.name, name, value);
    stack.push(...node.children);
  }
}

const RESOLVE: RenderOptions = {
  resolveMedia: (id) => ({ src: `/media/${id}.jpg`, width: 800, height: 600 }),
  dateline: 'LONDON',
};

function renderAll(doc: BodyDocument): string {
  return renderBody(doc, RESOLVE).value;
}

const HTML_PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT>alert(1)</SCRIPT>',
  '<ScRiPt>alert(1)</sCrIpT>',
  '<script src="https://evil.example/x.js"></script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&amp;lt;script&amp;gt;alert(1)',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<img src="https://ok.example/a.jpg" onerror="alert(1)" onload="alert(2)" alt="a">',
  '<img src="https://ok.example/a.jpg" alt=\'"><script>alert(1)</script>\'>',
  '<img """><script>alert(1)</script>">',
  '<img src="/ok.jpg" srcset="javascript:alert(1) 1x">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<body onload=alert(1)>text</body>',
  '<p onmouseover="alert(1)">hover</p>',
  '<details open ontoggle=alert(1)><summary>s</summary></details>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">tab</a>',
  '<a href="java&#10;script:alert(1)">newline</a>',
  '<a href="jav&#x0D;ascript:alert(1)">cr</a>',
  '<a href="java\tscript:alert(1)">raw tab</a>',
  '<a href="\u0001javascript:alert(1)">control</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">hex</a>',
  '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">padded</a>',
  '<a href="javascript&colon;alert(1)">colon entity</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<a href="//evil.example/">protocol-relative</a> <a href="/\\evil.example/">backslash</a>',
  '<a href="https://example.com/" onclick="alert(1)" style="x" target="_top">ok link</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<p style="background:url(javascript:alert(1))">styled</p>',
  '<div style="width: expression(alert(1))">expression</div>',
  '<style>@import "javascript:alert(1)"; body{background:url("javascript:alert(1)")}</style>',
  '<table background="javascript:alert(1)"><tr><td>cell</td></tr></table>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ&quot; onload=&quot;alert(1)"></iframe>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//"><a href="/x">x</a>',
  '<object data="javascript:alert(1)">fallback</object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">go</button></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math href="javascript:alert(1)">CLICKME</math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<p>unclosed <b>tag <i>soup <a href="javascript:x">link',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '</p></blockquote><script>alert(1)</script>',
  '{{constructor.constructor(\'alert(1)\')()}} ${alert(1)} <%= 7*7 %>',
  '<xmp><script>alert(1)</script></xmp>',
  '<plaintext><script>alert(1)</script>',
  '<textarea><script>alert(1)</script></textarea>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<video><source onerror="alert(1)"></video><audio src=x onerror=alert(1)>',
  '<blockquote class="twitter-tweet"><a href="javascript:alert(1)">tweet</a></blockquote>',
  '<div class="fb-post" data-href="javascript:alert(1)"></div>',
  '<a href="https://youtu.be/dQw4w9WgXcQ" onclick=alert(1)>video</a>',
  '<figure><img src="https://ok.example/a.jpg" onerror="x"><figcaption><script>alert(1)</script>cap <b onclick=x>b</b></figcaption></figure>',
  '<blockquote><p>q</p><footer><img src=x onerror=alert(1)>&mdash; <cite onclick=x>"><script>alert(1)</script></cite></footer></blockquote>',
];

describe('imported HTML payloads', () => {
  it(`covers at least 40 payloads (has ${HTML_PAYLOADS.length})`, () => {
    expect(HTML_PAYLOADS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(HTML_PAYLOADS)('neutralises %s when imported and rendered', (payload) => {
    for (const baseUrl of [undefined, 'https://agency.example/news/']) {
      const doc = htmlToBody(payload, baseUrl === undefined ? {} : { baseUrl });
      expect(parseBody(doc).ok).toBe(true);
      expectSafe(renderAll(doc));
    }
  });

  it('keeps script-looking text visible but inert', () => {
    const out = renderAll(htmlToBody('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'));
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

const URL_PAYLOADS: readonly string[] = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  '  javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\u0000script:alert(1)',
  '\u0001javascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  '&#106;avascript:alert(1)',
  'javascript&colon;alert(1)',
  '//evil.example/',
  '/\\evil.example/',
  '"><script>alert(1)</script>',
  "' onmouseover='alert(1)",
  'https://ok.example/"onmouseover="alert(1)',
  'https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>alert(1)</script>',
];

const TEXT_PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</p><script>alert(1)</script>',
  '<!--',
  ']]><script>alert(1)</script>',
  '&lt;script&gt;',
  '<a href="javascript:alert(1)">x</a>',
];

function docOf(...content: Block[]): BodyDocument {
  return { type: 'doc', version: 1, content };
}

/** A hand-built (possibly invalid) document goes both through parseBody and straight to the renderer. */
function expectSafeEitherWay(doc: BodyDocument): void {
  const parsed = parseBody(doc);
  if (parsed.ok) expectSafe(renderAll(parsed.value));
  expectSafe(renderAll(doc));
}

describe('hand-built documents', () => {
  it.each(URL_PAYLOADS)('never emits the link target %j', (href) => {
    expectSafeEitherWay(docOf({ type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', href }] }] }));
  });

  it.each(URL_PAYLOADS)('never emits the image source %j', (src) => {
    expectSafeEitherWay(docOf({ type: 'image', src, alt: 'a' }));
    const hostile: RenderOptions = { resolveMedia: () => ({ src, width: 1, height: 1, srcset: `${src} 2x` }) };
    expectSafe(renderBody(docOf({ type: 'image', mediaId: 1, alt: 'a' }), hostile).value);
  });

  it.each(URL_PAYLOADS)('never emits the embed URL %j', (url) => {
    expectSafeEitherWay(docOf({ type: 'embed', provider: 'youtube', url }));
  });

  it.each(TEXT_PAYLOADS)('escapes %j in every text field', (value) => {
    const doc = docOf(
      { type: 'paragraph', content: [{ type: 'text', text: value, marks: [{ type: 'bold' }] }] },
      { type: 'heading', level: 2, content: [{ type: 'text', text: value }] },
      { type: 'quote', content: [{ type: 'text', text: value }], cite: value },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: value }]] },
      { type: 'image', mediaId: 1, alt: value, caption: value, credit: value },
      { type: 'embed', provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ', caption: value },
    );
    expectSafeEitherWay(doc);
    expectSafe(renderBody(doc, { ...RESOLVE, dateline: value }).value);
  });

  it('ignores unknown node types and attributes smuggled into an unvalidated document', () => {
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'html', html: '<script>alert(1)</script>' },
        { type: 'paragraph', onclick: 'alert(1)', content: [{ type: 'raw', html: '<img src=x onerror=alert(1)>' }, { type: 'text', text: 'ok', marks: [{ type: 'style', css: 'x' }] }] },
        { type: 'heading', level: '2 onclick=alert(1)', content: [] },
        { type: 'heading', level: 'constructor', content: [{ type: 'text', text: 'proto' }] },
        { type: 'heading', level: '__proto__', content: [{ type: 'text', text: 'proto' }] },
        { type: 'list', ordered: 'constructor', items: [[{ type: 'text', text: 'i' }]] },
        { type: 'image', src: '/a.jpg', alt: 'a', width: '1" onerror="alert(1)' },
      ],
    } as unknown as BodyDocument;
    expect(parseBody(doc).ok).toBe(false);
    expectSafe(renderAll(doc));
  });
});

describe('the safety check itself', () => {
  it.each([
    '<script>alert(1)</script>',
    '<p onclick="alert(1)">x</p>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<img src="data:image/png;base64,AA">',
    '<iframe src="https://www.youtube.com/embed/x"></iframe>',
    '<p style="color:red">x</p>',
    '<div>x</div>',
    '<p>a < b</p>',
  ])('rejects %s', (bad) => {
    expect(() => expectSafe(bad)).toThrow();
  });
});
