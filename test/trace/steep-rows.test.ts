import { describe, expect, it } from 'vitest';
import { traceCurves } from '../../src/core/trace/index.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet, absentRows, curveSpec, meanError } from './fixtures.ts';

/**
 * Rows of a near-horizontal stroke are read off a parabola fitted to the ink pixels of the row and
 * its neighbours (assemble.ts readSteepRows), not from the middle of the row's ink: a bend moves that
 * middle by the bend over the rows the stroke's ink spans, and a dash gap at one end by half the gap.
 */
describe('rows of a near-horizontal stroke', () => {
  // from x 50 to x 200 over rows 180..200 (up to 12.5 px a row), flat either side
  const swing = (y: number) => 50 + 150 / (1 + Math.exp(-(y - 190) / 3));
  const trace = (steepMinSlope: number, dash?: [number, number]) => {
    const s = new Sheet(260, 400);
    s.curve(swing, 0, 400, dash ? { width: 2, cls: SegClass.BrokenCurve, dash } : { width: 3 });
    const track = { x0: 20, x1: 240, curves: [curveSpec('PHI', { x: swing(60.5), y: 60.5 }, { style: dash ? 'broken' : 'solid' })] };
    return traceCurves({ seg: s.segmentation(), tracks: [track], options: { steepMinSlope } })[0];
  };

  it('reads a bending solid stroke closer than its rows’ middles', () => {
    const fit = trace(1), mid = trace(0);
    expect(absentRows(fit.x, 5, 395)).toBe(0);
    // the middles miss the bend by over a pixel on average; the fit by a fraction of one
    expect(meanError(mid.x, 0, swing, 182, 198)).toBeGreaterThan(0.9);
    expect(meanError(fit.x, 0, swing, 182, 198)).toBeLessThan(0.3);
    // flat stretches are not read off a fit
    expect(meanError(fit.x, 0, swing, 20, 160)).toBeLessThan(0.05);
    expect(meanError(fit.x, 0, swing, 220, 380)).toBeLessThan(0.05);
  });

  it('keeps a dashed stroke’s rows within the dashes’ middles’ error', () => {
    const fit = trace(1, [6, 4]), mid = trace(0, [6, 4]);
    expect(absentRows(fit.x, 5, 395)).toBe(0);
    expect(meanError(fit.x, 0, swing, 182, 198)).toBeLessThanOrEqual(meanError(mid.x, 0, swing, 182, 198));
  });
});
