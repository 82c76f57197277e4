import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import {
  parseBody,
  parseEmbedUrl as serverParseEmbedUrl,
  safeImageSrc as serverSafeImageSrc,
  safeLinkHref as serverSafeLinkHref,
  type BodyDocument as ServerBodyDocument,
} from '../../../src/features/articles/body/index.js';
import { bodyToTiptap, tiptapToBody, type TiptapNode } from './body-mapping.js';
import type { Block, BodyDocument } from './body-types.js';
import { parseEmbedUrl, safeImageSrc, safeLinkHref } from './body-urls.js';
import { bodyExtensions } from './schema.js';

const schema = getSchema(bodyExtensions());

function doc(...content: Block[]): BodyDocument {
  return { type: 'doc', version: 1, content };
}

/** Through the real editor schema: JSON → ProseMirror node (checked) → JSON, as the editor would hold it. */
function throughEditor(body: BodyDocument): BodyDocument {
  const node = schema.nodeFromJSON(bodyToTiptap(body));
  node.check();
  return tiptapToBody(node.toJSON());
}

/** The server accepts the document and its normalisation changes nothing (a save then a reload is not an edit). */
function expectServerAccepts(body: BodyDocument): void {
  const parsed = parseBody(body);
  expect(parsed.ok ? parsed.value : parsed.error).toEqual(body);
}

function fromEditorJson(...content: TiptapNode[]): BodyDocument {
  const body = tiptapToBody({ type: 'doc', content });
  expectServerAccepts(body);
  return body;
}

const text = (t: string): TiptapNode => ({ type: 'text', text: t });
const para = (...content: TiptapNode[]): TiptapNode => ({ type: 'paragraph', content });

const everyBlock: Block[] = [
  {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'The council ' },
      { type: 'text', text: 'approved', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' the ' },
      { type: 'text', text: 'budget', marks: [{ type: 'italic' }] },
      { type: 'text', text: ', ' },
      { type: 'text', text: 'documents', marks: [{ type: 'link', href: 'https://example.gov/budget.pdf' }] },
      { type: 'text', text: ' show', marks: [{ type: 'link', href: 'https://example.gov/budget.pdf' }, { type: 'bold' }, { type: 'italic' }] },
      { type: 'break' },
      { type: 'text', text: 'desk@example.com', marks: [{ type: 'link', href: 'mailto:desk@example.com' }] },
    ],
  },
  { type: 'paragraph', content: [] },
  { type: 'heading', level: 2, content: [{ type: 'text', text: 'What changes' }] },
  { type: 'heading', level: 3, content: [{ type: 'text', text: 'Fares' }] },
  { type: 'heading', level: 4, content: [{ type: 'text', text: 'Buses' }] },
  { type: 'quote', content: [{ type: 'text', text: 'It is a budget for everyone.' }], cite: 'The mayor' },
  { type: 'quote', content: [{ type: 'text', text: 'Unattributed' }, { type: 'break' }, { type: 'text', text: 'second line' }] },
  { type: 'list', ordered: false, items: [[{ type: 'text', text: 'Bus fares freeze' }], [{ type: 'text', text: 'Two new ' }, { type: 'text', text: 'libraries', marks: [{ type: 'italic' }] }]] },
  { type: 'list', ordered: true, items: [[{ type: 'text', text: 'First' }], [], [{ type: 'text', text: 'Third' }]] },
  { type: 'image', alt: 'Councillors voting', mediaId: 412, caption: 'The vote on Monday.', credit: 'Photo: J. Doe' },
  { type: 'image', alt: '', src: 'https://images.example.com/a.jpg', width: 1200, height: 800 },
  { type: 'image', alt: 'Site image', src: '/media/2026/11/a.jpg' },
  { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: 'The debate' },
  { type: 'embed', provider: 'x', url: 'https://x.com/dateline/status/123456789' },
  { type: 'embed', provider: 'instagram', url: 'https://www.instagram.com/p/Cabc123/' },
  { type: 'embed', provider: 'facebook', url: 'https://www.facebook.com/dateline/posts/987654321' },
  { type: 'ad-break' },
  { type: 'divider' },
];

