import { describe, expect, it } from 'vitest';
import { depthMap } from '../../src/core/calibration/depth-map';
import type { CurveSpec, TrackSpec } from '../../src/core/calibration/layout';
import type { TracedCurve } from '../../src/core/types';
import { depthTicks, gridLines, plotCurve, scaleFraction, trackColumns } from '../../src/ui/plot/plot-model';

const track: TrackSpec = { x0: 100, x1: 300, curves: [] };
const spec = (extra: Partial<CurveSpec>): CurveSpec => ({ mnemonic: 'GR', unit: 'GAPI', scale: 'linear', left: 0, right: 150, seed: { x: 0, y: 0 }, wrap: false, ...extra });
const traced = (xs: number[], cycle?: number[]): TracedCurve => ({
  track: 0, curve: 0, y0: 10, x: Float64Array.from(xs), confidence: new Float32Array(xs.length), cycle: cycle && Int8Array.from(cycle),
});

describe('plot model', () => {
  it('splits the width into columns in proportion to the tracks', () => {
    const cols = trackColumns([{ x0: 0, x1: 100, curves: [] }, { x0: 150, x1: 450, curves: [] }], 300, 40, 4);
    expect(cols[0].x).toBe(44);
    expect(cols[1].width / cols[0].width).toBeCloseTo(3, 9);
    expect(cols[1].x + cols[1].width).toBeCloseTo(300, 9);
  });

  it('places a value on its scale: linear, reversed and log', () => {
    expect(scaleFraction(75, spec({}))).toBe(0.5);
    expect(scaleFraction(140, spec({ left: 140, right: 40 }))).toBeCloseTo(0, 12);
    expect(scaleFraction(60, spec({ left: 140, right: 40 }))).toBeCloseTo(0.8, 12);
    expect(scaleFraction(20, spec({ scale: 'log', left: 0.2, right: 2000 }))).toBeCloseTo(0.5, 12);
  });

  it('plots the calibrated value across the column, NaN where the curve is absent', () => {
    const p = plotCurve(traced([200, NaN, 300]), spec({}), track, { x: 10, width: 100 });
    expect(p.x[0]).toBeCloseTo(60, 9); // the middle of the track = 75 GAPI = middle of the column
    expect(Number.isNaN(p.x[1])).toBe(true);
    expect(p.x[2]).toBeCloseTo(110, 9);
    expect(p.y0).toBe(10);
  });

  it('folds a wrapped curve back into the column on its back-up scale, lifting the pen there', () => {
    // traced on cycle 1 at the track's quarter: 150 + 37.5 GAPI, drawn at the column's quarter
    const p = plotCurve(traced([290, 150], [0, 1]), spec({ wrap: true }), track, { x: 0, width: 100 });
    expect(p.x[0]).toBeCloseTo(95, 9);
    expect(p.x[1]).toBeCloseTo(25, 9);
    expect(Array.from(p.cycle!)).toEqual([0, 1]);
  });

  it('draws tenths on a linear track and 1-9 per decade on a log one', () => {
    expect(gridLines(spec({}), { x: 0, width: 100 })).toHaveLength(11);
    const log = gridLines(spec({ scale: 'log', left: 2, right: 200 }), { x: 0, width: 100 });
    expect(log.filter((l) => l.major).map((l) => Math.round(l.x))).toEqual([35, 85]); // 10 and 100 on a 2-200 scale
    expect(log[0].x).toBeCloseTo(0, 9); // 2
  });

  it('labels round depths at the rows the depth map puts them on', () => {
    const map = depthMap({ unit: 'FT', refs: [{ y: 0, depth: 1000 }, { y: 1000, depth: 1100 }] });
    const ticks = depthTicks(map, 0, 500, 5);
    expect(ticks.map((t) => t.depth)).toEqual([1000, 1010, 1020, 1030, 1040, 1050]);
    expect(ticks[2].row).toBeCloseTo(200, 9);
  });
});
