import { describe, expect, it } from 'vitest';
import { CLASSICAL_TRACE_OPTIONS, classicalSegmentation, otsuThreshold, traceCurves } from '../../src/core/trace/index.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet, absentRows, curveSpec, maxError, meanError } from './fixtures.ts';

/** Two tracks of grid with a wavy curve, a dashed curve and a spike; drawn as a scan (no labels used). */
function scan(): { s: Sheet; a: (y: number) => number; b: (y: number) => number } {
  const s = new Sheet(360, 800);
  for (let x = 20; x <= 220; x += 20) s.vLine(x + 0.5, 0, 800, x % 100 === 20 ? 2 : 1);
  for (let x = 260; x <= 340; x += 20) s.vLine(x + 0.5);
  for (let y = 10; y < 800; y += 20) { s.hLine(y + 0.5, 20, 221); s.hLine(y + 0.5, 260, 341); }
  const a = (y: number) => 120 + 50 * Math.sin(y / 50);
  const b = (y: number) => 300 + 25 * Math.sin(y / 40);
  s.curve(a, 0, 800);
  s.curve(b, 0, 800, { dash: [10, 6] });
  return { s, a, b };
}

describe('classical segmentation (darkness only)', () => {
  it('finds the threshold between paper and ink', () => {
    const dark = new Uint8Array(1000);
    for (let i = 0; i < 1000; i++) dark[i] = i < 900 ? 10 + (i % 20) : 200 + (i % 40);
    const t = otsuThreshold(dark);
    expect(t).toBeGreaterThan(29);
    expect(t).toBeLessThanOrEqual(200);
  });

  it('without track edges, takes depth lines from long runs whose length repeats', () => {
    const { s } = scan();
    const seg = classicalSegmentation(s.raster());
    expect(seg.classes[30 * seg.width + 30]).toBe(SegClass.Grid); // the 200 px depth lines of track 1 (≥ width/4)
  });

  it('labels long grid lines as grid and the curves as curve ink', () => {
    const { s } = scan();
    const seg = classicalSegmentation(s.raster(), { tracks: [{ x0: 20, x1: 220 }, { x0: 260, x1: 340 }] });
    const at = (x: number, y: number) => seg.classes[y * seg.width + x];
    expect(at(40, 333)).toBe(SegClass.Grid); // vertical grid line at 40.5
    expect(at(30, 30)).toBe(SegClass.Grid); // depth line at row 30
    expect(at(0, 333)).toBe(SegClass.Paper);
    const y = 333, x = Math.floor(120 + 50 * Math.sin((y + 0.5) / 50));
    expect(at(x, y)).toBe(SegClass.SolidCurve);
    expect(seg.curveProb[y * seg.width + x]).toBeGreaterThan(200);
  });

  it('traces with the same tracker: solid and dashed curves within a pixel on average', () => {
    const { s, a, b } = scan();
    const tracks = [
      { x0: 20, x1: 220, curves: [curveSpec('A', { x: a(400.5), y: 400.5 })] },
      { x0: 260, x1: 340, curves: [curveSpec('B', { x: b(400.5), y: 400.5 }, { style: 'broken' })] },
    ];
    const seg = classicalSegmentation(s.raster(), { tracks });
    const [ta, tb] = traceCurves({ seg, tracks, options: CLASSICAL_TRACE_OPTIONS });
    expect(absentRows(ta.x, 2, 798)).toBe(0);
    expect(meanError(ta.x, 0, a, 2, 798)).toBeLessThan(0.6);
    expect(maxError(ta.x, 0, a, 2, 798)).toBeLessThan(2.5);
    expect(absentRows(tb.x, 4, 796)).toBe(0);
    expect(meanError(tb.x, 0, b, 4, 796)).toBeLessThan(1);
  });
});
