/**
 * Filling a model trace's absent stretches from a trace of the same curve over the scan's darkness.
 *
 * The model sometimes calls a curve's ink grid or paper over long stretches: a flat stretch lying on a
 * grid line, a faint or heavily thresholded line. The model's trace is then absent there, while a trace
 * of the same layout over the classical (darkness) segmentation follows the ink. Where the two traces
 * agree on the rows on both sides of the stretch (the darkness trace leaves and rejoins the model's
 * path, on the same wrap cycle), the stretch is that curve's ink and the darkness trace's x are taken,
 * at a confidence below the review threshold so the editor flags them. The same for a long bridge (rows
 * the tracer drew straight across for want of ink) where the darkness trace follows ink elsewhere.
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

export type FillOptions = Pick<TraceOptions, 'fillCheckRows' | 'fillAgreeRows' | 'fillTolPx' | 'fillEdgePx' | 'fillConfidence' | 'fillBridgeRows'>;

/** DpPath.kind of a row the tracker drew straight across, with no ink (viterbi.ts) */
const BRIDGED = 2;

/**
 * The stretches fillAbsent may fill, [from, to, bridged]: the trace's absent stretches with its path on
 * both sides (innerGaps), and, given the path's row kinds, its bridges of at least `minBridge` rows.
 */
export function* fillStretches(x: Float64Array, kind: Uint8Array | undefined, minBridge: number): Generator<[number, number, boolean]> {
  for (const [i, j] of innerGaps(x)) yield [i, j, false];
  if (!kind || !(minBridge > 0)) return;
  for (let r = 0; r < kind.length; ) {
    if (kind[r] !== BRIDGED) { r++; continue; }
    let e = r;
    while (e < kind.length && kind[e] === BRIDGED) e++;
    if (e - r >= minBridge && r > 0 && e < kind.length) yield [r, e, true];
    r = e;
  }
}

/** Does the secondary leave the primary's bridge by more than fillTolPx somewhere on rows [i, j)? */
function departs(a: TracedCurve, b: TracedCurve, i: number, j: number, o: FillOptions): boolean {
  for (let r = i; r < j; r++) if (Math.abs(a.x[r] - b.x[r]) > o.fillTolPx) return true; // false when b is NaN
  return false;
}

/**
 * Fills `primary`'s absent stretches from `secondary` in place (same curve, same rows); returns the
 * number of rows filled. Only stretches with the primary's path on both sides: at the ends of a trace
 * nothing tells the curve's ink from whatever else the darkness trace found (one-sided checks doubled
 * the values written where the truth has none, on the bench). Given the primary path's row kinds, its
 * long bridges too, where the secondary departs from them: a stretch the model missed that the tracer
 * drew straight across (a bump of a solid curve, a faded piece).
 */
export function fillAbsent(primary: TracedCurve, secondary: TracedCurve, edges: { x0: number; x1: number }, o: FillOptions, kind?: Uint8Array): number {
  if (primary.y0 !== secondary.y0 || primary.x.length !== secondary.x.length || primary.problem) return 0;
  let filled = 0;
  for (const [i, j, bridged] of fillStretches(primary.x, kind, o.fillBridgeRows)) {
    // a bridge the darkness trace agrees with stays as it is (a dash gap): no need to review it
    if (bridged && !departs(primary, secondary, i, j, o)) continue;
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
