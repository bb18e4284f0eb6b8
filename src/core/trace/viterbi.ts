/**
 * Dynamic programming over candidate runs for one curve in one direction (down or up from the seed).
 *
 * States per row: each run (the curve is on it), a few bridged states (the curve crosses a
 * row without ink: a dash gap), and one "lost" state (the curve is absent). The path's slope and
 * wrap cycle travel with each state, so the step cost can use the predicted position (identity through
 * X crossings) and the unwrapped distance across a track edge (wrap / back-up scales).
 * Positions inside the DP are unwrapped: u = x + cycle × span, px.
 */
import { isWide, type RunTable } from './runs.ts';
import type { TraceOptions } from './options.ts';

export interface WrapSpan {
  x0: number;
  x1: number;
}

export interface DpInput {
  table: RunTable;
  /** emission cost per run for this curve; Infinity forbids a run */
  emit: Float32Array;
  /**
   * 1 = runs no bridge may leave: narrow runs another curve holds. Otherwise a curve whose ink has
   * ended could hop along its neighbour, one landing every maxBridgeRows, instead of being absent.
   */
  noBridge?: Uint8Array;
  /** table rows to cover: from `start` (holding the initial states) to `end` inclusive, either direction */
  start: number;
  end: number;
  init: { run: number; cost: number }[];
  wrap: WrapSpan | null;
  options: TraceOptions;
}

/** The chosen path, one entry per table row in [min(start,end), max(start,end)]. */
export interface DpPath {
  /** run index, or -1 (bridged or absent) */
  run: Int32Array;
  /** 0 absent, 1 on a run, 2 bridged */
  kind: Uint8Array;
  /** unwrapped x on run rows, px */
  pos: Float64Array;
  cycle: Int8Array;
  /** cost paid to enter this row's state (transition + emission) */
  step: Float32Array;
}

const ABSENT = 0;
const ON_RUN = 1;
const BRIDGED = 2;

/** Row-local state list, reused between rows. */
class States {
  n = 0;
  constructor(
    size: number,
    readonly id = new Int32Array(size),
    readonly cost = new Float64Array(size),
    readonly pos = new Float64Array(size),
    readonly slope = new Float64Array(size),
    readonly cycle = new Int32Array(size),
    readonly age = new Int32Array(size),
    /** unwrapped interval [lo, hi) of the last run on the path, px */
    readonly lo = new Float64Array(size),
    readonly hi = new Float64Array(size),
    /** the last run on the path is grid-only */
    readonly grid = new Uint8Array(size),
    /** cost per bridged row: wSkip, or a grid-only run's own emission (hopping along a grid line is no cheaper) */
    readonly skip = new Float64Array(size),
  ) {}
}

interface Lost {
  id: number;
  cost: number;
  pos: number;
  cycle: number;
}

/** Per-track buffers shared by every DP run of the track (ids: runs, then bridged, then lost states). */
export class DpWorkspace {
  readonly back: Int32Array;
  readonly pos: Float64Array;
  readonly cycle: Int8Array;
  readonly step: Float32Array;
  /** `carried`: bridged states per row (all beams together) */
  constructor(readonly table: RunTable, readonly carried: number) {
    const n = table.count + table.rows * carried + table.rows;
    this.back = new Int32Array(n);
    this.pos = new Float64Array(n);
    this.cycle = new Int8Array(n);
    this.step = new Float32Array(n);
  }
  bridgedId(row: number, slot: number): number {
    return this.table.count + row * this.carried + slot;
  }
  lostId(row: number): number {
    return this.table.count + this.table.rows * this.carried + row;
  }
}

/** Free sideways drift (px) after a k-row step: the slope may change during a bridge, a little. */
function bridgeDrift(k: number): number {
  return k === 1 ? 0 : Math.min(0.1 * k * k, 0.5 * k);
}

function distToInterval(x: number, lo: number, hi: number): number {
  return x < lo ? lo - x : x > hi ? x - hi : 0;
}

/**
 * May a state at unwrapped `pos` on `cycle` land on run j on cycle + dc (dc = ±1)? Only across the
 * edge it is near, onto a run near the opposite edge.
 */
function canWrap(ws: WrapSpan, t: RunTable, j: number, pos: number, cycle: number, dc: number, edge: number): boolean {
  const x = pos - cycle * (ws.x1 - ws.x0);
  if (dc > 0) return x >= ws.x1 - edge && t.left[j] <= ws.x0 + edge;
  return x <= ws.x0 + edge && t.right[j] + 1 >= ws.x1 - edge;
}

