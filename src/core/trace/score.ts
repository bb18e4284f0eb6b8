/**
 * Accuracy of a traced curve against the true curve (synthetic scans): what the accuracy benchmark
 * reports. Errors are in % of the track span: |v − t| / |right − left| for linear scales, and in
 * log10 units as % of the decades spanned for log scales, so tracks of any unit compare.
 * Data space: depth in the layout's unit, value in the curve's unit.
 */
import type { CurveSeries } from '../types.ts';

export interface TruthSeries {
  depth: ArrayLike<number>;
  /** null (or NaN) where the curve is not drawn */
  value: ArrayLike<number | null>;
  scale: 'linear' | 'log';
  left: number;
  right: number;
}

export interface CurveScore {
  /** truth depths with a value */
  truthPoints: number;
  /** share of them where the trace has a value too */
  coverage: number;
  /** mean and 95th percentile absolute error, % of span, over covered points */
  maePct: number;
  p95Pct: number;
  /** covered points off by more than `swapPct` of span: the trace is on another curve */
  swapPoints: number;
  /** values traced where the truth has none (a curve drawn through nothing) */
  falsePoints: number;
}

/** Swap threshold, % of span. */
export const SWAP_PCT = 10;

/** The series' value at `depth` (its depths increasing), linear between neighbouring rows; NaN if either is absent. */
function valueAt(d: ArrayLike<number>, v: ArrayLike<number>, log: boolean, depth: number, hint: { i: number }): number {
  const n = d.length;
  if (n < 2 || depth < d[0] || depth > d[n - 1]) return NaN;
  let i = Math.min(Math.max(hint.i, 0), n - 2);
  while (i < n - 2 && d[i + 1] < depth) i++;
  while (i > 0 && d[i] > depth) i--;
  hint.i = i;
  const f = (depth - d[i]) / (d[i + 1] - d[i]);
  const a = v[i], b = v[i + 1];
  if (f === 0 || f === 1) return f === 0 ? a : b; // on a row: its own value, whatever its neighbour
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  return log ? 10 ** (Math.log10(a) + f * (Math.log10(b) - Math.log10(a))) : a + f * (b - a);
}

function errorPct(v: number, t: number, truth: TruthSeries): number {
  if (truth.scale === 'log') {
    return (100 * Math.abs(Math.log10(v) - Math.log10(t))) / Math.abs(Math.log10(truth.right / truth.left));
  }
  return (100 * Math.abs(v - t)) / Math.abs(truth.right - truth.left);
}

/**
 * Error of the trace at each truth depth, % of span: NaN where the truth has no value or the trace
 * has none there (see scoreCurve for how those count). Same order as truth.depth.
 */
export function curveErrors(traced: CurveSeries, truth: TruthSeries): { errors: Float64Array; falsePoints: number } {
  const errors = new Float64Array(truth.depth.length).fill(NaN);
  let falsePoints = 0;
  const hint = { i: 0 };
  // series rows run down the scan; depth may decrease downwards, so read them in increasing depth
  const up = traced.depth.length < 2 || traced.depth[traced.depth.length - 1] >= traced.depth[0];
  const d = up ? traced.depth : traced.depth.slice().reverse();
  const vs = up ? traced.value : traced.value.slice().reverse();
  for (let k = 0; k < truth.depth.length; k++) {
    const t = truth.value[k];
    const v = valueAt(d, vs, traced.scale === 'log', truth.depth[k], hint);
    if (t === null || Number.isNaN(t)) {
      if (!Number.isNaN(v)) falsePoints++;
    } else if (!Number.isNaN(v)) errors[k] = errorPct(v, t, truth);
  }
  return { errors, falsePoints };
}

export function scoreCurve(traced: CurveSeries, truth: TruthSeries): CurveScore {
  const { errors, falsePoints } = curveErrors(traced, truth);
  return scoreErrors(errors, falsePoints, truth);
}

/** The score from curveErrors' output, for a caller that also reads the errors themselves. */
export function scoreErrors(all: Float64Array, falsePoints: number, truth: TruthSeries): CurveScore {
  let truthPoints = 0;
  for (let k = 0; k < truth.depth.length; k++) if (truth.value[k] !== null && !Number.isNaN(truth.value[k])) truthPoints++;
  const errors = Array.from(all).filter((e) => !Number.isNaN(e)).sort((a, b) => a - b);
  const mean = errors.reduce((a, e) => a + e, 0) / (errors.length || 1);
  return {
    truthPoints,
    coverage: truthPoints ? errors.length / truthPoints : 0,
    maePct: errors.length ? mean : NaN,
    p95Pct: errors.length ? errors[Math.min(errors.length - 1, Math.floor(0.95 * errors.length))] : NaN,
    swapPoints: errors.filter((e) => e > SWAP_PCT).length,
    falsePoints,
  };
}
