import { describe, expect, it } from 'vitest';
import { traceCurves } from '../../src/core/trace/index.ts';
import { runFeatures } from '../../src/core/trace/appearance.ts';
import { extractRuns } from '../../src/core/trace/runs.ts';
import { darkness } from '../../src/core/trace/classical.ts';
import { Sheet, curveSpec, swappedRows as swapped, touchA as a, touchB as b } from './fixtures.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Line widths read from the scan's darkness, summed across the stroke, are sub-pixel; read from the
 * model's mask they come in whole pixels, so lines a fraction of a pixel apart in width look alike.
 */
describe('sub-pixel line width', () => {
  it('reads anti-aliased lines of 1.8, 2.4 and 3.0 px within 10%, steep or slanted', () => {
    for (const slope of [0.1, 1.2]) {
      const s = new Sheet(400, 300);
      const widths = [1.8, 2.4, 3.0];
      widths.forEach((w, k) => s.curve((y) => 60 + 110 * k + slope * (y - 150) * 0.4, 0, 300, { width: w }));
      const seg = s.segmentation();
      const table = extractRuns(seg, 0, 400, 0, 300);
      const f = runFeatures(seg, table, 0.5, darkness(s.raster()));
      widths.forEach((w, k) => {
        const runs = [...Array(table.count).keys()].filter((j) => Math.abs(table.centre[j] - (60 + 110 * k + slope * (table.y0 + table.row[j] + 0.5 - 150) * 0.4)) < 5 && table.row[j] > 20 && table.row[j] < 280);
        expect(runs.length).toBeGreaterThan(200);
        expect(Math.abs(median(runs.map((j) => f.fineWidth![j])) / w - 1)).toBeLessThan(0.1);
      });
    }
  });

  it('keeps a 1.9 px and a 2.6 px line apart where they touch at a turn, given the scan', () => {
    const s = new Sheet(260, 400);
    s.curve(a, 0, 400, { width: 1.9 });
    s.curve(b, 0, 400, { width: 2.6 });
    const track = { x0: 20, x1: 240, curves: [curveSpec('THIN', { x: a(40.5), y: 40.5 }), curveSpec('THICK', { x: b(40.5), y: 40.5 })] };
    const seg = s.segmentation();
    const [ta, tb] = traceCurves({ seg, scan: s.raster(), tracks: [track] });
    // only where the two lines run within a few px of each other at the touch (rows ~190-210)
    expect(swapped(ta.x, a, b, 1, 399)).toBeLessThan(12);
    expect(swapped(tb.x, b, a, 1, 399)).toBeLessThan(12);
    // the mask alone cannot tell these widths apart: slope carries each line on into the other
    const [ua, ub] = traceCurves({ seg, tracks: [track] });
    expect(swapped(ua.x, a, b, 1, 399)).toBeGreaterThan(150);
    expect(swapped(ub.x, b, a, 1, 399)).toBeGreaterThan(150);
  });
});
