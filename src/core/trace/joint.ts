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
import { CLAIM, addClaims, crossingsExempt } from './claims.ts';
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
  /** claims[j]: how many paths hold run j, in CLAIM units (a bridge over it holds a share, addClaims) */
  claims: Int32Array;
  /** owner[j]: the curve whose seed stroke run j is on, or -1 */
  owner: Int32Array;
  /** paths already traced, shared by the descents from every curve order */
  memo: RetraceMemo;
}

export function wrapSpan(track: TrackSpec, k: number): WrapSpan | null {
  return track.curves[k].wrap ? { x0: track.x0, x1: track.x1 } : null;
}

/**
 * Every curve of the track traced jointly; paths in layout order. Coordinate descent finds a local
 * optimum that depends on which curve goes first: the first one traced alone may take a look-alike
 * neighbour's line, and the others then settle around it. So the descent is run from several curve
 * orders (curveOrders) and the outcome that costs least as a whole (jointCost) wins.
 */
export function traceJointly(input: JointInput): DpPath[] {
  // strokes nobody else may hold: each curve's seed stroke (o.seedStrokes) and, always, its anchors' strokes
  const strokes = input.seeds.map((seed, k) => [...(input.o.seedStrokes ? [seed] : []), ...(input.anchors?.[k] ?? [])]);
  const owner = seedStrokes(input.table, strokes);
  let best: { paths: DpPath[]; cost: number } | null = null;
  const memo = new RetraceMemo();
  for (const order of curveOrders(input.track.curves.length, input.o.jointOrders)) {
    const paths = descend(input, owner, order, memo);
    const cost = jointCost(input.table, paths, input.o);
    if (!best || cost < best.cost) best = { paths, cost };
  }
  return best!.paths;
}

/**
 * The orders to start the descent from, layout order first: every permutation where there are at most
 * `max`, else each rotation of the layout order and of its reverse (each curve goes first once either way).
 */
export function curveOrders(n: number, max: number): number[][] {
  const ids = Array.from({ length: n }, (_, k) => k);
  let count = 1;
  for (let k = 2; k <= n && count <= max; k++) count *= k;
  if (count <= max) return permutations(ids);
  const rotations = (xs: number[]) => xs.map((_, s) => [...xs.slice(s), ...xs.slice(0, s)]);
  return [...rotations(ids), ...rotations([...ids].reverse())].slice(0, Math.max(1, max));
}

