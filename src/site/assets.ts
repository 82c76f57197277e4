/** Reader assets, prepared once at start-up: the stylesheet (inlined) and the script (hashed URL, cached for a year). */
import { createHash } from 'node:crypto';
import { SITE_CSS } from './assets/site-css.js';
import { SITE_JS } from './assets/site-js.js';
import { ADS_JS } from './assets/ads-js.js';
import { SITE_ICON_SVG } from './assets/icon.js';

export interface SiteAssets {
  css: string;
  js: string;
  jsPath: string;
  /** The ad script, only on pages with ad slots (hashed URL, cached for a year). */
  adsJs: string;
  adsJsPath: string;
  icon: string;
  iconPath: string;
}

/** Comments and layout whitespace only: the stylesheet is ours, so this stays safe without a CSS parser. */
function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s*\n\s*/g, '')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

/**
 * Whole-line comments, indentation, and spaces outside string literals that do not
 * separate two words. Line breaks stay, so automatic semicolons cannot change. Only for
 * our own scripts, which have no regular-expression or template literals (ads-js.ts).
 */
export function minifyJs(js: string): string {
  const lines = js
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .join('\n');
  const word = /[A-Za-z0-9_$]/;
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i] ?? '';
    if (quote !== null) {
      out += c;
      if (c === '\\') out += lines[++i] ?? '';
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
      out += c;
    } else if (c !== ' ' || (word.test(out[out.length - 1] ?? '') && word.test(lines[i + 1] ?? ''))) {
      out += c;
    }
  }
  return out;
}

export function buildSiteAssets(): SiteAssets {
  const js = SITE_JS.trim();
  const hash = createHash('sha1').update(js).digest('hex').slice(0, 10);
  const iconHash = createHash('sha1').update(SITE_ICON_SVG).digest('hex').slice(0, 10);
  const adsJs = minifyJs(ADS_JS);
  const adsHash = createHash('sha1').update(adsJs).digest('hex').slice(0, 10);
  return {
    css: minifyCss(SITE_CSS),
    js,
    jsPath: `/assets/site.${hash}.js`,
    adsJs,
    adsJsPath: `/assets/ads.${adsHash}.js`,
    icon: SITE_ICON_SVG,
    iconPath: `/assets/icon.${iconHash}.svg`,
  };
}
