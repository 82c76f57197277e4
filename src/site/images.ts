/** Responsive <picture> markup for library images: AVIF, WebP and JPEG width variants, always with width/height so nothing shifts. */
import { html, type SafeHtml } from '../lib/html.js';
import { srcsetWidths, variantPath } from '../features/media/index.js';

export interface PictureImage {
  src: string;
  width: number;
  height: number;
  altText: string;
}

const KEY_PREFIX = '/media/';

function srcset(key: string, widths: readonly number[], format: 'avif' | 'webp' | 'jpeg'): string {
  return widths.map((w) => `${variantPath(key, w, format)} ${w}w`).join(', ');
}

export interface PictureOptions {
  sizes: string;
  /** Largest width worth offering for this placement. */
  maxWidth: number;
  eager?: boolean;
  className?: string;
}

export function picture(image: PictureImage, o: PictureOptions): SafeHtml {
  const key = image.src.startsWith(KEY_PREFIX) ? image.src.slice(KEY_PREFIX.length) : null;
  const loading = o.eager ? html` fetchpriority="high"` : html` loading="lazy" decoding="async"`;
  if (!key) {
    return html`<img src="${image.src}" alt="${image.altText}" width="${image.width}" height="${image.height}"${loading}>`;
  }
  const all = srcsetWidths({ width: image.width });
  const widths = all.filter((w) => w <= o.maxWidth);
  if (widths.length === 0 && all[0] !== undefined) widths.push(all[0]);
  const fallback = widths[widths.length - 1] ?? image.width;
  return html`<picture${o.className ? html` class="${o.className}"` : ''}>
<source type="image/avif" srcset="${srcset(key, widths, 'avif')}" sizes="${o.sizes}">
<source type="image/webp" srcset="${srcset(key, widths, 'webp')}" sizes="${o.sizes}">
<img src="${variantPath(key, fallback, 'jpeg')}" srcset="${srcset(key, widths, 'jpeg')}" sizes="${o.sizes}" alt="${image.altText}" width="${image.width}" height="${image.height}"${loading}>
</picture>`;
}
