import { describe, expect, it } from 'vitest';
import { CLICK_PLACEHOLDER, creativeSrcdoc, sanitizeCreativeHtml } from './ad-creative.js';

describe('HTML creatives', () => {
  it('lose scripts, event handlers, javascript: URLs, forms and styles', () => {
    const out = sanitizeCreativeHtml(
      '<div class="ad" onclick="steal()"><script>alert(1)</script><style>body{}</style><p>Big <b>sale</b></p>' +
        '<img src="javascript:alert(1)" onerror="x()"><img src="https://cdn.example/a.png" alt="Sale" width="300" height="250">' +
        '<form action="https://evil.example"><input name="card"></form><iframe src="https://evil.example"></iframe>' +
        '<a href="javascript:alert(1)">Buy</a></div>',
    );
    expect(out).not.toMatch(/script|onclick|onerror|javascript:|<form|<input|<iframe|<style|steal/i);
    expect(out).toContain('<p>Big <b>sale</b></p>');
    expect(out).toContain('<img src="https://cdn.example/a.png" alt="Sale" width="300" height="250" />');
  });

  it('points every link at the counted click-through, in a new tab, marked sponsored', () => {
    const out = sanitizeCreativeHtml('<a href="https://advertiser.example/" title="Offer">Buy now</a>');
    expect(out).toBe(`<a href="${CLICK_PLACEHOLDER}" target="_blank" rel="sponsored noopener" title="Offer">Buy now</a>`);
    const doc = creativeSrcdoc(out, '/ads/click?t=a.b&x=1', 300, 250);
    expect(doc).toContain('href="/ads/click?t=a.b&amp;x=1"');
    expect(doc).not.toContain(CLICK_PLACEHOLDER);
    expect(doc).toContain('width:300px;height:250px');
  });
});
