import { describe, expect, it } from 'vitest';
import { traceCurves } from '../../src/core/trace/index.ts';
import type { TraceOptions } from '../../src/core/trace/options.ts';
import { Sheet, curveSpec } from './fixtures.ts';

/**
 * A curve whose value goes past its scale is clipped at the track edge on a print (no back-up scale):
 * its ink runs out to the edge and stops, and comes back at the same edge. The tracer's off-scale
 * state (viterbi.ts, `wOffScale`) lets it be absent there at a lower cost than anywhere else, so it
 * does not take a neighbour's line to avoid paying for the absence (as the real 273101 print's DT did).
 */
describe('a curve off its scale beyond a track edge', () => {
  const W = 300, H = 700, X0 = 10, X1 = 290;
  // A wobbles about x 60 and three times swings 90 px left, past the left edge, for 25 rows (plus 20-row
  // ramps each way); B, a fainter curve that is not in the layout, runs straight down x 32, across A's swings
  const swings = [[150, 175], [330, 355], [500, 525]];
  const A = (y: number) => {
    let x = 60 + 8 * Math.sin(y / 25);
    for (const [a, b] of swings) {
      if (y > a - 20 && y < b + 20) x -= 90 * (y < a ? (y - a + 20) / 20 : y > b ? (b + 20 - y) / 20 : 1);
    }
    return x;
  };
  /** the print clips: no ink in the X0 columns beyond the left edge (the right one when `right`) */
  const clip = (s: Sheet, right: boolean) => {
    for (let y = 0; y < s.height; y++) {
      for (let x = 0; x < X0; x++) {
        const i = y * s.width + (right ? s.width - 1 - x : x);
        s.ink[i] = 0;
        s.cls[i] = 0;
        s.prob[i] = 0;
      }
    }
  };
  /** the sheet, mirrored left-right when `right` (the swings go past the right edge) */
  const sheet = (a: (y: number) => number, right: boolean) => {
    const at = (x: number) => (right ? W - x : x);
    const s = new Sheet(W, H);
    s.vLine(X0);
    s.vLine(X1);
    s.curve((y) => at(a(y)), 0, H, { width: 2 });
    s.curve(() => at(32), 0, H, { width: 2, prob: 0.6 });
    clip(s, right);
    return { s, at };
  };
  const trace = (a: (y: number) => number, right: boolean, options: Partial<TraceOptions> = {}) => {
    const { s, at } = sheet(a, right);
    const seed = { x: at(a(650.5)), y: 650.5 };
    const [c] = traceCurves({ seg: s.segmentation(), scan: s.raster(), tracks: [{ x0: X0, x1: X1, curves: [curveSpec('DT', seed)] }], options });
    return { x: c.x, at };
  };
  /** rows where the trace is on A's line, on B's, absent; and the rows where A's ink is on the scale */
  const tally = (a: (y: number) => number, x: Float64Array, at: (x: number) => number) => {
    let onA = 0, onB = 0, absent = 0, visible = 0;
    for (let r = 0; r < H; r++) {
      const ax = a(r + 0.5);
      if (ax > X0 + 2) visible++;
      if (Number.isNaN(x[r])) absent++;
      else if (ax > X0 + 2 && Math.abs(x[r] - at(ax)) < 3) onA++;
      else if (Math.abs(x[r] - at(32)) < 3) onB++;
    }
    return { onA, onB, absent, visible };
  };

  for (const right of [false, true]) {
    it(`is absent beyond the ${right ? 'right' : 'left'} edge and comes back to its own line, not the neighbour's`, () => {
      const { x, at } = trace(A, right);
      const t = tally(A, x, at);
      expect(t.onB).toBe(0);
      expect(t.onA).toBeGreaterThanOrEqual(t.visible - 6);
      // absent over the clipped rows of each swing (about 40 of the 65 rows each swing spans)
      expect(t.absent).toBeGreaterThan(3 * 30);
      for (const [a, b] of swings) for (let r = a; r < b; r++) expect(x[r]).toBeNaN();
    });
  }

  it('without the off-scale state the trace rides the neighbour across each swing', () => {
    const { x, at } = trace(A, false, { offScaleMaxRows: 0 });
    const t = tally(A, x, at);
    expect(t.onB).toBeGreaterThan(3 * 30);
    expect(t.absent).toBe(0);
  });

  it('is not off scale where a curve runs along an edge and has a gap: the trace is the same without the state', () => {
    // C runs 6 px inside the left edge, gently wobbling, with no ink on rows 300–340
    const C = (y: number) => (y >= 300 && y < 340 ? NaN : X0 + 6 + 2 * Math.sin(y / 40));
    const s = new Sheet(W, H);
    s.vLine(X0);
    s.vLine(X1);
    s.curve((y) => X0 + 6 + 2 * Math.sin(y / 40), 0, H, { width: 2 });
    s.curve(() => 32, 0, H, { width: 2, prob: 0.6 });
    for (let y = 300; y < 340; y++) for (let x = X0 + 2; x < X0 + 14; x++) { const i = y * W + x; s.ink[i] = 0; s.cls[i] = 0; s.prob[i] = 0; }
    const run = (options: Partial<TraceOptions>) =>
      traceCurves({ seg: s.segmentation(), scan: s.raster(), tracks: [{ x0: X0, x1: X1, curves: [curveSpec('MSFL', { x: C(650.5), y: 650.5 })] }], options })[0].x;
    const withState = run({}), without = run({ offScaleMaxRows: 0 });
    expect(Array.from(withState)).toEqual(Array.from(without));
    // and it is C's line that was traced on both sides of the gap
    for (const r of [100, 290, 350, 600]) expect(Math.abs(withState[r] - C(r + 0.5))).toBeLessThan(2);
  });

  it('a fast swing whose last ink before the edge was lost is still off scale, by where its slope carries it', () => {
    // D wobbles about x 290 and twice swings past the left edge at 45 px a row for 45 rows (longer than
    // a bridge may span): on the way out the model kept only the ramp's first 4 rows (faint near-
    // horizontal strokes are lost first), so D's last ink lies 100 px inside the edge; on the way back
    // the ramp is whole and reaches the edge. B runs down x 40. The seed is above the swings, so the DP
    // meets each swing's cut ramp first (coming back, a curve must still land near the edge it left).
    const W2 = 400, X2 = 390;
    const D = (y: number) => 290 + 6 * Math.sin(y / 30);
    const swings = [[200, 245], [420, 465]];
    const s = new Sheet(W2, H);
    s.vLine(X0);
    s.vLine(X2);
    s.curve(() => 40, 0, H, { width: 2, prob: 0.6 });
    let top = 0;
    for (const [a, b] of swings) {
      s.curve(D, top, a, { width: 2 });
      s.segment(D(a), a, 110, a + 4, { width: 2 }); // the part of the outward ramp the model kept
      s.segment(X0 - 40, b - 7, D(b), b, { width: 2 }); // the inward ramp, whole
      top = b;
    }
    s.curve(D, top, H, { width: 2 });
    clip(s, false);
    const run = (options: Partial<TraceOptions>) =>
      traceCurves({ seg: s.segmentation(), scan: s.raster(), tracks: [{ x0: X0, x1: X2, curves: [curveSpec('GR', { x: D(50.5), y: 50.5 })] }], options })[0].x;
    const onB = (x: Float64Array) => x.filter((v) => Math.abs(v - 40) < 3).length;
    const x = run({});
    for (const [a, b] of swings) for (let r = a + 6; r < b - 8; r++) expect(x[r]).toBeNaN();
    expect(onB(x)).toBeLessThanOrEqual(4); // the inward ramp crosses B
    for (const r of [100, 300, 600]) expect(Math.abs(x[r] - D(r + 0.5))).toBeLessThan(2);
    // reaching only offScaleEdgePx from the edge, the trace takes B's line across each swing instead
    expect(onB(run({ offScaleLookRows: 0 }))).toBeGreaterThan(2 * 15);
  });
});
