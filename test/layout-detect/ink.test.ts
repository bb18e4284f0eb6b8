import { describe, expect, it } from 'vitest';
import { boxMean, isDithered, isolatedInkShare } from '../../src/core/layout-detect/dither.ts';
import { withoutSpecks } from '../../src/core/layout-detect/specks.ts';
import { cellInk } from '../../src/core/layout-detect/tracks.ts';
import { inkFromRaster, lineEvidence, type InkImage } from '../../src/core/layout-detect/evidence.ts';

/** A w × h darkness image (0 paper … 255 black) from a function. */
function dark(w: number, h: number, f: (x: number, y: number) => number): Uint8Array {
  return Uint8Array.from({ length: w * h }, (_, i) => f(i % w, Math.floor(i / w)));
}
const BAYER4 = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];

describe('dithered scans', () => {
  it('tells an ordered-dithered gray from crisp 1-bit lines', () => {
    // a 50% gray patch dithered with a 4 × 4 Bayer matrix: isolated dots
    const dithered = dark(64, 64, (x, y) => (x > 8 && x < 56 && BAYER4[(y & 3) * 4 + (x & 3)] < 8 ? 255 : 0));
    const lines = dark(64, 64, (x, y) => (x % 10 === 0 || y % 10 === 0 ? 255 : 0));
    expect(isolatedInkShare(dithered, 64, 64)).toBeGreaterThan(0.3);
    expect(isDithered(dithered, 64, 64)).toBe(true);
    expect(isDithered(lines, 64, 64)).toBe(false);
  });

  it('is never called dithered when the scan has gray levels', () => {
    expect(isDithered(dark(32, 32, (x) => (x % 2 ? 128 : 0)), 32, 32)).toBe(false);
  });

  it('box means average over the box, clipped at the borders, in each direction on its own', () => {
    const src = dark(5, 5, (x, y) => (x === 2 && y === 2 ? 90 : 0));
    expect(boxMean(src, 5, 5, 1)[2 * 5 + 2]).toBe(10);
    expect(boxMean(src, 5, 5, 0, 1)[1 * 5 + 2]).toBe(30);
    expect(boxMean(src, 5, 5, 0, 1)[2 * 5 + 1]).toBe(0);
  });

  it('reads a dotted vertical line on a dithered scan as one long line', () => {
    const w = 200, h = 400;
    // a gray field dithered (so the scan counts as dithered) and a dotted line at x = 100: every other pixel
    const px = dark(w, h, (x, y) => (x === 100 ? (y % 2 ? 255 : 0) : x < 60 && BAYER4[(y & 3) * 4 + (x & 3)] < 6 ? 255 : 0));
    const scan = { width: w, height: h, channels: 1 as const, data: Uint8Array.from(px, (d) => 255 - d) };
    const e = lineEvidence(inkFromRaster(scan));
    let atLine = 0;
    for (let k = 0; k < e.vertical.count; k++) if (e.vertical.pos[k] === 100) atLine += e.vertical.weight[k];
    expect(atLine).toBeGreaterThan(0.9 * h);
  });
});

describe('dust specks', () => {
  it('removes ink components of up to 3 pixels and keeps larger ones', () => {
    const w = 20, h = 10;
    const ink = new Uint8Array(w * h);
    ink[1 * w + 1] = 1; // a single speck
    ink[5 * w + 5] = ink[5 * w + 6] = ink[6 * w + 5] = 1; // an L of 3
    for (let x = 10; x < 14; x++) ink[3 * w + x] = 1; // a 4-pixel stroke
    const out = withoutSpecks({ width: w, height: h, ink }).ink;
    expect(out[1 * w + 1] + out[5 * w + 5] + out[5 * w + 6] + out[6 * w + 5]).toBe(0);
    expect(out.reduce((a, v) => a + v, 0)).toBe(4);
    expect(ink[1 * w + 1]).toBe(1); // the input is left as it was
  });
});

describe('cellInk', () => {
  it('tells rows with numbers from rows where a line runs across the whole cell', () => {
    const w = 100, h = 200;
    const ink = new Uint8Array(w * h);
    for (let x = 0; x < w; x++) ink[50 * w + x] = 1; // a depth line across
    for (let y = 100; y < 110; y++) ink[y * w + 40] = 1; // a stroke of a number
    const img: InkImage = { width: w, height: h, ink };
    const [c] = cellInk(img, [0, 99], [{ top: 0, bottom: h }], 0, 1);
    // rows 49–51 see the line (ink within a row), rows 99–110 the stroke
    expect(c.fill).toBeCloseTo((3 + 12) / h);
    expect(c.textFill).toBeCloseTo(12 / h);
  });
});
