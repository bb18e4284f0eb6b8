import { describe, expect, it } from 'vitest';
import { traceCurves } from '../../src/core/trace/index.ts';
import type { TrackSpec } from '../../src/core/calibration/layout.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet, absentRows, curveSpec, maxError, meanError } from './fixtures.ts';

/** A track 20..220 with vertical grid lines every 20 px and horizontal lines every 25 rows. */
function gridSheet(height: number): Sheet {
  const s = new Sheet(240, height);
  for (let x = 20; x <= 220; x += 20) s.vLine(x + 0.5);
  for (let y = 12; y < height; y += 25) s.hLine(y + 0.5, 20, 221);
  return s;
}

const wave = (y: number) => 120 + 60 * Math.sin(y / 37) + 15 * Math.sin(y / 11);

describe('single curve', () => {
  it('follows a wavy solid curve across a grid to within half a pixel, every row present', () => {
    const s = gridSheet(600);
    s.curve(wave, 0, 600);
    const track: TrackSpec = { x0: 20, x1: 220, curves: [curveSpec('GR', { x: wave(300.5), y: 300.5 })] };
    const [c] = traceCurves({ seg: s.segmentation(), tracks: [track] });
    expect(c.y0).toBe(0);
    expect(c.x.length).toBe(600);
    expect(absentRows(c.x, 2, 598)).toBe(0);
    expect(maxError(c.x, 0, wave, 2, 598)).toBeLessThan(0.75);
    expect(Math.min(...c.confidence.subarray(2, 598))).toBeGreaterThan(0.5);
  });

  it('traces up and down from a seed in the middle, not only downwards', () => {
    const s = new Sheet(200, 400);
    const f = (y: number) => 40 + 0.3 * y;
    s.curve(f, 0, 400);
    const [c] = traceCurves({ seg: s.segmentation(), tracks: [{ x0: 10, x1: 190, curves: [curveSpec('A', { x: f(200), y: 200 })] }] });
    expect(absentRows(c.x, 1, 399)).toBe(0);
    expect(maxError(c.x, 0, f, 1, 399)).toBeLessThan(0.5);
  });

  it('puts the sub-pixel x at the weighted centre of the line', () => {
    const s = new Sheet(100, 50);
    s.curve(() => 50.25, 0, 50, { width: 3 });
    const [c] = traceCurves({ seg: s.segmentation(), tracks: [{ x0: 0, x1: 99, curves: [curveSpec('A', { x: 50, y: 25 })] }] });
    expect(Math.abs(c.x[25] - 50.25)).toBeLessThan(0.2);
  });

  it('only traces the requested rows', () => {
    const s = new Sheet(100, 300);
    s.curve(() => 50, 0, 300);
    const [c] = traceCurves({
      seg: s.segmentation(), rows: { top: 100, bottom: 250 },
      tracks: [{ x0: 0, x1: 99, curves: [curveSpec('A', { x: 50, y: 150 })] }],
    });
    expect(c.y0).toBe(100);
    expect(c.x.length).toBe(150);
    expect(absentRows(c.x)).toBe(0);
  });
});

describe('gaps and dashes', () => {
  it('bridges a dashed curve across its gaps', () => {
    const s = gridSheet(500);
    s.curve(wave, 0, 500, { cls: SegClass.BrokenCurve, dash: [9, 7] });
    const track = { x0: 20, x1: 220, curves: [curveSpec('PHI', { x: wave(250.5), y: 250.5 }, { style: 'broken' })] };
    const [c] = traceCurves({ seg: s.segmentation(), tracks: [track] });
    expect(absentRows(c.x, 5, 495)).toBe(0);
    // the last row of a dash on a 3 px/row slope is cut short, so single rows may be off by ~2 px
    expect(maxError(c.x, 0, wave, 5, 495)).toBeLessThan(3);
    expect(meanError(c.x, 0, wave, 5, 495)).toBeLessThan(0.5);
  });

  it('leaves a real gap absent instead of drawing a straight line through it', () => {
    const s = gridSheet(600);
    const f = (y: number) => 80 + 0.1 * y;
    s.curve(f, 0, 250);
    s.curve(f, 330, 600);
    const [c] = traceCurves({ seg: s.segmentation(), tracks: [{ x0: 20, x1: 220, curves: [curveSpec('A', { x: f(100), y: 100 })] }] });
    expect(absentRows(c.x, 256, 324)).toBe(324 - 256);
    expect(absentRows(c.x, 2, 247)).toBe(0);
    expect(absentRows(c.x, 333, 598)).toBe(0);
    expect(maxError(c.x, 0, f)).toBeLessThan(0.6);
  });

  it('leaves a gap absent where a flat stroke would carry a bridge far across empty paper', () => {
    const s = new Sheet(400, 400);
    // a flat stroke moving right 10 px/row stops at row 110 and the curve resumes 16 rows on, 160 px
    // further right: along its slope, but 160 px of paper is no dash gap
    s.polyline([[60, 0], [60, 100], [160, 110]]);
    s.polyline([[320, 126], [330, 136], [330, 400]]);
    const [c] = traceCurves({ seg: s.segmentation(), tracks: [{ x0: 20, x1: 380, curves: [curveSpec('A', { x: 60, y: 50.5 })] }] });
    expect(absentRows(c.x, 2, 108)).toBe(0);
    expect(absentRows(c.x, 113, 124)).toBe(124 - 113);
    expect(absentRows(c.x, 140, 398)).toBe(0);
  });

  it('ends absent where the curve stops before the last row', () => {
    const s = new Sheet(200, 400);
    s.curve(() => 100, 0, 200);
    const [c] = traceCurves({ seg: s.segmentation(), tracks: [{ x0: 0, x1: 199, curves: [curveSpec('A', { x: 100, y: 50 })] }] });
    expect(absentRows(c.x, 0, 198)).toBe(0);
    expect(absentRows(c.x, 230, 400)).toBe(170);
  });
});

describe('grid lines', () => {
  it('keeps a vertical stretch lying on a grid line that the model called grid', () => {
    const s = gridSheet(500);
    // the curve comes in from the left, runs down grid line x = 100.5 for rows 150..300, then leaves
    const f = (y: number) => (y < 150 ? 100.5 - (150 - y) * 0.4 : y > 300 ? 100.5 + (y - 300) * 0.4 : 100.5);
    s.curve(f, 0, 500);
    s.relabel(98, 152, 104, 298, SegClass.Grid, 0.35);
    const [c] = traceCurves({ seg: s.segmentation(), tracks: [{ x0: 20, x1: 220, curves: [curveSpec('A', { x: f(60), y: 60 })] }] });
    expect(absentRows(c.x, 2, 498)).toBe(0);
    expect(maxError(c.x, 0, f, 2, 498)).toBeLessThan(0.75);
  });

  it('does not follow a bare grid line when the curve ends beside it', () => {
    const s = gridSheet(500);
    s.curve(() => 101, 0, 200);
    const [c] = traceCurves({ seg: s.segmentation(), tracks: [{ x0: 20, x1: 220, curves: [curveSpec('A', { x: 101, y: 60 })] }] });
    expect(absentRows(c.x, 240, 500)).toBe(260);
  });
});
