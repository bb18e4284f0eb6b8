import { describe, expect, it } from 'vitest';
import { traceCurves } from '../../src/core/trace/index.ts';
import { Sheet, absentRows, curveSpec } from './fixtures.ts';

/**
 * A log value that jumps for one sample (a spike): on the scan a narrow horizontal wedge a few rows
 * tall, whose rows are single long runs. The tracer must go out along the wedge to its tip (the ink
 * can only continue one way there), not bridge across its base; and the tip row reads the stroke's
 * end, not the middle of its run.
 */
describe('spikes', () => {
  // vertices every 4 rows (a sampled log); the spike is the vertex at row 202, 120 px to the left
  const xs = (y: number) => 150 + 10 * Math.sin(y / 40);
  const pts: [number, number][] = [];
  for (let y = 0; y <= 400; y += 4) pts.push([y === 200 ? xs(y) - 120 : xs(y), y + 2]);
  const truth = (y: number) => {
    const k = Math.min(pts.length - 2, Math.max(0, Math.floor((y - 2) / 4)));
    const [x0, y0] = pts[k], [x1, y1] = pts[k + 1];
    return x0 + ((y - y0) / (y1 - y0)) * (x1 - x0);
  };

  it('follows a spike out to its tip and back', () => {
    const s = new Sheet(300, 404);
    s.polyline(pts, { width: 2.5 });
    const [c] = traceCurves({ seg: s.segmentation(), tracks: [{ x0: 10, x1: 290, curves: [curveSpec('GR', { x: xs(100), y: 102.5 })] }] });
    expect(absentRows(c.x, 5, 398)).toBe(0);
    // the tip (x ≈ 30 at y = 202) lies in row 201 or 202: one of them reads it to within 2 px
    const tip = pts[50][0];
    expect(Math.min(Math.abs(c.x[201] - tip), Math.abs(c.x[202] - tip))).toBeLessThan(2);
    // on the wedge's flanks each row is near the true line at the row's centre
    for (const r of [199, 200, 203, 204]) expect(Math.abs(c.x[r] - truth(r + 0.5))).toBeLessThan(12);
  });
});
