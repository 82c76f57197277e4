/** The reader site's stylesheet (inlined into every page: one small file, no render-blocking request). */
export const SITE_CSS = String.raw`/* Dateline reader site. Mobile first, system fonts, no layout shift: every
   image and ad slot declares its box before its content arrives. */
:root{--ink:#121212;--muted:#4d4d4d;--rule:#d9d6d0;--paper:#fff;--tint:#f6f4ef;--accent:#a3111b;--link:#0b4f8a;--focus:#1a56db;
--serif:Georgia,"Times New Roman","Noto Serif","Noto Serif Devanagari","Noto Serif Gurmukhi","Nirmala UI","Mangal",serif;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Devanagari","Noto Sans Gurmukhi","Nirmala UI",Arial,sans-serif;
--wrap:1200px;--gap:1rem}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%;scrollbar-gutter:stable}
body{margin:0;background:var(--paper);color:var(--ink);font:1rem/1.55 var(--sans);padding-bottom:4rem}
img,svg{max-width:100%;height:auto;display:block}
a{color:var(--link)}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.wrap{max-width:var(--wrap);margin:0 auto;padding:0 var(--gap)}
.skip-link{position:absolute;left:-999px;top:0;background:var(--ink);color:#fff;padding:.5rem 1rem;z-index:10}
.skip-link:focus{left:0}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
/* utility bar: one line that scrolls sideways on phones, never wraps the page */
.utility{background:var(--ink);color:#fff;font-size:.8125rem}
.utility .wrap{display:flex;align-items:center;gap:.75rem;min-height:2.5rem}
.utility__links,.utility__social{display:flex;gap:1rem;list-style:none;margin:0;padding:0;white-space:nowrap}
.utility__links{overflow-x:auto;flex:1 1 auto;min-width:0;scrollbar-width:none}
.utility a{color:#fff;text-decoration:none;display:inline-block;padding:.6rem 0}
.utility a:hover{text-decoration:underline}
.utility__social{display:none}
.utility__social svg{width:18px;height:18px;fill:currentColor}
.search-form{display:flex;flex:0 0 auto}
.search-form input{width:7.5rem;font:inherit;padding:.3rem .5rem;border:1px solid #777;border-radius:3px 0 0 3px;background:#fff;color:var(--ink)}
.search-form button{font:inherit;padding:.3rem .6rem;border:1px solid #777;border-left:0;border-radius:0 3px 3px 0;background:#2b2b2b;color:#fff;cursor:pointer}
/* masthead */
.masthead{text-align:center;padding-top:1rem}
.masthead__name{display:inline-block;font:700 clamp(1.75rem,7vw,3.25rem)/1.1 var(--serif);color:var(--ink);text-decoration:none;letter-spacing:-.01em}
.masthead__tagline{margin:.25rem 0 0;font-size:.8125rem;color:var(--muted)}
.masthead__date{display:block;font-size:.8125rem;color:var(--muted);margin:.25rem 0 .5rem}
.sections{border-top:1px solid var(--rule);border-bottom:3px double var(--ink)}
.sections ul{display:flex;gap:1.25rem;list-style:none;margin:0 auto;padding:0 var(--gap);max-width:var(--wrap);overflow-x:auto;white-space:nowrap;scrollbar-width:none;justify-content:flex-start}
.sections a{display:inline-block;padding:.7rem 0;color:var(--ink);text-decoration:none;font-weight:600;font-size:.9375rem;border-bottom:3px solid transparent}
.sections a[aria-current]{border-bottom-color:var(--accent)}
/* ad slots: the box is reserved at its largest size before anything loads */
.ad-slot{margin:1rem auto;text-align:center;width:100%}
.ad-slot__label{display:block;font-size:.6875rem;letter-spacing:.08em;text-transform:uppercase;color:var(--muted);margin-bottom:.25rem}
/* the frame has a fixed width and height: what fills it (house promotion, image, iframe,
   network tag) is centred inside and clipped to it, so filling never moves the page */
.ad-slot__frame{margin:0 auto;background:var(--tint);overflow:hidden;display:flex;align-items:center;justify-content:center;contain:layout paint}
.ad-slot--leaderboard .ad-slot__frame{width:320px;height:50px;max-width:100%}
.ad-slot--rectangle .ad-slot__frame{width:300px;height:250px;max-width:100%}
.ad-slot__ad{display:block;flex:0 0 auto;border:0}
.ad-slot__ad img{display:block;max-width:none;height:auto}
.house{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:.25rem;width:100%;height:100%;color:var(--ink);text-decoration:none;font:600 .875rem/1.3 var(--sans);padding:.5rem}
.house strong{font:700 1.0625rem/1.2 var(--serif);color:var(--accent)}
.ad-slot--leaderboard .house{flex-direction:row;gap:.5rem}
/* layout */
main{display:block}
.page{display:grid;gap:2rem;padding-top:1rem}
.rail{display:none}
.section-head{border-bottom:2px solid var(--ink);margin:1.5rem 0 1rem;display:flex;align-items:baseline;justify-content:space-between;gap:1rem}
.section-head h1,.section-head h2{font:700 1.375rem/1.2 var(--serif);margin:0 0 .35rem}
.section-head a{color:var(--ink);text-decoration:none}
.section-head .more{font-size:.875rem;color:var(--link);white-space:nowrap}
.intro{color:var(--muted);margin:-.5rem 0 1rem}
/* cards */
.cards{display:grid;gap:1.25rem;grid-template-columns:1fr;list-style:none;margin:0;padding:0}
.card{display:grid;grid-template-columns:1fr 112px;gap:.75rem;align-items:start;padding-bottom:1.25rem;border-bottom:1px solid var(--rule)}
.card__body{min-width:0}
.card__headline{font:700 1.0625rem/1.3 var(--serif);margin:.15rem 0 .35rem}
.card__headline a{color:var(--ink);text-decoration:none}
.card__headline a:hover{text-decoration:underline}
.card__standfirst{margin:0 0 .35rem;color:#333;font-size:.9375rem}
.card__image{order:2;aspect-ratio:16/9;background:var(--tint);overflow:hidden}
.card__image img{width:100%;height:100%;object-fit:cover}
.card__meta{font-size:.8125rem;color:var(--muted)}
.kicker{font-size:.75rem;font-weight:700;letter-spacing:.06em;text-transform:uppercase;color:var(--accent);text-decoration:none}
.card.card--lead{grid-template-columns:1fr;border-bottom:3px solid var(--ink)}
.card--lead .card__image,.card--top .card__image{order:-1}
.card--lead .card__headline{font-size:clamp(1.5rem,5vw,2.25rem);line-height:1.15}
.card--lead .card__standfirst{font-size:1.0625rem}
.card.card--top,.card.card--opinion{grid-template-columns:1fr}
.card.card--compact{grid-template-columns:1fr;padding-bottom:.75rem}
.card--compact .card__headline{font-size:.9375rem}
.strip{background:var(--tint);padding:1rem;margin:1.5rem 0}
.strip .cards{grid-template-columns:repeat(auto-fill,minmax(220px,1fr))}
.strip .card{border:0}
.card__author{display:flex;gap:.6rem;align-items:center;font-size:.875rem;color:var(--muted)}
.card__author img{width:48px;height:48px;border-radius:50%;object-fit:cover;flex:0 0 48px}
.pager{display:flex;justify-content:space-between;gap:1rem;margin:1.5rem 0;font-weight:600}
/* story */
.story{max-width:720px}
.breadcrumbs ol{display:flex;flex-wrap:wrap;gap:.35rem;list-style:none;margin:0 0 .5rem;padding:0;font-size:.8125rem}
.breadcrumbs li+li::before{content:"›";margin-right:.35rem;color:var(--muted)}
.breadcrumbs a{color:var(--muted)}
.story__headline{font:700 clamp(1.75rem,6vw,2.75rem)/1.15 var(--serif);margin:.35rem 0 .75rem;letter-spacing:-.01em}
.story__standfirst{font:400 1.1875rem/1.5 var(--serif);color:#333;margin:0 0 1rem}
.share{display:flex;flex-wrap:wrap;gap:.5rem;margin:0 0 1rem}
.share a,.share button{display:inline-flex;align-items:center;gap:.35rem;min-height:2.5rem;padding:0 .8rem;border:1px solid var(--rule);border-radius:2rem;background:#fff;color:var(--ink);font:600 .8125rem var(--sans);text-decoration:none;cursor:pointer}
.share svg{width:16px;height:16px;fill:currentColor}
.share [hidden]{display:none}
.story__image{margin:0 0 1rem}
.story__image picture,.body-image img{display:block;background:var(--tint)}
.story__image img{width:100%;aspect-ratio:16/9;object-fit:cover}
figcaption{font-size:.8125rem;color:var(--muted);margin-top:.4rem}
.credit{text-transform:uppercase;letter-spacing:.03em;font-size:.75rem}
.story__meta{font-size:.8125rem;color:var(--muted);margin-bottom:1rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.story__body{font:1.125rem/1.7 var(--serif)}
.story__body p{margin:0 0 1.1rem}
.story__body h2{font:700 1.375rem/1.3 var(--serif);margin:1.75rem 0 .75rem}
.story__body h3,.story__body h4{font:700 1.1875rem/1.3 var(--serif);margin:1.5rem 0 .5rem}
.story__body blockquote{margin:1.5rem 0;padding:0 0 0 1rem;border-left:4px solid var(--accent);font-style:italic}
.story__body cite{display:block;font:normal .875rem var(--sans);color:var(--muted);margin-top:.35rem}
.story__body figure{margin:1.5rem 0}
.dateline{font-weight:700}
.embed{border:1px solid var(--rule);background:var(--tint);padding:1rem;margin:1.5rem 0;font:1rem var(--sans)}
.embed__link{font-weight:600}
.embed iframe{width:100%;aspect-ratio:16/9;border:0}
.story__signoff{font:600 1rem var(--sans);margin:1.5rem 0}
.story__tags{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:1rem 0}
.story__tags a{display:inline-block;padding:.35rem .75rem;border:1px solid var(--rule);border-radius:2rem;font-size:.8125rem;text-decoration:none;color:var(--ink)}
.story__corrections{border:1px solid var(--rule);border-left:4px solid var(--accent);padding:.75rem 1rem;margin:1.5rem 0;font-size:.9375rem}
.story__corrections h2,.related h2{font:700 1.0625rem/1.3 var(--sans);margin:0 0 .5rem}
.story__corrections ul{margin:0;padding-left:1.1rem}
.story__corrections time{display:block;font-size:.8125rem;color:var(--muted)}
.related{margin:2rem 0}
.author-head{display:flex;gap:1rem;align-items:center;margin:1.5rem 0}
.author-head img{width:96px;height:96px;border-radius:50%;object-fit:cover;flex:0 0 96px}
.author-head h1{font:700 1.75rem/1.2 var(--serif);margin:0}
.author-head p{margin:.25rem 0 0;color:var(--muted)}
.static-page{max-width:720px}
.static-page h1{font:700 2rem/1.2 var(--serif)}
.static-page .story__body{font-size:1.0625rem}
/* advertise: rate card and the inquiry form */
.advertise{max-width:760px}
.advertise h1{font:700 2rem/1.2 var(--serif)}
.advertise h2{font:700 1.375rem/1.3 var(--serif);margin:2rem 0 .75rem}
.rate-card{width:100%;border-collapse:collapse;font-size:.9375rem}
.rate-card caption{text-align:left;font-weight:700;margin-bottom:.5rem}
.rate-card th,.rate-card td{text-align:left;vertical-align:top;padding:.5rem .6rem;border-bottom:1px solid var(--rule)}
.rate-card thead th{border-bottom:2px solid var(--ink);font-size:.8125rem;text-transform:uppercase;letter-spacing:.04em}
.rate-card__price{white-space:nowrap;font-weight:700}
.rate-card__price span{font-weight:400;color:var(--muted)}
.inquiry-form{display:grid;gap:1rem;max-width:36rem}
.form-field label{display:block;font-weight:700}
.form-field__optional,.form-field__hint{font-weight:400;color:var(--muted);font-size:.875rem;margin:.15rem 0 0}
.form-field input,.form-field textarea{display:block;width:100%;font:inherit;padding:.5rem .6rem;border:1px solid #767676;border-radius:3px;margin-top:.3rem;background:#fff;color:var(--ink)}
.form-field--error input,.form-field--error textarea{border:2px solid var(--accent)}
.form-field__error{color:var(--accent);font-weight:600;margin:.2rem 0 0}
.form-notice{border:1px solid var(--accent);border-left:4px solid var(--accent);padding:.6rem 1rem;background:#fff6f6}
.form-notice p{margin:0;font-weight:600}
.form-notice ul{margin:.35rem 0 0;padding-left:1.1rem}
.form-trap{position:absolute!important;left:-10000px;width:1px;height:1px;overflow:hidden}
.button{justify-self:start;font:600 1rem var(--sans);padding:.65rem 1.4rem;border:0;border-radius:3px;background:var(--ink);color:#fff;cursor:pointer}
.notice{max-width:640px;margin:3rem auto;text-align:center}
.notice h1{font:700 2rem/1.2 var(--serif)}
/* footer and the phone's bottom bar */
.site-footer{background:var(--ink);color:#ddd;margin-top:3rem;padding:2rem 0 1.5rem;font-size:.875rem}
.site-footer a{color:#fff}
.site-footer ul{list-style:none;margin:0 0 1rem;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
.site-footer .utility__social{display:flex}
.bottom-bar{position:fixed;left:0;right:0;bottom:0;z-index:5;display:grid;grid-template-columns:repeat(5,1fr);background:#fff;border-top:1px solid var(--rule);height:3.5rem}
.bottom-bar a{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:.1rem;color:#444;text-decoration:none;font-size:.6875rem;font-weight:600}
.bottom-bar svg{width:22px;height:22px;fill:none;stroke:currentColor;stroke-width:1.8}
.bottom-bar a[aria-current]{color:var(--accent)}
@media (min-width:640px){
.cards--grid{grid-template-columns:repeat(2,1fr)}
.card{grid-template-columns:1fr 160px}
.utility__social{display:flex}
.search-form input{width:10rem}
}
@media (min-width:768px){
.ad-slot--leaderboard .ad-slot__frame{width:728px;height:90px}
.sections ul{justify-content:center}
}
@media (min-width:1024px){
body{padding-bottom:0}
.bottom-bar{display:none}
.page--rail{grid-template-columns:minmax(0,1fr) 300px}
.rail{display:block}
.home-top{display:grid;grid-template-columns:2fr 1fr;gap:2rem}
.cards--grid{grid-template-columns:repeat(3,1fr)}
}
@media (prefers-reduced-motion:reduce){*{scroll-behavior:auto!important;transition:none!important}}
mark{background:#fff0a8;color:inherit;padding:0 .05em}
.search-page{position:relative;margin:0 0 1rem}.search-page .search-form input{width:100%;max-width:28rem}
.search-filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.6rem 0;font-size:.875rem}
.search-filters select{font:inherit;padding:.15rem .3rem;margin-left:.25rem}
.search-filters button{font:inherit;padding:.2rem .6rem;border:1px solid #777;border-radius:3px;background:#fff;cursor:pointer}
.search-suggest{position:absolute;z-index:20;left:0;right:0;top:100%;margin:0;padding:0;list-style:none;background:#fff;border:1px solid #ccc;box-shadow:0 4px 12px rgba(0,0,0,.12);max-width:32rem}
.search-suggest a{display:block;padding:.4rem .6rem;color:var(--ink);text-decoration:none}.search-suggest a:hover,.search-suggest a:focus{background:#f2f2f2}
@media print{.utility,.sections,.ad-slot,.share,.bottom-bar,.site-footer,.rail,.related{display:none!important}body{padding:0}}
`;
