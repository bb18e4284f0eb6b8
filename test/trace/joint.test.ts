import { describe, expect, it } from 'vitest';
import { traceCurves } from '../../src/core/trace/index.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet, absentRows, maxError, meanError , curveSpec } from './fixtures.ts';

/** Rows where the traced x is closer to the other curve than to its own truth by more than `margin` px. */
function swappedRows(x: Float64Array, own: (y: number) => number, other: (y: number) => number, margin = 3): number {
  let n = 0;
  for (let r = 0; r < x.length; r++) {
    if (Number.isNaN(x[r])) continue;
    const y = r + 0.5;
    if (Math.abs(x[r] - other(y)) + margin < Math.abs(x[r] - own(y))) n++;
  }
  return n;
}

describe('several curves in one track', () => {
  it('keeps identity through an X crossing (slope continuity)', () => {
    const s = new Sheet(300, 400);
    const a = (y: number) => 60 + 0.45 * y; // left to right
    const b = (y: number) => 240 - 0.45 * y; // right to left, crosses a at y = 200
    s.curve(a, 0, 400);
    s.curve(b, 0, 400);
    const track = { x0: 20, x1: 280, curves: [curveSpec('A', { x: a(20), y: 20 }), curveSpec('B', { x: b(20), y: 20 })] };
    const [ta, tb] = traceCurves({ seg: s.segmentation(), tracks: [track] });
    expect(swappedRows(ta.x, a, b)).toBe(0);
    expect(swappedRows(tb.x, b, a)).toBe(0);
    expect(maxError(ta.x, 0, a, 1, 399)).toBeLessThan(1.5);
    expect(maxError(tb.x, 0, b, 1, 399)).toBeLessThan(1.5);
    expect(absentRows(ta.x, 1, 399) + absentRows(tb.x, 1, 399)).toBe(0);
  });

  it('keeps identity through a shallow crossing of wavy curves with a dashed one', () => {
    const s = new Sheet(300, 600);
    for (let y = 10; y < 600; y += 20) s.hLine(y + 0.5, 20, 281);
    const a = (y: number) => 150 + 70 * Math.sin(y / 60);
    const b = (y: number) => 150 - 50 * Math.sin(y / 45 + 0.3);
    s.curve(a, 0, 600);
    s.curve(b, 0, 600, { cls: SegClass.BrokenCurve, dash: [10, 6] });
    const track = {
      x0: 20, x1: 280,
      curves: [curveSpec('A', { x: a(300.5), y: 300.5 }, { style: 'solid' }), curveSpec('B', { x: b(300.5), y: 300.5 }, { style: 'broken' })],
    };
    const [ta, tb] = traceCurves({ seg: s.segmentation(), tracks: [track] });
    expect(swappedRows(ta.x, a, b)).toBe(0);
    expect(swappedRows(tb.x, b, a)).toBe(0);
    expect(meanError(ta.x, 0, a, 2, 598)).toBeLessThan(0.5);
    expect(meanError(tb.x, 0, b, 2, 598)).toBeLessThan(0.8);
    expect(absentRows(tb.x, 2, 598)).toBeLessThan(6);
  });

  it('never lets two curves claim one narrow line: a curve whose ink stops does not ride its neighbour', () => {
    const s = new Sheet(200, 400);
    const a = (y: number) => 80 + 0.05 * y;
    const b = (y: number) => 86 + 0.05 * y; // 6 px to the right, ends at row 200
    s.curve(a, 0, 400);
    s.curve(b, 0, 200);
    const track = { x0: 10, x1: 190, curves: [curveSpec('A', { x: a(50), y: 50 }), curveSpec('B', { x: b(50), y: 50 })] };
    const [ta, tb] = traceCurves({ seg: s.segmentation(), tracks: [track] });
    expect(absentRows(ta.x, 1, 399)).toBe(0);
    expect(maxError(ta.x, 0, a, 1, 399)).toBeLessThan(0.75);
    expect(maxError(tb.x, 0, b, 1, 199)).toBeLessThan(0.75);
    expect(absentRows(tb.x, 230, 400)).toBe(170);
  });

  it("never lets a curve traced first run through another curve's seed stroke", () => {
    // A's ink stops at row 200; the cheapest way on for A is B's line, 6 px away, past B's seed
    const s = new Sheet(200, 400);
    const a = (y: number) => 80 + 0.05 * y;
    const b = (y: number) => 86 + 0.05 * y;
    s.curve(a, 0, 200);
    s.curve(b, 0, 400);
    const track = { x0: 10, x1: 190, curves: [curveSpec('A', { x: a(50), y: 50 }), curveSpec('B', { x: b(300), y: 300 })] };
    const seg = s.segmentation();
    const [ta, tb] = traceCurves({ seg, tracks: [track] });
    expect(maxError(tb.x, 0, b, 1, 399)).toBeLessThan(0.75);
    expect(maxError(ta.x, 0, a, 1, 199)).toBeLessThan(0.75);
    expect(absentRows(ta.x, 230, 400)).toBe(170);
    // without the rule, A (traced first) takes B's line and B leaves its own seed for nothing better;
    // the stroke around B's seed up to A's line (seedZoneRows) is the same rule, wider: either holds B
    const [, ub] = traceCurves({ seg, tracks: [track], options: { seedStrokes: false, seedZoneRows: 0 } });
    expect(maxError(ub.x, 0, b, 1, 399)).toBeGreaterThan(3);
    const [, zb] = traceCurves({ seg, tracks: [track], options: { seedStrokes: false } });
    expect(maxError(zb.x, 0, b, 1, 399)).toBeLessThan(0.75);
  });

  it('lets two curves share ink where they truly overlap, then separates them', () => {
    const s = new Sheet(200, 400);
    const a = (y: number) => 100;
    const b = (y: number) => (y < 150 ? 60 + (y / 150) * 39 : y < 250 ? 99 : 99 - ((y - 250) / 150) * 39);
    s.curve(a, 0, 400);
    s.curve(b, 0, 400);
    const track = { x0: 10, x1: 190, curves: [curveSpec('A', { x: 100, y: 20 }), curveSpec('B', { x: b(20), y: 20 })] };
    const [ta, tb] = traceCurves({ seg: s.segmentation(), tracks: [track] });
    expect(absentRows(ta.x, 1, 399) + absentRows(tb.x, 1, 399)).toBe(0);
    expect(maxError(ta.x, 0, a, 1, 399)).toBeLessThan(1.5);
    expect(maxError(tb.x, 0, b, 1, 399)).toBeLessThan(1.5);
  });

  it("gives a dotted curve back its own line where it rode a neighbour's near-horizontal swing", () => {
    // B swings 300 px out and back across A within 80 rows, nearly flat: a run or two a row, side by side
    // with room for both curves; A is a sparse dotted line whose gaps cost about what the swing does
    const s = new Sheet(500, 400);
    for (let y = 10; y < 400; y += 40) s.hLine(y + 0.5, 20, 481);
    const a = (y: number) => 100 + 0.02 * y;
    const swing = (y: number) => (y < 170 || y > 250 ? 0 : 300 * Math.sin(((y - 170) / 80) * Math.PI));
    const b = (y: number) => 60 + 0.1 * y + swing(y);
    s.curve(a, 0, 400, { cls: SegClass.BrokenCurve, dash: [3, 9], width: 1.5 });
    s.curve(b, 0, 400, { cls: SegClass.BrokenCurve, dash: [14, 6] }, 0.25);
    const track = {
      x0: 20, x1: 480,
      curves: [curveSpec('B', { x: b(50.5), y: 50.5 }, { style: 'broken' }), curveSpec('A', { x: a(50.5), y: 50.5 }, { style: 'broken' })],
    };
    const trace = (dupMinRows?: number) => traceCurves({ seg: s.segmentation(), tracks: [track], options: dupMinRows === undefined ? {} : { dupMinRows } });
    const [, riding] = trace(0);
    expect(meanError(riding.x, 0, a, 2, 398)).toBeGreaterThan(10); // the descent alone leaves A on the swing
    const [tb, ta] = trace();
    expect(meanError(ta.x, 0, a, 2, 398)).toBeLessThan(0.5);
    expect(swappedRows(ta.x, a, b)).toBe(0);
    expect(meanError(tb.x, 0, b, 2, 398)).toBeLessThan(1);
    expect(swappedRows(tb.x, b, a)).toBeLessThanOrEqual(2); // where the swing leaves A's line at 10 px a row
  });

  it('traces every track of a layout, in layout order', () => {
    const s = new Sheet(420, 300);
    const f = (x0: number) => (y: number) => x0 + 30 + 20 * Math.sin(y / 30);
    s.curve(f(0), 0, 300);
    s.curve(f(200), 0, 300);
    const tracks = [
      { x0: 0, x1: 180, curves: [curveSpec('GR', { x: f(0)(100), y: 100 })] },
      { x0: 200, x1: 380, curves: [curveSpec('DT', { x: f(200)(100), y: 100 })] },
    ];
    const out = traceCurves({ seg: s.segmentation(), tracks });
    expect(out.map((c) => [c.track, c.curve])).toEqual([[0, 0], [1, 0]]);
    expect(maxError(out[1].x, 0, f(200), 1, 299)).toBeLessThan(0.75);
  });
});
