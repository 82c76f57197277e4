import { describe, it, expect } from 'vitest';
import { html, raw } from '../../../lib/html.js';
import { renderBody } from './body.render.js';
import type { RenderOptions } from './body.render.js';
import type { Block, BodyDocument, Inline, Mark } from './body.types.js';

function render(blocks: Block[], options?: RenderOptions): string {
  const doc: BodyDocument = { type: 'doc', version: 1, content: blocks };
  return renderBody(doc, options).value;
}

function t(text: string, ...marks: Mark[]): Inline {
  return marks.length === 0 ? { type: 'text', text } : { type: 'text', text, marks };
}

function p(...content: Inline[]): Block {
  return { type: 'paragraph', content };
}

const link = (href: string): Mark => ({ type: 'link', href });
const bold: Mark = { type: 'bold' };
const italic: Mark = { type: 'italic' };

describe('renderBody blocks', () => {
  it('renders paragraphs, one per line of output', () => {
    expect(render([p(t('One')), p(t('Two'))])).toBe('<p>One</p>\n<p>Two</p>');
  });

  it('renders headings at levels 2 to 4', () => {
    expect(render([2, 3, 4].map((level) => ({ type: 'heading', level, content: [t('H')] }) as Block))).toBe(
      '<h2>H</h2>\n<h3>H</h3>\n<h4>H</h4>',
    );
  });

  it('renders a quote with its citation', () => {
    expect(render([{ type: 'quote', content: [t('Words.')], cite: 'A. Person' }])).toBe(
      '<blockquote><p>Words.</p><cite>A. Person</cite></blockquote>',
    );
  });

  it('renders a quote without a citation', () => {
    expect(render([{ type: 'quote', content: [t('Words.')] }])).toBe('<blockquote><p>Words.</p></blockquote>');
  });

  it('renders ordered and unordered lists', () => {
    expect(render([{ type: 'list', ordered: false, items: [[t('a')], [t('b', bold)]] }])).toBe(
      '<ul><li>a</li><li><strong>b</strong></li></ul>',
    );
    expect(render([{ type: 'list', ordered: true, items: [[t('first')]] }])).toBe('<ol><li>first</li></ol>');
  });

  it('renders a divider and a line break', () => {
    expect(render([p(t('a'), { type: 'break' }, t('b')), { type: 'divider' }])).toBe('<p>a<br>b</p>\n<hr>');
  });

  it('renders nothing for an ad break by default', () => {
    expect(render([p(t('a')), { type: 'ad-break' }, p(t('b'))])).toBe('<p>a</p>\n<p>b</p>');
  });

  it('asks the ad-break hook for each break with its running number', () => {
    const out = render([{ type: 'ad-break' }, p(t('a')), { type: 'ad-break' }], {
      renderAdBreak: (index) => html`<div class="ad" data-slot="${`in-article-${index}`}"></div>`,
    });
    expect(out).toBe('<div class="ad" data-slot="in-article-0"></div>\n<p>a</p>\n<div class="ad" data-slot="in-article-1"></div>');
  });

  it('skips blocks of unknown type instead of failing', () => {
    const blocks = [{ type: 'html', html: '<script>x</script>' }, p(t('ok'))] as unknown as Block[];
    expect(render(blocks)).toBe('<p>ok</p>');
  });
});

