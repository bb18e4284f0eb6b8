/**
 * Deskew estimate from long grid lines: project the line evidence at candidate angles and keep the
 * angle whose projections are sharpest (sum of squares of the profile: straight lines pile up in one
 * bin). Coarse 0.1° steps over ±maxDegrees, then 0.01° steps, then a parabola through the best three.
 *
 * Angle convention = layout.deskew: positive = the content is rotated clockwise (y down, as on screen),
 * so a vertical line's top leans right: x(y) = xc − (y − cy)·tanθ. Undone by turning counter-clockwise.
 */
import type { Raster } from '../raster.ts';
import type { Segmentation } from '../types.ts';
import { inkFromGrid, inkFromRaster, lineEvidence, type Cells, type LineEvidence } from './evidence.ts';

export interface SkewOptions {
  maxDegrees: number;
}

export const DEFAULT_SKEW_OPTIONS: SkewOptions = { maxDegrees: 3 };

/** Straightened position of a cell: pos + sign·(strip centre − image centre)·tanθ. */
export function projectCells(
  cells: Cells, strip: number, centre: number, sign: number, tan: number, out: Float64Array, pad: number,
): void {
  out.fill(0);
  for (let k = 0; k < cells.count; k++) {
    const p = cells.pos[k] + 0.5 + sign * ((cells.strip[k] + 0.5) * strip - centre) * tan + pad;
    const i = Math.floor(p - 0.5);
    const f = p - 0.5 - i;
    if (i < 0 || i + 1 >= out.length) continue;
    out[i] += cells.weight[k] * (1 - f);
    out[i + 1] += cells.weight[k] * f;
  }
}

function sumSquares(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return s;
}

/** Sharpness of both projections at one angle (unnormalised: more line evidence counts more). */
function scorer(e: LineEvidence, maxDeg: number): (deg: number) => number {
  const tanMax = Math.tan((maxDeg * Math.PI) / 180);
  const padV = Math.ceil(e.height * tanMax) + 2, padH = Math.ceil(e.width * tanMax) + 2;
  const bufV = new Float64Array(e.width + 2 * padV);
  const bufH = new Float64Array(e.height + 2 * padH);
  return (deg) => {
    const tan = Math.tan((deg * Math.PI) / 180);
    projectCells(e.vertical, e.strip, e.height / 2, +1, tan, bufV, padV);
    projectCells(e.horizontal, e.strip, e.width / 2, -1, tan, bufH, padH);
    return sumSquares(bufV) + sumSquares(bufH);
  };
}

function bestOf(score: (d: number) => number, from: number, to: number, step: number): { deg: number; s: number } {
  let best = { deg: 0, s: -Infinity };
  const n = Math.round((to - from) / step);
  for (let i = 0; i <= n; i++) {
    const deg = from + i * step;
    const s = score(deg);
    if (s > best.s) best = { deg, s };
  }
  return best;
}

/** Skew in degrees (layout.deskew convention) from line evidence; 0 when there are no lines. */
export function skewFromEvidence(e: LineEvidence, options: Partial<SkewOptions> = {}): number {
  const o = { ...DEFAULT_SKEW_OPTIONS, ...options };
  if (e.vertical.count + e.horizontal.count === 0) return 0;
  const score = scorer(e, o.maxDegrees + 0.2);
  const coarse = bestOf(score, -o.maxDegrees, o.maxDegrees, 0.1);
  const fine = bestOf(score, coarse.deg - 0.12, coarse.deg + 0.12, 0.01);
  const a = score(fine.deg - 0.01), c = score(fine.deg + 0.01);
  const denom = a - 2 * fine.s + c;
  // vertex of the parabola through the three samples; flat or inverted → keep the sample
  const offset = denom < 0 ? (0.5 * (a - c)) / denom : 0;
  return round4(fine.deg + 0.01 * Math.max(-1, Math.min(1, offset)));
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4 + 0; // + 0 turns −0 into 0
}

/** Skew of a scan from its long dark lines. */
export function estimateSkew(scan: Raster, options: Partial<SkewOptions> = {}): number {
  return skewFromEvidence(lineEvidence(inkFromRaster(scan)), options);
}

/** Skew from the segmentation's grid class (curves and text excluded by the model). */
export function estimateSkewFromSegmentation(seg: Segmentation, options: Partial<SkewOptions> = {}): number {
  return skewFromEvidence(lineEvidence(inkFromGrid(seg)), options);
}