function permutations(xs: number[]): number[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/**
 * What a joint outcome costs: every path's own cost (its steps, shares with the others included) plus
 * wUnexplained for every run of confident curve ink that no path holds. Ink nobody explains is the mark
 * of a wrong outcome: a curve on its neighbour's line leaves its own line bare.
 */
export function jointCost(table: RunTable, paths: DpPath[], o: TraceOptions): number {
  let cost = 0;
  const held = new Uint8Array(table.count);
  for (const p of paths) {
    for (let r = 0; r < p.step.length; r++) {
      cost += p.step[r];
      if (p.run[r] >= 0) held[p.run[r]] = 1;
    }
  }
  for (let j = 0; j < table.count; j++) {
    if (!held[j] && !table.gridOnly[j] && table.prob[j] >= UNEXPLAINED_PROB) cost += o.wUnexplained;
  }
  return cost;
}

/** curve probability (0..1) from which a run nobody holds counts as unexplained ink */
const UNEXPLAINED_PROB = 0.5;

/** Block coordinate descent from one curve order: re-trace curves in turn until no path changes. */
function descend(input: JointInput, owner: Int32Array, order: number[], memo: RetraceMemo): DpPath[] {
  const n = input.track.curves.length;
  const j: Joint = { paths: [], claims: new Int32Array(input.table.count), owner, memo };
  // stale[k]: curve k has not been traced since another path changed
  const stale = new Array(n).fill(true);
  for (let iter = 0; iter < Math.max(1, input.o.jointIterations) && stale.some(Boolean); iter++) {
    for (const k of order) {
      if (!stale[k]) continue;
      stale[k] = false;
      if (retrace(input, j, k)) for (let m = 0; m < n; m++) if (m !== k) stale[m] = true;
    }
  }
  return j.paths;
}

/** Re-traces curve k against every other curve's claims and seed strokes; true if its path changed. */
function retrace(input: JointInput, j: Joint, k: number): boolean {
  const old = j.paths[k];
  if (old) addClaims(input.table, j.claims, old, -1, input.o);
  const claims = old ? crossingsExempt(input.table, j.claims, j.paths, k, old, input.o) : j.claims;
  const slot = j.memo.slot(k, claims);
  const path = slot.path ?? (slot.path = traceAgainst(input, j, k, claims));
  j.paths[k] = path;
  addClaims(input.table, j.claims, path, +1, input.o);
  return !old || !samePath(old, path);
}

/** Curve k's DP against `claims` (the others' paths; its own taken out) and the seed strokes in j. */
function traceAgainst(input: JointInput, j: Joint, k: number, claims: Int32Array): DpPath {
  const { table, ws, track, bases, seeds, o } = input;
  const { emit, noBridge } = withSharePenalty(table, bases[k], claims, o);
  for (let r = 0; r < table.count; r++) if (j.owner[r] >= 0 && j.owner[r] !== k) emit[r] = Infinity;
  const gates = new Map((input.anchors?.[k] ?? []).map((run) => [table.row[run], run]));
  return traceOne(table, ws, { emit, noBridge, wrap: wrapSpan(track, k), useClusters: track.curves[k].style === 'broken', gates }, seeds[k], o);
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
    emit[j] += (claims[j] / CLAIM) * sharePenalty(table, j, o);
    noBridge[j] = isWide(table, j) || claims[j] < CLAIM ? 0 : 1;
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

function samePath(a: DpPath, b: DpPath): boolean {
  for (let r = 0; r < a.run.length; r++) if (a.run[r] !== b.run[r] || a.kind[r] !== b.kind[r]) return false;
  return true;
}

/**
 * Curve k's traced path keyed by the claims it was traced against. Within one track a retrace is a pure
 * function of (k, claims): the seed, anchors, seed strokes and base emission are fixed. The descents from
 * different curve orders keep meeting the same states (the first curve of an order is traced against no
 * claims; descents that settle on the same outcome all re-trace it once more to confirm), so each such
 * DP is run once. Claims are stored sparse (run, count) and compared in full: a hash only picks the bucket.
 */
class RetraceMemo {
  private readonly buckets = new Map<string, { claims: Int32Array; path?: DpPath }[]>();
  private sparse(claims: Int32Array): { key: Int32Array; hash: number } {
    let m = 0;
    for (let i = 0; i < claims.length; i++) if (claims[i] !== 0) m++;
    const key = new Int32Array(2 * m);
    let h = 0x811c9dc5, q = 0;
    for (let i = 0; i < claims.length; i++) {
      if (claims[i] === 0) continue;
      key[q++] = i;
      key[q++] = claims[i];
      h = Math.imul(h ^ i, 0x01000193);
      h = Math.imul(h ^ claims[i], 0x01000193);
    }
    return { key, hash: h >>> 0 };
  }
  /** The entry for (k, claims): found, or new with no path yet (the caller traces and fills it in). */
  slot(k: number, claims: Int32Array): { path?: DpPath } {
    const { key, hash } = this.sparse(claims);
    const id = `${k}:${hash}`;
    let list = this.buckets.get(id);
    if (!list) this.buckets.set(id, (list = []));
    const found = list.find((e) => sameInts(e.claims, key));
    if (found) return found;
    const entry: { claims: Int32Array; path?: DpPath } = { claims: key };
    list.push(entry);
    return entry;
  }
}

function sameInts(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
