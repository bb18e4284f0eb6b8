import { describe, expect, it } from 'vitest';
import { traceCurves } from '../../src/core/trace/index.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet, absentRows, curveSpec, maxError } from './fixtures.ts';

/** Two curves in one 200 px track, 300 rows: A wavy at x ≈ 60, B wavy at x ≈ 140. */
function twoCurves(): { s: Sheet; a: (y: number) => number; b: (y: number) => number } {
  const s = new Sheet(200, 300);
  const a = (y: number) => 60 + 10 * Math.sin(y / 40);
  const b = (y: number) => 140 + 10 * Math.cos(y / 50);
  s.curve(a, 0, 300);
  s.curve(b, 0, 300);
  return { s, a, b };
}

const track = (a: { x: number; y: number }, b: { x: number; y: number }) => [{ x0: 10, x1: 190, curves: [curveSpec('A', a), curveSpec('B', b)] }];

describe('a seed that finds no curve ink', () => {
  it('leaves that curve out with the reason, and traces the others', () => {
    const { s, a } = twoCurves();
    const [ta, tb] = traceCurves({ seg: s.segmentation(), scan: s.raster(), tracks: track({ x: a(150.5), y: 150.5 }, { x: 100, y: 150.5 }) });
    expect(tb.problem).toMatch(/^curve B in track 1: seed \(100, 150\.5\) is not on curve ink: nothing within 10 px and 40 rows/);
    expect(absentRows(tb.x)).toBe(300);
    expect(ta.problem).toBeUndefined();
    expect(maxError(ta.x, 0, a, 1, 299)).toBeLessThan(0.75);
  });

  it('starts from the dark ink of the scan where the model missed the curve at its seed', () => {
    const { s, a, b } = twoCurves();
    s.relabel(120, 40, 170, 160, SegClass.Paper, 0); // the model sees no curve B on rows 40..160
    const seg = s.segmentation();
    const seeds = track({ x: a(100.5), y: 100.5 }, { x: b(100.5), y: 100.5 });
    // without the scan there is nothing to start from within 40 rows
    expect(traceCurves({ seg, tracks: seeds })[1].problem).toMatch(/seed .* is not on curve ink/);
    const [, tb] = traceCurves({ seg, scan: s.raster(), tracks: seeds });
    expect(tb.problem).toBeUndefined();
    // the seed's rows are read from the scan; beyond the model's gap the trace is on B's own ink
    expect(maxError(tb.x, 0, b, 96, 104)).toBeLessThan(1.5);
    expect(maxError(tb.x, 0, b, 165, 299)).toBeLessThan(0.75);
    expect(maxError(tb.x, 0, b, 1, 35)).toBeLessThan(0.75);
  });

  it('starts from the ink further along a curve with a gap at the seed, never from another seed', () => {
    const s = new Sheet(200, 300);
    const a = (y: number) => 90 + 0.02 * y;
    const b = (y: number) => 100 + 0.02 * y; // 10 px to the right, not drawn on rows 90..130
    s.curve(a, 0, 300);
    s.curve(b, 0, 90);
    s.curve(b, 130, 300);
    const seg = s.segmentation();
    // B's seed in its gap: A's seed run, 10 px away on the same row, is never B's start
    const [ta, tb] = traceCurves({ seg, scan: s.raster(), tracks: track({ x: a(110.5), y: 110.5 }, { x: b(110.5), y: 110.5 }) });
    expect(tb.problem).toBeUndefined();
    expect(maxError(tb.x, 0, b, 1, 89)).toBeLessThan(0.75);
    expect(maxError(tb.x, 0, b, 131, 299)).toBeLessThan(0.75);
    expect(maxError(ta.x, 0, a, 1, 299)).toBeLessThan(0.75);
  });
});
