/**
 * Dynamic programming over candidate runs for one curve in one direction (down or up from the seed).
 *
 * States per row: each run on each wrap cycle (the curve is on it), a few bridged states (the curve
 * crosses a row without ink: a dash gap, a crossing depth line), and two absent states (anywhere, and
 * off scale beyond a track edge: stepLost). The path's slope travels with each state, so a step's cost
 * can use the predicted position (identity through X crossings) and the unwrapped distance across a
 * track edge (wrap / back-up scales). See dp-state.ts.
 */
import { isWide, type RunTable } from './runs.ts';
import type { TraceOptions } from './options.ts';
import { DpWorkspace, States, bridgeDrift, canWrap, cycleRange, distToInterval, type WrapSpan } from './dp-state.ts';

export { DpWorkspace, type WrapSpan } from './dp-state.ts';

// The hot helpers bound once: under tsx (the CLI, the benchmarks) a call to an imported function goes
// through a module getter each time, which V8 did not inline in stepRun (about 7% of a trace's time).
const dist = distToInterval, drift = bridgeDrift, wide = isWide;

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
  /**
   * measure steps between run clusters, not runs (broken-style curves): along a nearly horizontal
   * stroke a dashed curve's gaps lie within rows, so its dashes in one row are one piece of the curve
   */
  useClusters?: boolean;
  /** cost per bridged row, wSkip where unset: the joint tracing gives a solid curve wSkipSolid */
  skip?: number;
  /**
   * table row → the run the curve must be on there (a user's anchor point): at that row only the
   * run's states survive (no bridge, not absent), when any path reaches it; else the row is free
   */
  gates?: Map<number, number>;
  /**
   * the track's edges, for a curve without a back-up scale: where its path leaves ink at an edge it may
   * be off scale (clipped, or pinned along the edge), absent at wOffScale a row, not wLost
   */
  edges?: WrapSpan | null;
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

interface Lost {
  id: number;
  cost: number;
  pos: number;
  cycle: number;
  /** rows absent so far */
  age: number;
}

/** The absent states of a row: [0] anywhere (wLost a row), [1] off scale beyond a track edge (wOffScale a row). */
type Absent = [Lost | null, Lost | null];

/** Per-DP scratch: the bridged beam's order, last row's states by cost and the best arrival per cycle of one run. */
interface Scratch {
  order: Int32Array;
  byCost: Int32Array;
  key: Float64Array;
  pred: Float64Array;
  best: Float64Array;
  bestS: Int32Array;
  bestPred: Float64Array;
}

interface Ctx {
  t: RunTable;
  w: DpWorkspace;
  o: TraceOptions;
  emit: Float32Array;
  wrap: WrapSpan | null;
  span: number;
  /** the wrap cycles this curve may take (its backup side) */
  cLo: number;
  cHi: number;
  /** per run: the interval steps are measured to (the run, or its cluster) */
  gl: Int32Array;
  gr: Int32Array;
  tmp: Scratch;
  /** +1 down the scan, −1 up */
  dir: number;
  edges: WrapSpan | null;
  /** a solid curve: its smoothed slope is measured run to run, so it may tell where the line is heading */
  solid: boolean;
  /** cost per bridged row (DpInput.skip) */
  skip: number;
}