describe('renderBody inline marks', () => {
  it('escapes text', () => {
    expect(render([p(t(`<b>"Tom" & 'Jerry'</b>`))])).toBe('<p>&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;</p>');
  });

  it('nests marks link first, then bold, then italic, whatever order they are stored in', () => {
    expect(render([p(t('x', italic, bold, link('/a')))])).toBe('<p><a href="/a"><strong><em>x</em></strong></a></p>');
  });

  it('keeps a shared link open across differently formatted neighbours', () => {
    expect(render([p(t('see ', link('/a')), t('this', link('/a'), bold), t(' now'))])).toBe(
      '<p><a href="/a">see <strong>this</strong></a> now</p>',
    );
  });

  it('closes and reopens marks when the link changes', () => {
    expect(render([p(t('a', link('/a'), bold), t('b', link('/b'), bold))])).toBe(
      '<p><a href="/a"><strong>a</strong></a><a href="/b"><strong>b</strong></a></p>',
    );
  });

  it('keeps marks open across a line break', () => {
    expect(render([p(t('a', bold), { type: 'break' }, t('b', bold))])).toBe('<p><strong>a<br>b</strong></p>');
  });

  it('gives external links rel="noopener noreferrer nofollow"', () => {
    expect(render([p(t('x', link('https://example.com/a')))])).toBe(
      '<p><a href="https://example.com/a" rel="noopener noreferrer nofollow">x</a></p>',
    );
  });

  it('renders site, fragment, mailto and tel links plainly', () => {
    expect(render([p(t('a', link('/news')), t('b', link('#top')), t('c', link('mailto:d@example.com')), t('d', link('tel:+15550100')))])).toBe(
      '<p><a href="/news">a</a><a href="#top">b</a><a href="mailto:d@example.com">c</a><a href="tel:+15550100">d</a></p>',
    );
  });

  it('drops a javascript: link but keeps its text', () => {
    expect(render([p(t('click me', link('javascript:alert(1)'), bold))])).toBe('<p><strong>click me</strong></p>');
  });

  it('escapes quotes in an href', () => {
    expect(render([p(t('x', link('/search?q="a"&b=<c>')))])).toBe('<p><a href="/search?q=%22a%22&amp;b=%3Cc%3E">x</a></p>');
  });
});

describe('renderBody images', () => {
  const media: RenderOptions['resolveMedia'] = (id) =>
    id === 7 ? { src: '/media/7/w800.jpg', width: 800, height: 533, srcset: '/media/7/w400.jpg 400w, /media/7/w800.jpg 800w' } : undefined;

  it('renders a media-library image through the resolver with its size and srcset', () => {
    expect(render([{ type: 'image', mediaId: 7, alt: 'A "dog"', caption: 'Rex & friend', credit: 'Photo: J. Doe' }], { resolveMedia: media })).toBe(
      '<figure class="body-image"><img src="/media/7/w800.jpg" alt="A &quot;dog&quot;" srcset="/media/7/w400.jpg 400w, /media/7/w800.jpg 800w"' +
        ' width="800" height="533" loading="lazy" decoding="async"><figcaption>Rex &amp; friend <span class="credit">Photo: J. Doe</span></figcaption></figure>',
    );
  });

  it('renders an external image with the size stored on the block', () => {
    expect(render([{ type: 'image', src: 'https://cdn.example.com/a.jpg', alt: '', width: 640, height: 480 }])).toBe(
      '<figure class="body-image"><img src="https://cdn.example.com/a.jpg" alt="" width="640" height="480" loading="lazy" decoding="async"></figure>',
    );
  });

  it('renders a credit without a caption', () => {
    expect(render([{ type: 'image', src: '/a.jpg', alt: '', credit: 'AP' }])).toContain('<figcaption><span class="credit">AP</span></figcaption>');
  });

  it('drops an image whose media the resolver does not know', () => {
    expect(render([{ type: 'image', mediaId: 99, alt: '' }, p(t('a'))], { resolveMedia: media })).toBe('<p>a</p>');
  });

  it('drops a media image when no resolver is given', () => {
    expect(render([{ type: 'image', mediaId: 7, alt: '' }])).toBe('');
  });

  it('drops an image with an unsafe source', () => {
    expect(render([{ type: 'image', src: 'javascript:alert(1)', alt: '' }])).toBe('');
    expect(render([{ type: 'image', mediaId: 1, alt: '' }], { resolveMedia: () => ({ src: 'data:image/png;base64,AA', width: 1, height: 1 }) })).toBe('');
  });

  it('leaves out a srcset with an unsafe candidate', () => {
    const out = render([{ type: 'image', mediaId: 1, alt: '' }], {
      resolveMedia: () => ({ src: '/a.jpg', width: 10, height: 10, srcset: '/a.jpg 1x, javascript:alert(1) 2x' }),
    });
    expect(out).not.toContain('srcset');
  });

  it('lets the reader site replace the image markup', () => {
    const out = render([{ type: 'image', mediaId: 7, alt: 'dog' }], {
      resolveMedia: media,
      renderImage: (block, resolved) => html`<picture><img src="${resolved.src}" alt="${block.alt}" width="${resolved.width}"></picture>`,
    });
    expect(out).toBe('<picture><img src="/media/7/w800.jpg" alt="dog" width="800"></picture>');
  });

  it('does not call the image hook for a dropped image', () => {
    let calls = 0;
    render([{ type: 'image', src: 'javascript:x', alt: '' }], { renderImage: () => (calls++, raw('')) });
    expect(calls).toBe(0);
  });
});

