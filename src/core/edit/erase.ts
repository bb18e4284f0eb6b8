/**
 * Erasing: rows of a curve become absent (NaN x, written as NULL in LAS), over a depth interval or
 * inside a lasso. Pixel space of the upright scan (rows.ts).
 */
import type { PixelPoint } from '../calibration/layout.ts';
import type { TracedCurve } from '../types.ts';
import { cloneCurve, indexRange, type RowSpan } from './rows.ts';

/** The curve with rows [span.from, span.to) absent; the same object when nothing there was present. */
export function eraseRows(c: TracedCurve, span: RowSpan): TracedCurve {
  const { i0, i1 } = indexRange(c, span);
  let any = false;
  for (let i = i0; i < i1 && !any; i++) any = !Number.isNaN(c.x[i]);
  if (!any) return c;
  const out = cloneCurve(c);
  for (let i = i0; i < i1; i++) setAbsent(out, i);
  return out;
}

/**
 * The curve with every present point (x[i], row centre) inside the closed polygon (even-odd rule)
 * made absent; the same object when no point is inside.
 */
export function eraseInPolygon(c: TracedCurve, polygon: readonly PixelPoint[]): TracedCurve {
  if (polygon.length < 3) return c;
  let top = Infinity;
  let bottom = -Infinity;
  for (const p of polygon) {
    top = Math.min(top, p.y);
    bottom = Math.max(bottom, p.y);
  }
  // only rows whose centre lies within the polygon's vertical extent can be inside
  const { i0, i1 } = indexRange(c, { from: Math.ceil(top - 0.5), to: Math.floor(bottom - 0.5) + 1 });
  let out: TracedCurve | null = null;
  for (let i = i0; i < i1; i++) {
    const x = c.x[i];
    if (Number.isNaN(x) || !pointInPolygon(x, c.y0 + i + 0.5, polygon)) continue;
    out ??= cloneCurve(c);
    setAbsent(out, i);
  }
  return out ?? c;
}

/** Even-odd point-in-polygon test; the polygon closes itself (last point joins the first). */
export function pointInPolygon(x: number, y: number, polygon: readonly PixelPoint[]): boolean {
  let inside = false;
  for (let a = 0, b = polygon.length - 1; a < polygon.length; b = a++) {
    const pa = polygon[a];
    const pb = polygon[b];
    if (pa.y > y !== pb.y > y && x < pa.x + ((y - pa.y) * (pb.x - pa.x)) / (pb.y - pa.y)) inside = !inside;
  }
  return inside;
}

function setAbsent(c: TracedCurve, i: number): void {
  c.x[i] = Number.NaN;
  c.confidence[i] = 0;
  if (c.cycle) c.cycle[i] = 0;
}