describe('body → editor → body', () => {
  it('keeps a story with every kind of block exactly as it was', () => {
    const body = doc(...everyBlock);
    expectServerAccepts(body);
    expect(tiptapToBody(bodyToTiptap(body))).toEqual(body);
    expect(throughEditor(body)).toEqual(body);
  });

  const alone = everyBlock.filter((b) => b.type !== 'paragraph' || b.content.length > 0);
  it.each(alone.map((b, i) => [`${b.type} #${i}`, b] as const))('keeps a %s unchanged through the editor schema', (_name, block) => {
    expect(throughEditor(doc(block))).toEqual(doc(block));
  });

  it('shows an empty body as one empty paragraph, and saves an editor holding only that as an empty body', () => {
    expect(bodyToTiptap(doc())).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(throughEditor(doc())).toEqual(doc());
    expect(throughEditor(doc({ type: 'paragraph', content: [] }))).toEqual(doc());
  });

  it('keeps a text longer than one text node allows, split where the server would accept it', () => {
    const long = 'a'.repeat(45_000);
    const body = tiptapToBody({ type: 'doc', content: [para(text(long))] });
    expectServerAccepts(body);
    expect(body.content[0]).toMatchObject({ type: 'paragraph', content: [{ text: 'a'.repeat(20_000) }, { text: 'a'.repeat(20_000) }, { text: 'a'.repeat(5000) }] });
    expect(throughEditor(body)).toEqual(body);
  });
});

