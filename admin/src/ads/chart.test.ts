import { describe, expect, it } from 'vitest';
import { buildChart, compact, linear, niceMax, shortDay, tickCount, type ChartBox } from './chart.js';

const box: ChartBox = { width: 200, height: 120, left: 20, right: 20, top: 10, bottom: 10 };

describe('chart scales', () => {
  it('rounds the top of a scale up to 1, 2 or 5 × 10ⁿ', () => {
    expect([0, 1, 3, 7, 10, 11, 180, 499, 501].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 200, 500, 1000]);
  });

  it('divides the scale into whole steps', () => {
    expect([1, 2, 5, 10, 20, 50, 1000].map(tickCount)).toEqual([1, 2, 5, 5, 4, 5, 5]);
  });

  it('maps values onto pixels, y running downwards', () => {
    const y = linear(100, 110, 10);
    expect(y(0)).toBe(110);
    expect(y(100)).toBe(10);
    expect(y(50)).toBe(60);
  });

  it('labels axes and days briefly', () => {
    expect([0, 5, 1500, 2_000_000].map(compact)).toEqual(['0', '5', '1.5k', '2M']);
    expect(shortDay('2026-11-05')).toBe('5 Nov');
  });
});

describe('chart geometry', () => {
  const g = buildChart(
    [
      { day: '2026-11-01', viewable: 100, clicks: 2 },
      { day: '2026-11-02', viewable: 50, clicks: 0 },
    ],
    box,
  );

  it('draws a bar per day from the baseline, tallest at the top of the scale', () => {
    expect(g.viewableMax).toBe(100);
    expect(g.bars).toEqual([
      { day: '2026-11-01', x: 32, y: 10, width: 56, height: 100, value: 100 },
      { day: '2026-11-02', x: 112, y: 60, width: 56, height: 50, value: 50 },
    ]);
  });

  it('draws clicks as a line on their own scale through the middle of each bar', () => {
    expect(g.clicksMax).toBe(2);
    expect(g.clicksPath).toBe('M60 10 L140 110');
    expect(g.rightTicks.map((t) => t.label)).toEqual(['0', '1', '2']);
    expect(g.leftTicks.map((t) => [t.label, t.y])).toEqual([
      ['0', 110],
      ['20', 90],
      ['40', 70],
      ['60', 50],
      ['80', 30],
      ['100', 10],
    ]);
  });

  it('thins the day labels on a long range and draws nothing odd without data', () => {
    const month = buildChart(Array.from({ length: 30 }, (_, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, viewable: i, clicks: 0 })));
    expect(month.xLabels.length).toBeLessThan(15);
    expect(month.xLabels[0]?.label).toBe('1 Nov');
    const empty = buildChart([], box);
    expect(empty.bars).toEqual([]);
    expect(empty.clicksPath).toBe('');
    expect(empty.leftTicks.map((t) => t.label)).toEqual(['0', '1']);
  });
});
