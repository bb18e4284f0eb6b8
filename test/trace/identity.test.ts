import { describe, expect, it } from 'vitest';
import { REVIEW_CONFIDENCE, traceCurves, traceOptions } from '../../src/core/trace/index.ts';
import { identityDoubts, resolveSwaps, type IdentityCurve } from '../../src/core/trace/identity.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet, absentRows, curveSpec, maxError, swappedRows as swapped, touchA as a, touchB as b } from './fixtures.ts';

/**
 * Two curves that meet at a turn and go back (a touch, not a crossing): by slope alone the tracer would
 * carry each straight on into the other. Only how the lines look tells them apart.
 */
/**
 * Two alike lines crossing at row 200 of a 260 × 400 sheet, at ±slope px a row (x 130 there): the
 * lines, their segmentation, and a track with a seed on each at row 40.
 */
function glancingCrossing(slope: number) {
  const a = (y: number) => 130 + slope * (y - 200), b = (y: number) => 130 - slope * (y - 200);
  const s = new Sheet(260, 400);
  s.curve(a, 0, 400);
  s.curve(b, 0, 400);
  const track = { x0: 20, x1: 240, curves: [curveSpec('A', { x: a(40.5), y: 40.5 }), curveSpec('B', { x: b(40.5), y: 40.5 })] };
  return { a, b, seg: s.segmentation(), track };
}

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

  it('reads a glancing crossing through: each curve leaves on the far side', () => {
    // ±0.1 px a row: the lines run within a few px of each other for about 60 rows. Lines fitted over 10
    // ink rows either side read that as a bounce, and both curves went back the way they came
    const { a, b, seg, track } = glancingCrossing(0.1);
    const [ta, tb] = traceCurves({ seg, tracks: [track] });
    for (const [t, truth] of [[ta, a], [tb, b]] as const) {
      expect(absentRows(t.x, 280, 390)).toBe(0);
      expect(maxError(t.x, t.y0, truth, 280, 390)).toBeLessThan(1);
    }
    const [short] = traceCurves({ seg, tracks: [track], options: { identityFitRows: 10 } });
    expect(maxError(short.x, short.y0, a, 280, 390)).toBeGreaterThan(10);
  });
});

/**
 * Two curves far apart that the joint tracing exchanged without their ever touching: after a gap one
 * took the other's line and the other, pushed off, took the first's, and 100 rows on they went back.
 * Hand-made paths (all ink alike), as resolveSwaps gets them from the tracer.
 */
describe('identity where two curves were exchanged across a jump', () => {
  const ROWS = 300;
  /** a DP path at x = at(r) on rows where at gives a number, absent elsewhere; runs numbered per row and curve */
  function path(at: (r: number) => number, id: number): IdentityCurve['path'] {
    const p = { run: new Int32Array(ROWS).fill(-1), kind: new Uint8Array(ROWS), pos: new Float64Array(ROWS), cycle: new Int8Array(ROWS), step: new Float32Array(ROWS) };
    for (let r = 0; r < ROWS; r++) {
      const x = at(r);
      if (Number.isNaN(x)) continue;
      p.kind[r] = 1;
      p.pos[r] = x;
      p.run[r] = 2 * r + id;
    }
    return p;
  }
  const curve = (at: (r: number) => number, id: number, seedRow: number): IdentityCurve => ({
    path: path(at, id), emit: new Float32Array(2 * ROWS), look: null, wrap: null, seedRows: [seedRow],
  });
  const gap = (r: number) => (r >= 100 && r < 104) || (r >= 200 && r < 204);
  const middle = (r: number) => r >= 104 && r < 200;
  const xs = (c: IdentityCurve) => Array.from(c.path.pos, (x, r) => (c.path.kind[r] === 1 ? x : NaN));

  // A is seeded at row 20 on x 100, B at row 280 on x 300; between rows 104 and 200 each holds the other's line
  const exchanged = () => [curve((r) => (gap(r) ? NaN : middle(r) ? 300 : 100), 0, 20), curve((r) => (gap(r) ? NaN : middle(r) ? 100 : 300), 1, 280)];

  it('gives the pieces back when that ends the jumps', () => {
    const [a, b] = exchanged();
    resolveSwaps([a, b], null, 2, traceOptions());
    expect(xs(a).filter((x) => !Number.isNaN(x) && x !== 100)).toEqual([]);
    expect(xs(b).filter((x) => !Number.isNaN(x) && x !== 300)).toEqual([]);
    // with jumps not cut (as before), the curves never touch and nothing is exchanged
    const [a0, b0] = exchanged();
    resolveSwaps([a0, b0], null, 2, traceOptions({ identityJumpPx: Infinity }));
    expect(xs(a0)[150]).toBe(300);
  });

  it('cuts a long touch at its far end too: a curve that rode its neighbour there gets its own line back', () => {
    // B's line is at x 100 throughout (seed row 20). A's line starts at row 100 at x 200 (seed row 280);
    // above it A rode beside B (x 104, within reach: one long touch). After that touch the tracer left
    // A on B's line and B on A's for rows 100-149: the piece to give back begins where the touch ends.
    const rode = () => {
      const a = curve((r) => (r < 100 ? 104 : r < 150 ? 100 : 200), 0, 280);
      const b = curve((r) => (r < 100 ? 100 : r < 150 ? 200 : 100), 1, 20);
      // beside B, each holds runs the other's emissions dislike: exchanging rows 0-99 costs
      for (let r = 0; r < 100; r++) { a.emit[2 * r + 1] = 2; b.emit[2 * r] = 2; }
      return [a, b];
    };
    // rows 149 and 150, where the two paths pass each other (a touch), are either's
    const off = (x: number[]) => x.filter((_, r) => r < 149 || r > 150);
    const [a, b] = rode();
    resolveSwaps([a, b], null, 2, traceOptions());
    expect(off(xs(a)).slice(100)).toEqual(new Array(198).fill(200));
    expect(off(xs(b))).toEqual(new Array(298).fill(100));
    // a touch counted long only past 1,000 rows is not cut at its end: the exchange would have to start
    // at row 0 and costs more than the junction at row 150 gains
    const [a1, b1] = rode();
    resolveSwaps([a1, b1], null, 2, traceOptions({ identityMaxTouchRows: 1000 }));
    expect(xs(a1)[120]).toBe(100);
  });

  it('leaves a curve that truly jumps alone when the other runs on unbroken', () => {
    // A leaves its scale at row 100 and comes back 60 px on; B never moves: an exchange would only add jumps
    const a = curve((r) => (r >= 100 && r < 104 ? NaN : r < 100 ? 100 : 160), 0, 20);
    const b = curve(() => 300, 1, 280);
    const before = [xs(a), xs(b)];
    resolveSwaps([a, b], null, 2, traceOptions());
    expect([xs(a), xs(b)]).toEqual(before);
  });
});

