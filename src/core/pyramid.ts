/**
 * A resolution pyramid for display: level 0 is the raster itself, each next level half the size
 * (2 × 2 box average, rounded), down to one that fits in `minSide` px. A viewer draws from the level
 * nearest its zoom, so a 50,000 px log never has to be scaled down from full resolution on screen.
 */
import type { Raster } from './raster';

/** Half the size in each direction (rounded up); an odd last row or column averages with itself. */
export function downsample2(r: Raster): Raster {
  const { width: w, height: h, channels: c, data } = r;
  const ow = Math.ceil(w / 2);
  const oh = Math.ceil(h / 2);
  const out = new Uint8Array(ow * oh * c);
  const rowLen = w * c;
  for (let y = 0; y < oh; y++) {
    const r0 = 2 * y * rowLen;
    const r1 = Math.min(2 * y + 1, h - 1) * rowLen;
    let o = y * ow * c;
    for (let x = 0; x < ow; x++) {
      const a = 2 * x * c;
      const b = Math.min(2 * x + 1, w - 1) * c;
      for (let k = 0; k < c; k++, o++) {
        out[o] = (data[r0 + a + k] + data[r0 + b + k] + data[r1 + a + k] + data[r1 + b + k] + 2) >> 2;
      }
    }
  }
  return { width: ow, height: oh, channels: c, data: out };
}

/** [r, r/2, r/4, …] until the longest side is at most `minSide` px (the last level included). */
export function buildPyramid(r: Raster, minSide = 512, onLevel?: (level: number) => void): Raster[] {
  const levels = [r];
  while (Math.max(levels[levels.length - 1].width, levels[levels.length - 1].height) > minSide) {
    levels.push(downsample2(levels[levels.length - 1]));
    onLevel?.(levels.length - 1);
  }
  return levels;
}

/** Number of levels buildPyramid makes for a w × h raster: what progress reports count up to. */
export function pyramidDepth(w: number, h: number, minSide = 512): number {
  let n = 1;
  for (let s = Math.max(w, h); s > minSide; s = Math.ceil(s / 2)) n++;
  return n;
}
