import { describe, expect, it } from 'vitest';
import { LayoutInvalidError, valueMap, type CurveSpec, type TrackSpec } from '../../src/core/calibration';

const track: TrackSpec = { x0: 100, x1: 600, curves: [] };

function curve(over: Partial<CurveSpec>): CurveSpec {
  return { mnemonic: 'X', unit: '', scale: 'linear', left: 0, right: 150, seed: { x: 300, y: 0 }, wrap: false, ...over };
}

describe('valueMap: linear', () => {
  const gr = valueMap(curve({ mnemonic: 'GR', left: 0, right: 150 }), track);

  it('maps the track edges to the scale edges and the middle to the middle', () => {
    expect(gr.valueAt(100)).toBe(0);
    expect(gr.valueAt(600)).toBe(150);
    expect(gr.valueAt(350)).toBe(75);
    expect(gr.xAt(75)).toEqual({ x: 350, cycle: 0 });
  });

  it('without wrap, a value off scale maps outside the track on cycle 0', () => {
    expect(gr.xAt(180)).toEqual({ x: 700, cycle: 0 });
  });

  it('a reversed scale (DT 140→40) reads high on the left', () => {
    const dt = valueMap(curve({ mnemonic: 'DT', left: 140, right: 40 }), track);
    expect(dt.valueAt(100)).toBe(140);
    expect(dt.valueAt(600)).toBe(40);
    expect(dt.valueAt(200)).toBeCloseTo(120, 12);
    expect(dt.xAt(120).x).toBeCloseTo(200, 12);
  });
});

describe('valueMap: wrap (backup) cycles', () => {
  const gr = valueMap(curve({ mnemonic: 'GR', left: 0, right: 150, wrap: true }), track);

  it('GR 0–150 with backup 150–300: cycle 1 adds 150', () => {
    expect(gr.valueAt(350, 1)).toBe(225);
    expect(gr.xAt(225)).toEqual({ x: 350, cycle: 1 });
    expect(gr.valueAt(350, -1)).toBe(-75);
    expect(gr.xAt(-75)).toEqual({ x: 350, cycle: -1 });
  });

  it('a value on an edge stays on the cycle nearer 0', () => {
    expect(gr.xAt(150)).toEqual({ x: 600, cycle: 0 });
    expect(gr.xAt(0)).toEqual({ x: 100, cycle: 0 });
    expect(gr.xAt(300)).toEqual({ x: 600, cycle: 1 });
    expect(gr.xAt(-150)).toEqual({ x: 100, cycle: -1 });
  });

  it('a reversed scale wraps by its own span (DT 140→40, cycle 1 reads 40→−60)', () => {
    const dt = valueMap(curve({ left: 140, right: 40, wrap: true }), track);
    expect(dt.valueAt(100, 1)).toBe(40);
    expect(dt.valueAt(600, 1)).toBe(-60);
    expect(dt.xAt(-10)).toEqual({ x: 350, cycle: 1 });
  });
});

describe('valueMap: logarithmic', () => {
  const ild = valueMap(curve({ scale: 'log', left: 0.2, right: 2000 }), track); // 4 decades over 500 px

  it('places each decade evenly', () => {
    expect(ild.valueAt(100)).toBeCloseTo(0.2, 12);
    expect(ild.valueAt(225)).toBeCloseTo(2, 12);
    expect(ild.valueAt(350)).toBeCloseTo(20, 10);
    expect(ild.valueAt(600)).toBeCloseTo(2000, 9);
    expect(ild.xAt(20).x).toBeCloseTo(350, 10);
  });

  it('a wrap cycle shifts by the decade span (×10⁴ here)', () => {
    const wrapped = valueMap(curve({ scale: 'log', left: 0.2, right: 2000, wrap: true }), track);
    expect(wrapped.valueAt(350, 1)).toBeCloseTo(200000, 6);
    const back = wrapped.xAt(200000);
    expect(back.cycle).toBe(1);
    expect(back.x).toBeCloseTo(350, 9);
  });

  it('a reversed log scale (2000→0.2) reads high on the left', () => {
    const rev = valueMap(curve({ scale: 'log', left: 2000, right: 0.2 }), track);
    expect(rev.valueAt(225)).toBeCloseTo(200, 10);
  });

  it('a value ≤ 0 or NaN has no column', () => {
    expect(Number.isNaN(ild.xAt(0).x)).toBe(true);
    expect(Number.isNaN(ild.xAt(-3).x)).toBe(true);
    expect(Number.isNaN(ild.xAt(Number.NaN).x)).toBe(true);
    expect(Number.isNaN(ild.valueAt(Number.NaN))).toBe(true);
  });
});

describe('valueMap: invalid scales', () => {
  it('throws LayoutInvalidError for a log bound ≤ 0, equal edges or an empty track', () => {
    expect(() => valueMap(curve({ scale: 'log', left: 0, right: 100 }), track)).toThrow(LayoutInvalidError);
    expect(() => valueMap(curve({ left: 5, right: 5 }), track)).toThrow(/two different finite edge values/);
    expect(() => valueMap(curve({}), { x0: 10, x1: 10, curves: [] })).toThrow(/x1 must exceed x0/);
  });
});
