import { describe, expect, it } from 'vitest';
import { traceCurves } from '../../src/core/trace/index.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet, absentRows, curveSpec, meanError } from './fixtures.ts';

/**
 * A dashed curve swinging nearly horizontally: there each row holds several of its dashes, and the
 * curve's x at the row is the middle of them, not the dash the path happens to sit on (the tracer
 * measures its steps between a row's dashes as one piece, so any of them serves it).
 */
describe('a dashed curve on a near-horizontal swing', () => {
  // from x 50 to x 200 over rows 180..200 (up to 12.5 px a row), flat either side
  const swing = (y: number) => 50 + 150 / (1 + Math.exp(-(y - 190) / 3));
  const trace = (clusterCentres: boolean) => {
    const s = new Sheet(260, 400);
    s.curve(swing, 0, 400, { width: 2, cls: SegClass.BrokenCurve, dash: [6, 4] });
    const track = { x0: 20, x1: 240, curves: [curveSpec('PHI', { x: swing(60.5), y: 60.5 }, { style: 'broken' })] };
    return traceCurves({ seg: s.segmentation(), tracks: [track], options: { clusterCentres } })[0];
  };

  it('reads the middle of the row’s dashes, where the line crosses the row', () => {
    const c = trace(true);
    expect(absentRows(c.x, 5, 395)).toBe(0);
    expect(meanError(c.x, 0, swing, 182, 198)).toBeLessThan(1.5);
    // flat stretches keep their runs' centres
    expect(meanError(c.x, 0, swing, 20, 160)).toBeLessThan(0.5);
    expect(meanError(c.x, 0, swing, 220, 380)).toBeLessThan(0.5);
  });

  it('without it, the one dash of each row the path sits on misses the line by more', () => {
    expect(meanError(trace(false).x, 0, swing, 182, 198)).toBeGreaterThan(2.5);
  });
});
