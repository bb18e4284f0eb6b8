/**
 * value(x) and its inverse for one curve in its track.
 * x is a continuous column of the upright image in px; value is in the curve's unit.
 *
 * The track maps x0 → `left` and x1 → `right` (left > right is a reversed scale, e.g. DT 140→40).
 * Position across the track t = (x − x0)/(x1 − x0); with a wrap cycle k the curve is drawn on a
 * backup scale shifted by k whole spans:
 *   linear: value = left + (t + k)·(right − left)          (GR 0–150, cycle 1 reads 150–300)
 *   log:    log10 value = log10 left + (t + k)·(log10 right − log10 left)   (a cycle shifts by the decade span)
 */
import { LayoutInvalidError } from './errors';
import type { CurveSpec, TrackSpec } from './layout';

export interface ValueMap {
  /** value (curve unit) at column x (px, upright frame) drawn on wrap cycle `cycle` (0 = main scale) */
  valueAt(x: number, cycle?: number): number;
  /**
   * The column (px) and cycle where `value` is drawn. With wrap, x stays inside [x0, x1] and
   * cycle says which backup scale; a value on an edge takes the cycle nearer 0. Without wrap,
   * cycle is 0 and x may fall outside the track. NaN (and, on a log scale, a value ≤ 0) gives x NaN.
   */
  xAt(value: number): { x: number; cycle: number };
}

/** Build the value map of `curve` in `track`; throws LayoutInvalidError for a degenerate scale. */
export function valueMap(curve: CurveSpec, track: TrackSpec): ValueMap {
  checkScale(curve, track);
  const { x0, x1 } = track;
  const width = x1 - x0;
  const log = curve.scale === 'log';
  // a = scale coordinate of the left edge, span = scale coordinate change across the track
  const a = log ? Math.log10(curve.left) : curve.left;
  const span = (log ? Math.log10(curve.right) : curve.right) - a;
  return {
    valueAt(x, cycle = 0) {
      const u = a + ((x - x0) / width + cycle) * span;
      return log ? 10 ** u : u;
    },
    xAt(value) {
      if (Number.isNaN(value) || (log && value <= 0)) return { x: Number.NaN, cycle: 0 };
      const t = ((log ? Math.log10(value) : value) - a) / span;
      const cycle = curve.wrap ? cycleOf(t) : 0;
      return { x: x0 + (t - cycle) * width, cycle };
    },
  };
}

/** Cycle k such that t − k lies in [0, 1], preferring the k nearer 0 on an edge. */
function cycleOf(t: number): number {
  if (!Number.isFinite(t)) return 0;
  if (t > 1) return Math.ceil(t) - 1;
  if (t < 0) return Math.floor(t);
  return 0;
}

function checkScale(curve: CurveSpec, track: TrackSpec): void {
  const problems: string[] = [];
  if (!(track.x1 > track.x0)) problems.push(`track edges x0 ${track.x0}, x1 ${track.x1}: x1 must exceed x0`);
  if (!Number.isFinite(curve.left) || !Number.isFinite(curve.right) || curve.left === curve.right) {
    problems.push(`${curve.mnemonic} scale ${curve.left}–${curve.right}: needs two different finite edge values`);
  }
  if (curve.scale === 'log' && !(curve.left > 0 && curve.right > 0)) {
    problems.push(`${curve.mnemonic} log scale ${curve.left}–${curve.right}: bounds must be > 0`);
  }
  if (problems.length > 0) throw new LayoutInvalidError(problems.map((message) => ({ path: '', message })));
}
