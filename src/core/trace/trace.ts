/**
 * Curve tracing: every curve of every track, followed from its seed up and down the scan.
 * Each curve starts on the ink at its seed (seed.ts; a curve whose seed finds none is left out, and
 * says why). Curves of one track are traced jointly (joint.ts), so two curves share a run only where
 * that is cheaper than any alternative (they truly overlap, or a merged crossing run). Before, each
 * curve's look is measured near its seed (appearance.ts) and ink unlike it costs more, and the
 * stroke around its seed up to its first meeting with other ink is its own (seed zone); after, pairs
 * that touch may have pieces of their paths exchanged where that explains the ink and the geometry
 * better (identity.ts), and a curve's stretches held only on other curves' ink, far from any of its
 * own, are dropped (overlap.ts dropRides).
 */
import type { Segmentation, TracedCurve } from '../types.ts';
import type { Raster } from '../raster.ts';
import type { CurveSpec, TrackSpec } from '../calibration/layout.ts';
import { extractRuns, type InkWindow, type RunTable } from './runs.ts';
import { REVIEW_CONFIDENCE, probCost, traceOptions, type TraceOptions } from './options.ts';
import { DpWorkspace } from './viterbi.ts';
import { traceJointly, wrapSpan } from './joint.ts';
import { assembleCurve } from './assemble.ts';
import { dropCoincident, dropRides, fillTrueOverlaps, separateMergedRuns } from './overlap.ts';
import { fillAbsent, fillStretches } from './fill.ts';
import { CLASSICAL_TRACE_OPTIONS, darkness } from './classical.ts';
import { identityDoubts, resolveSwaps } from './identity.ts';
import { anchorRuns, curveName, darkInkWindows, seedRuns, unseenSeeds, widenSeeds } from './seed.ts';
import { addLookCosts, lookDistance, measureLooks } from './appearance.ts';

/** A problem with the tracer's input (a seed off the curve, a track outside the scan): the message says which. */
export class TraceError extends Error {
  override name = 'TraceError';
}

export interface TraceRequest {
  seg: Segmentation;
  tracks: TrackSpec[];
  /** the upright scan the segmentation was made from: sub-pixel centres weighted by its darkness too */
  scan?: Raster;
  /** scan rows to trace, [top, bottom); default the whole scan (pass the grid's extent to skip headers) */
  rows?: { top: number; bottom: number };
  options?: Partial<TraceOptions>;
  /**
   * a segmentation of the same scan from its darkness alone (classicalSegmentation), asked for only when
   * a track's trace has an absent stretch or a bridge of fillBridgeRows: that track is traced over it too,
   * and the stretches filled where the darkness trace leaves and rejoins this trace's path (fill.ts). A
   * track with neither costs nothing more.
   */
  fillFrom?: () => Segmentation;
}

/** Traces every curve of every track; result in layout order (tracks[t].curves[c]). */
export function traceCurves(req: TraceRequest): TracedCurve[] {
  const o = traceOptions(req.options);
  const top = Math.max(0, Math.floor(req.rows?.top ?? 0));
  const bottom = Math.min(req.seg.height, Math.ceil(req.rows?.bottom ?? req.seg.height));
  checkSegmentation(req.seg);
  if (bottom <= top) throw new TraceError(`no rows to trace: rows ${top}..${bottom} are empty or outside the scan`);
  const dark = req.scan ? darknessOf(req.scan, req.seg) : undefined;
  const fillFrom = req.fillFrom && o.fillFromDarkness ? darknessTraces(req.fillFrom, top, bottom, req.options, dark) : undefined;
  return req.tracks.flatMap((track, t) => traceTrack(req.seg, track, t, top, bottom, o, dark, fillFrom && (() => fillFrom(track, t))));
}

/**
 * Traces of one track over the darkness segmentation, made (once) when first asked for; same rows and
 * scan darkness. Also the editor's re-trace (edit/retrace.ts), so a stretch re-traced is filled as the
 * first trace was.
 */
export function darknessTraces(
  segment: () => Segmentation, top: number, bottom: number, options: Partial<TraceOptions> | undefined, dark?: Uint8Array,
): (track: TrackSpec, t: number) => TracedCurve[] {
  let seg: Segmentation | undefined;
  const o = traceOptions({ ...CLASSICAL_TRACE_OPTIONS, ...options });
  return (track, t) => {
    if (!seg) {
      seg = segment();
      checkSegmentation(seg);
    }
    return traceTrack(seg, track, t, top, bottom, o, dark);
  };
}

