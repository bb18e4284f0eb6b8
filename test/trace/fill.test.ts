/**
 * Filling a model trace's absent stretches from a trace over the scan's darkness (fill.ts), on
 * hand-made traces and through traceLayout on a drawn scan whose "model" calls a flat stretch on a
 * grid line grid: the stretch the issue asks to keep; and the editor's re-trace over that stretch.
 */
import { describe, expect, it } from 'vitest';
import type { Layout } from '../../src/core/calibration/layout.ts';
import { segmentClassical, traceLayout } from '../../src/core/digitise/trace-layout.ts';
import { retraceInterval } from '../../src/core/edit/index.ts';
import { darkness, DEFAULT_TRACE_OPTIONS, fillAbsent, REVIEW_CONFIDENCE } from '../../src/core/trace/index.ts';
import { DEFAULT_RUN_OPTIONS } from '../../src/core/trace/runs.ts';
import { SegClass, type TracedCurve } from '../../src/core/types.ts';
import { absentRows, curveSpec, Sheet } from './fixtures.ts';

const EDGES = { x0: 0, x1: 400 };

/** A trace of `n` rows at x = f(row), NaN on rows [a, b); confidence 0.9. */
function trace(n: number, f: (r: number) => number, absent: [number, number][] = [], cycle?: (r: number) => number): TracedCurve {
  const x = Float64Array.from({ length: n }, (_, r) => (absent.some(([a, b]) => r >= a && r < b) ? NaN : f(r)));
  const c: TracedCurve = { track: 0, curve: 0, y0: 10, x, confidence: new Float32Array(n).fill(0.9) };
  if (cycle) c.cycle = Int8Array.from({ length: n }, (_, r) => cycle(r));
  return c;
}

describe('fillAbsent', () => {
  it('takes the darkness trace where it leaves and rejoins the model path, flagged for review', () => {
    const model = trace(100, (r) => 50 + r / 10, [[40, 60]]);
    const dark = trace(100, (r) => 50.5 + r / 10);
    expect(fillAbsent(model, dark, EDGES, DEFAULT_TRACE_OPTIONS)).toBe(20);
    expect(model.x[50]).toBeCloseTo(55.5, 6);
    expect(model.confidence[50]).toBeLessThan(REVIEW_CONFIDENCE);
    expect(model.confidence[39]).toBeCloseTo(0.9, 6); // the model's own rows keep theirs
  });

  it('leaves the stretch absent when the darkness trace is elsewhere on one side', () => {
    // it rejoins from 20 px away: another curve's line, not this one's
    const model = trace(100, () => 50, [[40, 60]]);
    const dark = trace(100, (r) => (r < 50 ? 50 : 70));
    expect(fillAbsent(model, dark, EDGES, DEFAULT_TRACE_OPTIONS)).toBe(0);
    expect(absentRows(model.x)).toBe(20);
  });

  it('tolerates a few disagreeing rows beside the stretch (fillAgreeRows of fillCheckRows)', () => {
    const model = trace(100, () => 50, [[40, 60]]);
    const fewOff = trace(100, (r) => (r === 38 || r === 61 ? 58 : 50));
    expect(fillAbsent(model, fewOff, EDGES, DEFAULT_TRACE_OPTIONS)).toBe(20);
    const model2 = trace(100, () => 50, [[40, 60]]);
    const manyOff = trace(100, (r) => (r >= 33 && r < 40 ? 58 : 50));
    expect(fillAbsent(model2, manyOff, EDGES, DEFAULT_TRACE_OPTIONS)).toBe(0);
  });

  it('never fills the ends of a trace, where only one side could be checked', () => {
    const model = trace(100, () => 50, [[0, 20], [80, 100]]);
    expect(fillAbsent(model, trace(100, () => 50), EDGES, DEFAULT_TRACE_OPTIONS)).toBe(0);
  });

  it('never fills rows on a track edge: a curve off its scale, the darkness trace on the frame', () => {
    const model = trace(100, (r) => (r < 40 ? 10 - r / 8 : 5), [[40, 60]]);
    const dark = trace(100, (r) => (r < 40 ? 10 - r / 8 : r < 60 ? 1.5 : 5));
    expect(fillAbsent(model, dark, EDGES, DEFAULT_TRACE_OPTIONS)).toBe(0);
  });

  it('needs both traces on the same wrap cycle beside the stretch', () => {
    const model = trace(100, () => 50, [[40, 60]], () => 0);
    const dark = trace(100, () => 50, [], (r) => (r < 50 ? 0 : 1));
    expect(fillAbsent(model, dark, EDGES, DEFAULT_TRACE_OPTIONS)).toBe(0);
  });
});

