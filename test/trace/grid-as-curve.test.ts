import { describe, expect, it } from 'vitest';
import { traceCurves } from '../../src/core/trace/index.ts';
import { extractRuns, type RunOptions } from '../../src/core/trace/runs.ts';
import { REVIEW_CONFIDENCE, type TraceOptions } from '../../src/core/trace/options.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet, absentRows, curveSpec } from './fixtures.ts';

/**
 * A curve that reads a constant value for a while (casing, a pinned tool) is a straight vertical line
 * there, and a model often classes it grid (runs.ts RunOptions.offLineGridProb). Off every printed
 * vertical line, and meeting the curve's own ink at its ends, such grid ink is curve ink to the tracer;
 * a printed line, and a header's box line that meets no curve, stay grid.
 */
describe('grid-classed ink that is a curve', () => {
  const W = 300, H = 700, X0 = 10, X1 = 290;
  // A wobbles about x 80 and is straight at x 80 over rows 200–420, where the "model" calls it grid
  const A = (y: number) => (y >= 200 && y < 420 ? 80 : 80 + 12 * Math.sin(((y < 200 ? y - 200 : y - 420) / 30)));
  const sheet = () => {
    const s = new Sheet(W, H);
    s.vLine(X0);
    s.vLine(X1);
    s.vLine(150); // a printed grid line down the whole log
    s.vLine(220, 0, 100); // a box line of the header, meeting no curve
    s.curve(A, 0, H, { width: 2 });
    s.relabel(76, 200, 85, 420, SegClass.Grid, 0);
    return s;
  };
  const runAt = (table: ReturnType<typeof extractRuns>, r: number, x: number) => {
    for (let j = table.rowStart[r]; j < table.rowStart[r + 1]; j++) if (table.left[j] <= x && x <= table.right[j]) return j;
    return -1;
  };

  it('takes the straight stretch as curve ink, and leaves the printed line and the header line grid', () => {
    const seg = sheet().segmentation();
    const table = extractRuns(seg, X0, X1, 0, H);
    for (const r of [210, 300, 410]) {
      const j = runAt(table, r, 80);
      expect(j).toBeGreaterThanOrEqual(0);
      expect(table.gridOnly[j]).toBe(0);
      expect(table.prob[j]).toBeCloseTo(0.45, 1);
    }
    for (const [r, x] of [[300, 150], [600, 150], [50, 220]]) {
      const j = runAt(table, r, x);
      // a grid-only run, or none at all (grid runs of low probability are dropped)
      if (j >= 0) expect(table.gridOnly[j]).toBe(1);
    }
    // off: the stretch is grid-only there, or not a run at all
    const off = extractRuns(seg, X0, X1, 0, H, { offLineGridProb: 0 });
    const j = runAt(off, 300, 80);
    if (j >= 0) expect(off.gridOnly[j]).toBe(1);
  });

  it('is not taken where the stretch is shorter than offLineMinRows', () => {
    const table = extractRuns(sheet().segmentation(), X0, X1, 0, H, { offLineMinRows: 300 });
    const j = runAt(table, 300, 80);
    if (j >= 0) expect(table.gridOnly[j]).toBe(1);
  });

  it('follows the stretch across the depth lines that cut it', () => {
    // horizontal lines every 50 rows cut the stretch into pieces shorter than offLineMinRows (80)
    const s = sheet();
    for (let y = 225; y < H; y += 50) s.hLine(y, X0, X1);
    const seg = s.segmentation();
    const table = extractRuns(seg, X0, X1, 0, H);
    for (const r of [210, 300, 410]) {
      const j = runAt(table, r, 80);
      expect(j).toBeGreaterThanOrEqual(0);
      expect(table.gridOnly[j]).toBe(0);
    }
    // not across a break of more than offLineGapRows: each piece alone is too short
    const noGap = extractRuns(seg, X0, X1, 0, H, { offLineGapRows: 0 });
    const j = runAt(noGap, 300, 80);
    if (j >= 0) expect(noGap.gridOnly[j]).toBe(1);
  });

  it('leaves a faint printed line the model sees only in places grid', () => {
    // a printed line at x 120 that the model classes grid on 20 rows in every 100, and on rows 430–560,
    // where a curve crosses it: under 40% of the rows, but in every part of the log
    const s = sheet();
    s.vLine(120);
    s.relabel(118, 0, 123, H, SegClass.Paper, 0);
    for (let y = 0; y < H; y += 100) s.relabel(118, y, 123, y + 20, SegClass.Grid, 0);
    s.relabel(118, 430, 123, 560, SegClass.Grid, 0);
    s.curve((y) => 120 + (y - 560), 520, 600);
    const table = extractRuns(s.segmentation(), X0, X1, 0, H);
    for (const r of [440, 480, 540]) {
      const j = runAt(table, r, 120);
      if (j >= 0) expect(table.gridOnly[j]).toBe(1);
    }
    // the curve's stretch at x 80 is still taken
    expect(table.gridOnly[runAt(table, 300, 80)]).toBe(0);
  });

  it('traces the curve through its straight stretch instead of leaving it absent there', () => {
    const s = sheet();
    const trace = (options: Partial<TraceOptions>) =>
      traceCurves({ seg: s.segmentation(), scan: s.raster(), tracks: [{ x0: X0, x1: X1, curves: [curveSpec('DT', { x: A(600.5), y: 600.5 })] }], options })[0].x;
    const on = traceCurves({ seg: s.segmentation(), scan: s.raster(), tracks: [{ x0: X0, x1: X1, curves: [curveSpec('DT', { x: A(600.5), y: 600.5 })] }] })[0];
    expect(absentRows(on.x, 200, 420)).toBe(0);
    for (let r = 200; r < 420; r += 10) expect(Math.abs(on.x[r] - 80)).toBeLessThan(1.5);
    // the model said grid there: the rows are flagged for review, the curve's own ink elsewhere is not
    for (let r = 210; r < 410; r += 10) expect(on.confidence[r]).toBeLessThan(REVIEW_CONFIDENCE);
    expect(on.confidence[600]).toBeGreaterThan(REVIEW_CONFIDENCE);
    // without it the 220 grid rows are more than a bridge can span: absent
    const off = trace({ runs: { offLineGridProb: 0 } as RunOptions });
    expect(absentRows(off, 200, 420)).toBeGreaterThan(100);
  });
});