function darknessOf(scan: Raster, seg: Segmentation): Uint8Array {
  if (scan.width !== seg.width || scan.height !== seg.height) {
    throw new TraceError(`scan is ${scan.width}×${scan.height} but its segmentation is ${seg.width}×${seg.height}`);
  }
  return darkness(scan);
}

function checkSegmentation(seg: Segmentation): void {
  const n = seg.width * seg.height;
  if (!(seg.width > 0 && seg.height > 0) || seg.classes.length !== n || seg.curveProb.length !== n) {
    throw new TraceError(
      `segmentation is malformed: ${seg.width}×${seg.height} needs ${n} pixels, ` +
        `got ${seg.classes.length} classes and ${seg.curveProb.length} probabilities`,
    );
  }
}

/**
 * Traces the curves of one track. Curves whose seed finds no ink (seed.ts) are left out of the
 * tracing and come back absent throughout, with `problem` saying why; a faint curve the model does
 * not see at its seed comes from the darkness trace (fillFrom), flagged for review with a `note`; the
 * others are traced as usual.
 */
export function traceTrack(
  seg: Segmentation, track: TrackSpec, t: number, top: number, bottom: number, o: TraceOptions, dark?: Uint8Array, fillFrom?: () => TracedCurve[],
): TracedCurve[] {
  if (!(track.x1 > track.x0) || track.x1 <= 0 || track.x0 >= seg.width) {
    throw new TraceError(`track ${t + 1} spans x ${track.x0}..${track.x1}, which is empty or outside the ${seg.width} px wide scan`);
  }
  if (track.curves.length === 0) return [];
  let table = extractRuns(seg, track.x0, track.x1, top, bottom, o.runs, dark);
  const seeds = seedRuns(table, track, t, o);
  const unseen = unseenSeeds(table, track, seeds, o);
  const windows = dark ? darkInkWindows(track, seeds, o, dark, seg.width) : [];
  const inkWindows = windows.filter((w) => w !== null);
  if (inkWindows.length > 0) table = extractRuns(seg, track.x0, track.x1, top, bottom, o.runs, dark, inkWindows);
  widenSeeds(table, track, t, seeds, o);
  // the darkness traces of the track (fillFrom), made at most once
  let darkTraces: TracedCurve[] | undefined;
  const fromDarkness = fillFrom && (() => (darkTraces ??= fillFrom()));
  // a faint line (lighter than mid-grey under the click) the model sees nothing of near the seed is
  // taken from the darkness trace, where that found it: on the model's ink it would have only other
  // curves' lines to follow (case 25 of the accuracy bench: a grey dotted caliper on its gauge line
  // rode the density curve). Dark ink the model missed near the seed is a local miss: the model's
  // trace follows the curve beyond it better than darkness does (bench cases 12 and 26)
  const taken = track.curves.map((c, k) =>
    fromDarkness && unseen[k] && windows[k]?.faint && seeds[k].run >= 0 ? darkCurve(fromDarkness(), k, curveName(t, c), o) : undefined,
  );
  const anchors = anchorRuns(table, track, seeds, o);
  const live = seeds.flatMap((s, k) => (s.run >= 0 && !taken[k] ? [k] : []));
  const traced = live.length
    ? traceSeeded(seg, table, { ...track, curves: live.map((k) => track.curves[k]) }, live.map((k) => seeds[k].run), live.map((k) => anchors[k]), t, o, dark, fromDarkness && (() => { const f = fromDarkness(); return live.map((k) => f.find((c) => c.curve === k)); }), inkWindows)
    : [];
  const out = track.curves.map((c, k) => {
    const i = live.indexOf(k);
    return taken[k] ?? (i >= 0 ? { ...traced[i], curve: k } : leftOut(table, t, k, !!c.wrap, seeds[k].problem!));
  });
  // where it runs along a curve the model traced, a curve taken from darkness rides that curve's line
  taken.forEach((c, k) => c && dropCoincident(c, out.filter((_, m) => m !== k && !taken[m]), table.lineWidth + 1.5, o.dupMinRows));
  return out;
}

/**
 * Curve k of the darkness traces, every row flagged for review (fillConfidence at most) and a note
 * saying so; undefined where that trace left it out too.
 */
function darkCurve(traces: TracedCurve[], k: number, name: string, o: TraceOptions): TracedCurve | undefined {
  const c = traces.find((d) => d.curve === k);
  if (!c || c.problem) return undefined;
  const confidence = c.confidence.map((v) => Math.min(v, o.fillConfidence));
  const note =
    `${name}: the line at its seed is faint (lighter than mid-grey) and the model sees no curve ink within ${o.seedRadiusPx} px and ` +
    `${o.seedSearchRows} rows of it; traced from the scan's darkness alone, every row flagged for review`;
  return { ...c, x: c.x.slice(), confidence, ...(c.cycle ? { cycle: c.cycle.slice() } : {}), note };
}