/** Runs the DP and returns the cheapest path from the initial states. */
export function runDp(input: DpInput, w: DpWorkspace): DpPath {
  const { table: t, emit, start, end, options: o, wrap } = input;
  const dir = end >= start ? 1 : -1;
  const size = o.runs.maxRunsPerRow * w.cycles + w.carried + 1;
  const C = w.cycles;
  const tmp: Scratch = {
    order: new Int32Array(size), byCost: new Int32Array(size), key: new Float64Array(size), pred: new Float64Array(size),
    best: new Float64Array(C), bestS: new Int32Array(C), bestPred: new Float64Array(C),
  };
  const ctxWrap = wrap && w.maxCycle > 0 ? wrap : null;
  const [cLo, cHi] = cycleRange(ctxWrap, w.maxCycle);
  const ctx: Ctx = { t, w, o, emit, wrap: ctxWrap, span: wrap ? wrap.x1 - wrap.x0 : 0, cLo, cHi,
    gl: input.useClusters ? t.clusterLeft : t.left, gr: input.useClusters ? t.clusterRight : t.right, tmp, dir,
    edges: input.edges ?? null, solid: !input.useClusters, skip: input.skip ?? o.wSkip };
  let prev = new States(size);
  let cur = new States(size);
  for (const s of input.init) {
    const i = prev.n++;
    const id = w.runId(s.run, 0);
    prev.id[i] = id;
    prev.run[i] = s.run;
    prev.cost[i] = s.cost + emit[s.run];
    prev.pos[i] = t.centre[s.run];
    prev.slope[i] = 0;
    prev.cycle[i] = 0;
    prev.age[i] = 0;
    prev.lo[i] = ctx.gl[s.run];
    prev.hi[i] = ctx.gr[s.run] + 1;
    prev.grid[i] = t.gridOnly[s.run];
    prev.skip[i] = bridgeCost(ctx, s.run);
    w.back[id] = -1;
    w.pos[id] = t.centre[s.run];
    w.cycle[id] = 0;
    w.step[id] = prev.cost[i];
  }
  let lost: Absent = [null, null];
  for (let r = start + dir; dir > 0 ? r <= end : r >= end; r += dir) {
    cur.n = 0;
    sortByCost(prev, tmp.byCost);
    const gate = input.gates?.get(r);
    if (gate !== undefined) stepRun(ctx, gate, prev, lost, cur);
    if (gate !== undefined && cur.n > 0) {
      lost = [null, null];
    } else {
      for (let j = t.rowStart[r]; j < t.rowStart[r + 1]; j++) stepRun(ctx, j, prev, lost, cur);
      stepBridged(ctx, r, prev, cur, input.noBridge);
      lost = stepLost(ctx, r, prev, lost);
    }
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return backtrack(w, prev, lost, Math.min(start, end), Math.max(start, end));
}

/**
 * What each bridged row after run j costs: the curve's price, or a grid-only run's own emission where
 * that is higher (hopping along a grid line is no cheaper)
 */
function bridgeCost(ctx: Ctx, j: number): number {
  return ctx.t.gridOnly[j] ? Math.max(ctx.skip, ctx.emit[j]) : ctx.skip;
}

/** Best arrival on run j for each cycle, from last row's states (or the absent state); pushes them to `cur`. */
function stepRun(ctx: Ctx, j: number, prev: States, absent: Absent, cur: States): void {
  const { t, w, o, emit, wrap, span, tmp, dir } = ctx;
  const e = emit[j];
  if (!(e < Infinity)) return;
  const M = w.maxCycle;
  tmp.best.fill(Infinity);
  const gridRun = t.gridOnly[j] === 1;
  const c0 = ctx.cLo + M, c1 = ctx.cHi + M + 1; // the cycle slots this curve can use
  for (let q0 = 0; q0 < prev.n; q0++) {
    const s = tmp.byCost[q0];
    // steps only add cost: once the states (cheapest first) cost more than every arrival found so far,
    // none can win. Not on equal cost: there the lowest state index wins, as it would in index order.
    let worst = tmp.best[c0];
    for (let c = c0 + 1; c < c1; c++) worst = Math.max(worst, tmp.best[c]);
    if (prev.cost[s] > worst) break;
    const k = prev.age[s] + 1;
    // a flat stretch on a grid line is entered and left by connected ink, not across a long bridge
    if (k - 1 > o.maxGridBridgeRows && (gridRun || prev.grid[s])) continue;
    const slope = Math.max(-o.maxSlope, Math.min(o.maxSlope, prev.slope[s]));
    const pred = prev.pos[s] + slope * k;
    for (let q = 0; q < (wrap ? 3 : 1); q++) {
      const dc = q === 0 ? 0 : q === 1 ? 1 : -1;
      const c = prev.cycle[s] + dc;
      if (dc !== 0 && (c < ctx.cLo || c > ctx.cHi || !canWrap(wrap!, t, j, prev.lo[s], prev.hi[s], prev.cycle[s], dc, o.wrapEdgePx))) continue;
      const lo = ctx.gl[j] + c * span, hi = ctx.gr[j] + 1 + c * span;
      const gap = Math.max(0, lo - prev.hi[s], prev.lo[s] - hi);
      // a gap in the ink is a dash gap or a crossing line, short along the curve whatever its slope
      if (k > 1 && (k - 1) * (k - 1) + gap * gap > o.maxBridgeArcPx * o.maxBridgeArcPx) continue;
      const pd = dist(pred, lo, hi);
      const jd = Math.max(0, Math.min(gap, pd) - drift(k));
      // ink that can only continue one way is followed whatever the slope said (a spike, a sharp turn)
      const sole = k === 1 && dc === 0 && (dir > 0 ? t.mate[prev.run[s]] === j : t.mate[j] === prev.run[s]);
      const cost = sole ? prev.cost[s] : prev.cost[s] + o.wJump * jd + o.wSlope * Math.min(pd, o.slopeCapPx) + (dc !== 0 ? o.wWrap : 0);
      if (cost < tmp.best[c + M] || (cost === tmp.best[c + M] && s < tmp.bestS[c + M])) { tmp.best[c + M] = cost; tmp.bestS[c + M] = s; tmp.bestPred[c + M] = pred; }
    }
  }
  for (let a = 0; a < 2 && !gridRun; a++) {
    const lost = absent[a];
    if (!lost || (a === 1 && !backOnScale(ctx, lost.pos, j))) continue;
    const d = dist(lost.pos, ctx.gl[j] + lost.cycle * span, ctx.gr[j] + 1 + lost.cycle * span);
    const cost = lost.cost + o.wReacquire + o.wReacquirePx * d;
    if (cost < tmp.best[lost.cycle + M]) { tmp.best[lost.cycle + M] = cost; tmp.bestS[lost.cycle + M] = -1 - a; }
  }
  for (let c = -M; c <= M; c++) if (tmp.best[c + M] < Infinity) pushRunState(ctx, j, c, prev, absent, cur);
}

/**
 * State s's last run reaches a track edge and its slope heads across it (not a curve running along the
 * edge). A solid curve swinging fast reaches further: where its slope carries it over the edge within
 * offScaleLookRows rows it is heading off scale, though its last ink lies beyond offScaleEdgePx.
 */
function headsOffScale(ctx: Ctx, prev: States, s: number): boolean {
  const e = ctx.edges!, o = ctx.o, slope = prev.slope[s]; // px per row in the direction of travel
  const reach = ctx.solid ? Math.max(o.offScaleEdgePx, o.offScaleLookRows * Math.abs(slope)) : o.offScaleEdgePx;
  if (slope <= -o.offScaleSlope) return prev.lo[s] <= e.x0 + reach;
  // a run reaching both edges (a stroke across the track) is taken as at the left one, as it always was
  return slope >= o.offScaleSlope && prev.hi[s] >= e.x1 - reach && prev.lo[s] > e.x0 + o.offScaleEdgePx;
}

/** A curve off scale comes back at the edge it left: may one that left at x land on run j? */
function backOnScale(ctx: Ctx, x: number, j: number): boolean {
  const e = ctx.edges!, px = ctx.o.offScaleEdgePx;
  return 2 * x < e.x0 + e.x1 ? ctx.gl[j] <= e.x0 + px : ctx.gr[j] + 1 >= e.x1 - px;
}

/** Indices of the states in `st`, cheapest first; equal costs keep index order. */
function sortByCost(st: States, out: Int32Array): void {
  for (let s = 0; s < st.n; s++) {
    let i = s;
    while (i > 0 && st.cost[out[i - 1]] > st.cost[s]) { out[i] = out[i - 1]; i--; }
    out[i] = s;
  }
}

function pushRunState(ctx: Ctx, j: number, c: number, prev: States, absent: Absent, cur: States): void {
  const { t, w, o, emit, span, tmp } = ctx;
  const M = w.maxCycle;
  const best = tmp.best[c + M], s = tmp.bestS[c + M], pred = tmp.bestPred[c + M];
  const fromLost = s < 0;
  const lost = fromLost ? absent[-1 - s] : null;
  const lo = t.left[j] + c * span, hi = t.right[j] + 1 + c * span;
  // a wide run that holds the predicted x is two lines merged (an X crossing): keep to the prediction
  // and the slope; any other run (a near-horizontal stroke too) moves the path to its centre
  const merged = !fromLost && wide(t, j) && pred >= lo && pred <= hi;
  const pos = merged ? pred : t.centre[j] + c * span;
  const cost = best + emit[j] + o.wCycle * Math.abs(c);
  const i = cur.n++;
  const id = w.runId(j, c);
  cur.id[i] = id;
  cur.run[i] = j;
  cur.cost[i] = cost;
  cur.pos[i] = pos;
  cur.slope[i] = fromLost ? 0 : merged ? prev.slope[s]
    : (1 - o.slopeAlpha) * prev.slope[s] + (o.slopeAlpha * (pos - prev.pos[s])) / (prev.age[s] + 1);
  cur.cycle[i] = c;
  cur.age[i] = 0;
  cur.lo[i] = ctx.gl[j] + c * span;
  cur.hi[i] = ctx.gr[j] + 1 + c * span;
  cur.grid[i] = t.gridOnly[j];
  cur.skip[i] = bridgeCost(ctx, j);
  w.back[id] = lost ? lost.id : prev.id[s];
  w.pos[id] = pos;
  w.cycle[id] = c;
  w.step[id] = cost - (lost ? lost.cost : prev.cost[s]);
}

/**
 * Bridged states for row r: last row's states carried across a row without their ink. A small beam:
 * the cheapest ones, one per predicted position (a curve bridging from rows 147, 148 … is one option,
 * not many), with separate room for chains that leave a grid-only run (they may not live as long).
 */
function stepBridged(ctx: Ctx, r: number, prev: States, cur: States, noBridge?: Uint8Array): void {
  const { w, o, tmp } = ctx;
  const { order, key } = tmp;
  let n = 0;
  for (let s = 0; s < prev.n; s++) {
    if (prev.age[s] + 1 > (prev.grid[s] ? o.maxGridBridgeRows : o.maxBridgeRows)) continue;
    if (noBridge && prev.age[s] === 0 && noBridge[prev.run[s]]) continue;
    const c = prev.cost[s] + prev.skip[s] + o.wCycle * Math.abs(prev.cycle[s]);
    let i = n++; // insertion by cost: a handful of states per row
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
      dup = cur.grid[i] === prev.grid[s] && cur.cycle[i] === prev.cycle[s] && Math.abs(tmp.pred[i - first] - pred) < o.bridgeDedupePx;
    }
    if (dup) continue;
    if (isGrid) gridSlots--;
    else inkSlots--;
    const i = cur.n++;
    tmp.pred[i - first] = pred;
    prev.copy(s, cur, i);
    cur.cost[i] = key[q];
    cur.age[i] = prev.age[s] + 1;
    const id = w.bridgedId(r, i - first);
    w.back[id] = prev.id[s];
    w.pos[id] = NaN;
    w.cycle[id] = cur.cycle[i];
    w.step[id] = key[q] - prev.cost[s];
    cur.id[i] = id;
  }
}

