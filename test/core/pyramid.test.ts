import { describe, expect, it } from 'vitest';
import { buildPyramid, downsample2, pyramidDepth } from '../../src/core/pyramid';
import type { Raster } from '../../src/core/raster';

const gray = (width: number, height: number, f: (x: number, y: number) => number): Raster => {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = f(x, y);
  return { width, height, channels: 1, data };
};

describe('pyramid', () => {
  it('averages 2 × 2 blocks, rounding', () => {
    const r = gray(4, 2, (x, y) => [[0, 255, 10, 20], [255, 0, 30, 41]][y][x]);
    expect([...downsample2(r).data]).toEqual([128, 25]); // (510+2)>>2 = 128; (101+2)>>2 = 25
  });

  it('keeps an odd last column and row (averaged with itself)', () => {
    const r = gray(3, 3, (x, y) => (x === 2 || y === 2 ? 200 : 0));
    const d = downsample2(r);
    expect([d.width, d.height]).toEqual([2, 2]);
    expect([...d.data]).toEqual([0, 200, 200, 200]);
  });

  it('keeps channels interleaved', () => {
    const r: Raster = { width: 2, height: 1, channels: 3, data: new Uint8Array([10, 20, 30, 30, 40, 50]) };
    expect([...downsample2(r).data]).toEqual([20, 30, 40]);
  });

  it('stops at the first level that fits, and pyramidDepth agrees', () => {
    const levels = buildPyramid(gray(300, 5000, () => 255), 512);
    expect(levels.map((l) => l.height)).toEqual([5000, 2500, 1250, 625, 313]);
    expect(levels[0].data).toBeInstanceOf(Uint8Array);
    expect(pyramidDepth(300, 5000, 512)).toBe(levels.length);
    expect(buildPyramid(gray(100, 100, () => 0), 512)).toHaveLength(1);
  });
});
