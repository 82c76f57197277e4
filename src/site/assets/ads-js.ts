/**
 * The ad script: loaded (deferred, after the content) only on pages with ad slots. One
 * POST /ads/fill for every slot of the page, then each slot's house promotion is swapped
 * for the ad, inside the box the CSS already reserved, so nothing moves. Counts a view
 * once per slot when at least half of the ad has been on screen for a full second.
 * Every failure is silent: the house promotions stay and the page reads as before.
 * Served through minifyJs (assets.ts): write no regular-expression or template literals here.
 */
export const ADS_JS = String.raw`(function () {
  'use strict';
  var d = document, w = window;
  if (!w.fetch || !w.JSON) return;
  var meta = d.querySelector('meta[name="dl-ad-context"]'), page = {};
  try { page = JSON.parse(meta.getAttribute('content')) || {}; } catch (e) {}
  var vw = w.innerWidth || d.documentElement.clientWidth;
  var device = vw < 768 ? 'phone' : vw < 1024 ? 'tablet' : 'desktop';
  var frames = {}, asks = [];
  Array.prototype.forEach.call(d.querySelectorAll('[data-ad-slot]'), function (slot) {
    var id = slot.getAttribute('data-ad-slot'), f = slot.querySelector('.ad-slot__frame');
    // A slot hidden at this width (the rail on phones) is not asked for: it would never be seen.
    if (!f || !f.offsetWidth || frames[id]) return;
    // Only sizes that fit the reserved box: the box never grows, so the page never shifts.
    var sizes = (slot.getAttribute('data-ad-sizes') || '').split(' ').filter(function (z) {
      var p = z.split('x');
      return p.length === 2 && +p[0] <= f.clientWidth && +p[1] <= f.clientHeight;
    });
    if (!sizes.length) return;
    frames[id] = f;
    asks.push({ id: id, sizes: sizes });
  });
  if (!asks.length) return;

  function el(tag, attrs) {
    var e = d.createElement(tag);
    for (var k in attrs) if (attrs[k] != null) e.setAttribute(k, attrs[k]);
    return e;
  }

  // Viewability: >= 50 % in view, tab visible, for one continuous second; once per slot.
  var watched = [], io = w.IntersectionObserver && navigator.sendBeacon && new IntersectionObserver(function (entries) {
    entries.forEach(function (en) {
      var v = en.target._dlView;
      if (v) { v.inView = en.isIntersecting && en.intersectionRatio >= 0.5; arm(v); }
    });
  }, { threshold: [0, 0.5, 1] });
  function arm(v) {
    if (v.done) return;
    if (v.inView && d.visibilityState === 'visible') {
      if (!v.timer) v.timer = setTimeout(function () { send(v); }, 1000);
    } else if (v.timer) { clearTimeout(v.timer); v.timer = 0; }
  }
  function send(v) {
    v.done = true;
    io.unobserve(v.el);
    try { navigator.sendBeacon('/ads/beacon', JSON.stringify({ t: v.token, e: 'view' })); } catch (e) {}
  }
  d.addEventListener('visibilitychange', function () { watched.forEach(arm); });

  var gpt = null;
  function network(f, ad, wd, ht) {
    var n = ad.network;
    if (!n || n.network !== 'gam' || !n.unitPath) return;
    var div = el('div', { id: 'dl-ad-' + ad.slot, style: 'width:' + wd + 'px;height:' + ht + 'px' });
    f.textContent = '';
    f.appendChild(div);
    f.setAttribute('data-ad-filled', 'network');
    // The network's script loads now, and only because a slot needs it.
    if (!gpt) {
      w.googletag = w.googletag || { cmd: [] };
      gpt = el('script', { src: 'https://securepubads.g.doubleclick.net/tag/js/gpt.js', async: '' });
      d.head.appendChild(gpt);
    }
    var sizes = (n.sizes && n.sizes.length ? n.sizes : [ad.size]).map(function (z) { return z.split('x').map(Number); });
    w.googletag.cmd.push(function () {
      var g = w.googletag, s = g.defineSlot(n.unitPath, sizes, div.id);
      if (!s) return;
      s.addService(g.pubads());
      g.enableServices();
      g.display(div.id);
    });
  }

  function fill(ad) {
    var f = ad && frames[ad.slot];
    if (!f || typeof ad.size !== 'string' || ad.kind === 'house') return;
    var p = ad.size.split('x'), wd = +p[0], ht = +p[1], node;
    if (!(wd > 0 && ht > 0)) return;
    if (ad.kind === 'network') return network(f, ad, wd, ht);
    if (ad.kind === 'image' && ad.image && ad.clickUrl) {
      node = el('a', { href: ad.clickUrl, rel: 'sponsored noopener', target: '_blank', 'class': 'ad-slot__ad' });
      node.appendChild(el('img', { src: ad.image.src, width: ad.image.width || wd, height: ad.image.height || ht, alt: ad.image.alt || '' }));
    } else if (ad.kind === 'html' && typeof ad.html === 'string') {
      node = el('iframe', { sandbox: 'allow-popups allow-popups-to-escape-sandbox', width: wd, height: ht, title: 'Advertisement', 'class': 'ad-slot__ad' });
      node.srcdoc = ad.html;
    } else return;
    f.textContent = '';
    f.appendChild(node);
    f.setAttribute('data-ad-filled', ad.kind);
    if (io && ad.token) {
      var v = { el: f, token: ad.token, inView: false, timer: 0, done: false };
      f._dlView = v;
      watched.push(v);
      io.observe(f);
    }
  }

  fetch('/ads/fill', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      page: {
        type: page.type || 'other',
        sectionId: page.sectionId == null ? null : page.sectionId,
        language: String(page.language || d.documentElement.lang || '').slice(0, 35),
        keywords: (page.keywords || []).slice(0, 20),
        path: location.pathname.slice(0, 1000)
      },
      device: device,
      slots: asks.slice(0, 20)
    })
  }).then(function (r) { return r.ok ? r.json() : null; }).then(function (res) {
    if (res && res.ads && res.ads.forEach) res.ads.forEach(function (ad) { try { fill(ad); } catch (e) {} });
  }).catch(function () {});
})();
`;