/** Runs the DP and returns the cheapest path from the initial states. */
export function runDp(input: DpInput, w: DpWorkspace): DpPath {
  const { table: t, emit, start, end, options: o, wrap } = input;
  const dir = end >= start ? 1 : -1;
  const size = o.runs.maxRunsPerRow + w.carried + 1;
  const tmp: BridgeScratch = { order: new Int32Array(size), key: new Float64Array(size), pred: new Float64Array(size) };
  let prev = new States(size);
  let cur = new States(size);
  const span = wrap ? wrap.x1 - wrap.x0 : 0;

  for (const s of input.init) {
    const i = prev.n++;
    prev.id[i] = s.run;
    prev.cost[i] = s.cost + emit[s.run];
    prev.pos[i] = t.centre[s.run];
    prev.slope[i] = 0;
    prev.cycle[i] = 0;
    prev.age[i] = 0;
    prev.lo[i] = t.left[s.run];
    prev.hi[i] = t.right[s.run] + 1;
    prev.grid[i] = t.gridOnly[s.run];
    prev.skip[i] = t.gridOnly[s.run] ? Math.max(o.wSkip, emit[s.run]) : o.wSkip;
    w.back[s.run] = -1;
    w.pos[s.run] = t.centre[s.run];
    w.cycle[s.run] = 0;
    w.step[s.run] = prev.cost[i];
  }
  let lost: Lost | null = null;

  for (let r = start + dir; dir > 0 ? r <= end : r >= end; r += dir) {
    cur.n = 0;
    stepRuns(t, r, prev, lost, cur, emit, wrap, span, o, w);
    stepBridged(r, prev, cur, o, w, tmp, input.noBridge);
    lost = stepLost(r, prev, lost, o, w);
    [prev, cur] = [cur, prev];
  }
  return backtrack(w, prev, lost, Math.min(start, end), Math.max(start, end));
}

function stepRuns(
  t: RunTable, r: number, prev: States, lost: Lost | null, cur: States, emit: Float32Array,
  wrap: WrapSpan | null, span: number, o: TraceOptions, w: DpWorkspace,
): void {
  for (let j = t.rowStart[r]; j < t.rowStart[r + 1]; j++) {
    const e = emit[j];
    if (!(e < Infinity)) continue;
    let best = Infinity, bestS = -1, bestCycle = 0, bestPred = 0;
    const gridRun = t.gridOnly[j] === 1;
    for (let s = 0; s < prev.n; s++) {
      const k = prev.age[s] + 1;
      // a flat stretch on a grid line is entered and left by connected ink, not across a long bridge
      if (k - 1 > o.maxGridBridgeRows && (gridRun || prev.grid[s])) continue;
      const slope = Math.max(-o.maxSlope, Math.min(o.maxSlope, prev.slope[s]));
      const pred = prev.pos[s] + slope * k;
      for (let q = 0; q < (wrap ? 3 : 1); q++) {
        const dc = q === 0 ? 0 : q === 1 ? 1 : -1;
        if (dc !== 0 && !canWrap(wrap!, t, j, prev.pos[s], prev.cycle[s], dc, o.wrapEdgePx)) continue;
        const c = prev.cycle[s] + dc;
        const lo = t.left[j] + c * span;
        const hi = t.right[j] + 1 + c * span;
        const gap = Math.max(0, lo - prev.hi[s], prev.lo[s] - hi);
        const pd = distToInterval(pred, lo, hi);
        const jd = Math.max(0, Math.min(gap, pd) - bridgeDrift(k));
        const cost = prev.cost[s] + o.wJump * jd + o.wSlope * Math.min(pd, o.slopeCapPx)
          + (c !== prev.cycle[s] ? o.wWrap : 0);
        if (cost < best) { best = cost; bestS = s; bestCycle = c; bestPred = pred; }
      }
    }
    let fromLost = false;
    if (lost && !gridRun) {
      const lo = t.left[j] + lost.cycle * span;
      const d = distToInterval(lost.pos, lo, t.right[j] + 1 + lost.cycle * span);
      const cost = lost.cost + o.wReacquire + o.wReacquirePx * d;
      if (cost < best) { best = cost; fromLost = true; bestCycle = lost.cycle; }
    }
    if (!(best < Infinity)) continue;
    const i = cur.n++;
    const lo = t.left[j] + bestCycle * span;
    const hi = t.right[j] + 1 + bestCycle * span;
    const wide = isWide(t, j) && !fromLost;
    const pos = wide ? Math.max(lo, Math.min(hi, bestPred)) : t.centre[j] + bestCycle * span;
    cur.id[i] = j;
    cur.cost[i] = best + e;
    cur.pos[i] = pos;
    cur.slope[i] = fromLost ? 0 : wide ? prev.slope[bestS]
      : (1 - o.slopeAlpha) * prev.slope[bestS] + o.slopeAlpha * (pos - prev.pos[bestS]) / (prev.age[bestS] + 1);
    cur.cycle[i] = bestCycle;
    cur.age[i] = 0;
    cur.lo[i] = lo;
    cur.hi[i] = hi;
    cur.grid[i] = gridRun ? 1 : 0;
    cur.skip[i] = gridRun ? Math.max(o.wSkip, e) : o.wSkip;
    w.back[j] = fromLost ? lost!.id : prev.id[bestS];
    w.pos[j] = pos;
    w.cycle[j] = bestCycle;
    w.step[j] = best + e - (fromLost ? lost!.cost : prev.cost[bestS]);
  }
}

