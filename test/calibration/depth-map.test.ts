import { describe, expect, it } from 'vitest';
import { LayoutInvalidError, depthMap, type DepthRef } from '../../src/core/calibration';

/**
 * Depth-label centres read off the real scan ../shared/data/raster/273101.png (main pass, feet → row),
 * as listed in that folder's SOURCES.md. The print is 1:240, about 10.151 px/ft.
 */
const SCAN_273101_REFS: DepthRef[] = [
  [250, 2574.5], [300, 3082.5], [350, 3589.5], [400, 4098], [450, 4604.5], [500, 5113],
  [550, 5619.5], [600, 6127.5], [650, 6634.5], [700, 7142.5], [750, 7650], [800, 8157.5],
  [850, 8665], [900, 9172.5], [950, 9679.5], [1000, 10187.5], [1050, 10694.5], [1100, 11203],
].map(([depth, y]) => ({ y, depth }));

describe('depthMap: linear (least squares)', () => {
  it('passes through two refs exactly, residuals 0', () => {
    const map = depthMap({ unit: 'FT', refs: [{ y: 212, depth: 5000 }, { y: 11840, depth: 5600 }] });
    expect(map.kind).toBe('linear');
    expect(map.depthAt(212)).toBeCloseTo(5000, 10);
    expect(map.depthAt(11840)).toBeCloseTo(5600, 10);
    expect(map.depthAt((212 + 11840) / 2)).toBeCloseTo(5300, 10);
    expect(map.yAt(5600)).toBeCloseTo(11840, 9);
    expect(map.residuals).toEqual([0, 0]);
  });

  it('fits the real 273101 scale: 10.150 px/ft, every label within 0.1 ft', () => {
    const map = depthMap({ unit: 'FT', refs: SCAN_273101_REFS, fit: 'linear' });
    const pxPerFt = map.yAt(1100) - map.yAt(1099);
    // numpy.polyfit(y, depth, 1) on the same refs: 1/slope = 10.150186 px/ft, max |residual| 0.0652 ft
    // (SOURCES.md's 10.1512 is the end-to-end slope of the first and last label, not least squares)
    expect(pxPerFt).toBeCloseTo(10.150186, 5);
    expect(Math.max(...map.residuals.map(Math.abs))).toBeCloseTo(0.0652, 3);
    expect(Math.max(...map.residuals.map(Math.abs))).toBeLessThan(0.1);
  });

  it('shows a mistyped reference as the largest residual', () => {
    const refs = SCAN_273101_REFS.map((r) => ({ ...r }));
    refs[7].depth = 660; // printed 600, typed 660
    const map = depthMap({ unit: 'FT', refs, fit: 'linear' });
    const worst = map.residuals.map(Math.abs).indexOf(Math.max(...map.residuals.map(Math.abs)));
    expect(worst).toBe(7);
    expect(map.residuals[7]).toBeGreaterThan(40);
  });

  it('is the least-squares line: residuals sum to 0 and are uncorrelated with y', () => {
    const refs = [{ y: 0, depth: 0 }, { y: 10, depth: 11 }, { y: 20, depth: 19 }, { y: 30, depth: 31 }];
    const map = depthMap({ unit: 'M', refs, fit: 'linear' });
    const sum = map.residuals.reduce((s, r) => s + r, 0);
    const dot = map.residuals.reduce((s, r, i) => s + r * refs[i].y, 0);
    expect(Math.abs(sum)).toBeLessThan(1e-12);
    expect(Math.abs(dot)).toBeLessThan(1e-10);
    // Normal equations by hand: slope = Σ(y−15)(d−15.25)/Σ(y−15)² = 505/500 = 1.01, through (15, 15.25)
    expect(map.depthAt(15)).toBeCloseTo(15.25, 12);
    expect(map.depthAt(25) - map.depthAt(15)).toBeCloseTo(10.1, 12);
  });
});

describe('depthMap: piecewise', () => {
  const refs = [{ y: 100, depth: 1000 }, { y: 1100, depth: 1100 }, { y: 1600, depth: 1200 }];

  it('is chosen by auto for 3 refs and passes through each', () => {
    const map = depthMap({ unit: 'M', refs });
    expect(map.kind).toBe('piecewise');
    for (const r of refs) expect(map.depthAt(r.y)).toBeCloseTo(r.depth, 10);
  });

  it('interpolates within segments and extrapolates with the end segments', () => {
    const map = depthMap({ unit: 'M', refs });
    expect(map.depthAt(600)).toBeCloseTo(1050, 10); // 0.1 m/px
    expect(map.depthAt(1350)).toBeCloseTo(1150, 10); // 0.2 m/px
    expect(map.depthAt(0)).toBeCloseTo(990, 10); // first segment extended up
    expect(map.depthAt(2100)).toBeCloseTo(1300, 10); // last segment extended down
    expect(map.yAt(1300)).toBeCloseTo(2100, 9);
    expect(map.yAt(990)).toBeCloseTo(0, 9);
  });

  it('sorts refs given in any order', () => {
    const map = depthMap({ unit: 'M', refs: [refs[2], refs[0], refs[1]] });
    expect(map.depthAt(600)).toBeCloseTo(1050, 10);
  });

  it('handles depth decreasing down the scan', () => {
    const map = depthMap({ unit: 'FT', refs: [{ y: 0, depth: 900 }, { y: 100, depth: 800 }, { y: 300, depth: 700 }] });
    expect(map.depthAt(200)).toBeCloseTo(750, 10);
    expect(map.yAt(750)).toBeCloseTo(200, 10);
    expect(map.yAt(650)).toBeCloseTo(400, 10);
  });

  it('residuals are leave-one-out: a ref off its neighbours’ line shows by how much', () => {
    const map = depthMap({ unit: 'M', refs: [{ y: 0, depth: 0 }, { y: 10, depth: 10 }, { y: 20, depth: 23 }, { y: 30, depth: 30 }] });
    // without ref 2, its neighbours (10 at y 10, 30 at y 30) predict 20 at y 20
    expect(map.residuals[2]).toBeCloseTo(3, 12);
    expect(map.residuals[0]).toBeCloseTo(0 - (10 - 13), 12); // refs 1,2 extended up to y 0 predict -3
  });
});

describe('depthMap: invalid specs', () => {
  it('throws LayoutInvalidError naming the problem', () => {
    expect(() => depthMap({ unit: 'FT', refs: [{ y: 5, depth: 10 }] })).toThrow(LayoutInvalidError);
    expect(() => depthMap({ unit: 'FT', refs: [{ y: 5, depth: 10 }] })).toThrow(/depth\.refs: needs at least two/);
    expect(() => depthMap({ unit: 'FT', refs: [{ y: 0, depth: 5 }, { y: 1, depth: 6 }, { y: 2, depth: 5 }], fit: 'linear' })).toThrow(
      /do not change with y/,
    );
  });
});
