import { describe, expect, it } from 'vitest';
import { estimateSkew, estimateSkewFromSegmentation } from '../../src/core/layout-detect/skew.ts';
import { drawSheet, type SheetSpec } from './fixtures.ts';

const base: SheetSpec = {
  width: 700, height: 2400, top: 120, bottom: 2350, lineEvery: 20, majorEvery: 5, skewDeg: 0,
  tracks: [
    { x0: 40, x1: 290, grid: { kind: 'linear', divisions: 10 } },
    { x0: 370, x1: 660, grid: { kind: 'log', decades: 2 } },
  ],
};

describe('deskew estimate from long grid lines', () => {
  for (const deg of [0, 0.1, 0.37, -0.8, 1.5, -1.5]) {
    it(`finds ${deg}° within 0.05° on a drawn scan`, () => {
      const { sheet } = drawSheet({ ...base, skewDeg: deg });
      expect(Math.abs(estimateSkew(sheet.raster()) - deg)).toBeLessThan(0.05);
    });
  }

  it('works from the segmentation grid class too', () => {
    const { sheet } = drawSheet({ ...base, skewDeg: 0.62 });
    expect(Math.abs(estimateSkewFromSegmentation(sheet.segmentation()) - 0.62)).toBeLessThan(0.05);
  });

  it('returns 0 for a blank page', () => {
    const blank = { width: 50, height: 50, channels: 1 as const, data: new Uint8Array(2500).fill(255) };
    expect(estimateSkew(blank)).toBe(0);
  });
});