/**
 * The row's absent states: [0] from last row's absent state or any state (wLostEnter once, wLost a
 * row); [1] off scale, entered only from a state whose last run reaches a track edge (ctx.edges) and
 * heads across it (headsOffScale): wLostEnter once, then wOffScale a row for at most offScaleMaxRows
 * rows, back only at the same edge (backOnScale). So a curve clipped beyond its scale for a stretch is
 * absent there rather than taking the cheapest line in sight to avoid the cost of being absent.
 */
function stepLost(ctx: Ctx, r: number, prev: States, absent: Absent): Absent {
  const { w, o, edges } = ctx;
  const out: Absent = [null, null];
  for (let a = 0; a < (edges ? 2 : 1); a++) {
    const perRow = a === 0 ? o.wLost : o.wOffScale;
    const lost = absent[a];
    let best: Lost | null = lost && (a === 0 || lost.age < o.offScaleMaxRows) ? { id: lost.id, cost: lost.cost + perRow, pos: lost.pos, cycle: lost.cycle, age: lost.age + 1 } : null;
    let step = perRow;
    for (let s = 0; s < prev.n; s++) {
      if (a === 1 && !headsOffScale(ctx, prev, s)) continue;
      const cost = prev.cost[s] + o.wLostEnter + perRow;
      if (!best || cost < best.cost) { best = { id: prev.id[s], cost, pos: prev.pos[s], cycle: prev.cycle[s], age: 1 }; step = o.wLostEnter + perRow; }
    }
    if (!best) continue;
    const id = a === 0 ? w.lostId(r) : w.offScaleId(r);
    w.back[id] = best.id;
    w.pos[id] = NaN;
    w.cycle[id] = best.cycle;
    w.step[id] = step; // entering an absent state pays wLostEnter once: the path's steps add up to its cost
    out[a] = { ...best, id };
  }
  return out;
}

function backtrack(w: DpWorkspace, last: States, absent: Absent, rMin: number, rMax: number): DpPath {
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
  for (const lost of absent) if (lost && lost.cost < cost) { cost = lost.cost; id = lost.id; }
  while (id >= 0) {
    const { kind, row, run } = w.decode(id);
    const k = row - rMin;
    path.kind[k] = kind;
    path.run[k] = run;
    path.pos[k] = w.pos[id];
    path.cycle[k] = w.cycle[id];
    path.step[k] = w.step[id];
    id = w.back[id];
  }
  return path;
}
