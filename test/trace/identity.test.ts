import { describe, expect, it } from 'vitest';
import { traceCurves } from '../../src/core/trace/index.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet, curveSpec, maxError, swappedRows as swapped, touchA as a, touchB as b } from './fixtures.ts';

/**
 * Two curves that meet at a turn and go back (a touch, not a crossing): by slope alone the tracer would
 * carry each straight on into the other. Only how the lines look tells them apart.
 */
describe('identity where two curves touch at a turn', () => {
  it('keeps a thin and a thick line apart by their width', () => {
    const s = new Sheet(260, 400);
    s.curve(a, 0, 400, { width: 1.5 });
    s.curve(b, 0, 400, { width: 4.5 });
    const track = { x0: 20, x1: 240, curves: [curveSpec('THIN', { x: a(40.5), y: 40.5 }), curveSpec('THICK', { x: b(40.5), y: 40.5 })] };
    const [ta, tb] = traceCurves({ seg: s.segmentation(), tracks: [track] });
    expect(swapped(ta.x, a, b, 1, 399)).toBe(0);
    expect(swapped(tb.x, b, a, 1, 399)).toBe(0);
    expect(maxError(ta.x, 0, a, 230, 399)).toBeLessThan(1.5);
  });

  it('keeps a dotted and a dashed line apart by the length of their pieces', () => {
    const s = new Sheet(260, 400);
    s.curve(a, 0, 400, { width: 2, cls: SegClass.BrokenCurve, dash: [1, 5] });
    s.curve(b, 0, 400, { width: 2, cls: SegClass.BrokenCurve, dash: [14, 5] });
    const broken = { style: 'broken' as const };
    const track = { x0: 20, x1: 240, curves: [curveSpec('DOTS', { x: a(40.5), y: 40.5 }, broken), curveSpec('DASHES', { x: b(42.5), y: 42.5 }, broken)] };
    const [ta, tb] = traceCurves({ seg: s.segmentation(), tracks: [track] });
    expect(swapped(ta.x, a, b, 1, 399)).toBe(0);
    expect(swapped(tb.x, b, a, 1, 399)).toBe(0);
  });
});

/**
 * Two alike lines crossing twice, one curving: row by row the joint tracer lets them leave each other's
 * way at the first crossing (the curving one's slope is still changing there); the pieces between
 * touches are then exchanged back because the lines fitted on either side of each touch run on straight.
 */
describe('identity through crossings of alike curves', () => {
  it('puts back a swap the joint tracing made at a crossing', () => {
    const a = () => 100;
    const b = (y: number) => 100 + 60 * Math.sin((y - 203) / 40); // crosses a at rows 77, 203 and 329
    const s = new Sheet(300, 400);
    s.curve(a, 0, 400);
    s.curve(b, 0, 400);
    const track = { x0: 10, x1: 290, curves: [curveSpec('A', { x: 100, y: 200.5 }), curveSpec('B', { x: b(100.5), y: 100.5 })] };
    const seg = s.segmentation();
    const [ta, tb] = traceCurves({ seg, tracks: [track] });
    // the rows where the two lines merge at a crossing are either's
    const away = (x: Float64Array) => { const y = Float64Array.from(x); y.fill(NaN, 69, 86); y.fill(NaN, 195, 212); y.fill(NaN, 320, 338); return y; };
    expect(swapped(away(ta.x), a, b, 1, 399)).toBe(0);
    expect(swapped(away(tb.x), b, a, 1, 399)).toBe(0);
    // without the exchange (a relink never pays) the same trace keeps the swap
    const [ua] = traceCurves({ seg, tracks: [track], options: { identityMargin: Infinity } });
    expect(swapped(away(ua.x), a, b, 1, 399)).toBeGreaterThan(50);
  });
});