describe('renderBody embeds', () => {
  it('renders a YouTube embed as a click-to-load link, without iframe or script', () => {
    const out = render([{ type: 'embed', provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ', caption: 'The <clip>' }]);
    expect(out).toBe(
      '<figure class="embed embed--youtube" data-embed-provider="youtube" data-embed-id="dQw4w9WgXcQ">' +
        '<a class="embed__link" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer nofollow" target="_blank">View on YouTube</a>' +
        '<figcaption>The &lt;clip&gt;</figcaption></figure>',
    );
    expect(out).not.toMatch(/<iframe|<script/i);
  });

  it('names each provider in the link', () => {
    const out = render([
      { type: 'embed', provider: 'x', url: 'https://twitter.com/a/status/1' },
      { type: 'embed', provider: 'instagram', url: 'https://www.instagram.com/p/abc/' },
      { type: 'embed', provider: 'facebook', url: 'https://fb.watch/abc/' },
    ]);
    expect(out).toContain('href="https://x.com/a/status/1" rel="noopener noreferrer nofollow" target="_blank">View on X</a>');
    expect(out).toContain('data-embed-provider="instagram" data-embed-id="abc"');
    expect(out).toContain('class="embed embed--facebook"');
  });

  it('drops an embed whose URL is not from its provider', () => {
    expect(render([{ type: 'embed', provider: 'youtube', url: 'https://evil.example/watch?v=dQw4w9WgXcQ' }])).toBe('');
    expect(render([{ type: 'embed', provider: 'x', url: 'https://youtu.be/dQw4w9WgXcQ' }])).toBe('');
  });
});

describe('renderBody dateline', () => {
  it('starts the first paragraph with the dateline and an em dash', () => {
    expect(render([p(t('The council met.')), p(t('More.'))], { dateline: 'LONDON' })).toBe(
      '<p><strong class="dateline">LONDON</strong> \u2014 The council met.</p>\n<p>More.</p>',
    );
  });

  it('skips headings and images before the first paragraph', () => {
    expect(render([{ type: 'heading', level: 2, content: [t('H')] }, p(t('Text'))], { dateline: 'PARIS' })).toBe(
      '<h2>H</h2>\n<p><strong class="dateline">PARIS</strong> \u2014 Text</p>',
    );
  });

  it('escapes the dateline', () => {
    expect(render([p(t('x'))], { dateline: '<script>' })).toContain('<strong class="dateline">&lt;script&gt;</strong>');
  });

  it('leaves out a blank dateline', () => {
    expect(render([p(t('x'))], { dateline: '  ' })).toBe('<p>x</p>');
  });
});

describe('renderBody robustness', () => {
  it('renders nothing for something that is not a document', () => {
    expect(renderBody(null as unknown as BodyDocument).value).toBe('');
    expect(renderBody({ type: 'doc', version: 1, content: 'x' } as unknown as BodyDocument).value).toBe('');
  });

  it('never turns an unvalidated heading level or size into markup', () => {
    const blocks = [
      { type: 'heading', level: '1><script>', content: [t('H')] },
      { type: 'image', src: '/a.jpg', alt: '', width: '1"><script>', height: -4 },
    ] as unknown as Block[];
    expect(render(blocks)).toBe(
      '<h2>H</h2>\n<figure class="body-image"><img src="/a.jpg" alt="" loading="lazy" decoding="async"></figure>',
    );
  });

  it('renders a long story quickly', () => {
    const blocks: Block[] = [];
    for (let i = 0; i < 200; i++) blocks.push(p(t('Some words of a story '), t('with a link', link('https://example.com/a')), t(' and more.')));
    const started = performance.now();
    for (let i = 0; i < 20; i++) render(blocks);
    expect((performance.now() - started) / 20).toBeLessThan(50);
  });
});
