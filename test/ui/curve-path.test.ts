import { describe, expect, it } from 'vitest';
import type { TracedCurve } from '../../src/core/types';
import { curvePath, rowWindow, visibleWindow } from '../../src/ui/edit/curve-path';

function curve(xs: number[], y0 = 0, cycle?: number[]): TracedCurve {
  const c: TracedCurve = { track: 0, curve: 0, y0, x: Float64Array.from(xs), confidence: new Float32Array(xs.length) };
  if (cycle) c.cycle = Int8Array.from(cycle);
  return c;
}

/** The points of path data, as [x, y] pairs, with the pen lifts counted. */
function points(d: string): { pts: number[][]; moves: number } {
  const cmds = d.match(/[ML][^ML]*/g) ?? [];
  return { pts: cmds.map((s) => s.slice(1).split(' ').map(Number)), moves: cmds.filter((s) => s[0] === 'M').length };
}

describe('curvePath', () => {
  it('draws every row at its centre when not decimated', () => {
    const { pts, moves } = points(curvePath(curve([10, 11, 12], 5), { from: 0, to: 100, step: 1 }));
    expect(pts).toEqual([[10, 5.5], [11, 6.5], [12, 7.5]]);
    expect(moves).toBe(1);
  });

  it('lifts the pen at absent rows and where a wrapped curve changes cycle', () => {
    expect(points(curvePath(curve([1, 2, NaN, 4, 5]), { from: 0, to: 9, step: 1 })).moves).toBe(2);
    const wrapped = curve([190, 199, 2, 8], 0, [0, 0, 1, 1]);
    const { pts, moves } = points(curvePath(wrapped, { from: 0, to: 9, step: 1 }));
    expect(moves).toBe(2);
    expect(pts).toHaveLength(4);
  });

  it('keeps each bucket\'s extremes in row order, so a one-row spike survives decimation', () => {
    const xs = Array.from({ length: 64 }, () => 100);
    xs[37] = 180; // spike
    const { pts } = points(curvePath(curve(xs), { from: 0, to: 64, step: 16 }));
    expect(pts.length).toBeLessThanOrEqual(8);
    expect(pts.some(([x, y]) => x === 180 && y === 37.5)).toBe(true);
    for (let k = 1; k < pts.length; k++) expect(pts[k][1]).toBeGreaterThan(pts[k - 1][1]);
  });

  it('draws only the window\'s rows', () => {
    const c = curve(Array.from({ length: 1000 }, (_, i) => i));
    const { pts } = points(curvePath(c, { from: 200, to: 300, step: 1 }));
    expect(pts[0]).toEqual([200, 200.5]);
    expect(pts.at(-1)).toEqual([299, 299.5]);
  });

  it('keeps the path of a 12,800-row curve seen whole to about one point per screen px', () => {
    const c = curve(Array.from({ length: 12_800 }, (_, i) => 100 + 50 * Math.sin(i / 3)));
    const t = { k: 800 / 12_800, x: 0, y: 0 };
    const w = rowWindow(t, 800, 12_800);
    expect(w).toEqual({ from: 0, to: 12_800, step: 32 });
    expect(points(curvePath(c, w)).pts.length).toBeLessThanOrEqual(800 + 2);
  });
});

describe('rowWindow', () => {
  it('covers the visible rows with a margin, snapped so small pans keep the same window', () => {
    const a = rowWindow({ k: 1, x: 0, y: -5100 }, 800, 12_800);
    expect(a.from).toBeLessThanOrEqual(5100 - 400);
    expect(a.to).toBeGreaterThanOrEqual(5900 + 400);
    expect(a.step).toBe(2);
    expect(rowWindow({ k: 1, x: 0, y: -5150 }, 800, 12_800)).toEqual(a);
  });
});

describe('visibleWindow', () => {
  it('is the rows on screen and one bucket beyond each edge, in whole buckets', () => {
    // k = 0.5: rows 2,000–3,600 fill 800 px; buckets of 4 rows (2 screen px)
    const w = visibleWindow({ k: 0.5, x: 0, y: -1000 }, 800, 12_800);
    expect(w).toEqual({ from: 1996, to: 3604, step: 4 });
    // a window that moves by less than a bucket keeps its bucket edges (no shimmer on pans)
    const v = visibleWindow({ k: 0.5, x: 0, y: -1001 }, 800, 12_800);
    expect(v.from % 4).toBe(0);
    expect(v.from).toBeLessThanOrEqual(2002);
    expect(v.to).toBeGreaterThanOrEqual(3602);
  });

  it('stops at the scan\'s ends and draws each row when zoomed in', () => {
    expect(visibleWindow({ k: 4, x: 0, y: 20 }, 800, 12_800)).toEqual({ from: 0, to: 196, step: 1 });
    expect(visibleWindow({ k: 1, x: 0, y: -12_500 }, 800, 12_800)).toEqual({ from: 12_498, to: 12_800, step: 2 });
  });
});
