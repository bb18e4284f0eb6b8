/**
 * From a tile's logits to the scan's byte maps: each tile writes only its core (the pixels it owns),
 * so nothing is averaged or blended and the result is the whole-image argmax. Float logits live only
 * for the batch being stitched; the scan-sized outputs are bytes.
 */
import type { AxisTile } from './tiling';

/** Rows [y0, y0 + classes.length / width) of the scan's outputs, written in place. */
export interface RowTarget {
  width: number;
  y0: number;
  /** argmax class per pixel */
  classes: Uint8Array;
  /** curve probability per pixel, round(255 · p) */
  curveProb: Uint8Array;
}

export interface LogitsBatch {
  data: Float32Array;
  /** classes (C), tile rows (h), tile columns (w) */
  c: number;
  h: number;
  w: number;
}

/**
 * Curve logits this far below the top logit give round(255·p) = 0 whatever the others are:
 * p = Σcurve e^(lᵢ−max) / Σall e^(lⱼ−max) ≤ k·e^(−t) = 1/512 < 0.5/255 for t = ln(512·k).
 * Skipping exp() there makes most paper pixels cost a max and a compare, with identical bytes.
 */
function negligibleGap(curveCount: number): number {
  return Math.log(512 * curveCount);
}

/** Writes batch item `item`'s core into the target. */
export function writeCore(
  logits: LogitsBatch,
  item: number,
  x: AxisTile,
  y: AxisTile,
  curveClasses: readonly number[],
  target: RowTarget,
): void {
  const { data, c: C, h, w } = logits;
  const plane = h * w;
  const base = item * C * plane;
  const isCurve = new Uint8Array(C);
  for (const k of curveClasses) isCurve[k] = 1;
  const gap = negligibleGap(curveClasses.length);
  const coreW = x.core.end - x.core.start;
  for (let sy = y.core.start; sy < y.core.end; sy++) {
    let p = base + (sy - y.input.start) * w + (x.core.start - x.input.start);
    let o = (sy - target.y0) * target.width + x.core.start;
    for (let i = 0; i < coreW; i++, p++, o++) {
      let best = 0;
      let max = data[p];
      for (let k = 1; k < C; k++) {
        const v = data[p + k * plane];
        if (v > max) {
          max = v;
          best = k;
        }
      }
      target.classes[o] = best;
      target.curveProb[o] = curveByte(data, p, plane, C, isCurve, max, best, gap);
    }
  }
}

function curveByte(
  data: Float32Array,
  p: number,
  plane: number,
  C: number,
  isCurve: Uint8Array,
  max: number,
  best: number,
  gap: number,
): number {
  if (!isCurve[best]) {
    let close = false;
    for (let k = 0; k < C; k++) if (isCurve[k] && data[p + k * plane] > max - gap) close = true;
    if (!close) return 0;
  }
  let all = 0;
  let curve = 0;
  for (let k = 0; k < C; k++) {
    const e = Math.exp(data[p + k * plane] - max);
    all += e;
    if (isCurve[k]) curve += e;
  }
  return Math.round((255 * curve) / all);
}

/** Copies a cached core (classes and curve bytes, row-major over the core) into the target. */
export function writeCachedCore(
  core: { classes: Uint8Array; curveProb: Uint8Array },
  x: AxisTile,
  y: AxisTile,
  target: RowTarget,
): void {
  const coreW = x.core.end - x.core.start;
  for (let sy = y.core.start; sy < y.core.end; sy++) {
    const from = (sy - y.core.start) * coreW;
    const to = (sy - target.y0) * target.width + x.core.start;
    target.classes.set(core.classes.subarray(from, from + coreW), to);
    target.curveProb.set(core.curveProb.subarray(from, from + coreW), to);
  }
}

/** Reads a core back out of the target (to cache it). */
export function readCore(x: AxisTile, y: AxisTile, target: RowTarget): { classes: Uint8Array; curveProb: Uint8Array } {
  const coreW = x.core.end - x.core.start;
  const coreH = y.core.end - y.core.start;
  const classes = new Uint8Array(coreW * coreH);
  const curveProb = new Uint8Array(coreW * coreH);
  for (let r = 0; r < coreH; r++) {
    const from = (y.core.start + r - target.y0) * target.width + x.core.start;
    classes.set(target.classes.subarray(from, from + coreW), r * coreW);
    curveProb.set(target.curveProb.subarray(from, from + coreW), r * coreW);
  }
  return { classes, curveProb };
}