/**
 * Where the evidence cannot tell which curve is which, the tracer says so (identityDoubts): pieces of
 * two touching paths that could be exchanged at almost no cost are flagged on both curves. Hand-made
 * paths as resolveSwaps leaves them: on a run every row (runs numbered 2r and 2r + 1, emissions 0).
 */
describe('identityDoubts', () => {
  const ROWS = 200;
  const o = traceOptions();
  const curve = (x: (r: number) => number, k: number): IdentityCurve => ({
    path: {
      run: Int32Array.from({ length: ROWS }, (_, r) => 2 * r + k), kind: new Uint8Array(ROWS).fill(1),
      pos: Float64Array.from({ length: ROWS }, (_, r) => x(r)), cycle: new Int8Array(ROWS), step: new Float32Array(ROWS),
    },
    emit: new Float32Array(2 * ROWS), look: null, wrap: null, seedRows: [10],
  });
  const rows = (d: Uint8Array) => Array.from(d).flatMap((v, r) => (v ? [r] : []));

  it('flags both curves from a long merge on, where the lines beside it say nothing', () => {
    // A ramps from x 100 onto B's line at 130, runs on it for 60 rows and ramps back; merged that long,
    // the fitted lines either side carry no weight (identityMaxTouchRows), so either way costs the same
    const a = curve((r) => (r < 90 ? 100 : r < 100 ? 100 + 3 * (r - 90) : r < 160 ? 130 : r < 170 ? 130 - 3 * (r - 160) : 100), 0);
    const b = curve(() => 130, 1);
    const [da, db] = identityDoubts([a, b], null, 2, o, 1);
    expect(rows(da)).toEqual(rows(db));
    expect(rows(da)[0]).toBeGreaterThan(90);
    expect(rows(da)[0]).toBeLessThan(100);
    expect(rows(da).at(-1)).toBe(ROWS - 1);
    // a margin below zero flags nothing
    expect(rows(identityDoubts([a, b], null, 2, o, -1)[0])).toEqual([]);
  });

  it('flags nothing where two straight lines cross: each goes on straight at far less cost', () => {
    const a = curve((r) => 60 + r, 0), b = curve((r) => 260 - r, 1);
    for (const d of identityDoubts([a, b], null, 2, o, 1)) expect(rows(d)).toEqual([]);
  });
});

describe('identity doubts in a trace', () => {
  it('flags for review both curves after alike lines cross at a glancing angle, and only there', () => {
    // two alike lines cross at rows 140–260 within a few px of each other: which leaves on which side the
    // lines either side of that long touch cannot say
    const { seg, track } = glancingCrossing(0.05);
    const low = (c: { x: Float64Array; confidence: Float32Array }, from: number, to: number) => {
      let n = 0;
      for (let r = from; r < to; r++) if (!Number.isNaN(c.x[r]) && c.confidence[r] < REVIEW_CONFIDENCE) n++;
      return n;
    };
    const flagged = traceCurves({ seg, tracks: [track] });
    const plain = traceCurves({ seg, tracks: [track], options: { identityDoubtMargin: -1 } });
    for (const [f, p] of flagged.map((c, k) => [c, plain[k]] as const)) {
      expect(low(f, 20, 120)).toBe(0);
      expect(low(p, 260, 390)).toBe(0);
      expect(low(f, 260, 390)).toBe(130);
    }
  });
});
