import { describe, expect, it } from 'vitest';
import { traceLayout } from '../../src/core/digitise/index.ts';
import { DEFAULT_RUN_OPTIONS, extractRuns } from '../../src/core/trace/runs.ts';
import { darkness } from '../../src/core/trace/classical.ts';
import type { Layout } from '../../src/core/calibration/index.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet, absentRows, curveSpec } from './fixtures.ts';

/**
 * A curve drawn along a vertical grid line, which the model calls grid with no curve probability
 * (RunOptions.darkGridMinGap): where the grid's ink is lighter than the curves', the darker stretch of
 * the line is a candidate the tracer can follow; where the grid is as black as the curves, it is not.
 */
describe('a curve along a grid line the model called grid', () => {
  const W = 400, H = 700;
  const GRID = [104, 168, 232, 296];
  const FLAT = 168.5;
  // wanders in from the left, runs flat on the line at x 168 from row 250 to 450, wanders off right
  const truth = (y: number): number => (y < 250 ? FLAT - 48 * Math.sin((250 - y) / 70) ** 2 : y < 450 ? FLAT : FLAT + 50 * Math.sin((y - 450) / 60) ** 2);
  function scene(gridInk: number): { sheet: Sheet; layout: Layout } {
    const sheet = new Sheet(W, H);
    sheet.vLine(40, 0, H, 2);
    sheet.vLine(360, 0, H, 2);
    for (const x of GRID) sheet.vLine(x + 0.5, 0, H, 1, gridInk); // on pixel centres: classed grid
    sheet.curve(truth, 0, H - 1, { width: 2.5 });
    sheet.relabel(164, 250, 173, 450, SegClass.Grid, 0);
    const layout: Layout = {
      version: 1, rotate: 0, deskew: 0, step: 1, well: {},
      depth: { unit: 'FT', refs: [{ y: 0, depth: 1000 }, { y: H, depth: 1000 + H }] },
      tracks: [{ x0: 40, x1: 360, curves: [curveSpec('GR', { x: truth(100.5), y: 100 })] }],
    };
    return { sheet, layout };
  }
  /** Highest probability of a grid-only run on the flat stretch, and on a bare line. */
  function gridProbs(gridInk: number, darkGridMinGap?: number): { flat: number; bare: number } {
    const { sheet } = scene(gridInk);
    const t = extractRuns(sheet.segmentation(), 40, 360, 0, H, darkGridMinGap === undefined ? {} : { darkGridMinGap }, darkness(sheet.raster()));
    let flat = 0, bare = 0;
    for (let j = 0; j < t.count; j++) {
      if (!t.gridOnly[j]) continue;
      const y = t.y0 + t.row[j];
      if (t.left[j] <= 168 && t.right[j] >= 168 && y > 260 && y < 440) flat = Math.max(flat, t.prob[j]);
      if (t.left[j] <= 232 && t.right[j] >= 232) bare = Math.max(bare, t.prob[j]);
    }
    return { flat, bare };
  }

  it('gives the darker stretch of a grey line the probability of curve ink, and the bare line none', () => {
    const grey = gridProbs(0.6);
    expect(grey.flat).toBeGreaterThan(0.8);
    expect(grey.bare).toBe(0);
    // off, or on a black grid: the flat stretch is no candidate at all
    expect(gridProbs(0.6, 0).flat).toBe(0);
    expect(gridProbs(1).flat).toBe(0);
  });

  it('follows the curve along the line without the darkness fill; on a black grid it is absent there', () => {
    const trace = (gridInk: number, darkGridMinGap = 60) => {
      const { sheet, layout } = scene(gridInk);
      return traceLayout(sheet.raster(), sheet.segmentation(), layout, { kind: 'model', trace: { fillFromDarkness: false, runs: { ...DEFAULT_RUN_OPTIONS, darkGridMinGap } } })[0];
    };
    const c = trace(0.6);
    for (let y = 260; y < 440; y++) expect(Math.abs(c.x[y - c.y0] - FLAT), `row ${y}`).toBeLessThan(1.5);
    const off = trace(0.6, 0);
    expect(absentRows(off.x, 280 - off.y0, 420 - off.y0)).toBeGreaterThan(100);
    const black = trace(1);
    expect(absentRows(black.x, 280 - black.y0, 420 - black.y0)).toBeGreaterThan(100);
  });
});
