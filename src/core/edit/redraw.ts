/**
 * Redrawing a stretch of a curve freehand, and setting a stretch to a typed value. Pixel space of
 * the upright scan (rows.ts). Rows a person drew get confidence 1.
 */
import type { CurveSpec, PixelPoint, TrackSpec } from '../calibration/layout.ts';
import { valueMap } from '../calibration/value-map.ts';
import type { TracedCurve } from '../types.ts';
import { coverRows, indexRange, nearestCycle, rowsBetween, type RowSpan } from './rows.ts';

/** The x range of a wrapped curve's track: a stroke that jumps across most of it changes cycle. */
export interface WrapEdges {
  x0: number;
  x1: number;
}

/**
 * Rows the stroke covers take the stroke's x at their centre, by linear interpolation along each
 * segment of the polyline; where the stroke doubles back over a row, its later pass wins. A
 * connected stroke covers every row between its highest and lowest point. The curve grows when the
 * stroke reaches past it. Returns the curve and the rows written.
 */
export function redrawStroke(c: TracedCurve, stroke: readonly PixelPoint[], wrap?: WrapEdges): { curve: TracedCurve; rows: RowSpan } {
  const pts = stroke.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (pts.length === 0) return { curve: c, rows: { from: 0, to: 0 } };
  const ys = pts.map((p) => p.y);
  const rows = rowsBetween(Math.min(...ys), Math.max(...ys));
  if (rows.to <= rows.from) return { curve: c, rows };
  const xs = new Float64Array(rows.to - rows.from).fill(Number.NaN);
  if (pts.length === 1) xs.fill(pts[0].x);
  for (let k = 1; k < pts.length; k++) writeSegment(xs, rows.from, pts[k - 1], pts[k]);
  const out = coverRows(c, rows);
  const at = rows.from - out.y0;
  for (let k = 0; k < xs.length; k++) {
    out.x[at + k] = xs[k];
    out.confidence[at + k] = 1;
  }
  if (out.cycle) assignCycles(out, at, at + xs.length, wrap);
  return { curve: out, rows };
}

/** x at the centres of the rows a segment crosses (vertical extent inclusive). */
function writeSegment(xs: Float64Array, from: number, a: PixelPoint, b: PixelPoint): void {
  const span = rowsBetween(a.y, b.y);
  for (let r = span.from; r < span.to; r++) {
    const y = r + 0.5;
    const f = b.y === a.y ? 1 : (y - a.y) / (b.y - a.y);
    xs[r - from] = a.x + f * (b.x - a.x);
  }
  // a nearly flat segment may cross no row centre; its end still marks the row it lies on
  if (span.to <= span.from) {
    const r = Math.floor(b.y);
    if (r >= from && r < from + xs.length) xs[r - from] = b.x;
  }
}

/**
 * Wrap cycles of redrawn rows [i0, i1): start from the nearest present row above (else below), and
 * step by one each time the drawn x jumps across more than half the track (the curve left one edge
 * and came back at the other, as printed on a back-up scale).
 */
function assignCycles(c: TracedCurve, i0: number, i1: number, wrap?: WrapEdges): void {
  const cycle = c.cycle!;
  const above = i0 - 1;
  let k = above >= 0 && !Number.isNaN(c.x[above]) ? cycle[above] : nearestCycleOutside(c, i0, i1);
  let prev = above >= 0 ? c.x[above] : Number.NaN;
  const half = wrap ? (wrap.x1 - wrap.x0) / 2 : Infinity;
  for (let i = i0; i < i1; i++) {
    const x = c.x[i];
    if (!Number.isNaN(prev) && x - prev < -half) k++;
    else if (!Number.isNaN(prev) && x - prev > half) k--;
    cycle[i] = k;
    prev = x;
  }
}

function nearestCycleOutside(c: TracedCurve, i0: number, i1: number): number {
  const below = i1 < c.x.length && !Number.isNaN(c.x[i1]) ? c.cycle![i1] : null;
  return below ?? nearestCycle(c, i0 - 1);
}

/**
 * Rows [span.from, span.to) drawn at the column where `value` (the curve's unit) lies on its scale,
 * via the value map (a wrapped curve gets the back-up cycle holding the value). Throws a RangeError
 * in words for a value the scale cannot show (≤ 0 on a log scale, not a number).
 */
export function setValue(c: TracedCurve, span: RowSpan, value: number, curve: CurveSpec, track: TrackSpec): TracedCurve {
  if (!Number.isFinite(value)) throw new RangeError(`${curve.mnemonic}: the value must be a number`);
  if (curve.scale === 'log' && value <= 0) throw new RangeError(`${curve.mnemonic} is on a log scale: the value must be greater than 0`);
  if (span.to <= span.from) return c;
  const { x, cycle } = valueMap(curve, track).xAt(value);
  const out = coverRows(c, span);
  if (cycle !== 0 && !out.cycle) out.cycle = new Int8Array(out.x.length);
  const { i0, i1 } = indexRange(out, span);
  for (let i = i0; i < i1; i++) {
    out.x[i] = x;
    out.confidence[i] = 1;
    if (out.cycle) out.cycle[i] = cycle;
  }
  return out;
}