/**
 * Bridged states for row r: last row's states carried across a row without their ink. A small beam:
 * the cheapest ones, one per predicted position (a curve bridging from rows 147, 148 … is one option,
 * not many), with separate room for chains that leave a grid-only run (they may not live as long).
 */
function stepBridged(
  r: number, prev: States, cur: States, o: TraceOptions, w: DpWorkspace, tmp: BridgeScratch, noBridge?: Uint8Array,
): void {
  let n = 0;
  const order = tmp.order, key = tmp.key;
  for (let s = 0; s < prev.n; s++) {
    if (prev.age[s] + 1 > (prev.grid[s] ? o.maxGridBridgeRows : o.maxBridgeRows)) continue;
    if (noBridge && prev.age[s] === 0 && noBridge[prev.id[s]]) continue;
    // insertion by cost: a handful of states per row
    const c = prev.cost[s] + prev.skip[s];
    let i = n++;
    while (i > 0 && key[i - 1] > c) { order[i] = order[i - 1]; key[i] = key[i - 1]; i--; }
    order[i] = s;
    key[i] = c;
  }
  const first = cur.n;
  let inkSlots = o.carried, gridSlots = o.carriedGrid;
  for (let q = 0; q < n; q++) {
    const s = order[q];
    const isGrid = prev.grid[s] === 1;
    if (isGrid ? gridSlots === 0 : inkSlots === 0) continue;
    const pred = prev.pos[s] + prev.slope[s] * (prev.age[s] + 1);
    let dup = false;
    for (let i = first; i < cur.n && !dup; i++) {
      dup = cur.grid[i] === prev.grid[s] && Math.abs(tmp.pred[i - first] - pred) < o.bridgeDedupePx;
    }
    if (dup) continue;
    if (isGrid) gridSlots--;
    else inkSlots--;
    const i = cur.n++;
    tmp.pred[i - first] = pred;
    copyState(prev, s, cur, i);
    cur.cost[i] = prev.cost[s] + prev.skip[s];
    cur.age[i] = prev.age[s] + 1;
    const id = w.bridgedId(r, i - first);
    w.back[id] = prev.id[s];
    w.pos[id] = NaN;
    w.cycle[id] = cur.cycle[i];
    w.step[id] = prev.skip[s];
    cur.id[i] = id;
  }
}

interface BridgeScratch {
  order: Int32Array;
  key: Float64Array;
  pred: Float64Array;
}

function copyState(a: States, i: number, b: States, k: number): void {
  b.id[k] = a.id[i];
  b.cost[k] = a.cost[i];
  b.pos[k] = a.pos[i];
  b.slope[k] = a.slope[i];
  b.cycle[k] = a.cycle[i];
  b.age[k] = a.age[i];
  b.lo[k] = a.lo[i];
  b.hi[k] = a.hi[i];
  b.grid[k] = a.grid[i];
  b.skip[k] = a.skip[i];
}

function stepLost(r: number, prev: States, lost: Lost | null, o: TraceOptions, w: DpWorkspace): Lost | null {
  let best: Lost | null = lost ? { id: lost.id, cost: lost.cost + o.wLost, pos: lost.pos, cycle: lost.cycle } : null;
  for (let s = 0; s < prev.n; s++) {
    const cost = prev.cost[s] + o.wLostEnter + o.wLost;
    if (!best || cost < best.cost) best = { id: prev.id[s], cost, pos: prev.pos[s], cycle: prev.cycle[s] };
  }
  if (!best) return null;
  const id = w.lostId(r);
  w.back[id] = best.id;
  w.pos[id] = NaN;
  w.cycle[id] = best.cycle;
  w.step[id] = o.wLost;
  return { ...best, id };
}

function backtrack(w: DpWorkspace, last: States, lost: Lost | null, rMin: number, rMax: number): DpPath {
  const n = rMax - rMin + 1;
  const path: DpPath = {
    run: new Int32Array(n).fill(-1),
    kind: new Uint8Array(n),
    pos: new Float64Array(n).fill(NaN),
    cycle: new Int8Array(n),
    step: new Float32Array(n),
  };
  let id = -1, cost = Infinity;
  for (let s = 0; s < last.n; s++) if (last.cost[s] < cost) { cost = last.cost[s]; id = last.id[s]; }
  if (lost && lost.cost < cost) id = lost.id;
  const t = w.table;
  const bridgedBase = t.count;
  const lostBase = t.count + t.rows * w.carried;
  while (id >= 0) {
    let row: number;
    let kind: number;
    if (id < bridgedBase) { row = t.row[id]; kind = ON_RUN; }
    else if (id < lostBase) { row = Math.floor((id - bridgedBase) / w.carried); kind = BRIDGED; }
    else { row = id - lostBase; kind = ABSENT; }
    const k = row - rMin;
    path.kind[k] = kind;
    path.run[k] = kind === ON_RUN ? id : -1;
    path.pos[k] = w.pos[id];
    path.cycle[k] = w.cycle[id];
    path.step[k] = w.step[id];
    id = w.back[id];
  }
  return path;
}
