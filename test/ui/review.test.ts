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
  it('joins low rows close together, drops single stray rows, and sorts down the scan across curves', () => {
    const a = curve(1000, runs(400, [[10, 15], [20, 24], [200, 201], [300, 320]]));
    const b = curve(1000, runs(400, [[100, 110]]));
    const r = reviewRegions([a, b]);
    expect(r.map((x) => [x.curve, x.from, x.to])).toEqual([[0, 1010, 1024], [1, 1100, 1110], [0, 1300, 1320]]);
    expect(r[0].x0).toBeCloseTo(201, 5);
    expect(r[0].x1).toBeCloseTo(202.3, 5);
  });

  it('walks the regions in turn and starts again after the last', () => {
    expect([nextRegion(3, -1), nextRegion(3, 0), nextRegion(3, 2), nextRegion(0, -1)]).toEqual([0, 1, 0, -1]);
  });
});
