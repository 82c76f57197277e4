/** Reader enhancements (share sheet, copy link, click-to-load embeds), served as one small deferred script. */
export const SITE_JS = String.raw`// Reader enhancements; the page works without them. Share sheet, copy link,
// click-to-load embeds. No third-party code runs until the reader asks.
(function () {
  'use strict';
  var share = document.querySelector('.share');
  if (share) {
    var url = share.getAttribute('data-share-url') || location.href;
    var title = share.getAttribute('data-share-title') || document.title;
    var native = share.querySelector('.share__native');
    if (native && navigator.share) {
      native.hidden = false;
      native.addEventListener('click', function () {
        navigator.share({ title: title, url: url }).catch(function () {});
      });
    }
    var copy = share.querySelector('.share__copy');
    if (copy) {
      copy.addEventListener('click', function () {
        var done = function () {
          copy.textContent = 'Link copied';
          setTimeout(function () { copy.textContent = 'Copy link'; }, 2000);
        };
        if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, function () {});
        else window.prompt('Copy this link', url);
      });
    }
  }
  var EMBED_SRC = {
    youtube: function (id) { return 'https://www.youtube-nocookie.com/embed/' + encodeURIComponent(id) + '?autoplay=1'; }
  };
  // Embeds are plain links until the reader clicks: only then does the provider's player load.
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('.embed__link');
    if (!link) return;
    var figure = link.closest('.embed');
    var provider = figure.getAttribute('data-embed-provider');
    var id = figure.getAttribute('data-embed-id');
    var src = EMBED_SRC[provider] && id ? EMBED_SRC[provider](id) : null;
    if (!src) return;
    e.preventDefault();
    var frame = document.createElement('iframe');
    frame.src = src;
    frame.title = link.textContent || 'Embedded video';
    frame.allow = 'autoplay; encrypted-media; picture-in-picture';
    frame.allowFullscreen = true;
    link.replaceWith(frame);
  });
  // Search as you type: headline suggestions under any search box; the form still works without them.
  Array.prototype.forEach.call(document.querySelectorAll('form[role=search] input[name=q]'), function (input) {
    var form = input.form, list = null, timer = 0, asked = '';
    form.style.position = form.style.position || 'relative';
    var close = function () { if (list) { list.remove(); list = null; } };
    input.addEventListener('keydown', function (e) { if (e.key === 'Escape') close(); });
    input.addEventListener('blur', function () { setTimeout(close, 200); });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      timer = setTimeout(function () {
        asked = q;
        fetch('/api/v1/search/suggest?q=' + encodeURIComponent(q)).then(function (r) { return r.ok ? r.json() : { items: [] }; }).then(function (data) {
          if (asked !== q) return;
          close();
          if (!data.items || !data.items.length) return;
          list = document.createElement('ul');
          list.className = 'search-suggest';
          data.items.forEach(function (item) {
            var li = document.createElement('li'), a = document.createElement('a');
            a.href = item.path;
            a.textContent = item.headline;
            li.appendChild(a);
            list.appendChild(li);
          });
          form.appendChild(list);
        }).catch(function () {});
      }, 150);
    });
  });
})();
`;
