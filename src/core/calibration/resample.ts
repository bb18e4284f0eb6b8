/**
 * The LAS depth grid and resampling of curves onto it. Depths are in the layout's depth unit.
 * Every curve of a scan is resampled onto one shared grid, so LAS and CSV rows line up.
 */
import type { CurveSeries } from '../types';

/** A grid longer than this is a mistyped step, not a log; refuse it rather than exhaust memory. */
export const MAX_GRID_ROWS = 5_000_000;

/**
 * The depths k·step (k whole) from `top` towards `bottom`, both ends included when they are
 * multiples of step. Decreasing depth (top > bottom) gives a decreasing grid; the sign of `step`
 * is ignored. Each depth is k·step rounded to step's decimals, so STRT and STOP print exactly
 * (5000.1, never 5000.100000000004) and grids of different scans with one step share their depths.
 */
export function depthGrid(top: number, bottom: number, step: number): Float64Array {
  if (![top, bottom, step].every(Number.isFinite)) {
    throw new Error(`depth grid: top ${top}, bottom ${bottom} and step ${step} must be finite numbers`);
  }
  const size = Math.abs(step);
  if (size === 0) throw new Error('depth grid: step must not be 0');
  const dir = bottom >= top ? 1 : -1;
  // A tolerance of 1e-9 steps keeps 5000.1 / 0.1 = 50000.99999… on the grid.
  const eps = 1e-9;
  const k0 = dir > 0 ? Math.ceil(top / size - eps) : Math.floor(top / size + eps);
  const k1 = dir > 0 ? Math.floor(bottom / size + eps) : Math.ceil(bottom / size - eps);
  const count = (k1 - k0) * dir + 1;
  if (count <= 0) return new Float64Array(0);
  if (count > MAX_GRID_ROWS) {
    throw new Error(
      `depth grid: ${count} rows from ${top} to ${bottom} at step ${size} is more than ${MAX_GRID_ROWS}; is the step right?`,
    );
  }
  const decimals = decimalsOf(size);
  const scale = 10 ** decimals;
  const grid = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const k = k0 + i * dir;
    grid[i] = decimals <= 9 ? Math.round(k * size * scale) / scale : k * size;
  }
  return grid;
}

/** Decimal places in the shortest printed form of a number (0.5 → 1, 0.1524 → 4, 1e-7 → 7). */
export function decimalsOf(v: number): number {
  const [mantissa, exp] = Math.abs(v).toExponential().split('e');
  const frac = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, frac - Number(exp));
}

/**
 * The value of `series` at each grid depth: linear interpolation in value, or in log10(value) for
 * a log curve, between the two series samples around the depth. NaN where the depth lies outside
 * the series or either neighbour is NaN (a gap is never bridged); a grid depth equal to a sample
 * takes that sample. The series depth must be strictly monotonic (either direction).
 */
export function resampleSeries(series: CurveSeries, grid: Float64Array): Float64Array {
  const { depth, value } = series;
  if (depth.length !== value.length) {
    throw new Error(`${series.mnemonic}: ${depth.length} depths but ${value.length} values`);
  }
  const dir = checkMonotonic(series);
  const keys = dir >= 0 ? depth : depth.map((d) => -d);
  const log = series.scale === 'log';
  // On a log scale a value ≤ 0 cannot be drawn; it is treated as absent.
  const at = (i: number) => (log ? (value[i] > 0 ? Math.log10(value[i]) : Number.NaN) : value[i]);
  const out = new Float64Array(grid.length).fill(Number.NaN);
  const n = depth.length;
  for (let g = 0; g < grid.length; g++) {
    const key = dir >= 0 ? grid[g] : -grid[g];
    if (n === 0 || !(key >= keys[0] && key <= keys[n - 1])) continue;
    const i = lastAtOrBelow(keys, key);
    let u: number;
    if (keys[i] === key) u = at(i);
    else {
      const f = (key - keys[i]) / (keys[i + 1] - keys[i]);
      const a = at(i);
      const b = at(i + 1);
      u = a + f * (b - a);
    }
    out[g] = log ? 10 ** u : u;
  }
  return out;
}

/** +1 increasing, −1 decreasing (0 for fewer than two samples); throws for anything else. */
function checkMonotonic(series: CurveSeries): number {
  const d = series.depth;
  if (d.length < 2) {
    if (d.length === 1 && !Number.isFinite(d[0])) throw new Error(`${series.mnemonic}: depth[0] is not a finite number`);
    return 0;
  }
  const dir = Math.sign(d[1] - d[0]);
  for (let i = 1; i < d.length; i++) {
    if (!(Math.sign(d[i] - d[i - 1]) === dir && dir !== 0)) {
      throw new Error(
        `${series.mnemonic}: depth must be finite and strictly increasing or decreasing; ` +
          `it goes ${d[i - 1]} → ${d[i]} at sample ${i}`,
      );
    }
  }
  return dir;
}

/** Largest i with keys[i] ≤ v, for increasing keys and keys[0] ≤ v ≤ keys[n−1]. */
function lastAtOrBelow(keys: Float64Array, v: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (keys[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
