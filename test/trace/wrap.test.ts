import { describe, expect, it } from 'vitest';
import { REVIEW_CONFIDENCE, TraceError, reviewSpans, traceCurves } from '../../src/core/trace/index.ts';
import { Sheet, absentRows, maxError , curveSpec } from './fixtures.ts';

describe('wrap (back-up scales)', () => {
  // GR-like: track 40..240 (0–150), the curve climbs past the right edge and continues on the backup
  const x0 = 40, x1 = 240, span = x1 - x0;
  const unwrapped = (y: number) => 140 + 160 * Math.sin((y / 500) * Math.PI); // peaks at 300 > x1
  const onScan = (y: number) => {
    const u = unwrapped(y);
    return u >= x1 ? u - span : u;
  };

  function drawWrapped(s: Sheet): void {
    // draw the visible pieces: main scale below x1, backup (shifted by one span) above it
    let piece: [number, number][] = [];
    let last = 0;
    for (let y = 0; y <= 500; y += 0.5) {
      const c = unwrapped(y) >= x1 ? 1 : 0;
      if (piece.length && c !== last) { s.polyline(piece); piece = []; }
      piece.push([onScan(y), y]);
      last = c;
    }
    s.polyline(piece);
  }

  it('continues on the next cycle when a wrap curve leaves the right edge, continuous when unwrapped', () => {
    const s = new Sheet(280, 500);
    s.vLine(x0 + 0.5);
    s.vLine(x1 + 0.5);
    drawWrapped(s);
    const track = { x0, x1, curves: [curveSpec('GR', { x: unwrapped(30.5), y: 30.5 }, { wrap: true })] };
    const [c] = traceCurves({ seg: s.segmentation(), tracks: [track] });
    expect(c.cycle).toBeDefined();
    const u = c.x.map((x, r) => x + c.cycle![r] * span);
    expect(absentRows(u, 2, 498)).toBeLessThan(8); // at most a few rows at each edge crossing
    expect(maxError(u, 0, unwrapped, 2, 498)).toBeLessThan(2);
    expect(c.cycle![250]).toBe(1);
    expect(c.cycle![30]).toBe(0);
    expect(c.cycle![480]).toBe(0);
  });

  it('reads the backup only on the side the layout names', () => {
    const s = new Sheet(280, 500);
    s.vLine(x0 + 0.5);
    s.vLine(x1 + 0.5);
    drawWrapped(s);
    const trace = (backup: 'right' | 'left') =>
      traceCurves({ seg: s.segmentation(), tracks: [{ x0, x1, curves: [curveSpec('GR', { x: unwrapped(30.5), y: 30.5 }, { wrap: true, backup })] }] })[0];
    const right = trace('right');
    expect(right.cycle![250]).toBe(1);
    const u = right.x.map((x, r) => x + right.cycle![r] * span);
    expect(maxError(u, 0, unwrapped, 2, 498)).toBeLessThan(2);
    // with the backup on the left, the ink past the right edge cannot be this curve on a backup
    const left = trace('left');
    expect(left.cycle!.every((c) => c <= 0)).toBe(true);
    expect(Number.isNaN(left.x[250]) || Math.abs(left.x[250] + left.cycle![250] * span - unwrapped(250)) > 50).toBe(true);
  });

  it('reports no cycle for a curve that is not marked wrap, and follows it up to the edge', () => {
    const s = new Sheet(280, 500);
    drawWrapped(s);
    const track = { x0, x1, curves: [curveSpec('GR', { x: unwrapped(30.5), y: 30.5 })] };
    const [c] = traceCurves({ seg: s.segmentation(), tracks: [track] });
    expect(c.cycle).toBeUndefined();
    expect(maxError(c.x, 0, unwrapped, 2, 100)).toBeLessThan(1);
  });
});

describe('confidence and review', () => {
  it('is high on clean ink and flags a stretch where the model is unsure', () => {
    const s = new Sheet(200, 400);
    s.curve(() => 100, 0, 400);
    s.dimProb(150, 200, 0.3);
    const [c] = traceCurves({ seg: s.segmentation(), tracks: [{ x0: 10, x1: 190, curves: [curveSpec('A', { x: 100, y: 50 })] }] });
    expect(c.confidence[60]).toBeGreaterThan(0.8);
    expect(c.confidence[175]).toBeLessThan(REVIEW_CONFIDENCE);
    const spans = reviewSpans(c, REVIEW_CONFIDENCE, 3);
    expect(spans.length).toBe(1);
    expect(Math.abs(spans[0].from - 150)).toBeLessThanOrEqual(2);
    expect(Math.abs(spans[0].to - 200)).toBeLessThanOrEqual(2);
  });
});

describe('bad input', () => {
  const s = new Sheet(100, 100);
  s.curve(() => 50, 0, 100);
  const seg = s.segmentation();

  it('names the curve whose seed is not on ink, and leaves it out (absent on every row)', () => {
    const [dt] = traceCurves({ seg, tracks: [{ x0: 0, x1: 99, curves: [curveSpec('DT', { x: 20, y: 50 })] }] });
    expect(dt.problem).toMatch(/^curve DT in track 1: seed \(20, 50\) is not on curve ink/);
    expect(absentRows(dt.x)).toBe(100);
  });

  it('leaves out a curve whose seed is outside its track; rejects a track outside the scan', () => {
    const [gr] = traceCurves({ seg, tracks: [{ x0: 60, x1: 99, curves: [curveSpec('GR', { x: 50, y: 50 })] }] });
    expect(gr.problem).toMatch(/curve GR in track 1: seed x 50 is outside the track/);
    expect(() => traceCurves({ seg, tracks: [{ x0: 200, x1: 300, curves: [curveSpec('GR', { x: 250, y: 50 })] }] })).toThrow(TraceError);
    expect(() => traceCurves({ seg, tracks: [{ x0: 200, x1: 300, curves: [curveSpec('GR', { x: 250, y: 50 })] }] })).toThrow(/outside the 100 px wide scan/);
  });

  it('rejects a segmentation whose arrays do not match its size', () => {
    const bad = { ...seg, classes: seg.classes.subarray(0, 10) };
    expect(() => traceCurves({ seg: bad, tracks: [] })).toThrow(/segmentation is malformed/);
  });
});
