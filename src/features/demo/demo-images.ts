/**
 * Deterministic flat editorial illustrations for the demo newspaper, as SVG
 * strings.
 *
 * Everything is derived from a seeded PRNG (no Math.random), so the same
 * (theme, seed, size) always yields the same string. The SVGs contain only
 * shapes and gradients: no <text> (no fonts exist when rasterising), no
 * <image>, <use>, links or scripts, and nothing external. They are written
 * for librsvg (sharp) but render in any browser too.
 */

import type { ImageTheme } from './demo-types.js';

export type { ImageTheme } from './demo-types.js';
export { IMAGE_THEMES } from './demo-types.js';

// ── Seeded randomness ──────────────────────────────────────────────────────

/** A 32-bit hash of a string (cyrb53-style mixing). */
function hashString(str: string): number {
  let h1 = 0xdeadbeef ^ str.length;
  let h2 = 0x41c6ce57 ^ str.length;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ (h2 >>> 3)) >>> 0;
}

/** mulberry32: small, fast, good enough for pictures. */
class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max], inclusive. */
  int(min: number, max: number): number {
    return Math.floor(this.range(min, max + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Rng.pick: empty list');
    return item;
  }
}

// ── Colour helpers ─────────────────────────────────────────────────────────

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const v = hex.replace('#', '');
  const n = parseInt(v.length === 3 ? v.replace(/./g, (c) => c + c) : v, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function rgbToHex([r, g, b]: Rgb): string {
  const c = (x: number): string => Math.max(0, Math.min(255, Math.round(x))).toString(16).padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

/** Linear mix of two colours; t = 0 gives a, t = 1 gives b. */
function mix(a: string, b: string, t: number): string {
  const x = hexToRgb(a);
  const y = hexToRgb(b);
  return rgbToHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

const lighten = (c: string, t: number): string => mix(c, '#ffffff', t);
const darken = (c: string, t: number): string => mix(c, '#000000', t);

function rgbToHsl([r, g, b]: Rgb): [number, number, number] {
  const rn = r / 255;
  const gn = g / 255;
  const bn = b / 255;
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === rn) h = (gn - bn) / d + (gn < bn ? 6 : 0);
  else if (max === gn) h = (bn - rn) / d + 2;
  else h = (rn - gn) / d + 4;
  return [h * 60, s, l];
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  const hh = (((h % 360) + 360) % 360) / 360;
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const conv = (t0: number): number => {
    let t = t0;
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return [conv(hh + 1 / 3) * 255, conv(hh) * 255, conv(hh - 1 / 3) * 255];
}

function hueShift(hex: string, degrees: number): string {
  const [h, s, l] = rgbToHsl(hexToRgb(hex));
  return rgbToHex(hslToRgb(h + degrees, s, l));
}

// ── SVG building blocks ────────────────────────────────────────────────────

/** Format a coordinate with one decimal, deterministically. */
function f(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

const attrs = (extra?: string): string => (extra ? ` ${extra}` : '');

function rect(x: number, y: number, w: number, h: number, fill: string, extra?: string): string {
  return `<rect x="${f(x)}" y="${f(y)}" width="${f(Math.max(0, w))}" height="${f(Math.max(0, h))}" fill="${fill}"${attrs(extra)}/>`;
}

function circle(cx: number, cy: number, r: number, fill: string, extra?: string): string {
  return `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(Math.max(0, r))}" fill="${fill}"${attrs(extra)}/>`;
}

function ellipse(cx: number, cy: number, rx: number, ry: number, fill: string, extra?: string): string {
  return `<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(Math.max(0, rx))}" ry="${f(Math.max(0, ry))}" fill="${fill}"${attrs(extra)}/>`;
}

function path(d: string, fill: string, extra?: string): string {
  return `<path d="${d}" fill="${fill}"${attrs(extra)}/>`;
}

function polygon(points: Array<[number, number]>, fill: string, extra?: string): string {
  return `<polygon points="${points.map(([x, y]) => `${f(x)},${f(y)}`).join(' ')}" fill="${fill}"${attrs(extra)}/>`;
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width: number, extra?: string): string {
  return `<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="${stroke}" stroke-width="${f(width)}"${attrs(extra)}/>`;
}

function group(content: string, extra?: string): string {
  return `<g${attrs(extra)}>${content}</g>`;
}

// ── Moods (palettes) ───────────────────────────────────────────────────────

interface Mood {
  skyTop: string;
  skyBottom: string;
  sun: string;
  far: string;
  mid: string;
  near: string;
  ground: string;
  accent: string;
  accent2: string;
  window: string;
  night: boolean;
}

type MoodName = 'dawn' | 'day' | 'dusk' | 'night' | 'golden' | 'monsoon' | 'monsoonNight';

const MOODS: Record<MoodName, Mood> = {
  dawn: {
    skyTop: '#5b6fa8', skyBottom: '#f6c8a0', sun: '#fff1c9', far: '#9a97c0', mid: '#66639a',
    near: '#34346a', ground: '#2d2d55', accent: '#e8735a', accent2: '#f2b84b', window: '#ffd98a', night: false,
  },
  day: {
    skyTop: '#3f8fd2', skyBottom: '#cfe8f5', sun: '#fff6d6', far: '#a9c6da', mid: '#6f90a9',
    near: '#3d5566', ground: '#5f8a55', accent: '#e2553f', accent2: '#f0b429', window: '#fbe7a1', night: false,
  },
  dusk: {
    skyTop: '#2d2a5a', skyBottom: '#f08a5d', sun: '#ffd27a', far: '#8a6690', mid: '#554070',
    near: '#2b2145', ground: '#231b38', accent: '#f9a03f', accent2: '#e85d75', window: '#ffcf70', night: false,
  },
  night: {
    skyTop: '#0b1230', skyBottom: '#2b3a6b', sun: '#f4f1de', far: '#2f3b66', mid: '#1f2849',
    near: '#121833', ground: '#0e1329', accent: '#f2c14e', accent2: '#4ecdc4', window: '#ffd36b', night: true,
  },
  golden: {
    skyTop: '#f09a4c', skyBottom: '#f8e2ad', sun: '#fff4d2', far: '#d9a066', mid: '#a86b4c',
    near: '#5b3a36', ground: '#7a5a3d', accent: '#bc4b51', accent2: '#5b8e7d', window: '#fff1b8', night: false,
  },
  monsoon: {
    skyTop: '#46535f', skyBottom: '#9ba7ae', sun: '#d9dee0', far: '#7d8a93', mid: '#5a6670',
    near: '#36414a', ground: '#34463f', accent: '#d9a441', accent2: '#3fa7a0', window: '#ffdc8a', night: false,
  },
  monsoonNight: {
    skyTop: '#161e29', skyBottom: '#3d4a57', sun: '#cfd6dc', far: '#3a4652', mid: '#2a3440',
    near: '#1a222b', ground: '#1d282c', accent: '#e0a84a', accent2: '#4fb3a9', window: '#ffd27a', night: true,
  },
};

function pickMood(rng: Rng, names: readonly MoodName[]): Mood {
  const base = MOODS[rng.pick(names)];
  const shift = rng.range(-12, 12);
  const out: Mood = { ...base };
  for (const key of Object.keys(base) as Array<keyof Mood>) {
    const v = base[key];
    if (typeof v === 'string') (out as unknown as Record<string, string>)[key] = hueShift(v, shift);
  }
  return out;
}

// ── Drawing context ────────────────────────────────────────────────────────

interface Ctx {
  w: number;
  h: number;
  rng: Rng;
  mood: Mood;
  defs: string[];
  prefix: string;
  counter: number;
}

function uid(ctx: Ctx, name: string): string {
  ctx.counter += 1;
  return `${ctx.prefix}-${name}${ctx.counter}`;
}

type Stop = [offset: number, color: string, opacity?: number];

function stopsSvg(stops: Stop[]): string {
  return stops
    .map(([o, c, a]) => `<stop offset="${f(o * 100)}%" stop-color="${c}"${a === undefined ? '' : ` stop-opacity="${a}"`}/>`)
    .join('');
}

function linear(ctx: Ctx, stops: Stop[], x1 = 0, y1 = 0, x2 = 0, y2 = 1): string {
  const id = uid(ctx, 'lg');
  ctx.defs.push(`<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stopsSvg(stops)}</linearGradient>`);
  return `url(#${id})`;
}

function radial(ctx: Ctx, stops: Stop[], cx = 0.5, cy = 0.5, r = 0.5): string {
  const id = uid(ctx, 'rg');
  ctx.defs.push(`<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${stopsSvg(stops)}</radialGradient>`);
  return `url(#${id})`;
}

function clip(ctx: Ctx, shape: string): string {
  const id = uid(ctx, 'cp');
  ctx.defs.push(`<clipPath id="${id}">${shape}</clipPath>`);
  return `clip-path="url(#${id})"`;
}

function wrap(ctx: Ctx, body: string): string {
  const { w, h } = ctx;
  const defs = ctx.defs.length ? `<defs>${ctx.defs.join('')}</defs>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${defs}${body}</svg>`;
}

// ── Shared scenery ─────────────────────────────────────────────────────────

function sky(ctx: Ctx, bottom = 1): string {
  const { w, h, mood } = ctx;
  return rect(0, 0, w, h * bottom, linear(ctx, [[0, mood.skyTop], [1, mood.skyBottom]]));
}

function stars(ctx: Ctx, maxY: number, count: number): string {
  const { w, rng } = ctx;
  let s = '';
  for (let i = 0; i < count; i++) {
    s += circle(rng.range(0, w), rng.range(0, maxY), rng.range(0.6, 1.8) * (w / 1600), '#ffffff', `opacity="${f(rng.range(0.3, 0.9))}"`);
  }
  return s;
}

function sunOrMoon(ctx: Ctx, x: number, y: number, r: number): string {
  const { mood } = ctx;
  const glow = radial(ctx, [[0, mood.sun, 0.55], [1, mood.sun, 0]]);
  let s = circle(x, y, r * 3.2, glow);
  s += circle(x, y, r, mood.sun);
  if (mood.night) {
    // a full moon with a few soft craters
    const crater = darken(mood.sun, 0.18);
    s += circle(x - r * 0.3, y - r * 0.25, r * 0.22, crater, 'opacity="0.35"');
    s += circle(x + r * 0.35, y + r * 0.1, r * 0.16, crater, 'opacity="0.3"');
    s += circle(x - r * 0.05, y + r * 0.45, r * 0.12, crater, 'opacity="0.3"');
  }
  return s;
}

function clouds(ctx: Ctx, count: number, minY: number, maxY: number, color: string, opacity: number): string {
  const { w, rng } = ctx;
  let s = '';
  for (let i = 0; i < count; i++) {
    const cx = rng.range(-0.05, 1.05) * w;
    const cy = rng.range(minY, maxY);
    const size = rng.range(0.05, 0.12) * w;
    let c = '';
    const puffs = rng.int(3, 6);
    for (let p = 0; p < puffs; p++) {
      c += ellipse(cx + (p - puffs / 2) * size * 0.45, cy - rng.range(0, size * 0.3), size * rng.range(0.35, 0.55), size * rng.range(0.22, 0.35), color);
    }
    c += rect(cx - (puffs / 2) * size * 0.45 - size * 0.2, cy - size * 0.05, puffs * size * 0.45 + size * 0.3, size * 0.2, color, `rx="${f(size * 0.1)}"`);
    s += group(c, `opacity="${f(opacity)}"`);
  }
  return s;
}

/** A ridge line from midpoint displacement; returns the heights at 2^k + 1 points across the width. */
function ridgeHeights(rng: Rng, k: number, roughness: number): number[] {
  const n = 2 ** k + 1;
  const pts: number[] = new Array<number>(n).fill(0);
  pts[0] = rng.range(-0.5, 0.5);
  pts[n - 1] = rng.range(-0.5, 0.5);
  let step = n - 1;
  let scale = 1;
  while (step > 1) {
    const half = step / 2;
    for (let i = half; i < n; i += step) {
      const a = pts[i - half] ?? 0;
      const b = pts[i + half] ?? 0;
      pts[i] = (a + b) / 2 + rng.range(-scale, scale);
    }
    scale *= roughness;
    step = half;
  }
  const min = Math.min(...pts);
  const max = Math.max(...pts);
  return pts.map((v) => (max === min ? 0.5 : (v - min) / (max - min)));
}

function ridge(ctx: Ctx, baseY: number, amp: number, color: string, k = 6, roughness = 0.55): string {
  const { w, h, rng } = ctx;
  const hs = ridgeHeights(rng, k, roughness);
  const n = hs.length;
  let d = `M0 ${f(h)} `;
  hs.forEach((v, i) => {
    d += `L${f((i / (n - 1)) * w)} ${f(baseY - v * amp)} `;
  });
  d += `L${f(w)} ${f(h)} Z`;
  return path(d, color);
}

function smoothHills(ctx: Ctx, baseY: number, amp: number, color: string): string {
  const { w, h, rng } = ctx;
  const humps = rng.int(3, 6);
  let d = `M0 ${f(h)} L0 ${f(baseY - rng.range(0, amp))} `;
  const seg = w / humps;
  for (let i = 0; i < humps; i++) {
    const x0 = i * seg;
    const peak = baseY - rng.range(0.3, 1) * amp;
    d += `Q${f(x0 + seg / 2)} ${f(peak - amp * 0.4)} ${f(x0 + seg)} ${f(baseY - rng.range(0, amp * 0.5))} `;
  }
  d += `L${f(w)} ${f(h)} Z`;
  return path(d, color);
}

function tree(ctx: Ctx, x: number, groundY: number, size: number, leaf: string, trunk: string): string {
  const { rng } = ctx;
  let s = rect(x - size * 0.06, groundY - size * 0.9, size * 0.12, size * 0.9, trunk);
  const blobs = rng.int(3, 5);
  for (let i = 0; i < blobs; i++) {
    s += circle(x + rng.range(-0.35, 0.35) * size, groundY - size * rng.range(0.85, 1.25), size * rng.range(0.3, 0.45), i % 2 ? leaf : darken(leaf, 0.12));
  }
  return s;
}

function birds(ctx: Ctx, count: number, minY: number, maxY: number, color: string): string {
  const { w, rng } = ctx;
  let s = '';
  const cx = rng.range(0.2, 0.8) * w;
  const cy = rng.range(minY, maxY);
  for (let i = 0; i < count; i++) {
    const x = cx + rng.range(-0.12, 0.12) * w;
    const y = cy + rng.range(-0.05, 0.05) * w;
    const sz = rng.range(0.006, 0.012) * w;
    s += path(`M${f(x - sz)} ${f(y - sz * 0.4)} Q${f(x - sz * 0.4)} ${f(y - sz * 0.6)} ${f(x)} ${f(y)} Q${f(x + sz * 0.4)} ${f(y - sz * 0.6)} ${f(x + sz)} ${f(y - sz * 0.4)}`, 'none', `stroke="${color}" stroke-width="${f(sz * 0.22)}" stroke-linecap="round"`);
  }
  return s;
}

interface RowOptions {
  color: string;
  baseY: number;
  minH: number;
  maxH: number;
  minW: number;
  maxW: number;
  windows: number; // probability a window is lit; 0 for none
  domes: number;
  tanks: number;
  gap?: number;
}

function buildingRow(ctx: Ctx, o: RowOptions): string {
  const { w, h, rng, mood } = ctx;
  let s = '';
  let x = -rng.range(0, o.maxW * w);
  while (x < w) {
    const bw = rng.range(o.minW, o.maxW) * w;
    const bh = rng.range(o.minH, o.maxH) * h;
    const top = o.baseY - bh;
    const col = rng.chance(0.5) ? o.color : mix(o.color, mood.skyBottom, 0.06);
    s += rect(x, top, bw, bh + 1, col);
    // parapet
    s += rect(x - bw * 0.02, top - h * 0.006, bw * 1.04, h * 0.008, darken(col, 0.1));
    if (rng.chance(o.domes)) {
      const dw = bw * rng.range(0.35, 0.6);
      const dx = x + bw / 2;
      s += rect(dx - dw * 0.55, top - h * 0.015, dw * 1.1, h * 0.015, col);
      s += path(`M${f(dx - dw / 2)} ${f(top - h * 0.015)} A${f(dw / 2)} ${f(dw * 0.55)} 0 0 1 ${f(dx + dw / 2)} ${f(top - h * 0.015)} Z`, col);
      s += line(dx, top - h * 0.015 - dw * 0.55, dx, top - h * 0.015 - dw * 0.55 - h * 0.025, col, Math.max(1, w * 0.0015));
    } else if (rng.chance(o.tanks)) {
      const tw = bw * rng.range(0.18, 0.3);
      const tx = x + rng.range(0.1, 0.9 - 0.3) * bw;
      const th = tw * 0.8;
      s += rect(tx, top - th, tw, th, darken(col, 0.15));
      s += ellipse(tx + tw / 2, top - th, tw / 2, tw * 0.12, darken(col, 0.05));
    } else if (rng.chance(0.2)) {
      s += line(x + bw * 0.7, top, x + bw * 0.7, top - h * rng.range(0.03, 0.07), darken(col, 0.2), Math.max(1, w * 0.0012));
    }
    if (o.windows > 0) {
      const ww = w * 0.009;
      const wh = h * 0.018;
      const cols = Math.max(1, Math.floor((bw - ww) / (ww * 2.4)));
      const rows = Math.max(1, Math.floor((bh - wh * 2) / (wh * 2.2)));
      const padX = (bw - cols * ww * 2.4 + ww * 1.4) / 2;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const lit = rng.chance(o.windows);
          const wx = x + padX + c * ww * 2.4;
          const wy = top + wh * 1.5 + r * wh * 2.2;
          if (wy + wh > o.baseY - h * 0.01) continue;
          s += rect(wx, wy, ww, wh, lit ? mood.window : lighten(col, 0.08), lit ? `opacity="${f(rng.range(0.7, 1))}"` : undefined);
        }
      }
    }
    x += bw + rng.range(0, o.gap ?? 0.01) * w;
  }
  return s;
}

// ── Themes ─────────────────────────────────────────────────────────────────

function drawCity(ctx: Ctx): string {
  const { w, h, rng, mood } = ctx;
  const groundY = h * rng.range(0.84, 0.88);
  let s = sky(ctx);
  if (mood.night) s += stars(ctx, h * 0.5, 90);
  s += sunOrMoon(ctx, rng.range(0.12, 0.88) * w, rng.range(0.12, 0.32) * h, rng.range(0.035, 0.06) * w);
  if (!mood.night) s += clouds(ctx, rng.int(1, 3), h * 0.1, h * 0.35, lighten(mood.skyBottom, 0.4), 0.5);
  s += buildingRow(ctx, { color: mood.far, baseY: groundY, minH: 0.3, maxH: 0.58, minW: 0.04, maxW: 0.08, windows: 0, domes: 0.12, tanks: 0.2 });
  s += buildingRow(ctx, { color: mood.mid, baseY: groundY, minH: 0.18, maxH: 0.42, minW: 0.05, maxW: 0.1, windows: mood.night ? 0.25 : 0, domes: 0.2, tanks: 0.4 });
  s += buildingRow(ctx, { color: mood.near, baseY: groundY, minH: 0.1, maxH: 0.28, minW: 0.06, maxW: 0.13, windows: mood.night ? 0.6 : 0.2, domes: 0.08, tanks: 0.55, gap: 0.004 });
  s += rect(0, groundY, w, h - groundY, mood.ground);
  const laneY = groundY + (h - groundY) * 0.55;
  for (let x = rng.range(0, 0.05) * w; x < w; x += w * 0.08) s += rect(x, laneY, w * 0.04, h * 0.006, lighten(mood.ground, 0.35));
  // a few street lights
  const lamps = rng.int(3, 6);
  for (let i = 0; i < lamps; i++) {
    const lx = ((i + rng.range(0.2, 0.8)) / lamps) * w;
    s += line(lx, groundY, lx, groundY - h * 0.09, darken(mood.near, 0.2), w * 0.002);
    s += circle(lx, groundY - h * 0.09, w * 0.004, mood.window, mood.night ? '' : 'opacity="0.6"');
    if (mood.night) s += circle(lx, groundY - h * 0.09, w * 0.018, radial(ctx, [[0, mood.window, 0.5], [1, mood.window, 0]]));
  }
  return s;
}

function drawRiver(ctx: Ctx): string {
  const { w, h, rng, mood } = ctx;
  const horizon = h * rng.range(0.5, 0.56);
  const sunX = rng.range(0.2, 0.8) * w;
  let s = sky(ctx, horizon / h + 0.01);
  if (mood.night) s += stars(ctx, horizon * 0.8, 70);
  s += sunOrMoon(ctx, sunX, horizon * rng.range(0.35, 0.7), w * rng.range(0.035, 0.05));
  s += smoothHills(ctx, horizon, h * 0.08, mix(mood.far, mood.skyBottom, 0.3));
  // temples and houses on the far bank
  s += buildingRow(ctx, { color: mood.mid, baseY: horizon + h * 0.01, minH: 0.02, maxH: 0.07, minW: 0.02, maxW: 0.05, windows: 0, domes: 0.35, tanks: 0.2, gap: 0.03 });
  s += rect(0, horizon, w, h * 0.012, mood.mid);
  const waterTop = horizon + h * 0.012;
  s += rect(0, waterTop, w, h - waterTop, linear(ctx, [[0, mix(mood.skyBottom, mood.far, 0.3)], [1, mix(mood.skyTop, mood.near, 0.4)]]));
  // sun glitter
  for (let i = 0; i < 14; i++) {
    const y = waterTop + h * 0.02 + i * h * 0.025;
    const len = w * rng.range(0.02, 0.08) * (1 - i / 18);
    s += rect(sunX - len / 2 + rng.range(-0.02, 0.02) * w, y, len, h * 0.004, mood.sun, `opacity="${f(0.55 - i * 0.03)}"`);
  }
  // bridge with arches
  const deckTop = h * rng.range(0.38, 0.44);
  const deckH = h * 0.035;
  const waterLine = h * rng.range(0.66, 0.7);
  const arches = rng.int(4, 7);
  const x0 = -w * 0.04;
  const span = (w * 1.08) / arches;
  const pier = span * rng.range(0.12, 0.18);
  const stone = mix(mood.near, mood.far, rng.range(0.15, 0.35));
  let d = `M${f(x0)} ${f(deckTop)} L${f(x0 + span * arches)} ${f(deckTop)} L${f(x0 + span * arches)} ${f(waterLine)} L${f(x0)} ${f(waterLine)} Z `;
  for (let i = 0; i < arches; i++) {
    const ax0 = x0 + i * span + pier / 2;
    const ax1 = x0 + (i + 1) * span - pier / 2;
    const rx = (ax1 - ax0) / 2;
    const archTop = deckTop + deckH + h * 0.012;
    const ry = Math.min(rx * 0.9, (waterLine - archTop) * 0.85);
    const spring = archTop + ry;
    d += `M${f(ax0)} ${f(waterLine)} L${f(ax0)} ${f(spring)} A${f(rx)} ${f(ry)} 0 0 1 ${f(ax1)} ${f(spring)} L${f(ax1)} ${f(waterLine)} Z `;
  }
  const bridge = path(d, stone, 'fill-rule="evenodd"');
  s += group(bridge, `transform="translate(0 ${f(waterLine * 2)}) scale(1 -1)" opacity="0.2"`);
  s += bridge;
  s += rect(x0, deckTop, span * arches, deckH * 0.3, darken(stone, 0.2));
  // railing posts and lamps
  for (let x = x0; x < w; x += span / 4) s += rect(x, deckTop - h * 0.018, w * 0.0025, h * 0.018, darken(stone, 0.25));
  s += rect(x0, deckTop - h * 0.02, span * arches, h * 0.004, darken(stone, 0.25));
  for (let i = 0; i <= arches; i++) {
    const lx = x0 + i * span;
    s += line(lx, deckTop, lx, deckTop - h * 0.06, darken(stone, 0.3), w * 0.002);
    s += circle(lx, deckTop - h * 0.062, w * 0.004, mood.window);
  }
  // ripples
  for (let i = 0; i < 40; i++) {
    const y = rng.range(waterLine + h * 0.01, h);
    s += rect(rng.range(0, w), y, w * rng.range(0.01, 0.05), h * 0.003, lighten(mood.skyBottom, 0.3), `opacity="${f(rng.range(0.15, 0.4))}"`);
  }
  // boats
  const boats = rng.int(1, 3);
  for (let i = 0; i < boats; i++) {
    const bx = rng.range(0.1, 0.9) * w;
    const by = rng.range(waterLine + h * 0.06, h * 0.95);
    const bl = w * rng.range(0.06, 0.1) * (by / h);
    s += path(`M${f(bx - bl / 2)} ${f(by)} Q${f(bx)} ${f(by + bl * 0.28)} ${f(bx + bl / 2)} ${f(by)} Z`, darken(mood.near, 0.2));
    s += path(`M${f(bx - bl * 0.2)} ${f(by)} L${f(bx - bl * 0.15)} ${f(by - bl * 0.16)} L${f(bx + bl * 0.15)} ${f(by - bl * 0.16)} L${f(bx + bl * 0.2)} ${f(by)} Z`, mood.accent);
  }
  // ghat steps in a corner
  const left = rng.chance(0.5);
  const gw = w * rng.range(0.18, 0.28);
  for (let i = 0; i < 6; i++) {
    const sw = gw * (1 - i * 0.12);
    const sy = h - (i + 1) * h * 0.025;
    s += rect(left ? 0 : w - sw, sy, sw, h * 0.025 + 1, i % 2 ? lighten(stone, 0.2) : lighten(stone, 0.3));
  }
  return s;
}

function drawParliament(ctx: Ctx): string {
  const { w, h, rng, mood } = ctx;
  const groundY = h * rng.range(0.8, 0.84);
  let s = sky(ctx);
  s += sunOrMoon(ctx, rng.chance(0.5) ? rng.range(0.08, 0.25) * w : rng.range(0.75, 0.92) * w, rng.range(0.12, 0.25) * h, w * 0.035);
  s += clouds(ctx, rng.int(1, 3), h * 0.08, h * 0.3, lighten(mood.skyBottom, 0.5), 0.45);
  s += rect(0, groundY, w, h - groundY, linear(ctx, [[0, mix(mood.ground, '#6f9a5a', 0.5)], [1, darken(mix(mood.ground, '#4f7a45', 0.5), 0.2)]]));
  const cx = w / 2 + rng.range(-0.03, 0.03) * w;
  const stoneBase = rng.pick(['#eadcc3', '#e4c9a8', '#dcd6cc', '#f0e2cf', '#d9b99b']);
  const stone = mix(stoneBase, mood.skyBottom, 0.12);
  const shade = darken(stone, 0.18);
  const bw = w * rng.range(0.6, 0.74);
  const bh = h * rng.range(0.22, 0.26);
  const top = groundY - bh - h * 0.04;
  // wings
  s += rect(cx - bw / 2, top, bw, bh, stone);
  s += rect(cx - bw / 2, top - h * 0.015, bw, h * 0.015, shade);
  const winCount = rng.int(4, 6);
  for (const side of [-1, 1]) {
    for (let i = 0; i < winCount; i++) {
      const wx = cx + side * (bw * 0.24 + (i + 0.5) * (bw * 0.25) / winCount) - w * 0.008;
      const wy = top + bh * 0.3;
      const ww = w * 0.016;
      s += path(`M${f(wx)} ${f(wy + bh * 0.45)} L${f(wx)} ${f(wy)} A${f(ww / 2)} ${f(ww / 2)} 0 0 1 ${f(wx + ww)} ${f(wy)} L${f(wx + ww)} ${f(wy + bh * 0.45)} Z`, darken(stone, 0.35));
    }
    // corner chhatri
    const kx = cx + side * (bw / 2 - w * 0.03);
    s += rect(kx - w * 0.02, top - h * 0.05, w * 0.005, h * 0.05, stone);
    s += rect(kx + w * 0.015, top - h * 0.05, w * 0.005, h * 0.05, stone);
    s += path(`M${f(kx - w * 0.025)} ${f(top - h * 0.05)} A${f(w * 0.0225)} ${f(h * 0.04)} 0 0 1 ${f(kx + w * 0.025)} ${f(top - h * 0.05)} Z`, shade);
  }
  // drum and dome
  const dw = bw * rng.range(0.22, 0.3);
  const drumH = h * rng.range(0.07, 0.1);
  const drumTop = top - h * 0.015 - drumH;
  s += rect(cx - dw / 2, drumTop, dw, drumH, stone);
  for (let i = 1; i < 8; i++) s += rect(cx - dw / 2 + (i * dw) / 8 - w * 0.002, drumTop + drumH * 0.15, w * 0.004, drumH * 0.7, shade);
  s += rect(cx - dw * 0.55, drumTop - h * 0.01, dw * 1.1, h * 0.012, shade);
  const domeH = dw * rng.range(0.5, 0.7);
  const domeFill = linear(ctx, [[0, lighten(stone, 0.2)], [1, darken(stone, 0.1)]], 0, 0, 1, 0);
  s += path(`M${f(cx - dw / 2)} ${f(drumTop - h * 0.01)} C${f(cx - dw / 2)} ${f(drumTop - domeH * 1.1)} ${f(cx + dw / 2)} ${f(drumTop - domeH * 1.1)} ${f(cx + dw / 2)} ${f(drumTop - h * 0.01)} Z`, domeFill);
  const apex = drumTop - h * 0.01 - domeH * 0.83;
  s += rect(cx - w * 0.008, apex - h * 0.025, w * 0.016, h * 0.025, stone);
  s += path(`M${f(cx - w * 0.01)} ${f(apex - h * 0.025)} A${f(w * 0.01)} ${f(w * 0.01)} 0 0 1 ${f(cx + w * 0.01)} ${f(apex - h * 0.025)} Z`, shade);
  const poleTop = apex - h * 0.11;
  s += line(cx, apex - h * 0.03, cx, poleTop, darken(stone, 0.5), w * 0.0018);
  s += path(`M${f(cx)} ${f(poleTop)} L${f(cx + w * 0.045)} ${f(poleTop + h * 0.012)} L${f(cx)} ${f(poleTop + h * 0.028)} Z`, mood.accent);
  // portico with columns
  const pw = bw * rng.range(0.36, 0.44);
  const cols = rng.int(6, 10);
  const colW = (pw / cols) * 0.42;
  s += rect(cx - pw / 2, top - h * 0.03, pw, bh + h * 0.03, darken(stone, 0.28));
  for (let i = 0; i < cols; i++) {
    const x = cx - pw / 2 + (i + 0.5) * (pw / cols) - colW / 2;
    s += rect(x, top, colW, bh, stone);
    s += rect(x + colW * 0.65, top, colW * 0.2, bh, shade, 'opacity="0.6"');
    s += rect(x - colW * 0.15, top, colW * 1.3, h * 0.01, lighten(stone, 0.15));
  }
  s += rect(cx - pw / 2 - w * 0.01, top - h * 0.045, pw + w * 0.02, h * 0.045, stone);
  if (rng.chance(0.6)) s += polygon([[cx - pw / 2 - w * 0.01, top - h * 0.045], [cx, top - h * 0.045 - pw * 0.12], [cx + pw / 2 + w * 0.01, top - h * 0.045]], lighten(stone, 0.08));
  // steps
  for (let i = 0; i < 4; i++) {
    const sw = pw * (1 + i * 0.08);
    s += rect(cx - sw / 2, groundY - h * 0.04 + i * h * 0.01, sw, h * 0.01, i % 2 ? stone : shade);
  }
  // trees and lawns
  const leaf = mix('#3f7d4e', mood.near, 0.25);
  for (const side of [-1, 1]) {
    const n = rng.int(2, 3);
    for (let i = 0; i < n; i++) {
      s += tree(ctx, cx + side * (bw / 2 + w * 0.03 + i * w * 0.07), groundY + h * 0.02, h * rng.range(0.16, 0.24), leaf, darken(mood.near, 0.2));
    }
  }
  s += rect(0, groundY + h * 0.06, w, h * 0.01, lighten(mood.ground, 0.15), 'opacity="0.5"');
  return s;
}

const PRODUCE = ['#d7263d', '#8e3b61', '#8cb369', '#f4a259', '#4b2e4a', '#f1e9da', '#f6d743', '#5fa052', '#e4572e'];

function drawMarket(ctx: Ctx): string {
  const { w, h, rng, mood } = ctx;
  const groundY = h * 0.86;
  let s = sky(ctx, 0.5);
  s += sunOrMoon(ctx, rng.range(0.1, 0.9) * w, h * 0.1, w * 0.03);
  // old city walls behind
  s += buildingRow(ctx, { color: mix('#c98c6a', mood.far, 0.35), baseY: h * 0.62, minH: 0.3, maxH: 0.5, minW: 0.1, maxW: 0.2, windows: 0.15, domes: 0.15, tanks: 0.3, gap: 0 });
  s += rect(0, h * 0.62, w, groundY - h * 0.62, mix('#b67b5a', mood.mid, 0.35));
  // string lights
  const strands = rng.int(1, 2);
  for (let k = 0; k < strands; k++) {
    const y0 = h * rng.range(0.08, 0.2);
    const sag = h * rng.range(0.05, 0.1);
    s += path(`M0 ${f(y0)} Q${f(w / 2)} ${f(y0 + sag * 2)} ${f(w)} ${f(y0)}`, 'none', `stroke="${darken(mood.near, 0.3)}" stroke-width="${f(w * 0.0015)}"`);
    for (let i = 1; i < 30; i++) {
      const t = i / 30;
      const x = t * w;
      const y = (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * (y0 + sag * 2) + t * t * y0;
      s += circle(x, y + h * 0.008, w * 0.004, rng.pick([mood.accent, mood.accent2, mood.window, '#ffffff']));
    }
  }
  const stalls = rng.int(3, 5);
  const sw = w / stalls;
  const awnings = [mood.accent, mood.accent2, '#2a9d8f', '#e76f51', '#457b9d', '#f4a261', '#6a4c93'];
  for (let i = 0; i < stalls; i++) {
    const x0 = i * sw + sw * 0.05;
    const width = sw * 0.9;
    const awTop = h * rng.range(0.3, 0.36);
    const awBot = awTop + h * rng.range(0.09, 0.12);
    const counterY = groundY - h * rng.range(0.2, 0.24);
    const wood = rng.pick(['#8b5a2b', '#a0673a', '#7a4e2d', '#9c6b3f']);
    // posts
    s += rect(x0 + width * 0.04, awBot, w * 0.006, groundY - awBot, darken(wood, 0.2));
    s += rect(x0 + width * 0.96 - w * 0.006, awBot, w * 0.006, groundY - awBot, darken(wood, 0.2));
    // back shade under awning
    s += rect(x0 + width * 0.04, awBot, width * 0.92, counterY - awBot, darken(mix('#b67b5a', mood.mid, 0.35), 0.35), 'opacity="0.6"');
    // awning stripes with scalloped edge
    const stripes = rng.int(6, 9);
    const c1 = rng.pick(awnings);
    const c2 = lighten(rng.pick(['#fff6e5', '#f3efe0', '#fdf0d5']), 0);
    const stw = width / stripes;
    for (let k = 0; k < stripes; k++) {
      const sx = x0 + k * stw;
      const col = k % 2 ? c2 : c1;
      const inset = (width * 0.06 * (stripes / 2 - k - 0.5)) / (stripes / 2);
      s += polygon([[sx + inset * 0.5, awTop], [sx + stw + inset * 0.5 - (width * 0.06) / stripes, awTop], [sx + stw, awBot], [sx, awBot]], col);
      s += path(`M${f(sx)} ${f(awBot)} A${f(stw / 2)} ${f(stw * 0.4)} 0 0 0 ${f(sx + stw)} ${f(awBot)} Z`, col);
    }
    s += rect(x0 + width * 0.03, awTop - h * 0.008, width * 0.94, h * 0.008, darken(c1, 0.25));
    // counter
    s += rect(x0, counterY, width, groundY - counterY, wood);
    for (let k = 1; k < 4; k++) s += rect(x0, counterY + ((groundY - counterY) * k) / 4, width, h * 0.003, darken(wood, 0.25));
    s += rect(x0 - width * 0.02, counterY - h * 0.012, width * 1.04, h * 0.014, darken(wood, 0.15));
    // produce piles
    const piles = rng.int(2, 4);
    for (let p = 0; p < piles; p++) {
      const pc = rng.pick(PRODUCE);
      const r = w * rng.range(0.008, 0.012);
      const px = x0 + ((p + 0.5) * width) / piles;
      const base = rng.int(3, 5);
      for (let row = 0; row < base; row++) {
        const n = base - row;
        for (let k = 0; k < n; k++) {
          const ox = px + (k - (n - 1) / 2) * r * 1.9;
          const oy = counterY - h * 0.012 - r - row * r * 1.6;
          s += circle(ox, oy, r, k % 2 ? pc : darken(pc, 0.08));
          s += circle(ox - r * 0.35, oy - r * 0.35, r * 0.25, '#ffffff', 'opacity="0.35"');
        }
      }
    }
  }
  // ground
  s += rect(0, groundY, w, h - groundY, linear(ctx, [[0, mix('#9c8b78', mood.ground, 0.3)], [1, darken(mix('#9c8b78', mood.ground, 0.3), 0.25)]]));
  // crates in front
  const crates = rng.int(3, 6);
  for (let i = 0; i < crates; i++) {
    const cw = w * rng.range(0.05, 0.07);
    const ch = cw * 0.55;
    const cx = rng.range(0, 1) * (w - cw);
    const cy = groundY + rng.range(0.02, 0.06) * h;
    const pc = rng.pick(PRODUCE);
    for (let k = 0; k < 5; k++) s += circle(cx + cw * (0.12 + k * 0.19), cy, cw * 0.1, pc);
    s += rect(cx, cy, cw, ch, '#b5835a');
    for (let k = 1; k < 3; k++) s += rect(cx, cy + (ch * k) / 3, cw, h * 0.003, '#8a5f3c');
  }
  return s;
}

function drawStadium(ctx: Ctx): string {
  const { w, h, rng, mood } = ctx;
  let s = sky(ctx);
  s += stars(ctx, h * 0.35, 60);
  const cx = w / 2;
  const cy = h * rng.range(0.74, 0.8);
  const standTop = cy - h * 0.5;
  // floodlight towers (behind the stands)
  const towers = [0.07, 0.3, 0.7, 0.93].map((t) => t * w + rng.range(-0.02, 0.02) * w);
  const heads: Array<[number, number]> = [];
  for (const tx of towers) {
    const ty = h * rng.range(0.06, 0.14);
    heads.push([tx, ty]);
    s += polygon([[tx - w * 0.004, ty], [tx + w * 0.004, ty], [tx + w * 0.008, standTop + h * 0.2], [tx - w * 0.008, standTop + h * 0.2]], darken(mood.near, 0.3));
    const hw = w * 0.045;
    const hh = h * 0.04;
    s += rect(tx - hw / 2, ty - hh, hw, hh, darken(mood.near, 0.4));
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 6; c++) s += rect(tx - hw / 2 + hw * 0.05 + c * hw * 0.155, ty - hh + hh * 0.1 + r * hh * 0.3, hw * 0.12, hh * 0.22, '#fffbe6');
    }
    s += circle(tx, ty - hh / 2, w * 0.05, radial(ctx, [[0, '#fffbe6', 0.6], [1, '#fffbe6', 0]]));
  }
  // stands
  s += ellipse(cx, cy, w * 0.78, h * 0.52, darken(mood.near, 0.2));
  s += ellipse(cx, cy, w * 0.76, h * 0.5, mood.mid);
  s += ellipse(cx, cy, w * 0.7, h * 0.44, mood.near);
  s += ellipse(cx, cy, w * 0.64, h * 0.38, mix(mood.mid, mood.near, 0.5));
  // crowd
  const crowd = ['#ffffff', mood.accent, mood.accent2, '#f4f1de', '#e76f51', '#2a9d8f', '#ffd166'];
  for (let i = 0; i < 700; i++) {
    const t = rng.range(Math.PI, 2 * Math.PI);
    const r = rng.range(0.78, 0.98);
    const x = cx + Math.cos(t) * w * 0.76 * r;
    const y = cy + Math.sin(t) * h * 0.5 * r;
    if (y > h) continue;
    s += circle(x, y, w * rng.range(0.002, 0.0035), rng.pick(crowd), `opacity="${f(rng.range(0.35, 0.85))}"`);
  }
  // scoreboard (abstract)
  const sbx = cx + rng.range(-0.3, 0.3) * w;
  const sby = standTop + h * 0.03;
  s += rect(sbx - w * 0.06, sby, w * 0.12, h * 0.07, '#111111');
  for (let r = 0; r < 3; r++) {
    s += rect(sbx - w * 0.05, sby + h * 0.012 + r * h * 0.018, w * rng.range(0.03, 0.1), h * 0.008, r === 0 ? mood.accent : '#fff3b0', 'opacity="0.9"');
  }
  // field with mowing stripes
  const fx = w * 0.56;
  const fy = h * 0.3;
  const fieldClip = clip(ctx, ellipse(cx, cy + h * 0.03, fx, fy, '#000'));
  const grass = rng.pick(['#3f8f3a', '#4a9b45', '#2f7d3b', '#57a34a']);
  let stripes = rect(cx - fx, cy + h * 0.03 - fy, fx * 2, fy * 2, grass);
  const n = 14;
  for (let i = 0; i < n; i += 2) stripes += rect(cx - fx + (i * 2 * fx) / n, cy + h * 0.03 - fy, (2 * fx) / n, fy * 2, darken(grass, 0.1));
  s += group(stripes, fieldClip);
  s += ellipse(cx, cy + h * 0.03, fx * 0.92, fy * 0.9, 'none', `stroke="#ffffff" stroke-opacity="0.55" stroke-width="${f(w * 0.002)}"`);
  // pitch
  const pw = w * 0.035;
  const ph = h * 0.2;
  s += polygon([[cx - pw * 0.42, cy - ph * 0.45], [cx + pw * 0.42, cy - ph * 0.45], [cx + pw * 0.55, cy + ph * 0.55], [cx - pw * 0.55, cy + ph * 0.55]], '#d8c58f');
  s += line(cx - pw * 0.5, cy - ph * 0.33, cx + pw * 0.5, cy - ph * 0.33, '#ffffff', w * 0.0015);
  s += line(cx - pw * 0.6, cy + ph * 0.43, cx + pw * 0.6, cy + ph * 0.43, '#ffffff', w * 0.0015);
  // light beams
  for (const [tx, ty] of heads) {
    s += polygon([[tx - w * 0.02, ty], [tx + w * 0.02, ty], [cx + (tx - cx) * 0.2 + w * 0.12, cy + h * 0.1], [cx + (tx - cx) * 0.2 - w * 0.12, cy + h * 0.1]], linear(ctx, [[0, '#fffbe6', 0.35], [1, '#fffbe6', 0]]), 'opacity="0.5"');
  }
  return s;
}

function drawMountains(ctx: Ctx): string {
  const { w, h, rng, mood } = ctx;
  let s = sky(ctx);
  if (mood.night) s += stars(ctx, h * 0.4, 80);
  s += sunOrMoon(ctx, rng.range(0.15, 0.85) * w, rng.range(0.15, 0.32) * h, w * rng.range(0.03, 0.05));
  // far snowy range, drawn as explicit peaks so the caps line up
  const peaks = rng.int(4, 7);
  const baseY = h * rng.range(0.5, 0.56);
  const farCol = mix(mood.far, mood.skyBottom, 0.25);
  let d = `M0 ${f(h)} L0 ${f(baseY)} `;
  let caps = '';
  const seg = w / peaks;
  for (let i = 0; i < peaks; i++) {
    const px = i * seg + seg * rng.range(0.3, 0.7);
    const py = baseY - h * rng.range(0.18, 0.36);
    const vx = (i + 1) * seg;
    const vy = baseY - h * rng.range(0, 0.08);
    d += `L${f(px)} ${f(py)} L${f(vx)} ${f(vy)} `;
    const cap = h * rng.range(0.05, 0.08);
    const lx = px - ((px - i * seg) * cap) / (baseY - py + 1);
    const rx = px + ((vx - px) * cap) / (py - vy === 0 ? 1 : Math.abs(py - vy));
    caps += polygon([[px, py], [rx, py + cap], [px + (rx - px) * 0.45, py + cap * 0.7], [px, py + cap * 1.05], [px - (px - lx) * 0.5, py + cap * 0.72], [lx, py + cap]], lighten(mood.sun, 0.4), 'opacity="0.92"');
  }
  d += `L${f(w)} ${f(baseY)} L${f(w)} ${f(h)} Z`;
  s += path(d, farCol);
  s += caps;
  // layered ridges
  const layers = rng.int(3, 5);
  for (let i = 0; i < layers; i++) {
    const t = (i + 1) / layers;
    const col = mix(mix(mood.far, mood.skyBottom, 0.1), darken(mood.near, 0.1), t);
    const haze = lighten(mood.skyBottom, 0.3);
    s += rect(0, baseY - h * 0.06 + i * h * 0.085, w, h * 0.1, linear(ctx, [[0, haze, 0], [0.6, haze, 0.22], [1, haze, 0]]));
    s += ridge(ctx, baseY + h * 0.02 + i * h * 0.085, h * (0.14 - i * 0.015), col, 6, 0.5 + rng.range(-0.05, 0.08));
  }
  // pines on the nearest slope
  const pine = darken(mood.near, 0.25);
  const pines = rng.int(8, 18);
  for (let i = 0; i < pines; i++) {
    const px = rng.range(0, w);
    const py = h * rng.range(0.9, 1.02);
    const ph = h * rng.range(0.05, 0.1);
    s += polygon([[px, py - ph], [px + ph * 0.25, py], [px - ph * 0.25, py]], pine);
  }
  s += birds(ctx, rng.int(3, 6), h * 0.15, h * 0.35, darken(mood.near, 0.3));
  return s;
}

const CONTAINERS = ['#b5442f', '#2f6690', '#3a7d44', '#e09f3e', '#8d99ae', '#6d597a', '#d1495b', '#00798c', '#edae49'];

function drawHarbour(ctx: Ctx): string {
  const { w, h, rng, mood } = ctx;
  const seaTop = h * rng.range(0.55, 0.6);
  let s = sky(ctx, seaTop / h + 0.01);
  if (mood.night) s += stars(ctx, seaTop * 0.7, 60);
  s += sunOrMoon(ctx, rng.range(0.1, 0.9) * w, seaTop * rng.range(0.3, 0.6), w * 0.04);
  s += smoothHills(ctx, seaTop, h * 0.04, mix(mood.far, mood.skyBottom, 0.4));
  s += rect(0, seaTop, w, h - seaTop, linear(ctx, [[0, mix('#3d7ea6', mood.skyBottom, 0.35)], [1, mix('#1d3557', mood.near, 0.35)]]));
  const quayY = h * rng.range(0.8, 0.84);
  // ship
  const shipLeft = rng.chance(0.5);
  const shipW = w * rng.range(0.42, 0.55);
  const shipX = shipLeft ? w * rng.range(0.02, 0.08) : w - shipW - w * rng.range(0.02, 0.08);
  const waterline = quayY - h * 0.03;
  const hullH = h * 0.07;
  const hull = rng.pick(['#263238', '#1d3557', '#3d2c2e', '#2b2d42']);
  s += path(`M${f(shipX)} ${f(waterline - hullH)} L${f(shipX + shipW)} ${f(waterline - hullH)} L${f(shipX + shipW - w * 0.03)} ${f(waterline)} L${f(shipX + w * 0.015)} ${f(waterline)} Z`, hull);
  s += rect(shipX + w * 0.01, waterline - h * 0.012, shipW - w * 0.04, h * 0.012, '#a63d40');
  const bridgeAtLeft = !shipLeft;
  const bx = bridgeAtLeft ? shipX + w * 0.02 : shipX + shipW - w * 0.07;
  s += rect(bx, waterline - hullH - h * 0.11, w * 0.05, h * 0.11, '#f1f1f1');
  for (let r = 0; r < 3; r++) s += rect(bx + w * 0.004, waterline - hullH - h * 0.1 + r * h * 0.03, w * 0.042, h * 0.01, darken(mood.near, 0.2));
  const stackStart = bridgeAtLeft ? shipX + w * 0.08 : shipX + w * 0.03;
  const stackEnd = bridgeAtLeft ? shipX + shipW - w * 0.04 : shipX + shipW - w * 0.09;
  const cw = w * 0.035;
  const ch = h * 0.03;
  for (let x = stackStart; x + cw <= stackEnd; x += cw * 1.04) {
    const tiers = rng.int(1, 4);
    for (let t = 0; t < tiers; t++) {
      const col = rng.pick(CONTAINERS);
      s += rect(x, waterline - hullH - (t + 1) * ch, cw, ch, col);
      s += rect(x, waterline - hullH - (t + 1) * ch, cw, ch * 0.12, darken(col, 0.2));
    }
  }
  // reflection of the ship
  s += rect(shipX + w * 0.02, waterline + h * 0.005, shipW - w * 0.05, h * 0.02, hull, 'opacity="0.25"');
  // cranes
  const cranes = rng.int(2, 3);
  const craneCol = rng.pick(['#d1495b', '#e9c46a', '#2a9d8f', '#f4a261', '#e5e5e5']);
  for (let i = 0; i < cranes; i++) {
    const x = shipX + shipW * ((i + 0.6) / (cranes + 0.2));
    const legTop = h * rng.range(0.28, 0.34);
    const legGap = w * 0.05;
    const lw = w * 0.006;
    s += rect(x - legGap / 2, legTop, lw, quayY - legTop, craneCol);
    s += rect(x + legGap / 2, legTop, lw, quayY - legTop, craneCol);
    s += line(x - legGap / 2, legTop + h * 0.05, x + legGap / 2 + lw, quayY - h * 0.05, craneCol, w * 0.002);
    s += line(x + legGap / 2 + lw, legTop + h * 0.05, x - legGap / 2, quayY - h * 0.05, craneCol, w * 0.002);
    const boomY = legTop + h * 0.02;
    const out = w * 0.14;
    const dir = shipLeft ? 1 : -1;
    const bStart = x - dir * w * 0.06;
    const bEnd = x + dir * out;
    s += rect(Math.min(bStart, bEnd), boomY, Math.abs(bEnd - bStart), h * 0.012, craneCol);
    const apexX = x;
    const apexY = legTop - h * 0.09;
    s += line(apexX, apexY, apexX, boomY, craneCol, lw);
    s += line(apexX, apexY, bEnd, boomY, craneCol, w * 0.0015);
    s += line(apexX, apexY, bStart, boomY, craneCol, w * 0.0015);
    s += rect(x - w * 0.02, legTop - h * 0.03, w * 0.03, h * 0.03, lighten(craneCol, 0.2));
    const trolleyX = x + dir * out * rng.range(0.3, 0.9);
    const hookY = boomY + h * rng.range(0.1, 0.25);
    s += line(trolleyX, boomY + h * 0.012, trolleyX, hookY, '#333333', w * 0.001);
    s += rect(trolleyX - cw / 2, hookY, cw, ch, rng.pick(CONTAINERS));
  }
  // quay with container stacks
  s += rect(0, quayY, w, h - quayY, darken(mood.near, 0.1));
  s += rect(0, quayY, w, h * 0.01, lighten(mood.near, 0.25));
  for (let x = rng.range(0, 0.05) * w; x < w; x += w * 0.09) s += rect(x, quayY - h * 0.008, w * 0.008, h * 0.008, '#222222');
  for (let x = -rng.range(0, cw); x < w; x += cw * 1.6 * 1.04) {
    const tiers = rng.int(1, 3);
    for (let t = 0; t < tiers; t++) {
      const col = rng.pick(CONTAINERS);
      const y = h - (t + 1) * ch * 1.3 - h * 0.01;
      if (y < quayY + h * 0.015) break;
      s += rect(x, y, cw * 1.6, ch * 1.3, col);
      for (let k = 1; k < 6; k++) s += rect(x + (cw * 1.6 * k) / 6, y, w * 0.0012, ch * 1.3, darken(col, 0.2), 'opacity="0.6"');
    }
  }
  // ripples and gulls
  for (let i = 0; i < 30; i++) {
    s += rect(rng.range(0, w), rng.range(seaTop + h * 0.02, quayY - h * 0.01), w * rng.range(0.01, 0.04), h * 0.003, '#ffffff', `opacity="${f(rng.range(0.1, 0.3))}"`);
  }
  s += birds(ctx, rng.int(2, 5), h * 0.12, h * 0.3, mood.night ? '#dddddd' : darken(mood.near, 0.2));
  return s;
}

interface Interior {
  wall: string;
  trim: string;
  floor: string;
  board: string;
  frame: string;
  desk: string;
  metal: string;
  accent: string;
}

const INTERIORS: Interior[] = [
  { wall: '#eadfc6', trim: '#c8b28c', floor: '#a0703f', board: '#2f4f3e', frame: '#8a5a2b', desk: '#c98b4a', metal: '#4a4f55', accent: '#d9534f' },
  { wall: '#cfe3d4', trim: '#9fbfa8', floor: '#8c6a4f', board: '#25433a', frame: '#6b4a32', desk: '#d09a5b', metal: '#3d4a52', accent: '#f2a541' },
  { wall: '#d6e2ee', trim: '#a8bdd1', floor: '#9b7a5c', board: '#203a3a', frame: '#5e4634', desk: '#c7915d', metal: '#394655', accent: '#e76f51' },
  { wall: '#f1d3bc', trim: '#d4a98a', floor: '#8a5d3b', board: '#2e3d33', frame: '#734b2f', desk: '#b97d45', metal: '#4b4b52', accent: '#2a9d8f' },
];

function drawClassroom(ctx: Ctx): string {
  const { w, h, rng, mood } = ctx;
  const pal = rng.pick(INTERIORS);
  const floorY = h * rng.range(0.6, 0.66);
  let s = rect(0, 0, w, floorY, linear(ctx, [[0, lighten(pal.wall, 0.1)], [1, darken(pal.wall, 0.06)]]));
  s += rect(0, floorY - h * 0.06, w, h * 0.06, pal.trim);
  s += rect(0, floorY, w, h - floorY, linear(ctx, [[0, pal.floor], [1, darken(pal.floor, 0.25)]]));
  const vx = w * rng.range(0.4, 0.6);
  for (let i = -8; i <= 8; i++) s += line(vx + i * w * 0.02, floorY, vx + i * w * 0.16, h, darken(pal.floor, 0.18), w * 0.0015, 'opacity="0.6"');
  // window with sky
  const winLeft = rng.chance(0.5);
  const ww = w * rng.range(0.14, 0.18);
  const wx = winLeft ? w * 0.05 : w * 0.95 - ww;
  const wy = h * 0.12;
  const wh = h * 0.34;
  s += rect(wx - w * 0.008, wy - w * 0.008, ww + w * 0.016, wh + w * 0.016, pal.frame);
  s += rect(wx, wy, ww, wh, linear(ctx, [[0, mood.skyTop], [1, mood.skyBottom]]));
  s += circle(wx + ww * rng.range(0.25, 0.75), wy + wh * 0.3, w * 0.018, mood.sun);
  s += group(smoothHills(ctx, wy + wh * 0.95, h * 0.04, mood.far), clip(ctx, rect(wx, wy, ww, wh, '#000')));
  s += rect(wx + ww / 2 - w * 0.003, wy, w * 0.006, wh, pal.frame);
  s += rect(wx, wy + wh / 2 - w * 0.003, ww, w * 0.006, pal.frame);
  // light shaft on the floor
  const lx = winLeft ? wx + ww : wx;
  const dir = winLeft ? 1 : -1;
  s += polygon([[wx, wy + wh], [wx + ww, wy + wh], [lx + dir * w * 0.35, h], [lx + dir * w * 0.12, h]], '#fff8e1', 'opacity="0.12"');
  // blackboard
  const bw = w * rng.range(0.36, 0.44);
  const bx = winLeft ? w * 0.3 + rng.range(0, 0.15) * w : w * 0.55 - bw + rng.range(-0.1, 0.05) * w;
  const by = h * 0.1;
  const bh = h * 0.3;
  s += rect(bx - w * 0.01, by - w * 0.01, bw + w * 0.02, bh + w * 0.02, pal.frame);
  s += rect(bx, by, bw, bh, pal.board);
  s += rect(bx - w * 0.01, by + bh + w * 0.01, bw + w * 0.02, h * 0.012, darken(pal.frame, 0.2));
  // chalk: scribbles, a diagram and some "lines" of handwriting (no text)
  const chalk = 'stroke="#f4f1e8" stroke-opacity="0.75" fill="none" stroke-linecap="round"';
  for (let r = 0; r < 4; r++) {
    let d = `M${f(bx + bw * 0.06)} ${f(by + bh * (0.18 + r * 0.17))} `;
    const len = bw * rng.range(0.25, 0.45);
    for (let x = 0; x < len; x += bw * 0.02) d += `L${f(bx + bw * 0.06 + x)} ${f(by + bh * (0.18 + r * 0.17) + rng.range(-1, 1) * bh * 0.025)} `;
    s += `<path d="${d}" ${chalk} stroke-width="${f(w * 0.002)}"/>`;
  }
  const dgx = bx + bw * 0.72;
  const dgy = by + bh * 0.5;
  if (rng.chance(0.5)) {
    s += `<circle cx="${f(dgx)}" cy="${f(dgy)}" r="${f(bh * 0.22)}" ${chalk} stroke-width="${f(w * 0.002)}"/>`;
    s += `<path d="M${f(dgx - bh * 0.22)} ${f(dgy)} L${f(dgx + bh * 0.22)} ${f(dgy)} M${f(dgx)} ${f(dgy)} L${f(dgx + bh * 0.15)} ${f(dgy - bh * 0.16)}" ${chalk} stroke-width="${f(w * 0.0018)}"/>`;
  } else {
    s += `<path d="M${f(dgx - bh * 0.3)} ${f(dgy + bh * 0.25)} L${f(dgx + bh * 0.3)} ${f(dgy + bh * 0.25)} M${f(dgx - bh * 0.25)} ${f(dgy + bh * 0.3)} L${f(dgx - bh * 0.25)} ${f(dgy - bh * 0.3)} M${f(dgx - bh * 0.25)} ${f(dgy + bh * 0.2)} Q${f(dgx)} ${f(dgy - bh * 0.5)} ${f(dgx + bh * 0.28)} ${f(dgy + bh * 0.15)}" ${chalk} stroke-width="${f(w * 0.002)}"/>`;
  }
  // clock
  const clx = winLeft ? w * 0.88 : w * 0.12;
  s += circle(clx, h * 0.16, w * 0.025, '#ffffff', `stroke="${pal.metal}" stroke-width="${f(w * 0.003)}"`);
  s += line(clx, h * 0.16, clx, h * 0.16 - w * 0.016, pal.metal, w * 0.0025);
  s += line(clx, h * 0.16, clx + w * 0.011, h * 0.16 + w * 0.004, pal.metal, w * 0.0025);
  // desks in perspective rows
  const rows = 3;
  for (let r = 0; r < rows; r++) {
    const depth = (r + 1) / rows;
    const y = floorY + (h - floorY) * (0.18 + depth * 0.62);
    const scale = 0.55 + depth * 0.6;
    const dw = w * 0.13 * scale;
    const dh = h * 0.045 * scale;
    const cols = 4;
    for (let c = 0; c < cols; c++) {
      const spread = w * (0.2 + depth * 0.14);
      const x = vx + (c - (cols - 1) / 2) * spread - dw / 2;
      // chair back
      s += rect(x + dw * 0.25, y - dh * 2.1, dw * 0.5, dh * 0.9, pal.accent, `rx="${f(dh * 0.2)}"`);
      // legs
      s += rect(x + dw * 0.06, y, dw * 0.04, dh * 2.2, pal.metal);
      s += rect(x + dw * 0.9, y, dw * 0.04, dh * 2.2, pal.metal);
      // top
      s += polygon([[x + dw * 0.05, y - dh], [x + dw * 0.95, y - dh], [x + dw, y], [x, y]], pal.desk);
      s += rect(x, y, dw, dh * 0.35, darken(pal.desk, 0.25));
      if (rng.chance(0.45)) s += rect(x + dw * rng.range(0.2, 0.6), y - dh * 0.75, dw * 0.22, dh * 0.45, rng.pick(['#ffffff', '#f6d743', '#8ecae6', '#e76f51']), 'opacity="0.95"');
    }
  }
  // globe on the teacher's table at the side
  const gx = winLeft ? w * 0.86 : w * 0.14;
  const gy = floorY - h * 0.02;
  s += rect(gx - w * 0.06, gy, w * 0.12, h * 0.02, darken(pal.desk, 0.1));
  s += rect(gx - w * 0.004, gy - h * 0.05, w * 0.008, h * 0.05, pal.metal);
  s += circle(gx, gy - h * 0.09, w * 0.03, '#4f9dd9');
  s += path(`M${f(gx - w * 0.015)} ${f(gy - h * 0.11)} q${f(w * 0.01)} ${f(-h * 0.01)} ${f(w * 0.02)} ${f(h * 0.01)} t${f(w * 0.012)} ${f(h * 0.03)} q${f(-w * 0.02)} ${f(h * 0.01)} ${f(-w * 0.03)} ${f(-h * 0.01)} Z`, '#6cbf6c');
  return s;
}

function drawField(ctx: Ctx): string {
  const { w, h, rng, mood } = ctx;
  const horizon = h * rng.range(0.48, 0.56);
  let s = sky(ctx, horizon / h + 0.01);
  s += sunOrMoon(ctx, rng.range(0.15, 0.85) * w, horizon * rng.range(0.35, 0.7), w * rng.range(0.04, 0.06));
  s += clouds(ctx, rng.int(1, 3), h * 0.08, horizon * 0.6, lighten(mood.skyBottom, 0.6), 0.5);
  s += smoothHills(ctx, horizon, h * 0.05, mix(mood.far, mood.skyBottom, 0.3));
  // distant tree line and a farmhouse
  const treeCol = mix('#4d7c45', mood.mid, 0.4);
  for (let x = 0; x < w; x += w * rng.range(0.01, 0.03)) s += circle(x, horizon, h * rng.range(0.012, 0.03), treeCol);
  const hx = rng.range(0.1, 0.85) * w;
  s += rect(hx, horizon - h * 0.035, w * 0.05, h * 0.035, lighten(mix('#c98c6a', mood.far, 0.3), 0.1));
  s += polygon([[hx - w * 0.006, horizon - h * 0.035], [hx + w * 0.025, horizon - h * 0.06], [hx + w * 0.056, horizon - h * 0.035]], darken(mix('#a0522d', mood.mid, 0.3), 0.1));
  // crop rows converging on a vanishing point
  const golden = rng.chance(0.35);
  const c1 = golden ? mix('#d9a441', mood.ground, 0.15) : mix('#6aa84f', mood.ground, 0.2);
  const c2 = golden ? mix('#e9c46a', mood.ground, 0.1) : mix('#8bc34a', mood.ground, 0.15);
  s += rect(0, horizon, w, h - horizon, c1);
  const vx = w * rng.range(0.3, 0.7);
  const rowsN = 24;
  for (let i = 0; i < rowsN; i += 2) {
    const x0 = -w * 1.5 + (i / rowsN) * w * 4;
    const x1 = -w * 1.5 + ((i + 1) / rowsN) * w * 4;
    s += polygon([[vx, horizon], [x0, h], [x1, h]], c2);
  }
  s += rect(0, horizon, w, h * 0.05, linear(ctx, [[0, mix(mood.skyBottom, c1, 0.5), 0.6], [1, c1, 0]]));
  // a tree in the field
  const tx = rng.chance(0.5) ? rng.range(0.08, 0.25) * w : rng.range(0.75, 0.92) * w;
  s += tree(ctx, tx, horizon + h * rng.range(0.12, 0.2), h * rng.range(0.22, 0.3), mix('#2f6b3a', mood.near, 0.2), darken(mood.near, 0.3));
  // water channel
  if (rng.chance(0.5)) s += polygon([[vx - w * 0.002, horizon], [vx + w * 0.002, horizon], [vx + w * 0.06, h], [vx - w * 0.02, h]], mix('#7fb7d9', mood.skyBottom, 0.4), 'opacity="0.8"');
  s += birds(ctx, rng.int(3, 7), h * 0.12, horizon * 0.6, darken(mood.near, 0.2));
  return s;
}

function drawSkyline(ctx: Ctx): string {
  const { w, h, rng, mood } = ctx;
  const groundY = h * rng.range(0.86, 0.9);
  let s = sky(ctx);
  if (mood.night) s += stars(ctx, h * 0.4, 70);
  s += sunOrMoon(ctx, rng.range(0.1, 0.9) * w, rng.range(0.15, 0.3) * h, w * rng.range(0.05, 0.08));
  s += buildingRow(ctx, { color: mix(mood.far, mood.skyBottom, 0.25), baseY: groundY, minH: 0.25, maxH: 0.45, minW: 0.05, maxW: 0.09, windows: 0, domes: 0, tanks: 0.1 });
  // glass towers
  let x = -rng.range(0, 0.05) * w;
  while (x < w) {
    const tw = w * rng.range(0.06, 0.11);
    const th = h * rng.range(0.35, 0.72);
    const top = groundY - th;
    const glassA = mix(mood.mid, mood.skyTop, rng.range(0.1, 0.4));
    const glassB = mix(mood.near, mood.skyBottom, rng.range(0.05, 0.25));
    const fill = linear(ctx, [[0, lighten(glassA, 0.15)], [0.5, glassA], [1, glassB]], 0, 0, 1, 1);
    const slant = rng.chance(0.3) ? h * rng.range(0.03, 0.07) : 0;
    if (slant > 0) s += polygon([[x, top + slant], [x + tw, top], [x + tw, groundY], [x, groundY]], fill);
    else s += rect(x, top, tw, th, fill);
    const mullions = Math.max(2, Math.floor(tw / (w * 0.012)));
    for (let k = 1; k < mullions; k++) s += rect(x + (tw * k) / mullions, top + slant, w * 0.0012, th - slant, darken(glassA, 0.2), 'opacity="0.5"');
    const floors = Math.floor(th / (h * 0.03));
    for (let k = 1; k < floors; k++) {
      const fy = top + slant + k * h * 0.03;
      if (fy > groundY) break;
      const lit = mood.night && rng.chance(0.5);
      s += rect(x, fy, tw, h * (lit ? 0.012 : 0.002), lit ? mood.window : lighten(glassA, 0.25), `opacity="${lit ? '0.7' : '0.35'}"`);
    }
    s += polygon([[x + tw * 0.15, top + slant], [x + tw * 0.35, top + slant], [x + tw * 0.05, groundY], [x, groundY - th * 0.2]], '#ffffff', 'opacity="0.08"');
    if (rng.chance(0.3)) s += line(x + tw / 2, top, x + tw / 2, top - h * 0.06, darken(glassA, 0.3), w * 0.0015);
    x += tw + rng.range(0.005, 0.03) * w;
  }
  // a tower crane
  const cx = rng.range(0.15, 0.85) * w;
  const craneTop = h * rng.range(0.12, 0.2);
  const craneCol = rng.pick([mood.accent, mood.accent2, '#f4d35e']);
  s += rect(cx - w * 0.005, craneTop, w * 0.01, groundY - craneTop, craneCol);
  for (let y = craneTop; y < groundY; y += h * 0.03) s += line(cx - w * 0.005, y, cx + w * 0.005, y + h * 0.03, darken(craneCol, 0.2), w * 0.001);
  s += rect(cx - w * 0.06, craneTop, w * 0.22, h * 0.01, craneCol);
  s += line(cx, craneTop - h * 0.05, cx + w * 0.16, craneTop, craneCol, w * 0.0015);
  s += line(cx, craneTop - h * 0.05, cx - w * 0.06, craneTop, craneCol, w * 0.0015);
  s += rect(cx - w * 0.06, craneTop + h * 0.01, w * 0.025, h * 0.02, darken(craneCol, 0.3));
  const hook = cx + w * rng.range(0.04, 0.15);
  s += line(hook, craneTop + h * 0.01, hook, craneTop + h * rng.range(0.1, 0.25), '#333333', w * 0.001);
  // flyover and trees
  s += rect(0, groundY - h * 0.05, w, h * 0.02, darken(mood.near, 0.1));
  for (let px = w * 0.05; px < w; px += w * 0.18) s += rect(px, groundY - h * 0.03, w * 0.015, h * 0.03, darken(mood.near, 0.2));
  s += rect(0, groundY, w, h - groundY, mood.ground);
  for (let tx = rng.range(0, 0.05) * w; tx < w; tx += w * rng.range(0.06, 0.12)) {
    s += tree(ctx, tx, groundY + h * 0.02, h * rng.range(0.07, 0.1), mix('#3f7d4e', mood.near, 0.4), darken(mood.near, 0.3));
  }
  return s;
}

function drawRain(ctx: Ctx): string {
  const { w, h, rng, mood } = ctx;
  const streetY = h * rng.range(0.72, 0.78);
  let s = sky(ctx);
  s += clouds(ctx, rng.int(4, 7), -h * 0.02, h * 0.22, darken(mood.skyTop, 0.15), 0.9);
  s += clouds(ctx, rng.int(3, 5), h * 0.05, h * 0.3, mix(mood.skyTop, mood.skyBottom, 0.4), 0.7);
  // rooftops: pitched and flat, with water tanks
  let x = -rng.range(0, 0.05) * w;
  const roofs: string[] = [mood.far, mood.mid, mood.near];
  for (let layer = 0; layer < 2; layer++) {
    x = -rng.range(0, 0.05) * w;
    while (x < w) {
      const bw = w * rng.range(0.08, 0.15);
      const bh = h * rng.range(0.2, 0.35) * (layer === 0 ? 1.3 : 1);
      const top = streetY - bh;
      const col = roofs[layer] ?? mood.near;
      s += rect(x, top, bw, bh, col);
      if (rng.chance(0.45)) s += polygon([[x - bw * 0.05, top], [x + bw / 2, top - bh * 0.25], [x + bw * 1.05, top]], darken(col, 0.15));
      else if (rng.chance(0.6)) {
        const tw = bw * 0.25;
        s += rect(x + bw * 0.6, top - tw * 0.8, tw, tw * 0.8, darken(col, 0.2));
      }
      if (layer === 1) {
        for (let r = 0; r < 2; r++) {
          for (let c = 0; c < 2; c++) {
            const lit = rng.chance(mood.night ? 0.7 : 0.45);
            s += rect(x + bw * (0.18 + c * 0.4), top + bh * (0.2 + r * 0.32), bw * 0.22, bh * 0.16, lit ? mood.window : lighten(col, 0.12), lit ? 'opacity="0.8"' : undefined);
          }
        }
      }
      x += bw + rng.range(0, 0.015) * w;
    }
  }
  // wet street with reflections
  s += rect(0, streetY, w, h - streetY, linear(ctx, [[0, mix(mood.ground, mood.skyBottom, 0.3)], [1, darken(mood.ground, 0.2)]]));
  for (let i = 0; i < 18; i++) {
    const rx = rng.range(0, w);
    s += rect(rx, streetY + h * 0.005, w * rng.range(0.003, 0.008), (h - streetY) * rng.range(0.2, 0.6), linear(ctx, [[0, mood.window, rng.range(0.15, 0.3)], [1, mood.window, 0]]));
  }
  for (let i = 0; i < 12; i++) {
    s += ellipse(rng.range(0, w), rng.range(streetY + h * 0.04, h * 0.98), w * rng.range(0.01, 0.03), h * rng.range(0.004, 0.01), 'none', `stroke="#ffffff" stroke-opacity="0.35" stroke-width="${f(w * 0.0012)}"`);
  }
  // a figure with an umbrella
  const ux = rng.range(0.2, 0.8) * w;
  const uy = streetY + (h - streetY) * rng.range(0.25, 0.45);
  const us = h * rng.range(0.16, 0.22);
  s += rect(ux - us * 0.09, uy - us * 0.55, us * 0.18, us * 0.55, darken(mood.near, 0.3), `rx="${f(us * 0.06)}"`);
  s += rect(ux - us * 0.07, uy - us * 0.02, us * 0.05, us * 0.2, darken(mood.near, 0.4));
  s += rect(ux + us * 0.02, uy - us * 0.02, us * 0.05, us * 0.2, darken(mood.near, 0.4));
  s += line(ux, uy - us * 0.5, ux, uy - us * 0.85, '#222222', w * 0.002);
  const uc = rng.pick([mood.accent, mood.accent2, '#d62828', '#ffb703']);
  s += path(`M${f(ux - us * 0.42)} ${f(uy - us * 0.8)} A${f(us * 0.42)} ${f(us * 0.32)} 0 0 1 ${f(ux + us * 0.42)} ${f(uy - us * 0.8)} Q${f(ux + us * 0.28)} ${f(uy - us * 0.86)} ${f(ux + us * 0.14)} ${f(uy - us * 0.8)} Q${f(ux)} ${f(uy - us * 0.86)} ${f(ux - us * 0.14)} ${f(uy - us * 0.8)} Q${f(ux - us * 0.28)} ${f(uy - us * 0.86)} ${f(ux - us * 0.42)} ${f(uy - us * 0.8)} Z`, uc);
  s += ellipse(ux, uy + us * 0.2, us * 0.3, us * 0.03, '#ffffff', 'opacity="0.12"');
  // rain streaks
  const slantX = rng.range(-0.35, 0.1);
  let rain = '';
  for (let i = 0; i < 320; i++) {
    const rx0 = rng.range(-0.05, 1.1) * w;
    const ry0 = rng.range(-0.05, 1) * h;
    const len = h * rng.range(0.03, 0.07);
    rain += `M${f(rx0)} ${f(ry0)} l${f(len * slantX)} ${f(len)} `;
  }
  s += `<path d="${rain}" fill="none" stroke="#e8f1f5" stroke-opacity="0.45" stroke-width="${f(w * 0.0012)}" stroke-linecap="round"/>`;
  s += rect(0, 0, w, h, mood.skyBottom, 'opacity="0.06"');
  return s;
}

interface StudioPalette {
  back1: string;
  back2: string;
  floor: string;
  accent: string;
  accent2: string;
  screen: string;
  metal: string;
  light: string;
}

const STUDIOS: StudioPalette[] = [
  { back1: '#1b1f3b', back2: '#3a2e6b', floor: '#121426', accent: '#e63946', accent2: '#f1c40f', screen: '#2a9d8f', metal: '#2b2d42', light: '#fff3d1' },
  { back1: '#0f2f3a', back2: '#14596b', floor: '#0b1c22', accent: '#f4a261', accent2: '#e9c46a', screen: '#e76f51', metal: '#22333b', light: '#f8f4e3' },
  { back1: '#2d1b2e', back2: '#6b2d5c', floor: '#190e19', accent: '#f0a202', accent2: '#00a6a6', screen: '#3d5a80', metal: '#2e2a33', light: '#fff0f0' },
  { back1: '#1d2b1f', back2: '#2f5d50', floor: '#0f1a12', accent: '#ee6c4d', accent2: '#98c1d9', screen: '#e0a458', metal: '#263238', light: '#f5f5e8' },
];

function drawStudio(ctx: Ctx): string {
  const { w, h, rng } = ctx;
  const p = rng.pick(STUDIOS);
  const floorY = h * rng.range(0.7, 0.76);
  let s = rect(0, 0, w, floorY, radial(ctx, [[0, p.back2], [1, p.back1]], 0.5, 0.35, 0.75));
  s += rect(0, floorY, w, h - floorY, linear(ctx, [[0, lighten(p.floor, 0.08)], [1, p.floor]]));
  // backdrop panels
  for (let i = 0; i < 7; i++) s += rect((i * w) / 7, 0, w * 0.002, floorY, '#ffffff', 'opacity="0.05"');
  // big screen with abstract bars and a wave
  const sw = w * rng.range(0.32, 0.4);
  const sh = sw * 0.5625;
  const sx = w * rng.range(0.08, 0.14);
  const sy = h * 0.12;
  s += rect(sx - w * 0.006, sy - w * 0.006, sw + w * 0.012, sh + w * 0.012, '#0a0a0a', `rx="${f(w * 0.006)}"`);
  s += rect(sx, sy, sw, sh, linear(ctx, [[0, p.screen], [1, darken(p.screen, 0.45)]], 0, 0, 1, 1));
  const bars = rng.int(5, 9);
  for (let i = 0; i < bars; i++) {
    const bh = sh * rng.range(0.15, 0.7);
    s += rect(sx + sw * 0.08 + (i * sw * 0.84) / bars, sy + sh * 0.88 - bh, (sw * 0.84) / bars * 0.6, bh, i % 3 === 0 ? p.accent2 : '#ffffff', 'opacity="0.75"');
  }
  let wave = `M${f(sx + sw * 0.05)} ${f(sy + sh * 0.3)} `;
  for (let i = 1; i <= 12; i++) wave += `L${f(sx + sw * 0.05 + (i * sw * 0.9) / 12)} ${f(sy + sh * (0.3 + rng.range(-0.12, 0.12)))} `;
  s += `<path d="${wave}" fill="none" stroke="${p.accent}" stroke-width="${f(w * 0.003)}" stroke-linejoin="round"/>`;
  // spotlights from the ceiling
  const spots = rng.int(2, 4);
  for (let i = 0; i < spots; i++) {
    const lx = ((i + 0.5) / spots) * w + rng.range(-0.05, 0.05) * w;
    s += polygon([[lx - w * 0.015, 0], [lx + w * 0.015, 0], [lx + w * 0.16, floorY + h * 0.05], [lx - w * 0.16, floorY + h * 0.05]], linear(ctx, [[0, p.light, 0.35], [1, p.light, 0]]));
    s += rect(lx - w * 0.02, 0, w * 0.04, h * 0.03, p.metal);
    s += ellipse(lx, floorY + h * 0.06, w * 0.14, h * 0.025, p.light, 'opacity="0.08"');
  }
  // anchor desk
  const dx = w * rng.range(0.45, 0.55);
  const dw = w * 0.34;
  const dTop = floorY - h * 0.16;
  s += polygon([[dx - dw / 2, dTop], [dx + dw / 2, dTop], [dx + dw / 2 - w * 0.02, floorY + h * 0.04], [dx - dw / 2 + w * 0.02, floorY + h * 0.04]], linear(ctx, [[0, lighten(p.metal, 0.15)], [1, p.metal]]));
  s += rect(dx - dw / 2, dTop, dw, h * 0.015, lighten(p.metal, 0.35));
  s += rect(dx - dw / 2 + w * 0.02, dTop + h * 0.07, dw - w * 0.04, h * 0.012, p.accent);
  // desk microphone
  const mx = dx + rng.range(-0.08, 0.08) * w;
  s += line(mx, dTop, mx - w * 0.01, dTop - h * 0.07, p.metal, w * 0.003);
  s += rect(mx - w * 0.018, dTop - h * 0.115, w * 0.018, h * 0.05, '#3a3a3a', `rx="${f(w * 0.009)}"`);
  for (let k = 1; k < 4; k++) s += line(mx - w * 0.018, dTop - h * 0.115 + (h * 0.05 * k) / 4, mx, dTop - h * 0.115 + (h * 0.05 * k) / 4, '#666666', w * 0.0012);
  // "on air" lamp (no lettering)
  s += rect(w * 0.86, h * 0.08, w * 0.07, h * 0.04, '#220000', `rx="${f(h * 0.01)}"`);
  s += rect(w * 0.865, h * 0.087, w * 0.06, h * 0.026, p.accent, `rx="${f(h * 0.008)}"`);
  s += circle(w * 0.895, h * 0.1, w * 0.06, radial(ctx, [[0, p.accent, 0.35], [1, p.accent, 0]]));
  // camera on a tripod in the foreground
  const cx = w * rng.range(0.72, 0.82);
  const cy = h * rng.range(0.48, 0.54);
  const tri = '#1a1a1a';
  s += line(cx, cy + h * 0.05, cx - w * 0.06, h * 0.98, tri, w * 0.005);
  s += line(cx, cy + h * 0.05, cx + w * 0.06, h * 0.98, tri, w * 0.005);
  s += line(cx, cy + h * 0.05, cx + w * 0.005, h * 0.96, tri, w * 0.005);
  s += rect(cx - w * 0.012, cy + h * 0.03, w * 0.024, h * 0.03, tri);
  const bodyW = w * 0.11;
  const bodyH = h * 0.1;
  s += rect(cx - bodyW / 2, cy - bodyH / 2, bodyW, bodyH, '#2a2a2a', `rx="${f(w * 0.006)}"`);
  s += rect(cx - bodyW / 2, cy - bodyH / 2 - h * 0.02, bodyW * 0.5, h * 0.02, '#333333');
  s += rect(cx - bodyW / 2 - w * 0.045, cy - bodyH * 0.3, w * 0.05, bodyH * 0.6, '#1f1f1f');
  s += ellipse(cx - bodyW / 2 - w * 0.045, cy, w * 0.012, bodyH * 0.32, '#101010');
  s += ellipse(cx - bodyW / 2 - w * 0.045, cy, w * 0.007, bodyH * 0.2, p.screen, 'opacity="0.8"');
  s += circle(cx + bodyW * 0.35, cy - bodyH * 0.3, w * 0.005, p.accent);
  s += line(cx + bodyW / 2, cy + bodyH * 0.3, cx + bodyW / 2 + w * 0.05, cy + bodyH * 0.8, '#2a2a2a', w * 0.004);
  // boom microphone on a stand at the other side
  const bx = w * rng.range(0.04, 0.1);
  s += line(bx, h * 0.97, bx, h * 0.42, p.metal, w * 0.004);
  s += line(bx - w * 0.04, h * 0.98, bx + w * 0.04, h * 0.98, p.metal, w * 0.004);
  s += line(bx, h * 0.42, bx + w * 0.16, h * 0.3, p.metal, w * 0.003);
  s += rect(bx + w * 0.15, h * 0.27, w * 0.06, h * 0.03, '#555555', `rx="${f(h * 0.015)}" transform="rotate(-20 ${f(bx + w * 0.18)} ${f(h * 0.285)})"`);
  return s;
}

const THEMES: Record<ImageTheme, { moods: readonly MoodName[]; draw: (ctx: Ctx) => string }> = {
  city: { moods: ['dawn', 'day', 'dusk', 'night', 'golden'], draw: drawCity },
  river: { moods: ['dawn', 'day', 'dusk', 'golden', 'night'], draw: drawRiver },
  parliament: { moods: ['day', 'dawn', 'golden', 'dusk'], draw: drawParliament },
  market: { moods: ['day', 'golden', 'dusk'], draw: drawMarket },
  stadium: { moods: ['night', 'dusk'], draw: drawStadium },
  mountains: { moods: ['dawn', 'day', 'dusk', 'golden'], draw: drawMountains },
  harbour: { moods: ['day', 'dawn', 'dusk', 'golden', 'night'], draw: drawHarbour },
  classroom: { moods: ['day', 'golden', 'dawn'], draw: drawClassroom },
  field: { moods: ['day', 'golden', 'dawn'], draw: drawField },
  skyline: { moods: ['day', 'dusk', 'night', 'dawn'], draw: drawSkyline },
  rain: { moods: ['monsoon', 'monsoonNight'], draw: drawRain },
  studio: { moods: ['night'], draw: drawStudio },
};

function makeCtx(kind: string, seed: string, w: number, h: number, moods: readonly MoodName[]): Ctx {
  const hash = hashString(`${kind}\u0000${seed}`);
  const rng = new Rng(hash);
  return { w, h, rng, mood: pickMood(rng, moods), defs: [], prefix: `d${hash.toString(36)}`, counter: 0 };
}

function checkSize(n: number, name: string): number {
  if (!Number.isFinite(n) || n < 16 || n > 8000) throw new RangeError(`${name} must be between 16 and 8000`);
  return Math.round(n);
}

/**
 * An abstract editorial illustration for a story, as a standalone SVG.
 * Deterministic: the same theme, seed and size always give the same string.
 */
export function renderIllustrationSvg(theme: ImageTheme, seed: string, width = 1600, height = 900): string {
  const spec = THEMES[theme];
  if (!spec) throw new Error(`Unknown illustration theme: ${String(theme)}`);
  const ctx = makeCtx(`illustration:${theme}`, seed, checkSize(width, 'width'), checkSize(height, 'height'), spec.moods);
  const body = spec.draw(ctx);
  return wrap(ctx, body);
}

// ── Portraits ──────────────────────────────────────────────────────────────

const SKIN = ['#f1c7a3', '#e0ac85', '#c98e66', '#b07650', '#8d5a3b', '#6e4530'];
const HAIR = ['#1c1412', '#2b1d16', '#3b2a20', '#54402f', '#6b6b6b', '#c9c9c9', '#201a2e'];
const CLOTHES = ['#1d3557', '#457b9d', '#2a9d8f', '#e76f51', '#6d597a', '#264653', '#8d99ae', '#bc4b51', '#3a5a40', '#f4a261'];
const BACKDROPS = ['#f1e3d3', '#dde7ee', '#e3eedd', '#efe0ec', '#f6edd2', '#dfe3f3', '#e8e1d9'];
const TURBANS = ['#1d3557', '#e76f51', '#f4a261', '#6d597a', '#2a9d8f', '#ffb703', '#bc4b51', '#f1faee'];

/**
 * A flat, stylised head-and-shoulders avatar (no face details, no text).
 * Deterministic for the same name, seed and size.
 */
export function renderPortraitSvg(name: string, seed: string, size = 400): string {
  const s = checkSize(size, 'size');
  const ctx = makeCtx(`portrait:${name}`, seed, s, s, ['day']);
  const { rng } = ctx;
  const bg = rng.pick(BACKDROPS);
  const skin = rng.pick(SKIN);
  const hair = rng.pick(HAIR);
  const cloth = rng.pick(CLOTHES);
  const style = rng.pick(['short', 'long', 'bun', 'curly', 'receding', 'turban', 'bob'] as const);
  const cx = s / 2 + rng.range(-0.02, 0.02) * s;
  const headY = s * 0.43;
  const rx = s * rng.range(0.175, 0.195);
  const ry = s * rng.range(0.215, 0.235);
  let b = rect(0, 0, s, s, linear(ctx, [[0, lighten(bg, 0.3)], [1, bg]]));
  b += circle(s * rng.range(0.2, 0.8), s * rng.range(0.2, 0.8), s * rng.range(0.25, 0.4), darken(bg, 0.04), 'opacity="0.6"');
  // hair that falls behind the shoulders
  if (style === 'long') b += rect(cx - rx * 1.25, headY - ry * 0.6, rx * 2.5, ry * 2.3, hair, `rx="${f(rx)}"`);
  if (style === 'bob') b += rect(cx - rx * 1.2, headY - ry * 0.8, rx * 2.4, ry * 1.75, hair, `rx="${f(rx * 0.8)}"`);
  // shoulders and clothes
  const shoulderY = s * 0.79;
  b += path(`M${f(s * 0.08)} ${f(s)} C${f(s * 0.1)} ${f(shoulderY)} ${f(s * 0.3)} ${f(shoulderY - s * 0.04)} ${f(cx)} ${f(shoulderY - s * 0.05)} C${f(s * 0.7)} ${f(shoulderY - s * 0.04)} ${f(s * 0.9)} ${f(shoulderY)} ${f(s * 0.92)} ${f(s)} Z`, cloth);
  // neck
  b += rect(cx - rx * 0.42, headY + ry * 0.6, rx * 0.84, s * 0.2, darken(skin, 0.08));
  // collar
  const collar = rng.pick(['v', 'round', 'shirt'] as const);
  if (collar === 'v') b += polygon([[cx - rx * 0.55, shoulderY - s * 0.05], [cx, shoulderY + s * 0.05], [cx + rx * 0.55, shoulderY - s * 0.05]], darken(skin, 0.08));
  else if (collar === 'shirt') {
    b += polygon([[cx - rx * 0.5, shoulderY - s * 0.055], [cx, shoulderY + s * 0.02], [cx - rx * 0.15, shoulderY + s * 0.06], [cx - rx * 0.75, shoulderY - s * 0.02]], lighten(cloth, 0.75));
    b += polygon([[cx + rx * 0.5, shoulderY - s * 0.055], [cx, shoulderY + s * 0.02], [cx + rx * 0.15, shoulderY + s * 0.06], [cx + rx * 0.75, shoulderY - s * 0.02]], lighten(cloth, 0.75));
  } else {
    b += path(`M${f(cx - rx * 0.5)} ${f(shoulderY - s * 0.052)} Q${f(cx)} ${f(shoulderY + s * 0.01)} ${f(cx + rx * 0.5)} ${f(shoulderY - s * 0.052)} Z`, darken(skin, 0.08));
    b += path(`M${f(cx - rx * 0.55)} ${f(shoulderY - s * 0.05)} Q${f(cx)} ${f(shoulderY + s * 0.02)} ${f(cx + rx * 0.55)} ${f(shoulderY - s * 0.05)}`, 'none', `stroke="${darken(cloth, 0.25)}" stroke-width="${f(s * 0.012)}" stroke-linecap="round"`);
  }
  // ears and head
  b += ellipse(cx - rx, headY + ry * 0.05, rx * 0.18, ry * 0.2, darken(skin, 0.05));
  b += ellipse(cx + rx, headY + ry * 0.05, rx * 0.18, ry * 0.2, darken(skin, 0.05));
  b += ellipse(cx, headY, rx, ry, skin);
  b += ellipse(cx + rx * 0.35, headY + ry * 0.05, rx * 0.55, ry * 0.85, darken(skin, 0.06), 'opacity="0.35"');
  // hair on top
  const top = headY - ry;
  switch (style) {
    case 'short':
      b += path(`M${f(cx - rx * 1.02)} ${f(headY - ry * 0.05)} C${f(cx - rx * 1.12)} ${f(top - ry * 0.55)} ${f(cx + rx * 1.12)} ${f(top - ry * 0.6)} ${f(cx + rx * 1.02)} ${f(headY - ry * 0.05)} C${f(cx + rx * 0.7)} ${f(top + ry * 0.35)} ${f(cx - rx * 0.4)} ${f(top + ry * 0.25)} ${f(cx - rx * 1.02)} ${f(headY - ry * 0.05)} Z`, hair);
      break;
    case 'long':
    case 'bob':
      b += path(`M${f(cx - rx * 1.1)} ${f(headY + ry * 0.3)} C${f(cx - rx * 1.2)} ${f(top - ry * 0.75)} ${f(cx + rx * 1.2)} ${f(top - ry * 0.75)} ${f(cx + rx * 1.1)} ${f(headY + ry * 0.3)} C${f(cx + rx * 0.9)} ${f(top + ry * 0.3)} ${f(cx)} ${f(top + ry * 0.15)} ${f(cx - rx * 0.2)} ${f(top + ry * 0.3)} C${f(cx - rx * 0.6)} ${f(top + ry * 0.4)} ${f(cx - rx * 0.95)} ${f(headY)} ${f(cx - rx * 1.1)} ${f(headY + ry * 0.3)} Z`, hair);
      break;
    case 'bun':
      b += circle(cx, top - ry * 0.15, rx * 0.45, hair);
      b += path(`M${f(cx - rx * 1.02)} ${f(headY)} C${f(cx - rx * 1.12)} ${f(top - ry * 0.6)} ${f(cx + rx * 1.12)} ${f(top - ry * 0.6)} ${f(cx + rx * 1.02)} ${f(headY)} C${f(cx + rx * 0.8)} ${f(top + ry * 0.3)} ${f(cx - rx * 0.8)} ${f(top + ry * 0.3)} ${f(cx - rx * 1.02)} ${f(headY)} Z`, hair);
      break;
    case 'curly':
      for (let i = 0; i < 11; i++) {
        const a = Math.PI + (i / 10) * Math.PI;
        b += circle(cx + Math.cos(a) * rx * 0.95, headY - ry * 0.15 + Math.sin(a) * ry * 0.95, rx * 0.3, hair);
      }
      b += ellipse(cx, top + ry * 0.15, rx * 0.8, ry * 0.25, hair);
      break;
    case 'receding':
      b += path(`M${f(cx - rx * 1.02)} ${f(headY + ry * 0.1)} C${f(cx - rx * 1.05)} ${f(headY - ry * 0.6)} ${f(cx - rx * 0.6)} ${f(headY - ry * 0.7)} ${f(cx - rx * 0.75)} ${f(headY - ry * 0.2)} Z`, hair);
      b += path(`M${f(cx + rx * 1.02)} ${f(headY + ry * 0.1)} C${f(cx + rx * 1.05)} ${f(headY - ry * 0.6)} ${f(cx + rx * 0.6)} ${f(headY - ry * 0.7)} ${f(cx + rx * 0.75)} ${f(headY - ry * 0.2)} Z`, hair);
      break;
    case 'turban': {
      const tc = rng.pick(TURBANS);
      b += path(`M${f(cx - rx * 1.08)} ${f(headY - ry * 0.1)} C${f(cx - rx * 1.25)} ${f(top - ry * 0.55)} ${f(cx + rx * 1.25)} ${f(top - ry * 0.55)} ${f(cx + rx * 1.08)} ${f(headY - ry * 0.1)} L${f(cx)} ${f(headY - ry * 0.45)} Z`, tc);
      for (let k = 1; k <= 3; k++) {
        b += path(`M${f(cx - rx * 1.0)} ${f(headY - ry * (0.15 + k * 0.18))} Q${f(cx)} ${f(top - ry * (0.05 + k * 0.12))} ${f(cx + rx * 1.0)} ${f(headY - ry * (0.35 + k * 0.12))}`, 'none', `stroke="${darken(tc, 0.2)}" stroke-width="${f(s * 0.006)}" opacity="0.7"`);
      }
      break;
    }
  }
  // beard for some short/receding/turban styles
  if ((style === 'turban' && rng.chance(0.8)) || ((style === 'short' || style === 'receding') && rng.chance(0.3))) {
    b += path(`M${f(cx - rx * 0.98)} ${f(headY + ry * 0.05)} C${f(cx - rx * 0.9)} ${f(headY + ry * 1.3)} ${f(cx + rx * 0.9)} ${f(headY + ry * 1.3)} ${f(cx + rx * 0.98)} ${f(headY + ry * 0.05)} C${f(cx + rx * 0.6)} ${f(headY + ry * 0.55)} ${f(cx - rx * 0.6)} ${f(headY + ry * 0.55)} ${f(cx - rx * 0.98)} ${f(headY + ry * 0.05)} Z`, hair);
  }
  // glasses
  if (rng.chance(0.35)) {
    const gy = headY + ry * 0.05;
    const gs = `fill="none" stroke="${darken(hair, 0.3)}" stroke-width="${f(s * 0.008)}"`;
    b += `<circle cx="${f(cx - rx * 0.42)}" cy="${f(gy)}" r="${f(rx * 0.28)}" ${gs}/>`;
    b += `<circle cx="${f(cx + rx * 0.42)}" cy="${f(gy)}" r="${f(rx * 0.28)}" ${gs}/>`;
    b += `<path d="M${f(cx - rx * 0.14)} ${f(gy)} L${f(cx + rx * 0.14)} ${f(gy)}" ${gs}/>`;
  }
  return wrap(ctx, b);
}

// ── Logo ───────────────────────────────────────────────────────────────────

/** The paper's emblem: a pen nib rising like the sun over a horizon, in a ring. No text. */
export function renderLogoSvg(size = 512): string {
  const s = checkSize(size, 'size');
  const ctx = makeCtx('logo', 'the-daily-dateline', s, s, ['day']);
  const c = s / 2;
  const navy = '#13294b';
  const gold = '#d4a017';
  const cream = '#fbf6ea';
  let b = circle(c, c, s * 0.49, navy);
  b += circle(c, c, s * 0.44, 'none', `stroke="${gold}" stroke-width="${f(s * 0.018)}"`);
  b += circle(c, c, s * 0.405, 'none', `stroke="${gold}" stroke-width="${f(s * 0.005)}" stroke-opacity="0.7"`);
  // sun rays
  const horizon = c + s * 0.12;
  const rays = 13;
  for (let i = 0; i < rays; i++) {
    const a = Math.PI + ((i + 0.5) / rays) * Math.PI;
    const r0 = s * 0.17;
    const r1 = s * 0.34;
    const spread = Math.PI / rays / 3.2;
    b += polygon([
      [c + Math.cos(a - spread) * r0, horizon + Math.sin(a - spread) * r0],
      [c + Math.cos(a) * r1, horizon + Math.sin(a) * r1],
      [c + Math.cos(a + spread) * r0, horizon + Math.sin(a + spread) * r0],
    ], gold, 'opacity="0.85"');
  }
  // the nib, pointing up like a rising sun
  const nibTop = c - s * 0.27;
  const L = horizon - nibTop;
  const W = s * 0.13;
  const p = (x: number, y: number): string => `${f(x)} ${f(y)}`;
  b += path(
    `M${p(c, nibTop)} C${p(c + W * 0.25, nibTop + L * 0.25)} ${p(c + W, nibTop + L * 0.42)} ${p(c + W, nibTop + L * 0.6)} ` +
      `L${p(c + W * 0.72, nibTop + L * 0.72)} L${p(c + W * 0.72, horizon)} L${p(c - W * 0.72, horizon)} L${p(c - W * 0.72, nibTop + L * 0.72)} ` +
      `L${p(c - W, nibTop + L * 0.6)} C${p(c - W, nibTop + L * 0.42)} ${p(c - W * 0.25, nibTop + L * 0.25)} ${p(c, nibTop)} Z`,
    cream,
  );
  b += line(c, nibTop + L * 0.04, c, nibTop + L * 0.5, navy, s * 0.01);
  b += circle(c, nibTop + L * 0.53, s * 0.02, navy);
  b += rect(c - W * 0.72, nibTop + L * 0.82, W * 1.44, s * 0.012, gold);
  // horizon and waves (the Neelvati)
  b += rect(c - s * 0.36, horizon, s * 0.72, s * 0.014, gold);
  for (let k = 0; k < 3; k++) {
    const y = horizon + s * 0.05 + k * s * 0.045;
    const half = s * (0.3 - k * 0.06);
    b += path(`M${f(c - half)} ${f(y)} Q${f(c - half / 2)} ${f(y - s * 0.02)} ${f(c)} ${f(y)} T${f(c + half)} ${f(y)}`, 'none', `stroke="${cream}" stroke-width="${f(s * 0.012)}" stroke-linecap="round" opacity="${f(0.9 - k * 0.2)}"`);
  }
  return wrap(ctx, b);
}
