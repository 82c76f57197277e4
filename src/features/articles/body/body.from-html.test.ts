import { describe, it, expect } from 'vitest';
import { htmlToBody } from './body.from-html.js';
import { BODY_LIMITS } from './body.limits.js';
import type { Block } from './body.types.js';
import { parseBody } from './body.validate.js';

/** Convert and check the result is a valid, already-normalised document. */
function convert(html: string, baseUrl?: string): Block[] {
  const doc = htmlToBody(html, baseUrl === undefined ? {} : { baseUrl });
  expect(parseBody(doc)).toEqual({ ok: true, value: doc });
  return doc.content;
}

function para(text: string): Block {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

const WIRE_STORY = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html><head><title>LONDON (Agency) - Rates held</title><meta charset="utf-8">
<style>p { color: red }</style><script>trackPageView();</script></head>
<body>
<div class="story">
  <h1 class="headline">Bank holds rates at 5.25%</h1>
  <p class="byline">By <b>Jane   Smith</b></p>
  <p>LONDON, May 2 (Agency) -
     The Bank of England held interest rates on Thursday, saying
     inflation was &ldquo;still too high&rdquo;.</p>
  <!-- editors: check figure below -->
  <figure class="photo">
    <img src="https://cdn.agency.example/pix/abc.jpg" alt="The Bank of England" width="1200" height="800">
    <figcaption>The Bank of England in London. <span class="credit">REUTERS/Photographer</span></figcaption>
  </figure>
  <p>Governor Andrew Bailey said:</p>
  <blockquote><p>We need to see more evidence.</p><footer>&mdash; Andrew Bailey</footer></blockquote>
  <h3>Market reaction</h3>
  <ul><li>Sterling rose 0.2%</li><li>Gilt yields <i>fell</i></li></ul>
  <p>Read our <a href="/markets/live">live coverage</a> or <a href="https://www.bankofengland.co.uk/">the statement</a>.</p>
  <div class="ad-slot"><script>ads.push({})</script><noscript><img src="https://ads.example/pixel.gif"></noscript></div>
  <p>(Reporting by Jane Smith; Editing by Tom Jones)</p>
</div>
</body></html>`;

describe('htmlToBody with agency copy', () => {
  it('converts a typical wire story', () => {
    expect(convert(WIRE_STORY)).toEqual([
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'Bank holds rates at 5.25%' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'By ' }, { type: 'text', text: 'Jane Smith', marks: [{ type: 'bold' }] }] },
      para('LONDON, May 2 (Agency) - The Bank of England held interest rates on Thursday, saying inflation was \u201cstill too high\u201d.'),
      {
        type: 'image',
        src: 'https://cdn.agency.example/pix/abc.jpg',
        alt: 'The Bank of England',
        caption: 'The Bank of England in London.',
        credit: 'REUTERS/Photographer',
        width: 1200,
        height: 800,
      },
      para('Governor Andrew Bailey said:'),
      { type: 'quote', content: [{ type: 'text', text: 'We need to see more evidence.' }], cite: 'Andrew Bailey' },
      { type: 'heading', level: 3, content: [{ type: 'text', text: 'Market reaction' }] },
      {
        type: 'list',
        ordered: false,
        items: [[{ type: 'text', text: 'Sterling rose 0.2%' }], [{ type: 'text', text: 'Gilt yields ' }, { type: 'text', text: 'fell', marks: [{ type: 'italic' }] }]],
      },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Read our ' },
          { type: 'text', text: 'live coverage', marks: [{ type: 'link', href: '/markets/live' }] },
          { type: 'text', text: ' or ' },
          { type: 'text', text: 'the statement', marks: [{ type: 'link', href: 'https://www.bankofengland.co.uk/' }] },
          { type: 'text', text: '.' },
        ],
      },
      para('(Reporting by Jane Smith; Editing by Tom Jones)'),
    ]);
  });

  it('splits paragraphs separated by double line breaks, as old wire feeds do', () => {
    expect(convert('First para.<br><br>Second para.<br />\nstill second.<br> <br>Third.')).toEqual([
      para('First para.'),
      { type: 'paragraph', content: [{ type: 'text', text: 'Second para.' }, { type: 'break' }, { type: 'text', text: 'still second.' }] },
      para('Third.'),
    ]);
  });

  it('resolves relative links and images against the base URL', () => {
    expect(convert('<p><a href="../other.html">other</a></p><img src="img/a.jpg" alt="">', 'https://agency.example/news/item.html')).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'other', marks: [{ type: 'link', href: 'https://agency.example/other.html' }] }] },
      { type: 'image', src: 'https://agency.example/news/img/a.jpg', alt: '' },
    ]);
  });

  it('keeps the text of relative links it cannot resolve', () => {
    expect(convert('<p>see <a href="other.html">this</a></p>')).toEqual([para('see this')]);
  });

  it('uses a lazy-loading data-src when src is a placeholder', () => {
    expect(convert('<img src="data:image/gif;base64,R0lGOD" data-src="https://cdn.example.com/real.jpg" alt="x">')).toEqual([
      { type: 'image', src: 'https://cdn.example.com/real.jpg', alt: 'x' },
    ]);
  });
});

describe('htmlToBody structure', () => {
  it('makes text directly inside a container into its own paragraph', () => {
    expect(convert('<div>before<p>inside</p>after<section><article>deep</article></section></div>')).toEqual([
      para('before'),
      para('inside'),
      para('after'),
      para('deep'),
    ]);
  });

  it('maps h1 to h6 onto levels 2, 3 and 4', () => {
    const levels = convert('<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h5>e</h5><h6>f</h6>').map((b) => (b.type === 'heading' ? b.level : 0));
    expect(levels).toEqual([2, 2, 3, 4, 4, 4]);
  });

  it('flattens nested lists into items in reading order', () => {
    expect(convert('<ol><li>one<ul><li>one.a</li><li>one.b</li></ul>one, continued</li><li><p>two</p><p>lines</p></li></ol>')).toEqual([
      {
        type: 'list',
        ordered: true,
        items: [
          [{ type: 'text', text: 'one' }],
          [{ type: 'text', text: 'one.a' }],
          [{ type: 'text', text: 'one.b' }],
          [{ type: 'text', text: 'one, continued' }],
          [{ type: 'text', text: 'two' }, { type: 'break' }, { type: 'text', text: 'lines' }],
        ],
      },
    ]);
  });

  it('turns hr into a divider and br into a break', () => {
    expect(convert('<p>a<br>b</p><hr><p>c</p>')).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'break' }, { type: 'text', text: 'b' }] },
      { type: 'divider' },
      para('c'),
    ]);
  });

  it('keeps pre text line by line without collapsing spaces', () => {
    expect(convert('<pre>\nRESULTS\n  Team A   3\n  Team B   1</pre>')).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'RESULTS' },
          { type: 'break' },
          { type: 'text', text: '  Team A   3' },
          { type: 'break' },
          { type: 'text', text: '  Team B   1' },
        ],
      },
    ]);
  });

  it('reads a table row as one paragraph', () => {
    expect(convert('<table><tr><th>Team</th><th>Pts</th></tr><tr><td>A</td><td>3</td></tr></table>')).toEqual([para('Team Pts'), para('A 3')]);
  });

  it('combines nested bold, italic and link formatting', () => {
    expect(convert('<p><a href="/x"><b>bold <i>both</i></b></a></p>')).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'bold ', marks: [{ type: 'link', href: '/x' }, { type: 'bold' }] },
          { type: 'text', text: 'both', marks: [{ type: 'link', href: '/x' }, { type: 'bold' }, { type: 'italic' }] },
        ],
      },
    ]);
  });
});

describe('htmlToBody embeds', () => {
  it('turns an allowlisted iframe into an embed and drops any other iframe', () => {
    expect(convert('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0"></iframe><iframe src="https://evil.example/x">text</iframe>')).toEqual([
      { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
    ]);
  });

  it('reads protocol-relative embed code as https', () => {
    expect(convert('<iframe src="//www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>')).toHaveLength(1);
  });

  it('turns a tweet blockquote into an X embed', () => {
    const tweet =
      '<blockquote class="twitter-tweet"><p lang="en">Polls close at 10pm <a href="https://twitter.com/hashtag/vote">#vote</a></p>' +
      '&mdash; Election Desk (@desk) <a href="https://twitter.com/desk/status/1790000000000000000?ref_src=twsrc%5Etfw">May 2, 2024</a></blockquote>' +
      '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';
    expect(convert(tweet)).toEqual([{ type: 'embed', provider: 'x', url: 'https://x.com/desk/status/1790000000000000000' }]);
  });

  it("turns Facebook's fb-post div into an embed", () => {
    expect(convert('<div class="fb-post" data-href="https://www.facebook.com/cityhall/posts/123"></div>')).toEqual([
      { type: 'embed', provider: 'facebook', url: 'https://www.facebook.com/cityhall/posts/123' },
    ]);
  });

  it('turns a paragraph that is only a link to a video into an embed, with the link text as caption', () => {
    expect(convert('<p><a href="https://youtu.be/dQw4w9WgXcQ">Watch the briefing</a></p>')).toEqual([
      { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: 'Watch the briefing' },
    ]);
  });

  it('keeps a video link inside a sentence as a link', () => {
    expect(convert('<p>Watch <a href="https://youtu.be/dQw4w9WgXcQ">the briefing</a> here.</p>')[0]?.type).toBe('paragraph');
  });

  it('gives an embedded iframe in a figure the figure caption', () => {
    expect(convert('<figure><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe><figcaption>Briefing</figcaption></figure>')).toEqual([
      { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: 'Briefing' },
    ]);
  });
});

describe('htmlToBody junk', () => {
  it('drops scripts, styles, forms, metadata and comments together with their text', () => {
    const html =
      '<p>keep</p><script>var a = "x";</script><style>.a{}</style><noscript>enable js</noscript><template><p>t</p></template>' +
      '<form action="/x"><input value="v"><button>Send</button><select><option>o</option></select><textarea>ta</textarea>form text</form>' +
      '<svg><text>svg text</text></svg><math><mi>x</mi></math><object data="x.swf">obj</object><embed src="x.swf">' +
      '<title>t</title><meta name="x"><link rel="stylesheet" href="x.css"><!-- comment --><p>also kept</p>';
    expect(convert(html)).toEqual([para('keep'), para('also kept')]);
  });

  it('keeps the text of unknown elements', () => {
    expect(convert('<p><span class="x">one</span> <font color="red">two</font> <custom-el>three</custom-el> <u>four</u></p>')).toEqual([
      para('one two three four'),
    ]);
  });

  it('decodes entities once and keeps the result as text', () => {
    expect(convert('<p>Caf&eacute; &amp; bar &lt;b&gt; &#8220;q&#8221; &amp;lt;</p>')).toEqual([para('Caf\u00e9 & bar <b> \u201cq\u201d &lt;')]);
  });

  it('collapses whitespace like a browser but keeps non-breaking spaces', () => {
    expect(convert('<p>\n\t  a \n\n b&nbsp;&nbsp;c  <b> d </b> e  </p>')).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'a b\u00a0\u00a0c ' }, { type: 'text', text: 'd ', marks: [{ type: 'bold' }] }, { type: 'text', text: 'e' }] },
    ]);
  });

  it('drops empty paragraphs and empty formatting', () => {
    expect(convert('<p></p><p> &nbsp; </p><p><b></b><br></p><div><p><br></p></div><p>x</p>')).toEqual([para('x')]);
  });

  it('copes with unclosed and misnested tags', () => {
    expect(convert('<p>one<p>two<b>bold<i>both</b>italic?</i><ul><li>a<li>b</ul><div>end')).toHaveLength(4);
  });

  it('never throws on hostile or broken input', () => {
    const inputs = ['', '<', '<<<>>>', '<a href="', '<!--', '<![CDATA[x', '</p></p></div>', '\u0000\uFFFF\uD800', '<p>'.repeat(5000), '<b>'.repeat(50_000) + 'deep'];
    for (const input of inputs) expect(() => convert(input)).not.toThrow();
  });

  it('keeps text nested very deeply', () => {
    expect(convert(`${'<div><span>'.repeat(300)}deep text`)).toEqual([para('deep text')]);
  });

  it('stays within the document limits', () => {
    const doc = convert(`<ul>${'<li>item</li>'.repeat(BODY_LIMITS.maxListItems + 1)}</ul>${'<p>p</p>'.repeat(BODY_LIMITS.maxBlocks + 5)}`);
    expect(doc).toHaveLength(BODY_LIMITS.maxBlocks);
    expect(doc[1]).toMatchObject({ type: 'list', items: [[{ text: 'item' }]] });
  });

  it('splits over-long text into nodes that fit', () => {
    const doc = convert(`<p>${'x'.repeat(BODY_LIMITS.maxTextLength + 10)}</p>`);
    expect(doc[0]).toMatchObject({ content: [{ text: 'x'.repeat(BODY_LIMITS.maxTextLength) }, { text: 'x'.repeat(10) }] });
  });

  it('converts a hostile 2 MB input in bounded time', () => {
    const started = performance.now();
    convert('<a href="https://example.com/x"><b>'.repeat(60_000));
    convert('<div>'.repeat(400_000));
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
