/**
 * Rows of a traced curve, shared by the edit operations. Frames: pixel space of the upright scan;
 * x[i] is the curve's column on scan row r = y0 + i, and row r spans [r, r + 1) with its centre at
 * y = r + 0.5 (as in calibration/series.ts). Every operation returns a new curve and never mutates
 * its input: the document's undo history diffs old against new by identity (src/state/patches.ts).
 */
import type { TracedCurve } from '../types.ts';

/** Scan rows [from, to): `to` is exclusive. */
export interface RowSpan {
  from: number;
  to: number;
}

/** The rows whose centres lie between two continuous y (px), in either order; may be empty. */
export function rowsBetween(ya: number, yb: number): RowSpan {
  const lo = Math.min(ya, yb);
  const hi = Math.max(ya, yb);
  return { from: Math.ceil(lo - 0.5), to: Math.floor(hi - 0.5) + 1 };
}

/** `span` clipped to [0, limit) (the scan's rows); empty spans come back with to <= from. */
export function clipRows(span: RowSpan, limit: number): RowSpan {
  return { from: Math.max(0, span.from), to: Math.min(limit, span.to) };
}

export function lastRow(c: TracedCurve): number {
  return c.y0 + c.x.length;
}

/** Index into c.x of scan row r, or -1 when the curve does not cover it. */
export function indexOfRow(c: TracedCurve, r: number): number {
  const i = r - c.y0;
  return i >= 0 && i < c.x.length ? i : -1;
}

/** x (px) of the curve on scan row r; NaN where it is absent or not covered. */
export function xAtRow(c: TracedCurve, r: number): number {
  const i = indexOfRow(c, r);
  return i < 0 ? Number.NaN : c.x[i];
}

/** A copy with its own arrays, so an operation may write into them. */
export function cloneCurve(c: TracedCurve): TracedCurve {
  const out: TracedCurve = { ...c, x: c.x.slice(), confidence: c.confidence.slice() };
  if (c.cycle) out.cycle = c.cycle.slice();
  return out;
}

/**
 * A writable copy covering at least `span` as well as the curve's own rows: rows added above or
 * below are absent (NaN, confidence 0, cycle 0). Array lengths change only when the span reaches
 * past the curve, which is rare (the tracer covers the whole traced interval).
 */
export function coverRows(c: TracedCurve, span: RowSpan): TracedCurve {
  const y0 = Math.min(c.y0, span.from);
  const end = Math.max(lastRow(c), span.to);
  if (y0 === c.y0 && end === lastRow(c)) return cloneCurve(c);
  const n = end - y0;
  const at = c.y0 - y0;
  const x = new Float64Array(n).fill(Number.NaN);
  x.set(c.x, at);
  const confidence = new Float32Array(n);
  confidence.set(c.confidence, at);
  const out: TracedCurve = { ...c, y0, x, confidence };
  if (c.cycle) {
    out.cycle = new Int8Array(n);
    out.cycle.set(c.cycle, at);
  }
  return out;
}

/** Indices [i0, i1) of c.x that fall in `span` (empty when they do not meet). */
export function indexRange(c: TracedCurve, span: RowSpan): { i0: number; i1: number } {
  return { i0: Math.max(0, span.from - c.y0), i1: Math.min(c.x.length, span.to - c.y0) };
}

/** The nearest present row's wrap cycle, looking outwards from index i (0 when none or no cycles). */
export function nearestCycle(c: TracedCurve, i: number): number {
  if (!c.cycle) return 0;
  const n = c.x.length;
  const reach = n + Math.abs(i);
  for (let d = 0; d <= reach; d++) {
    if (i - d >= 0 && i - d < n && !Number.isNaN(c.x[i - d])) return c.cycle[i - d];
    if (i + d >= 0 && i + d < n && !Number.isNaN(c.x[i + d])) return c.cycle[i + d];
  }
  return 0;
}
