/** Viewable impressions (bars, left scale) and clicks (line, right scale) per day, drawn as SVG; the table beside it carries the figures. */
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { buildChart, compact, type ChartPoint } from './chart.js';
import { formatCount } from './report.js';

export function ReportChart(props: { points: readonly ChartPoint[] }): JSX.Element {
  const id = useId();
  const g = buildChart(props.points);
  const { box } = g;
  const bottom = box.height - box.bottom;
  const viewable = props.points.reduce((n, p) => n + p.viewable, 0);
  const clicks = props.points.reduce((n, p) => n + p.clicks, 0);
  const first = props.points[0]?.day ?? '';
  const last = props.points[props.points.length - 1]?.day ?? '';
  return (
    <figure class="ad-chart">
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-t`}>Viewable impressions and clicks per day</title>
        <desc id={`${id}-d`}>
          {`From ${first} to ${last}: ${formatCount(viewable)} viewable impressions (bars, left scale up to ${compact(g.viewableMax)}) and ${formatCount(clicks)} clicks (line, right scale up to ${compact(g.clicksMax)}). The table below lists every day.`}
        </desc>
        <g class="ad-chart__grid" aria-hidden="true">
          {g.leftTicks.map((t) => (
            <g key={`l${t.value}`}>
              <line x1={box.left} x2={box.width - box.right} y1={t.y} y2={t.y} />
              <text x={box.left - 6} y={t.y} text-anchor="end" dominant-baseline="middle">
                {t.label}
              </text>
            </g>
          ))}
          {g.rightTicks.map((t) => (
            <text key={`r${t.value}`} class="ad-chart__clicks-label" x={box.width - box.right + 6} y={t.y} dominant-baseline="middle">
              {t.label}
            </text>
          ))}
          {g.xLabels.map((l) => (
            <text key={l.label} x={l.x} y={bottom + 16} text-anchor="middle">
              {l.label}
            </text>
          ))}
        </g>
        <g class="ad-chart__bars" aria-hidden="true">
          {g.bars.map((b) => (
            <rect key={b.day} x={b.x} y={b.y} width={b.width} height={b.height} />
          ))}
        </g>
        <g class="ad-chart__clicks" aria-hidden="true">
          {g.clicksPath && <path d={g.clicksPath} />}
          {g.clickDots.map((d) => (
            <circle key={d.day} cx={d.x} cy={d.y} r={2.5} />
          ))}
        </g>
      </svg>
      <figcaption class="ad-chart__legend">
        <span class="ad-chart__key ad-chart__key--viewable" aria-hidden="true" /> Viewable impressions (left scale)
        <span class="ad-chart__key ad-chart__key--clicks" aria-hidden="true" /> Clicks (right scale)
      </figcaption>
    </figure>
  );
}
