/**
 * Filling a model trace's absent stretches from a trace of the same curve over the scan's darkness.
 *
 * The model sometimes calls a curve's ink grid or paper over long stretches: a flat stretch lying on a
 * grid line, a faint or heavily thresholded line. The model's trace is then absent there, while a trace
 * of the same layout over the classical (darkness) segmentation follows the ink. Where the two traces
 * agree on the rows on both sides of the stretch (the darkness trace leaves and rejoins the model's
 * path, on the same wrap cycle), the stretch is that curve's ink and the darkness trace's x are taken,
 * at a confidence below the review threshold so the editor flags them.
 *
 * Runs per track after the joint trace and before true overlaps are filled (trace.ts), so a curve
 * filled here can carry another that truly overlaps it.
 *
 * Rows within fillEdgePx of a track edge are never filled: a curve that runs off its scale is clipped
 * there, and the darkness trace then follows the track's frame, which says nothing of the value.
 * Pixel space of the upright scan throughout; rows index TracedCurve.x (scan row = y0 + index).
 */
import type { TracedCurve } from '../types.ts';
import type { TraceOptions } from './options.ts';
import { innerGaps } from './overlap.ts';

export type FillOptions = Pick<TraceOptions, 'fillCheckRows' | 'fillAgreeRows' | 'fillTolPx' | 'fillEdgePx' | 'fillConfidence'>;

/**
 * Fills `primary`'s absent stretches from `secondary` in place (same curve, same rows); returns the
 * number of rows filled. Only stretches with the primary's path on both sides: at the ends of a trace
 * nothing tells the curve's ink from whatever else the darkness trace found (one-sided checks doubled
 * the values written where the truth has none, on the bench).
 */
export function fillAbsent(primary: TracedCurve, secondary: TracedCurve, edges: { x0: number; x1: number }, o: FillOptions): number {
  if (primary.y0 !== secondary.y0 || primary.x.length !== secondary.x.length || primary.problem) return 0;
  let filled = 0;
  for (const [i, j] of innerGaps(primary.x)) {
    // absent on rows [i, j): the secondary must leave and rejoin the primary's path
    if (agreeing(primary, secondary, i - 1, -1, o) >= o.fillAgreeRows && agreeing(primary, secondary, j, 1, o) >= o.fillAgreeRows) {
      filled += copyRows(primary, secondary, i, j, edges, o);
    }
  }
  return filled;
}

/** Of the fillCheckRows rows from `from` in direction `dir`, how many both traces hold within fillTolPx, on one cycle. */
function agreeing(a: TracedCurve, b: TracedCurve, from: number, dir: 1 | -1, o: FillOptions): number {
  let count = 0;
  for (let k = 0, r = from; k < o.fillCheckRows && r >= 0 && r < a.x.length; k++, r += dir) {
    const near = Math.abs(a.x[r] - b.x[r]) <= o.fillTolPx; // false when either is NaN
    if (near && (a.cycle?.[r] ?? 0) === (b.cycle?.[r] ?? 0)) count++;
  }
  return count;
}

function copyRows(a: TracedCurve, b: TracedCurve, i: number, j: number, edges: { x0: number; x1: number }, o: FillOptions): number {
  let filled = 0;
  for (let r = i; r < j; r++) {
    const x = b.x[r];
    if (Number.isNaN(x) || x - edges.x0 <= o.fillEdgePx || edges.x1 - x <= o.fillEdgePx) continue;
    a.x[r] = x;
    a.confidence[r] = Math.min(o.fillConfidence, b.confidence[r]);
    if (a.cycle) a.cycle[r] = b.cycle?.[r] ?? 0;
    filled++;
  }
  return filled;
}
