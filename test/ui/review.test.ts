import { describe, expect, it } from 'vitest';
import type { TracedCurve } from '../../src/core/types';
import { nextRegion, reviewRegions } from '../../src/ui/digitise/review';

/** A curve at x = 100 + row/10 over rows y0..y0+n, with the given confidence per row. */
function curve(y0: number, conf: number[]): TracedCurve {
  return { track: 0, curve: 0, y0, x: Float64Array.from(conf, (_, i) => 100 + (y0 + i) / 10), confidence: Float32Array.from(conf) };
}

const runs = (n: number, lows: Array<[number, number]>) => {
  const c = new Array(n).fill(0.9);
  for (const [a, b] of lows) for (let i = a; i < b; i++) c[i] = 0.2;
  return c;
};

describe('review regions', () => {
  it('joins low rows close together, drops short stray runs, and sorts down the scan across curves', () => {
    const a = curve(1000, runs(400, [[10, 15], [40, 44], [200, 203], [300, 320]]));
    const b = curve(1000, runs(400, [[100, 110]]));
    const r = reviewRegions([a, b]);
    expect(r.map((x) => [x.curve, x.from, x.to])).toEqual([[0, 1010, 1044], [1, 1100, 1110], [0, 1300, 1320]]);
    expect(r[0].x0).toBeCloseTo(201, 5);
    expect(r[0].x1).toBeCloseTo(204.3, 5);
  });

  const regions = [100, 2000, 4000].map((from) => ({ curve: 0, from, to: from + 20, x0: 0, x1: 1 }));

  it('walks the regions in turn and starts again after the last', () => {
    expect([nextRegion(regions, -1), nextRegion(regions, 0), nextRegion(regions, 2), nextRegion([], -1)]).toEqual([0, 1, 0, -1]);
    expect(nextRegion(regions, 0, { top: 0, bottom: 800 })).toBe(1); // region 1 still on screen
  });

  it('starts, or goes on after the user scrolled away, from the first region starting below the top of the view', () => {
    expect(nextRegion(regions, -1, { top: 0, bottom: 800 })).toBe(0);
    expect(nextRegion(regions, 0, { top: 3000, bottom: 3800 })).toBe(2);
    expect(nextRegion(regions, 0, { top: 5000, bottom: 5800 })).toBe(0);
    expect(nextRegion(regions, -1, { top: 1500, bottom: 2300 })).toBe(1);
    expect(nextRegion(regions, -1, { top: 110, bottom: 900 })).toBe(1); // 100–120 began above the view
  });
});
