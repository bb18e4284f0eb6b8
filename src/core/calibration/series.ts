/**
 * Pixel space → data space for one traced curve (ARCHITECTURE.md: TracedCurve → CurveSeries).
 *
 * Row convention: traced.x[i] is the curve's column on scan row r = traced.y0 + i, and that row's
 * depth is taken at its centre, y = r + 0.5 (row r spans [r, r+1) in the continuous pixel frame the
 * layout's refs, seeds and track edges are given in).
 */
import type { CurveSeries, TracedCurve } from '../types';
import type { DepthMap } from './depth-map';
import type { CurveSpec, TrackSpec } from './layout';
import { valueMap } from './value-map';

/** One depth and one value per traced row; NaN x (curve absent) gives a NaN value. */
export function tracedToSeries(traced: TracedCurve, curve: CurveSpec, track: TrackSpec, depths: DepthMap): CurveSeries {
  const n = traced.x.length;
  if (traced.cycle && traced.cycle.length !== n) {
    throw new Error(`${curve.mnemonic}: ${traced.cycle.length} wrap cycles for ${n} traced rows`);
  }
  const values = valueMap(curve, track);
  const depth = new Float64Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    depth[i] = depths.depthAt(traced.y0 + i + 0.5);
    const x = traced.x[i];
    value[i] = Number.isNaN(x) ? Number.NaN : values.valueAt(x, traced.cycle ? traced.cycle[i] : 0);
  }
  const series: CurveSeries = { mnemonic: curve.mnemonic, unit: curve.unit, depth, value, scale: curve.scale };
  if (curve.description !== undefined) series.description = curve.description;
  return series;
}
