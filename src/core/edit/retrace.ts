/**
 * Re-tracing one stretch of a curve from a new click: the tracker (src/core/trace) runs over just
 * those rows (and a few beyond each end for context), seeded where the user clicked (the seed snaps to the nearest curve ink within the
 * tracker's seed radius), and its result replaces the curve there. Pixel space of the upright scan.
 *
 * The other curves of the track are traced with it, seeded on their current position at the click's
 * row, so the joint tracker keeps the two apart through a crossing as it does for a whole scan; if
 * one of those seeds is not on ink (the other curve was edited by hand there), the curve is traced
 * alone. With the model's segmentation, absent stretches are filled from the scan's darkness as in the
 * first trace (RetraceRequest.fillFrom).
 */
import type { CurveSpec, PixelPoint, TrackSpec } from '../calibration/layout.ts';
import { traceOptions, type TraceOptions } from '../trace/options.ts';
import { darknessTraces, TraceError, traceTrack } from '../trace/trace.ts';
import type { Segmentation, TracedCurve } from '../types.ts';
import { coverRows, indexOfRow, indexRange, nearestCycle, type RowSpan } from './rows.ts';

export interface RetraceRequest {
  seg: Segmentation;
  /** darkness of the upright scan (trace/classical.ts darkness), for sub-pixel centres; optional */
  dark?: Uint8Array;
  /** the layout's tracks */
  tracks: readonly TrackSpec[];
  /** every traced curve (the document's), to seed the track's other curves */
  curves: readonly TracedCurve[];
  /** index into `curves` of the curve to re-trace */
  target: number;
  /** where the user clicked, on or near the curve's ink (px) */
  click: PixelPoint;
  /** rows to re-trace; must hold the click's row */
  rows: RowSpan;
  /**
   * rows beyond each end the tracker also reads (default 64), though only `rows` are replaced: at
   * an interval's end it would otherwise lack what follows, e.g. drop a flat stretch on a grid line
   * as "unbounded" where the ink that leaves the line lies just past the end
   */
  contextRows?: number;
  options?: Partial<TraceOptions>;
  /**
   * the upright scan's darkness segmentation (digitise's segmentClassical), when `seg` is the model's:
   * asked for only if the fresh trace has an absent stretch or a long bridge, which is then filled from a
   * trace over it as the first trace's were (trace/fill.ts); left out, such stretches stay as traced
   */
  fillFrom?: () => Segmentation;
}

const DEFAULT_CONTEXT_ROWS = 64;

/** The target curve with `rows` replaced by a fresh trace; throws TraceError (in words) when it cannot. */
export function retraceInterval(req: RetraceRequest): TracedCurve {
  const c = req.curves[req.target];
  const track = req.tracks[c.track];
  const spec = track?.curves[c.curve];
  if (!track || !spec) throw new TraceError(`curve ${c.track + 1}.${c.curve + 1} is not in the layout`);
  const from = Math.max(0, Math.floor(req.rows.from));
  const to = Math.min(req.seg.height, Math.ceil(req.rows.to));
  const clickRow = Math.floor(req.click.y);
  if (!(clickRow >= from && clickRow < to)) {
    throw new TraceError(`the click at row ${clickRow} is outside the rows to re-trace (${from}..${to})`);
  }
  const o = traceOptions(req.options);
  const context = Math.max(0, Math.floor(req.contextRows ?? DEFAULT_CONTEXT_ROWS));
  const top = Math.max(0, from - context);
  const bottom = Math.min(req.seg.height, to + context);
  const mine: CurveSpec = { ...spec, seed: { x: req.click.x, y: clickRow + 0.5 } };
  const others = seededNeighbours(req, clickRow);
  // a neighbour whose seed finds no ink is left out by the tracer; the click itself must be on ink
  const joint = { ...track, curves: [mine, ...others] };
  const fill = req.fillFrom && o.fillFromDarkness ? darknessTraces(req.fillFrom, top, bottom, req.options, req.dark) : undefined;
  const traced = traceTrack(req.seg, joint, c.track, top, bottom, o, req.dark, fill && (() => fill(joint, c.track)))[0];
  if (traced.problem) throw new TraceError(traced.problem);
  return spliceTrace(c, traced, { from, to }, baseCycle(c, clickRow));
}

/** The track's other curves, each seeded where it is now on the click's row (those present there). */
function seededNeighbours(req: RetraceRequest, row: number): CurveSpec[] {
  const c = req.curves[req.target];
  const track = req.tracks[c.track];
  const out: CurveSpec[] = [];
  req.curves.forEach((o, k) => {
    if (k === req.target || o.track !== c.track || !track.curves[o.curve]) return;
    const i = indexOfRow(o, row);
    if (i < 0 || Number.isNaN(o.x[i])) return;
    out.push({ ...track.curves[o.curve], seed: { x: o.x[i], y: row + 0.5 } });
  });
  return out;
}

/** The wrap cycle the curve is on at the click: the tracker counts cycles from its seed, as 0. */
function baseCycle(c: TracedCurve, row: number): number {
  const i = indexOfRow(c, row);
  return i < 0 ? nearestCycle(c, row < c.y0 ? 0 : c.x.length - 1) : nearestCycle(c, i);
}

/** `c` with rows of `fresh` (a trace over `rows`) written in, cycles shifted by `cycleShift`. */
export function spliceTrace(c: TracedCurve, fresh: TracedCurve, rows: RowSpan, cycleShift = 0): TracedCurve {
  const out = coverRows(c, rows);
  if (fresh.cycle && !out.cycle) out.cycle = new Int8Array(out.x.length);
  const { i0, i1 } = indexRange(out, rows);
  for (let i = i0; i < i1; i++) {
    const j = out.y0 + i - fresh.y0;
    const present = j >= 0 && j < fresh.x.length && !Number.isNaN(fresh.x[j]);
    out.x[i] = present ? fresh.x[j] : Number.NaN;
    out.confidence[i] = present ? fresh.confidence[j] : 0;
    if (out.cycle) out.cycle[i] = present && fresh.cycle ? fresh.cycle[j] + cycleShift : 0;
  }
  return out;
}
