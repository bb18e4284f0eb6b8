/**
 * The curves of one track traced together (block coordinate descent): each curve's DP sees a penalty
 * on the runs the other curves hold, and the curves are re-traced in turn until no path changes. So
 * two curves share a run only where that is cheaper than any alternative (they truly overlap, or a
 * merged crossing run).
 * A curve's seed stroke (its seed run and the ink that can only continue one way from it, RunTable.mate)
 * is the user's word for where that curve is: no other curve may hold it. Without that, a curve traced
 * early could run through another's seed (two look-alike lines side by side), and the other, finding
 * its own line held, would leave its seed at once for the first one's line.
 * Pixel space of the upright scan; costs per scan row, as in options.ts.
 */
import type { TrackSpec } from '../calibration/layout.ts';
import { isWide, type RunTable } from './runs.ts';
import type { TraceOptions } from './options.ts';
import { runDp, type DpInput, type DpPath, type DpWorkspace } from './viterbi.ts';
import type { WrapSpan } from './dp-state.ts';

export interface JointInput {
  table: RunTable;
  ws: DpWorkspace;
  track: TrackSpec;
  /** per curve: emission per run without any share penalty */
  bases: Float32Array[];
  /** per curve: its seed run */
  seeds: number[];
  /** per curve: the runs at its anchor points (the user's extra clicks on it), any order */
  anchors?: number[][];
  o: TraceOptions;
}

interface Joint {
  paths: DpPath[];
  /** claims[j]: how many paths hold run j */
  claims: Int32Array;
  /** owner[j]: the curve whose seed stroke run j is on, or -1 */
  owner: Int32Array;
}

export function wrapSpan(track: TrackSpec, k: number): WrapSpan | null {
  return track.curves[k].wrap ? { x0: track.x0, x1: track.x1 } : null;
}

/** Every curve of the track traced jointly; paths in layout order. */
export function traceJointly(input: JointInput): DpPath[] {
  const n = input.track.curves.length;
  // strokes nobody else may hold: each curve's seed stroke (o.seedStrokes) and, always, its anchors' strokes
  const strokes = input.seeds.map((seed, k) => [...(input.o.seedStrokes ? [seed] : []), ...(input.anchors?.[k] ?? [])]);
  const j: Joint = { paths: [], claims: new Int32Array(input.table.count), owner: seedStrokes(input.table, strokes) };
  // stale[k]: curve k has not been traced since another path changed
  const stale = new Array(n).fill(true);
  for (let iter = 0; iter < Math.max(1, input.o.jointIterations) && stale.some(Boolean); iter++) {
    for (let k = 0; k < n; k++) {
      if (!stale[k]) continue;
      stale[k] = false;
      if (retrace(input, j, k)) for (let m = 0; m < n; m++) if (m !== k) stale[m] = true;
    }
  }
  return j.paths;
}

/** Re-traces curve k against every other curve's claims and seed strokes; true if its path changed. */
function retrace(input: JointInput, j: Joint, k: number): boolean {
  const { table, ws, track, bases, seeds, o } = input;
  const old = j.paths[k];
  if (old) addClaims(j.claims, old, -1);
  const { emit, noBridge } = withSharePenalty(table, bases[k], j.claims, o);
  for (let r = 0; r < table.count; r++) if (j.owner[r] >= 0 && j.owner[r] !== k) emit[r] = Infinity;
  const gates = new Map((input.anchors?.[k] ?? []).map((run) => [table.row[run], run]));
  const path = traceOne(table, ws, { emit, noBridge, wrap: wrapSpan(track, k), useClusters: track.curves[k].style === 'broken', gates }, seeds[k], o);
  j.paths[k] = path;
  addClaims(j.claims, path, +1);
  return !old || !samePath(old, path);
}

/**
 * Per run: the curve whose seed or anchor stroke it is on (the run and its 1:1 links up and down), or
 * -1. `strokes[k]`: the runs curve k's strokes start from.
 */
function seedStrokes(table: RunTable, strokes: number[][]): Int32Array {
  const owner = new Int32Array(table.count).fill(-1);
  const up = new Int32Array(table.count).fill(-1);
  for (let i = 0; i < table.count; i++) if (table.mate[i] >= 0) up[table.mate[i]] = i;
  const CONTESTED = -2; // on the strokes of two seeds (curves that overlap there): nobody's
  strokes.forEach((starts, k) => {
    const mark = (i: number) => { owner[i] = owner[i] === -1 || owner[i] === k ? k : CONTESTED; };
    for (const seed of starts) {
      mark(seed);
      for (const link of [table.mate, up]) for (let i = link[seed]; i >= 0; i = link[i]) mark(i);
    }
  });
  for (let i = 0; i < owner.length; i++) if (owner[i] === CONTESTED) owner[i] = -1;
  return owner;
}

function sharePenalty(table: RunTable, j: number, o: TraceOptions): number {
  return isWide(table, j) ? o.shareWide : o.shareNarrow;
}

/** Adds the cost of sharing a run another curve holds; narrow shared runs may not start a bridge. */
function withSharePenalty(table: RunTable, base: Float32Array, claims: Int32Array, o: TraceOptions) {
  const emit = base.slice();
  const noBridge = new Uint8Array(table.count);
  for (let j = 0; j < table.count; j++) {
    if (claims[j] === 0) continue;
    emit[j] += claims[j] * sharePenalty(table, j, o);
    noBridge[j] = isWide(table, j) ? 0 : 1;
  }
  return { emit, noBridge };
}

/** Down from the seed, then up from the same seed run; one path over all rows. */
export function traceOne(
  table: RunTable, ws: DpWorkspace, curve: Pick<DpInput, 'emit' | 'noBridge' | 'wrap' | 'useClusters' | 'gates'>, seed: number, o: TraceOptions,
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
