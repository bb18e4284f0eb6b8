/**
 * depth(y) and its inverse, from the user's depth references.
 * y is a continuous row coordinate of the upright image in px (row r spans [r, r+1), its centre is
 * r + 0.5); depth is in the layout's depth unit (M or FT).
 *
 * - linear: the least-squares line through all refs (≥ 2). A printed scale is linear, so the
 *   residuals show a mistyped reference.
 * - piecewise: straight segments between refs sorted by y (≥ 2; 'auto' picks it for ≥ 3), extended
 *   beyond the end refs by the end segments. Paper stretches unevenly; this follows it exactly.
 */
import { LayoutInvalidError } from './errors';
import type { DepthRef, DepthSpec } from './layout';
import { depthSpecErrors, resolveFit } from './validate';

export interface DepthMap {
  kind: 'linear' | 'piecewise';
  /** depth (layout unit) at continuous row y (px, upright frame) */
  depthAt(y: number): number;
  /** continuous row y (px, upright frame) at a depth (layout unit); the exact inverse of depthAt */
  yAt(depth: number): number;
  /**
   * Per ref, in the order given, in depth units: ref depth minus what the map predicts at its y.
   * linear: the least-squares residual. piecewise: the map passes through every ref, so instead
   * the leave-one-out residual — the ref's depth minus the depth its neighbours predict without it
   * (0 when only two refs). Either way a large value points at a typo.
   */
  residuals: number[];
}

/** Build the depth map of a spec; throws LayoutInvalidError (with paths under `depth`) when invalid. */
export function depthMap(spec: DepthSpec): DepthMap {
  const errors = depthSpecErrors(spec, 'depth');
  if (errors.length > 0) throw new LayoutInvalidError(errors);
  if (resolveFit(spec) === 'linear') {
    const line = fitLine(spec.refs);
    const residuals = spec.refs.map((r) => r.depth - line.depthAt(r.y));
    return { kind: 'linear', ...line, residuals };
  }
  const sorted = [...spec.refs].sort((a, b) => a.y - b.y);
  return { kind: 'piecewise', ...piecewise(sorted), residuals: leaveOneOut(spec.refs) };
}

/**
 * Least squares depth = d̄ + slope·(y − ȳ) through the references; centred sums keep it exact for rows
 * near 50,000. slope is NaN when every reference is on one row.
 */
export function leastSquaresLine(refs: readonly DepthRef[]): { ym: number; dm: number; slope: number } {
  const n = refs.length;
  const ym = refs.reduce((s, r) => s + r.y, 0) / n;
  const dm = refs.reduce((s, r) => s + r.depth, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const r of refs) {
    sxy += (r.y - ym) * (r.depth - dm);
    sxx += (r.y - ym) * (r.y - ym);
  }
  return { ym, dm, slope: sxy / sxx };
}

function fitLine(refs: readonly DepthRef[]): Pick<DepthMap, 'depthAt' | 'yAt'> {
  const { ym, dm, slope } = leastSquaresLine(refs);
  if (!Number.isFinite(slope) || slope === 0) {
    // Only possible when the depths do not co-vary with y at all (e.g. 5000, 5100, 5000 at rows 0, 1, 2).
    throw new LayoutInvalidError([
      { path: 'depth.refs', message: 'the depth references do not change with y on the whole; no line fits them' },
    ]);
  }
  return {
    depthAt: (y) => dm + slope * (y - ym),
    yAt: (depth) => ym + (depth - dm) / slope,
  };
}

/** Segments through refs already sorted by y with strictly monotonic depth (checked by validation). */
function piecewise(sorted: readonly DepthRef[]): Pick<DepthMap, 'depthAt' | 'yAt'> {
  const ys = Float64Array.from(sorted, (r) => r.y);
  const ds = Float64Array.from(sorted, (r) => r.depth);
  const increasing = ds[ds.length - 1] > ds[0];
  // Search in increasing keys: depths negated when they decrease down the scan.
  const dkeys = increasing ? ds : ds.map((d) => -d);
  const along = (i: number, t: number, from: Float64Array, to: Float64Array) =>
    to[i] + ((t - from[i]) * (to[i + 1] - to[i])) / (from[i + 1] - from[i]);
  return {
    depthAt: (y) => along(segmentOf(ys, y), y, ys, ds),
    yAt: (depth) => along(segmentOf(dkeys, increasing ? depth : -depth), depth, ds, ys),
  };
}

/** Index i of the segment [keys[i], keys[i+1]] holding v; the end segments extend outwards. */
export function segmentOf(keys: Float64Array, v: number): number {
  let lo = 0;
  let hi = keys.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (keys[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function leaveOneOut(refs: readonly DepthRef[]): number[] {
  if (refs.length < 3) return refs.map(() => 0);
  return refs.map((ref, i) => {
    const others = refs.filter((_, j) => j !== i).sort((a, b) => a.y - b.y);
    return ref.depth - piecewise(others).depthAt(ref.y);
  });
}