describe('fillAbsent on bridges (rows the tracer drew straight across)', () => {
  /** row kinds of a path: ink everywhere but the bridged rows [a, b) */
  const kinds = (n: number, a: number, b: number) => Uint8Array.from({ length: n }, (_, r) => (r >= a && r < b ? 2 : 1));
  const bump = (r: number) => 50 + (r >= 40 && r < 60 ? 10 - Math.abs(r - 50) : 0);

  it('takes the darkness trace where it follows ink the bridge cut across, flagged for review', () => {
    const model = trace(100, (r) => (r >= 40 && r < 60 ? 50 : bump(r))); // the bridge: straight across
    const dark = trace(100, bump);
    expect(fillAbsent(model, dark, EDGES, DEFAULT_TRACE_OPTIONS, kinds(100, 40, 60))).toBe(20);
    expect(model.x[50]).toBe(60);
    expect(model.confidence[50]).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it('leaves a bridge alone where the darkness trace agrees with it (a dash gap), and short bridges and bridges without kinds', () => {
    const model = trace(100, () => 50);
    const dark = trace(100, (r) => 50.5 + (r === 45 ? 1 : 0));
    expect(fillAbsent(model, dark, EDGES, DEFAULT_TRACE_OPTIONS, kinds(100, 40, 60))).toBe(0);
    expect(model.confidence[50]).toBeCloseTo(0.9);
    const bumped = trace(100, bump);
    const short = trace(100, () => 50);
    expect(fillAbsent(short, bumped, EDGES, { ...DEFAULT_TRACE_OPTIONS, fillBridgeRows: 30 }, kinds(100, 40, 60))).toBe(0);
    expect(fillAbsent(short, bumped, EDGES, { ...DEFAULT_TRACE_OPTIONS, fillBridgeRows: 0 }, kinds(100, 40, 60))).toBe(0);
    expect(fillAbsent(short, bumped, EDGES, DEFAULT_TRACE_OPTIONS)).toBe(0);
  });
});

describe('stretches the model missed, on a drawn scan', () => {
  // track 40..360 with thin grey grid lines every 64 px; the curve (2.5 px, black) wanders, runs flat on
  // the line at x 168 (its centre 0.6 px right of the line's) from row 250 to 450, and wanders again;
  // the "model" labels that flat stretch grid
  const W = 400, H = 700;
  const GRID = [104, 168, 232, 296];
  const FLAT = 168.6;
  const truth = (y: number): number => (y < 250 ? FLAT - 48 * Math.sin((250 - y) / 70) ** 2 : y < 450 ? FLAT : FLAT + 50 * Math.sin((y - 450) / 60) ** 2);
  /**
   * Track 40..360 framed, grey grid lines at `grid`, the curve x = f(y) 2.5 px wide and black, seeded at
   * row 100; the "model" calls the box `missed` (xa, ya, xb, yb) `cls` with no curve probability.
   */
  function framed(f: (y: number) => number, grid: number[], missed: [number, number, number, number], cls: SegClass): { sheet: Sheet; layout: Layout } {
    const sheet = new Sheet(W, H);
    sheet.vLine(40, 0, H, 2);
    sheet.vLine(360, 0, H, 2);
    for (const x of grid) sheet.vLine(x, 0, H, 1, 0.6);
    sheet.curve(f, 0, H - 1, { width: 2.5 });
    sheet.relabel(...missed, cls, 0);
    const layout: Layout = {
      version: 1, rotate: 0, deskew: 0, step: 1, well: {},
      depth: { unit: 'FT', refs: [{ y: 0, depth: 1000 }, { y: H, depth: 1000 + H }] },
      tracks: [{ x0: 40, x1: 360, curves: [curveSpec('GR', { x: f(100.5), y: 100 })] }],
    };
    return { sheet, layout };
  }
  // what the model did: the curve's ink on the grid line is grid
  const drawn = () => framed(truth, GRID, [164, 250, 173, 450], SegClass.Grid);

  it('keeps the stretch on the line, flagged for review; without the fill it is absent', () => {
    const { sheet, layout } = drawn();
    // this sheet's grey lines are too faint to be classed grid, so the flat stretch's grid ink lies off
    // every line the segmentation shows and would be taken as curve ink before any fill
    // (grid-as-curve.test.ts): that is switched off here, to test the fill alone
    const runs = { ...DEFAULT_RUN_OPTIONS, offLineGridProb: 0 };
    const without = traceLayout(sheet.raster(), sheet.segmentation(), layout, { kind: 'model', trace: { fillFromDarkness: false, runs } })[0];
    expect(absentRows(without.x, 280 - without.y0, 420 - without.y0)).toBeGreaterThan(100);
    const c = traceLayout(sheet.raster(), sheet.segmentation(), layout, { kind: 'model', trace: { runs } })[0];
    let worst = 0;
    for (let y = 260; y < 440; y++) {
      const x = c.x[y - c.y0];
      expect(Number.isNaN(x), `row ${y}`).toBe(false);
      worst = Math.max(worst, Math.abs(x - FLAT));
      expect(c.confidence[y - c.y0]).toBeLessThan(REVIEW_CONFIDENCE);
    }
    expect(worst).toBeLessThan(1.5);
  });

  it('follows a bump the model missed instead of bridging straight across it', () => {
    // a wandering solid curve bulges 14 px right over rows 300..320; the "model" saw none of the bulge
    const bulge = (y: number) => 200 + 20 * Math.sin(y / 60) + (y > 300 && y < 320 ? 14 * Math.sin(((y - 300) / 20) * Math.PI) : 0);
    // no grid; beside the wander (x ≈ 181..183 on these rows) the bulge's ink is called paper
    const { sheet, layout } = framed(bulge, [], [185, 302, 210, 318], SegClass.Paper);
    const worst = (c: TracedCurve) => {
      let w = 0;
      for (let y = 304; y < 316; y++) w = Math.max(w, Math.abs(c.x[y - c.y0] - bulge(y + 0.5)));
      return w;
    };
    // a bridge across the gap bends only as the line does either side of it: it misses the bulge's top
    const bridged = traceLayout(sheet.raster(), sheet.segmentation(), layout, { kind: 'model', trace: { fillBridgeRows: 0 } })[0];
    expect(worst(bridged)).toBeGreaterThan(5);
    const c = traceLayout(sheet.raster(), sheet.segmentation(), layout, { kind: 'model' })[0];
    expect(worst(c)).toBeLessThan(1.5);
    expect(c.confidence[310 - c.y0]).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it('an editor re-trace over the stretch fills it as digitise did, given the darkness segmentation', () => {
    const { sheet, layout } = drawn();
    const scan = sheet.raster(), seg = sheet.segmentation();
    const curves = traceLayout(scan, seg, layout, { kind: 'model' });
    const click = { x: truth(200.5), y: 200.5 };
    const req = { seg, dark: darkness(scan), tracks: layout.tracks, curves, target: 0, click, rows: { from: 150, to: 550 } };
    // without the darkness segmentation the re-trace loses what the first trace had filled
    const bare = retraceInterval(req);
    expect(absentRows(bare.x, 280 - bare.y0, 420 - bare.y0)).toBeGreaterThan(100);
    let asked = 0;
    const filled = retraceInterval({ ...req, fillFrom: () => (asked++, segmentClassical(scan, layout)) });
    expect(asked).toBe(1);
    for (let y = 260; y < 440; y++) {
      const x = filled.x[y - filled.y0];
      expect(Math.abs(x - FLAT), `row ${y}`).toBeLessThan(1.5);
      expect(filled.confidence[y - filled.y0]).toBeLessThan(REVIEW_CONFIDENCE);
    }
    // a re-trace with nothing to fill never asks for it
    let idle = 0;
    retraceInterval({ ...req, click: { x: truth(600.5), y: 600.5 }, rows: { from: 560, to: 700 }, fillFrom: () => (idle++, segmentClassical(scan, layout)) });
    expect(idle).toBe(0);
  });
});
