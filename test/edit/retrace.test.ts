import { describe, expect, it } from 'vitest';
import { retraceInterval, spliceTrace } from '../../src/core/edit/index.ts';
import { traceCurves, TraceError } from '../../src/core/trace/index.ts';
import type { TrackSpec } from '../../src/core/calibration/layout.ts';
import { Sheet, curveSpec, maxError, meanError } from '../trace/fixtures.ts';
import { SegClass } from '../../src/core/types.ts';
import { changed, curveOf } from './helpers.ts';

const f = (y: number) => 100 + 40 * Math.sin(y / 45);
const g = (y: number) => 100 - 40 * Math.sin(y / 45); // crosses f every 141 rows

function twoCurves() {
  const s = new Sheet(220, 600);
  s.curve(f, 0, 600);
  s.curve(g, 0, 600);
  const tracks: TrackSpec[] = [{ x0: 20, x1: 200, curves: [curveSpec('A', { x: f(70.5), y: 70.5 }), curveSpec('B', { x: g(70.5), y: 70.5 })] }];
  return { seg: s.segmentation(), tracks };
}

describe('retraceInterval', () => {
  it('re-traces only the asked rows, from the click, back onto the ink', () => {
    const { seg, tracks } = twoCurves();
    const curves = traceCurves({ seg, tracks });
    // spoil rows 200..320 of A: pushed 30 px off its ink
    const spoiled = { ...curves[0], x: curves[0].x.map((x, i) => (i >= 200 && i < 320 ? x + 30 : x)) };
    const edited = [spoiled, curves[1]];
    const click = { x: f(260.5) + 3, y: 260.5 }; // a few px off the line: snaps to it
    const out = retraceInterval({ seg, tracks, curves: edited, target: 0, click, rows: { from: 200, to: 320 } });
    // as good as the whole-scan trace: sub-pixel on the line, about 1 px where the two cross (row 283)
    expect(maxError(out.x, out.y0, f, 200, 320)).toBeLessThan(1.5);
    expect(meanError(out.x, out.y0, f, 200, 320)).toBeLessThan(0.3);
    expect(changed(spoiled.x, out.x).every((i) => i >= 200 && i < 320)).toBe(true);
    expect(out.track).toBe(0);
    expect(out.curve).toBe(0);
  });

  it('keeps identity through a crossing inside the interval, traced jointly with the other curve', () => {
    const { seg, tracks } = twoCurves();
    const curves = traceCurves({ seg, tracks });
    // rows 180..320 hold a crossing at y ≈ 282.7 (45π·2)
    const wiped = { ...curves[1], x: curves[1].x.map((x, i) => (i >= 180 && i < 320 ? Number.NaN : x)) };
    const out = retraceInterval({ seg, tracks, curves: [curves[0], wiped], target: 1, click: { x: g(200.5), y: 200.5 }, rows: { from: 180, to: 320 } });
    expect(maxError(out.x, out.y0, g, 182, 318)).toBeLessThan(1.5);
  });

  it('says so when the click is not near ink, or outside the rows', () => {
    const { seg, tracks } = twoCurves();
    const curves = traceCurves({ seg, tracks });
    expect(() => retraceInterval({ seg, tracks, curves, target: 0, click: { x: 190, y: 250.5 }, rows: { from: 200, to: 300 } })).toThrow(TraceError);
    expect(() => retraceInterval({ seg, tracks, curves, target: 0, click: { x: f(250.5), y: 250.5 }, rows: { from: 300, to: 400 } })).toThrow(/outside the rows/);
  });
});

describe('spliceTrace', () => {
  it('writes the fresh rows, absent where the fresh trace is, and shifts wrap cycles', () => {
    const c = curveOf(() => 50, 0, 100, { cycle: new Int8Array(100).fill(1) });
    const fresh = curveOf(() => 60, 40, 20, { cycle: new Int8Array(20) });
    fresh.x[5] = Number.NaN;
    const out = spliceTrace(c, fresh, { from: 40, to: 60 }, 1);
    expect(changed(c.x, out.x)).toEqual(Array.from({ length: 20 }, (_, k) => 40 + k));
    expect(Number.isNaN(out.x[45])).toBe(true);
    expect(out.cycle![41]).toBe(1);
    expect(out.cycle![45]).toBe(0);
  });
});

describe('retraceInterval at the ends of the interval', () => {
  it('keeps a stretch that runs on a grid line across the interval\'s end (the tracer sees rows beyond it)', () => {
    // a vertical grid line at x = 100.5; the curve sits on it for rows 200..240, wiggles elsewhere
    const h = (y: number) => (y >= 200 && y <= 240 ? 100.5 : 100.5 + 30 * Math.sin(((y < 200 ? 200 - y : y - 240) * Math.PI) / 120));
    const s = new Sheet(220, 400);
    s.vLine(100.5, 0, 400, 1);
    s.curve(h, 0, 400);
    s.relabel(95, 200, 106, 241, SegClass.Grid, 0.35); // the model calls the shared ink grid, with some curve probability
    const seg = s.segmentation();
    const tracks: TrackSpec[] = [{ x0: 20, x1: 200, curves: [curveSpec('A', { x: h(150.5), y: 150.5 })] }];
    const curves = traceCurves({ seg, tracks });
    expect(Number.isNaN(curves[0].x[215]), 'the whole-scan trace keeps the flat stretch').toBe(false);
    const out = retraceInterval({ seg, tracks, curves, target: 0, click: { x: h(150.5), y: 150.5 }, rows: { from: 140, to: 220 } });
    const absent = Array.from(out.x.subarray(140, 220)).filter(Number.isNaN).length;
    expect(absent).toBe(0);
    expect(maxError(out.x, out.y0, h, 140, 220)).toBeLessThan(1.5);
  });
});
