/**
 * Display levels of a segmentation's class map, for the mask overlay: level 0 is the class map
 * itself (one class per pixel, SegClass numbers in a 1-channel Raster), each next level half the
 * size. A level pixel takes the most telling class of its 2 × 2 block — curve ink over text over
 * grid over paper — so a 1 px curve stays visible when zoomed out.
 */
import type { Raster } from '../raster.ts';
import type { Segmentation } from '../types.ts';

/** rank of each class (index = SegClass: paper, grid, solid, broken, text) when blocks merge; higher wins */
const RANK = new Uint8Array([0, 1, 4, 3, 2]);

function top(a: number, b: number): number {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Half the size (rounded up); odd edges merge with themselves. */
export function halveClasses(r: Raster): Raster {
  const { width: w, height: h, data } = r;
  const ow = Math.ceil(w / 2);
  const oh = Math.ceil(h / 2);
  const out = new Uint8Array(ow * oh);
  for (let y = 0; y < oh; y++) {
    const r0 = 2 * y * w;
    const r1 = Math.min(2 * y + 1, h - 1) * w;
    for (let x = 0; x < ow; x++) {
      const a = 2 * x;
      const b = Math.min(2 * x + 1, w - 1);
      out[y * ow + x] = top(top(data[r0 + a], data[r0 + b]), top(data[r1 + a], data[r1 + b]));
    }
  }
  return { width: ow, height: oh, channels: 1, data: out };
}

/** [classes, classes/2, …] until the longest side is at most `minSide` px; the scan pyramid's sizes. */
export function classPyramid(seg: Segmentation, minSide = 512): Raster[] {
  for (let i = 0; i < seg.classes.length; i++) {
    if (seg.classes[i] >= RANK.length) throw new Error(`segmentation: class ${seg.classes[i]} at pixel ${i} is not a known class`);
  }
  const levels: Raster[] = [{ width: seg.width, height: seg.height, channels: 1, data: seg.classes }];
  while (Math.max(levels[levels.length - 1].width, levels[levels.length - 1].height) > minSide) {
    levels.push(halveClasses(levels[levels.length - 1]));
  }
  return levels;
}
