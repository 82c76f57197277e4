/** Reader assets, prepared once at start-up: the stylesheet (inlined) and the script (hashed URL, cached for a year). */
import { createHash } from 'node:crypto';
import { SITE_CSS } from './assets/site-css.js';
import { SITE_JS } from './assets/site-js.js';
import { SITE_ICON_SVG } from './assets/icon.js';

export interface SiteAssets {
  css: string;
  js: string;
  jsPath: string;
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

export function buildSiteAssets(): SiteAssets {
  const js = SITE_JS.trim();
  const hash = createHash('sha1').update(js).digest('hex').slice(0, 10);
  const iconHash = createHash('sha1').update(SITE_ICON_SVG).digest('hex').slice(0, 10);
  return { css: minifyCss(SITE_CSS), js, jsPath: `/assets/site.${hash}.js`, icon: SITE_ICON_SVG, iconPath: `/assets/icon.${iconHash}.svg` };
}
