/**
 * Dragging a point of a curve sideways, carrying a neighbourhood with it so the curve stays smooth.
 * Pixel space of the upright scan (rows.ts). A curve has one x per row, so a drag moves x only; the
 * grabbed row is fixed at pointer-down.
 *
 * Every pointer move recomputes the result from the curve as it was at pointer-down (`base`) and the
 * total offset, never from the previous move: the result depends only on where the pointer is, and
 * rounding never accumulates over a long drag.
 */
import type { TracedCurve } from '../types.ts';
import { cloneCurve, indexOfRow } from './rows.ts';

export interface DragSpec {
  /** scan row grabbed at pointer-down */
  row: number;
  /** horizontal offset of the pointer since pointer-down, px */
  dx: number;
  /** rows on each side that move with it, fading out (> 0); 0 moves the grabbed row alone */
  radius: number;
}

/**
 * Weight of the move at `k` rows from the grabbed row: a raised cosine, 1 at the row and 0 at
 * `radius`, with zero slope at both ends, so the moved stretch joins the rest without a kink.
 */
export function dragWeight(k: number, radius: number): number {
  const a = Math.abs(k);
  if (a === 0) return 1;
  if (a >= radius) return 0;
  return 0.5 * (1 + Math.cos((Math.PI * a) / radius));
}

/**
 * `base` with row `row` moved by dx and its neighbours by dx × dragWeight. Absent rows stay absent;
 * moved rows get confidence 1 (a person placed them). `base` itself when the grabbed row is absent
 * or not on the curve, or dx is 0.
 */
export function dragRows(base: TracedCurve, d: DragSpec): TracedCurve {
  const centre = indexOfRow(base, d.row);
  if (centre < 0 || Number.isNaN(base.x[centre]) || d.dx === 0 || !Number.isFinite(d.dx)) return base;
  const out = cloneCurve(base);
  const r = Math.max(0, Math.floor(d.radius));
  const i0 = Math.max(0, centre - r);
  const i1 = Math.min(base.x.length - 1, centre + r);
  for (let i = i0; i <= i1; i++) {
    if (Number.isNaN(base.x[i])) continue;
    const w = dragWeight(i - centre, r);
    if (w <= 0) continue;
    out.x[i] = base.x[i] + d.dx * w;
    out.confidence[i] = 1;
  }
  return out;
}
