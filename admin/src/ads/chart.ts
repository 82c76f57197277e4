/**
 * The report chart's geometry, kept pure (no chart library): viewable
 * impressions per day as bars on the left scale, clicks per day as a line on
 * the right scale (clicks are a hundred times fewer: one scale would flatten
 * them). Everything is in the SVG's own units; the SVG scales to its box.
 */

export interface ChartPoint {
  day: string;
  viewable: number;
  clicks: number;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axis labels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const DEFAULT_BOX: ChartBox = { width: 720, height: 240, left: 56, right: 48, top: 12, bottom: 28 };

/** The smallest 1, 2 or 5 × 10ⁿ at or above v (1 for nothing), so ticks are round numbers. */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const exp = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * exp >= v) return m * exp;
  return 10 * exp;
}

/** Maps 0..max onto the pixel range [from, to] (y runs downwards: from = bottom, to = top). */
export function linear(max: number, from: number, to: number): (v: number) => number {
  const span = max > 0 ? max : 1;
  return (v) => from + ((to - from) * v) / span;
}

export interface Tick {
  value: number;
  y: number;
  label: string;
}

export interface ChartGeometry {
  box: ChartBox;
  bars: { day: string; x: number; y: number; width: number; height: number; value: number }[];
  /** An SVG path ('M x y L x y …') through the clicks of each day, at the middle of its bar. */
  clicksPath: string;
  clickDots: { day: string; x: number; y: number; value: number }[];
  leftTicks: Tick[];
  rightTicks: Tick[];
  /** Day labels, thinned so they never overlap (about one per 60 units). */
  xLabels: { x: number; label: string }[];
  viewableMax: number;
  clicksMax: number;
}

const r1 = (n: number): number => Math.round(n * 10) / 10;

/** '2026-11-05' → '5 Nov' (UTC, fixed English: it is a label, not a sentence). */
export function shortDay(day: string): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [, m, d] = day.split('-');
  return `${Number(d)} ${months[Number(m) - 1] ?? ''}`.trim();
}

function ticks(max: number, scale: (v: number) => number, count: number, format: (v: number) => string): Tick[] {
  const out: Tick[] = [];
  for (let i = 0; i <= count; i += 1) {
    const value = (max * i) / count;
    out.push({ value, y: r1(scale(value)), label: format(value) });
  }
  return out;
}

/** 1500 → '1.5k', 2000000 → '2M': axis labels stay short. */
export function compact(v: number): string {
  if (v >= 1_000_000) return `${+(v / 1_000_000).toFixed(1)}M`;
  if (v >= 1_000) return `${+(v / 1_000).toFixed(1)}k`;
  return String(+v.toFixed(1));
}

/** How many steps divide a niceMax into round whole numbers (clicks on a scale of 2 never read 0.5). */
export function tickCount(max: number): number {
  if (max <= 5) return Math.max(1, Math.round(max));
  const lead = Math.round(max / 10 ** Math.floor(Math.log10(max)));
  return lead === 2 ? 4 : 5;
}

export function buildChart(points: readonly ChartPoint[], box: ChartBox = DEFAULT_BOX): ChartGeometry {
  const plotW = box.width - box.left - box.right;
  const bottom = box.height - box.bottom;
  const viewableMax = niceMax(Math.max(0, ...points.map((p) => p.viewable)));
  const clicksMax = niceMax(Math.max(0, ...points.map((p) => p.clicks)));
  const yLeft = linear(viewableMax, bottom, box.top);
  const yRight = linear(clicksMax, bottom, box.top);
  const step = points.length > 0 ? plotW / points.length : plotW;
  const barW = Math.max(1, step * 0.7);
  const mid = (i: number): number => box.left + step * i + step / 2;

  const bars = points.map((p, i) => {
    const y = yLeft(p.viewable);
    return { day: p.day, x: r1(mid(i) - barW / 2), y: r1(y), width: r1(barW), height: r1(bottom - y), value: p.viewable };
  });
  const clickDots = points.map((p, i) => ({ day: p.day, x: r1(mid(i)), y: r1(yRight(p.clicks)), value: p.clicks }));
  const clicksPath = clickDots.map((d, i) => `${i === 0 ? 'M' : 'L'}${d.x} ${d.y}`).join(' ');
  const every = Math.max(1, Math.ceil(60 / step));
  const xLabels = points.flatMap((p, i) => (i % every === 0 ? [{ x: r1(mid(i)), label: shortDay(p.day) }] : []));
  return {
    box,
    bars,
    clicksPath,
    clickDots,
    leftTicks: ticks(viewableMax, yLeft, tickCount(viewableMax), compact),
    rightTicks: ticks(clicksMax, yRight, tickCount(clicksMax), compact),
    xLabels,
    viewableMax,
    clicksMax,
  };
}
