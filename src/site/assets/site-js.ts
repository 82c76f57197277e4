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
})();
`;
