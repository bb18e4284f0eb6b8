/**
 * Curve tracing: every curve of every track, followed from its seed up and down the scan.
 * Curves of one track are traced jointly by block coordinate descent: each curve's DP sees a penalty
 * on the runs the other curves hold, and all are re-traced until no path changes. So two curves share
 * a run only where that is cheaper than any alternative (they truly overlap, or a merged crossing run).
 * Before, each curve's look is measured near its seed (appearance.ts) and ink unlike it costs more;
 * after, pairs that touch may have pieces of their paths exchanged where that explains the ink and
 * the geometry better (identity.ts).
 */
import type { Segmentation, TracedCurve } from '../types.ts';
import type { Raster } from '../raster.ts';
import type { CurveSpec, TrackSpec } from '../calibration/layout.ts';
import { extractRuns, isWide, type RunTable } from './runs.ts';
import { probCost, traceOptions, type TraceOptions } from './options.ts';
import { DpWorkspace, runDp, type DpInput, type DpPath, type WrapSpan } from './viterbi.ts';
import { assembleCurve } from './assemble.ts';
import { fillTrueOverlaps, separateMergedRuns } from './overlap.ts';
import { darkness } from './classical.ts';
import { resolveSwaps } from './identity.ts';
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
}

/** Traces every curve of every track; result in layout order (tracks[t].curves[c]). */
export function traceCurves(req: TraceRequest): TracedCurve[] {
  const o = traceOptions(req.options);
  const top = Math.max(0, Math.floor(req.rows?.top ?? 0));
  const bottom = Math.min(req.seg.height, Math.ceil(req.rows?.bottom ?? req.seg.height));
  checkSegmentation(req.seg);
  if (bottom <= top) throw new TraceError(`no rows to trace: rows ${top}..${bottom} are empty or outside the scan`);
  const dark = req.scan ? darknessOf(req.scan, req.seg) : undefined;
  return req.tracks.flatMap((track, t) => traceTrack(req.seg, track, t, top, bottom, o, dark));
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

function curveName(track: number, c: CurveSpec): string {
  return `curve ${c.mnemonic || '(unnamed)'} in track ${track + 1}`;
}

export function traceTrack(
  seg: Segmentation, track: TrackSpec, t: number, top: number, bottom: number, o: TraceOptions, dark?: Uint8Array,
): TracedCurve[] {
  if (!(track.x1 > track.x0) || track.x1 <= 0 || track.x0 >= seg.width) {
    throw new TraceError(`track ${t + 1} spans x ${track.x0}..${track.x1}, which is empty or outside the ${seg.width} px wide scan`);
  }
  if (track.curves.length === 0) return [];
  const table = extractRuns(seg, track.x0, track.x1, top, bottom, o.runs, dark);
  const seeds = track.curves.map((c) => findSeedRun(table, c, t, track, o));
  const ws = new DpWorkspace(table, o.carried + o.carriedGrid, track.curves.some((c) => c.wrap) ? o.maxCycle : 0);
  const plain = track.curves.map((c) => baseEmission(table, c, o));
  const { looks, features } = measureLooks(seg, table, ws, track.curves.map((c) => wrapSpan(track, c)), plain, seeds, o, dark);
  const bases = plain.map((e) => e.slice());
  if (features) addLookCosts(bases, looks.map((look) => look && lookDistance(features, look, o)));
  const paths = traceJointly(table, ws, track, bases, seeds, o);
  resolveSwaps(
    track.curves.map((c, k) => ({ path: paths[k], emit: plain[k], look: looks[k], wrap: wrapSpan(track, c), seedRow: table.row[seeds[k]] })),
    features, table.lineWidth, o,
  );
  const done = track.curves.map((c, k) => {
    const wrap = wrapSpan(track, c);
    return { path: paths[k]!, wrap, curve: assembleCurve({ table, path: paths[k]!, wrap, track: t, curve: k, options: o }) };
  });
  separateMergedRuns(table, done);
  fillTrueOverlaps(done.map((d) => d.curve), table.lineWidth + 1.5);
  return done.map((d) => d.curve);
}

/**
 * Block coordinate descent over the track's curves: each is traced against the others' claims until no
 * path changes. `paths` (filled in place) may hold paths from an earlier round to start from.
 */
function traceJointly(
  table: RunTable, ws: DpWorkspace, track: TrackSpec, bases: Float32Array[], seeds: number[], o: TraceOptions, paths: DpPath[] = [],
): DpPath[] {
  const claims = new Int32Array(table.count);
  for (const p of paths) addClaims(claims, p, +1);
  // version[k] counts changes of curve k's path; seen[k] is the sum of the others' versions when k was
  // last traced: a curve whose neighbours did not move would get the same path again, so it is skipped
  const version = track.curves.map(() => 0);
  const seen = track.curves.map(() => -1);
  const othersVersion = (k: number) => version.reduce((a, v, i) => a + (i === k ? 0 : v), 0);
  for (let iter = 0; iter < Math.max(1, o.jointIterations); iter++) {
    let changed = false;
    track.curves.forEach((c, k) => {
      if (seen[k] === othersVersion(k)) return;
      seen[k] = othersVersion(k);
      if (paths[k]) addClaims(claims, paths[k], -1);
      const { emit, noBridge } = withSharePenalty(table, bases[k], claims, o);
      const path = traceOne(table, ws, { emit, noBridge, wrap: wrapSpan(track, c), useClusters: c.style === 'broken' }, seeds[k], o);
      if (!paths[k] || !samePath(paths[k], path)) { changed = true; version[k]++; }
      paths[k] = path;
      addClaims(claims, path, +1);
    });
    if (!changed) break;
  }
  return paths;
}

function wrapSpan(track: TrackSpec, c: CurveSpec): WrapSpan | null {
  return c.wrap ? { x0: track.x0, x1: track.x1 } : null;
}

/** The run nearest the user's seed pixel, searched a few px sideways and a few rows up and down. */
function findSeedRun(table: RunTable, c: CurveSpec, t: number, track: TrackSpec, o: TraceOptions): number {
  const { x, y } = c.seed ?? { x: NaN, y: NaN };
  const name = curveName(t, c);
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new TraceError(`${name} has no seed pixel`);
  if (x < track.x0 - o.runs.margin || x > track.x1 + o.runs.margin) {
    throw new TraceError(`${name}: seed x ${x} is outside the track (${track.x0}..${track.x1})`);
  }
  const row = Math.floor(y) - table.y0;
  if (row < 0 || row >= table.rows) {
    throw new TraceError(`${name}: seed y ${y} is outside the traced rows ${table.y0}..${table.y0 + table.rows}`);
  }
  let best = -1, bestD = Infinity;
  for (let r = Math.max(0, row - o.seedRows); r <= Math.min(table.rows - 1, row + o.seedRows); r++) {
    for (let j = table.rowStart[r]; j < table.rowStart[r + 1]; j++) {
      const dx = x < table.left[j] ? table.left[j] - x : x > table.right[j] + 1 ? x - table.right[j] - 1 : 0;
      const d = dx + Math.abs(r - row) + (table.gridOnly[j] ? 2 : 0);
      if (dx <= o.seedRadiusPx && d < bestD) { bestD = d; best = j; }
    }
  }
  if (best < 0) {
    throw new TraceError(`${name}: seed (${x}, ${y}) is not on curve ink: nothing within ${o.seedRadiusPx} px and ${o.seedRows} rows`);
  }
  return best;
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

/** Adds the cost of sharing a run another curve holds; narrow shared runs may not start a bridge. */
function withSharePenalty(table: RunTable, base: Float32Array, claims: Int32Array, o: TraceOptions) {
  const emit = base.slice();
  const noBridge = new Uint8Array(table.count);
  for (let j = 0; j < table.count; j++) {
    if (claims[j] === 0) continue;
    const wide = isWide(table, j);
    emit[j] += claims[j] * (wide ? o.shareWide : o.shareNarrow);
    noBridge[j] = wide ? 0 : 1;
  }
  return { emit, noBridge };
}

/** Down from the seed, then up from the same seed run; one path over all rows. */
function traceOne(
  table: RunTable, ws: DpWorkspace, curve: Pick<DpInput, 'emit' | 'noBridge' | 'wrap' | 'useClusters'>, seed: number, o: TraceOptions,
): DpPath {
  const seedRow = table.row[seed];
  const init = [{ run: seed, cost: 0 }];
  const down = runDp({ ...curve, table, start: seedRow, end: table.rows - 1, init, options: o }, ws);
  const up = runDp({ ...curve, table, start: seedRow, end: 0, init, options: o }, ws);
  // up covers rows 0..seedRow, down covers seedRow..rows-1
  const join = <T extends Int32Array | Uint8Array | Float64Array | Int8Array | Float32Array>(a: T, b: T, out: T): T => {
    out.set(a.subarray(0, seedRow));
    out.set(b, seedRow);
    return out;
  };
  const n = table.rows;
  return {
    run: join(up.run, down.run, new Int32Array(n)),
    kind: join(up.kind, down.kind, new Uint8Array(n)),
    pos: join(up.pos, down.pos, new Float64Array(n)),
    cycle: join(up.cycle, down.cycle, new Int8Array(n)),
    step: join(up.step, down.step, new Float32Array(n)),
  };
}

function addClaims(claims: Int32Array, path: DpPath, delta: number): void {
  for (let r = 0; r < path.run.length; r++) if (path.run[r] >= 0) claims[path.run[r]] += delta;
}

function samePath(a: DpPath, b: DpPath): boolean {
  for (let r = 0; r < a.run.length; r++) if (a.run[r] !== b.run[r] || a.kind[r] !== b.kind[r]) return false;
  return true;
}
