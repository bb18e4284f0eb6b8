import { describe, expect, it } from 'vitest';
import { redrawStroke, setValue } from '../../src/core/edit/index.ts';
import type { CurveSpec, TrackSpec } from '../../src/core/calibration/layout.ts';
import { valueMap } from '../../src/core/calibration/value-map.ts';
import { changed, curveOf } from './helpers.ts';

describe('redrawStroke', () => {
  it('writes the stroke x at every row centre it spans, interpolated along the segments', () => {
    const c = curveOf(() => 50, 0, 200);
    const { curve, rows } = redrawStroke(c, [{ x: 60, y: 100 }, { x: 80, y: 120 }, { x: 70, y: 140 }]);
    expect(rows).toEqual({ from: 100, to: 140 });
    expect(curve.x[100]).toBeCloseTo(60.5, 9); // row centre 100.5 on the first segment
    expect(curve.x[119]).toBeCloseTo(79.5, 9);
    expect(curve.x[130]).toBeCloseTo(74.75, 9);
    expect(changed(c.x, curve.x)).toEqual(Array.from({ length: 40 }, (_, k) => 100 + k));
    expect(curve.confidence[110]).toBe(1);
  });

  it('lets the later pass win where the stroke doubles back, and fills a stroke drawn upwards', () => {
    const c = curveOf(() => 50, 0, 200);
    const { curve } = redrawStroke(c, [{ x: 10, y: 80 }, { x: 10, y: 60 }, { x: 20, y: 70 }]);
    expect(curve.x[65]).toBeCloseTo(20 - (70 - 65.5), 9);
    expect(curve.x[75]).toBe(10);
  });

  it('grows the curve when the stroke reaches past its rows', () => {
    const c = curveOf(() => 50, 100, 50);
    const { curve } = redrawStroke(c, [{ x: 30, y: 90 }, { x: 30, y: 105 }]);
    expect(curve.y0).toBe(90);
    expect(curve.x.length).toBe(60);
    expect(curve.x[0]).toBe(30);
    expect(curve.x[14]).toBe(30);
    expect(curve.x[15]).toBe(50); // row 105 is not redrawn: its centre 105.5 is below the stroke's end

  });

  it('steps the wrap cycle when the drawn line jumps across the track', () => {
    const cycle = new Int8Array(100);
    const c = curveOf(() => 190, 0, 100, { cycle });
    // leaves the right edge (x1 = 200) at row 50 and comes back from the left edge
    const { curve } = redrawStroke(c, [{ x: 190, y: 40 }, { x: 199, y: 50 }, { x: 1, y: 50.6 }, { x: 10, y: 60 }], { x0: 0, x1: 200 });
    expect(curve.cycle![45]).toBe(0);
    expect(curve.cycle![55]).toBe(1);
  });
});

describe('setValue', () => {
  const track: TrackSpec = { x0: 100, x1: 300, curves: [] };
  const gr: CurveSpec = { mnemonic: 'GR', unit: 'GAPI', scale: 'linear', left: 0, right: 150, seed: { x: 0, y: 0 }, wrap: true };
  const res: CurveSpec = { mnemonic: 'ILD', unit: 'OHMM', scale: 'log', left: 0.2, right: 2000, seed: { x: 0, y: 0 }, wrap: false };

  it('places the typed value on the scale, so reading it back gives the value', () => {
    const c = curveOf(() => 150, 0, 100);
    const out = setValue(c, { from: 10, to: 20 }, 75, gr, track);
    expect(out.x[15]).toBeCloseTo(200, 9);
    expect(changed(c.x, out.x)).toEqual(Array.from({ length: 10 }, (_, k) => 10 + k));
    const log = setValue(c, { from: 0, to: 1 }, 20, res, track);
    expect(valueMap(res, track).valueAt(log.x[0])).toBeCloseTo(20, 9);
  });

  it('puts a value beyond a wrapped scale on its back-up cycle', () => {
    const c = curveOf(() => 150, 0, 100, { cycle: new Int8Array(100) });
    const out = setValue(c, { from: 0, to: 5 }, 225, gr, track);
    expect(out.cycle![2]).toBe(1);
    expect(valueMap(gr, track).valueAt(out.x[2], out.cycle![2])).toBeCloseTo(225, 9);
  });

  it('refuses values the scale cannot show, in words', () => {
    const c = curveOf(() => 150, 0, 100);
    expect(() => setValue(c, { from: 0, to: 5 }, 0, res, track)).toThrow(/log scale: the value must be greater than 0/);
    expect(() => setValue(c, { from: 0, to: 5 }, Number.NaN, gr, track)).toThrow(/must be a number/);
  });
});