/** A curve that could not be traced: absent on every row, and why. */
function leftOut(table: RunTable, t: number, k: number, wrap: boolean, problem: string): TracedCurve {
  const out: TracedCurve = { track: t, curve: k, y0: table.y0, x: new Float64Array(table.rows).fill(NaN), confidence: new Float32Array(table.rows), problem };
  if (wrap) out.cycle = new Int8Array(table.rows);
  return out;
}

/** The track's curves, each with its seed run: looks, joint tracing, identity, then each path as a curve. */
function traceSeeded(
  seg: Segmentation, table: RunTable, track: TrackSpec, seeds: number[], anchors: number[][], t: number, o: TraceOptions, dark?: Uint8Array,
  fillFrom?: () => (TracedCurve | undefined)[], inkWindows: InkWindow[] = [],
): TracedCurve[] {
  const ws = new DpWorkspace(table, o.carried + o.carriedGrid, track.curves.some((c) => c.wrap) ? o.maxCycle : 0);
  const plain = track.curves.map((c) => baseEmission(table, c, o));
  const wraps = track.curves.map((_, k) => wrapSpan(track, k));
  const { looks, features, zones } = measureLooks(seg, table, ws, wraps, plain, seeds, o, dark, track.curves.map((c) => c.style === 'broken'), inkWindows);
  const bases = plain.map((e) => e.slice());
  if (features) addLookCosts(bases, looks.map((look) => look && lookDistance(features, look, o)));
  const paths = traceJointly({ table, ws, track, bases, seeds, anchors, zones, o });
  const keepRows = track.curves.map((_, k) => [seeds[k], ...anchors[k]].map((run) => table.row[run]));
  const identities = track.curves.map((_, k) => ({ path: paths[k], emit: plain[k], look: looks[k], wrap: wraps[k], seedRows: keepRows[k] }));
  resolveSwaps(identities, features, table.lineWidth, o);
  const doubts = o.identityDoubtMargin >= 0 ? identityDoubts(identities, features, table.lineWidth, o, o.identityDoubtMargin) : null;
  dropRides(table, paths, keepRows, o.maxBridgeRows, 2 * o.identityJumpPx);
  const done = track.curves.map((_, k) => ({
    path: paths[k], wrap: wraps[k],
    ...assembleCurve({ table, path: paths[k], wrap: wraps[k], track: t, curve: k, broken: track.curves[k].style === 'broken', options: o, pixels: { seg, dark } }),
  }));
  separateMergedRuns(table, done);
  // the model's absent stretches and long bridges where the darkness trace follows ink, before overlaps
  // are filled (a curve filled here may carry another that truly overlaps it)
  if (fillFrom && done.some((d) => !fillStretches(d.curve.x, d.path.kind, o.fillBridgeRows).next().done)) {
    const from = fillFrom();
    done.forEach((d, k) => from[k] && fillAbsent(d.curve, from[k], track, o, d.path.kind));
  }
  fillTrueOverlaps(done.map((d) => d.curve), table.lineWidth + 1.5);
  if (doubts) done.forEach((d, k) => flagDoubts(d.curve, doubts[k]));
  return done.map((d) => d.curve);
}

/** confidence at most this on rows identityDoubts marks: below REVIEW_CONFIDENCE, so the review walk stops there */
const DOUBT_CONFIDENCE = 0.9 * REVIEW_CONFIDENCE;

/** Caps a curve's confidence on the rows (table rows, as the curve's) where its identity is in doubt. */
function flagDoubts(c: TracedCurve, doubt: Uint8Array): void {
  for (let r = 0; r < doubt.length; r++) if (doubt[r]) c.confidence[r] = Math.min(c.confidence[r], DOUBT_CONFIDENCE);
}

/** Per-run cost of this curve sitting on the run: probability, line style, grid-only. */
function baseEmission(table: RunTable, c: CurveSpec, o: TraceOptions): Float32Array {
  const e = new Float32Array(table.count);
  const style = o.useStyle ? c.style : undefined;
  for (let j = 0; j < table.count; j++) {
    let cost = probCost(table.prob[j], o);
    if (table.gridOnly[j]) cost = Math.max(0.1, o.wLost + o.wGridProb * (o.gridProbMin - table.prob[j]));
    else if (style === 'solid') cost += o.wStyle * table.broken[j];
    else if (style === 'broken') cost += o.wStyle * table.solid[j];
    e[j] = cost;
  }
  return e;
}
