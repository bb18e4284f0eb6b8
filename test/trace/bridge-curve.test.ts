import { describe, expect, it } from 'vitest';
import { traceCurves } from '../../src/core/trace/index.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet, absentRows, curveSpec } from './fixtures.ts';

/**
 * A long-dashed curve bending through its gaps: the rows of a gap are bridged, and the line through
 * them bends as the dashes either side do. A straight line between the two dash ends cuts the bend.
 */
describe('bridges across the gaps of a bending dashed curve', () => {
  const bend = (y: number) => 130 + 60 * Math.sin(y / 28);
  const s = new Sheet(260, 400);
  s.curve(bend, 0, 400, { width: 2, cls: SegClass.BrokenCurve, dash: [10, 14] });
  const ink = (y: number) => s.cls[y * s.width + Math.round(bend(y + 0.5) - 0.5)] === SegClass.BrokenCurve;
  let seed = 30;
  while (!ink(seed)) seed++;
  const track = { x0: 20, x1: 240, curves: [curveSpec('RT', { x: bend(seed + 0.5), y: seed + 0.5 }, { style: 'broken' })] };
  const [c] = traceCurves({ seg: s.segmentation(), tracks: [track] });

  it('follows the bend across each gap, closer than the straight line between the dash ends', () => {
    expect(absentRows(c.x, 20, 380)).toBe(0);
    // gap rows: no ink on the line's own column within 2 rows (the rows next to a dash read its cut end)
    let traced = 0, straight = 0, n = 0;
    for (let y = 20; y < 380; y++) {
      if (ink(y) || ink(y - 1) || ink(y + 1) || ink(y - 2) || ink(y + 2)) continue;
      let a = y, b = y;
      while (!ink(a)) a--;
      while (!ink(b)) b++;
      const line = c.x[a] + ((y - a) / (b - a)) * (c.x[b] - c.x[a]);
      traced += Math.abs(c.x[y] - bend(y + 0.5));
      straight += Math.abs(line - bend(y + 0.5));
      n++;
    }
    expect(n).toBeGreaterThan(40);
    expect(traced / n).toBeLessThan(0.6 * (straight / n));
    expect(traced / n).toBeLessThan(0.6);
  });
});