describe('editor → body for what the body cannot hold', () => {
  it('keeps the text of strike, code and underline but drops those marks, and orders marks as the server does', () => {
    const body = fromEditorJson(
      para(
        { type: 'text', text: 'struck', marks: [{ type: 'strike' }] },
        { type: 'text', text: ' and code', marks: [{ type: 'code' }, { type: 'underline' }] },
        { type: 'text', text: ' link', marks: [{ type: 'italic' }, { type: 'link', attrs: { href: 'HTTPS://Example.com/a b', target: '_blank' } }, { type: 'bold' }] },
      ),
    );
    expect(body.content).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'struck and code' },
          { type: 'text', text: ' link', marks: [{ type: 'link', href: 'https://example.com/a%20b' }, { type: 'bold' }, { type: 'italic' }] },
        ],
      },
    ]);
  });

  it('turns a link the allowlist refuses into plain text', () => {
    const body = fromEditorJson(para({ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'java\tscript:alert(1)' } }] }));
    expect(body.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'click' }] }]);
  });

  it('maps heading levels 1, 5 and 6 onto 2 and 4', () => {
    const body = fromEditorJson(
      { type: 'heading', attrs: { level: 1 }, content: [text('One')] },
      { type: 'heading', attrs: { level: 6 }, content: [text('Six')] },
    );
    expect(body.content.map((b) => (b.type === 'heading' ? b.level : 0))).toEqual([2, 4]);
  });

  it('turns a code block into a paragraph with its lines as line breaks', () => {
    const body = fromEditorJson({ type: 'codeBlock', content: [text('line 1\nline 2')] });
    expect(body.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'line 1' }, { type: 'break' }, { type: 'text', text: 'line 2' }] }]);
  });

  it('flattens a quote of several paragraphs into one with line breaks, and moves an image in it out after it', () => {
    const body = fromEditorJson({
      type: 'blockquote',
      content: [para(text('First')), { type: 'figureImage', attrs: { mediaId: 7, alt: 'x' } }, { type: 'horizontalRule' }, para(text('Second'))],
    });
    expect(body.content).toEqual([
      { type: 'quote', content: [{ type: 'text', text: 'First' }, { type: 'break' }, { type: 'text', text: 'Second' }] },
      { type: 'image', alt: 'x', mediaId: 7 },
    ]);
  });

  it('flattens nested lists into items in reading order, and joins paragraphs of one item with a line break', () => {
    const item = (...content: TiptapNode[]): TiptapNode => ({ type: 'listItem', content });
    const body = fromEditorJson({
      type: 'orderedList',
      content: [item(para(text('One')), para(text('more')), { type: 'bulletList', content: [item(para(text('One.a')))] }), item(para(text('Two')))],
    });
    expect(body.content).toEqual([
      {
        type: 'list',
        ordered: true,
        items: [[{ type: 'text', text: 'One' }, { type: 'break' }, { type: 'text', text: 'more' }], [{ type: 'text', text: 'One.a' }], [{ type: 'text', text: 'Two' }]],
      },
    ]);
  });

  it('splits a list longer than the server allows into consecutive lists', () => {
    const items = Array.from({ length: 501 }, (_, i) => ({ type: 'listItem', content: [para(text(`item ${i}`))] }));
    const body = fromEditorJson({ type: 'bulletList', content: items });
    expect(body.content.map((b) => (b.type === 'list' ? b.items.length : 0))).toEqual([500, 1]);
  });

  it('keeps the paragraphs of a table and drops nodes it does not know', () => {
    const cell = (t: string): TiptapNode => ({ type: 'tableCell', content: [para(text(t))] });
    const body = fromEditorJson(
      { type: 'table', content: [{ type: 'tableRow', content: [cell('A1'), cell('B1')] }] },
      { type: 'mention', attrs: { id: 'x' } },
    );
    expect(body.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'A1' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'B1' }] },
    ]);
  });

  it('keeps an image only with a library id or an allowed source, and cleans its fields', () => {
    const body = fromEditorJson(
      { type: 'figureImage', attrs: { mediaId: null, src: 'data:image/png;base64,AAAA', alt: 'bad' } },
      { type: 'figureImage', attrs: { mediaId: null, src: null, alt: 'nothing' } },
      { type: 'image', attrs: { src: 'https://cdn.example.com/p.jpg', alt: 'Pasted', width: '640', height: 0, title: 't' } },
      { type: 'figureImage', attrs: { mediaId: 3, src: null, alt: 'Library', caption: '   ', credit: 'Agency', width: null, height: null } },
    );
    expect(body.content).toEqual([
      { type: 'image', alt: 'Pasted', src: 'https://cdn.example.com/p.jpg', width: 640 },
      { type: 'image', alt: 'Library', mediaId: 3, credit: 'Agency' },
    ]);
  });

  it('stores embeds under their canonical URL, and keeps an unrecognised one as a link', () => {
    const body = fromEditorJson(
      { type: 'embed', attrs: { provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ?t=42', caption: '' } },
      { type: 'embed', attrs: { provider: 'x', url: 'https://twitter.com/dateline/status/42?s=20', caption: 'Post' } },
      { type: 'embed', attrs: { provider: 'youtube', url: 'https://vimeo.com/123', caption: '' } },
      { type: 'embed', attrs: { provider: 'youtube', url: 'javascript:alert(1)', caption: '' } },
    );
    expect(body.content).toEqual([
      { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
      { type: 'embed', provider: 'x', url: 'https://x.com/dateline/status/42', caption: 'Post' },
      { type: 'paragraph', content: [{ type: 'text', text: 'https://vimeo.com/123', marks: [{ type: 'link', href: 'https://vimeo.com/123' }] }] },
    ]);
  });

  it('reads garbage as an empty body rather than failing', () => {
    expect(tiptapToBody(null)).toEqual(doc());
    expect(tiptapToBody({ type: 'doc', content: [42, { nope: true }, { type: 'paragraph', content: 'x' }, { type: 'heading', content: [42] }] })).toEqual(
      doc({ type: 'paragraph', content: [] }, { type: 'heading', level: 2, content: [] }),
    );
  });
});

describe('the editor applies the same URL rules as the server', () => {
  const urls = [
    'https://example.com/a b',
    'HTTPS://Example.com/x?q=1#f',
    'http://user:pw@example.com/',
    'https://bank.example@evil.example/',
    ' java\tscript:alert(1)',
    'java\u0000script:alert(1)',
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    'mailto:desk@example.com',
    'tel:+441234',
    '/news/story',
    '//evil.example/x',
    '/\\evil.example',
    '#section',
    'page.html',
    '?q=1',
    'ftp://example.com/file',
    '',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
    'https://youtu.be/dQw4w9WgXcQ',
    'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    'https://m.youtube.com/shorts/dQw4w9WgXcQ',
    'https://evil-youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtube.com:8080/watch?v=dQw4w9WgXcQ',
    'https://twitter.com/user_1/status/123/photo/1',
    'https://x.com/user/status/abc',
    'https://instagram.com/reel/Abc_-1',
    'https://www.facebook.com/page/videos/some-title/123',
    'https://www.facebook.com/page/posts/456',
    'https://fb.watch/abcDEF/',
    'https://www.facebook.com/posts',
  ];

  it.each(urls)('%j', (url) => {
    expect(safeLinkHref(url)).toBe(serverSafeLinkHref(url));
    expect(safeImageSrc(url)).toBe(serverSafeImageSrc(url));
    const server = serverParseEmbedUrl(url);
    expect(parseEmbedUrl(url)).toEqual(server === null ? null : { provider: server.provider, url: server.url });
  });
});

it('the app’s body type is the server’s body type', () => {
  const ours: BodyDocument = doc(...everyBlock);
  const theirs: ServerBodyDocument = ours;
  const back: BodyDocument = theirs;
  expect(back).toBe(ours);
});
