/**
 * Bookkeeping of the tracker's DP (viterbi.ts): row-local state lists and the per-track arena of
 * back-pointers. Positions are unwrapped px: u = x + cycle × span (span = track width), so a wrapped
 * curve is continuous in u.
 *
 * State ids in the arena: (run, cycle) pairs first — a run read on the main scale and on a back-up are
 * different states, or a wrong cycle could win a row greedily — then bridged states (`carried` per
 * row), then two "absent" states per row (anywhere, and off scale beyond a track edge).
 */
import type { BackupSide } from '../calibration/layout.ts';
import type { RunTable } from './runs.ts';

export interface WrapSpan {
  x0: number;
  x1: number;
  /** a wrapped curve's backup side (layout `backup`): right = cycles 0…+max, left = −max…0; absent = both */
  side?: BackupSide;
}

/** The lowest and highest wrap cycle a curve may take, for a cycle limit of ±max. */
export function cycleRange(ws: WrapSpan | null, max: number): [number, number] {
  if (!ws) return [0, 0];
  return [ws.side === 'right' ? 0 : -max, ws.side === 'left' ? 0 : max];
}

/** Row-local list of live states, reused between rows. */
export class States {
  n = 0;
  readonly id: Int32Array;
  /** run of the state's last ink row (for bridged states: where the bridge started) */
  readonly run: Int32Array;
  readonly cost: Float64Array;
  readonly pos: Float64Array;
  readonly slope: Float64Array;
  readonly cycle: Int32Array;
  /** rows since the last ink row (0 on a run) */
  readonly age: Int32Array;
  /** unwrapped interval [lo, hi) of the last run, px */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** the last run is grid-only */
  readonly grid: Uint8Array;
  /**
   * cost per bridged row: the curve's (wSkip, or wSkipSolid for a solid one), or a grid-only run's own
   * emission (hopping along a grid line is no cheaper)
   */
  readonly skip: Float64Array;
  constructor(size: number) {
    this.id = new Int32Array(size);
    this.run = new Int32Array(size);
    this.cost = new Float64Array(size);
    this.pos = new Float64Array(size);
    this.slope = new Float64Array(size);
    this.cycle = new Int32Array(size);
    this.age = new Int32Array(size);
    this.lo = new Float64Array(size);
    this.hi = new Float64Array(size);
    this.grid = new Uint8Array(size);
    this.skip = new Float64Array(size);
  }

  copy(i: number, to: States, k: number): void {
    to.id[k] = this.id[i];
    to.run[k] = this.run[i];
    to.cost[k] = this.cost[i];
    to.pos[k] = this.pos[i];
    to.slope[k] = this.slope[i];
    to.cycle[k] = this.cycle[i];
    to.age[k] = this.age[i];
    to.lo[k] = this.lo[i];
    to.hi[k] = this.hi[i];
    to.grid[k] = this.grid[i];
    to.skip[k] = this.skip[i];
  }
}

/** Per-track arena shared by every DP of the track's curves (each DP overwrites what it visits). */
export class DpWorkspace {
  readonly back: Int32Array;
  readonly pos: Float64Array;
  readonly cycle: Int8Array;
  readonly step: Float32Array;
  /** cycle slots per run: 2 × maxCycle + 1 */
  readonly cycles: number;
  private readonly bridgedBase: number;
  private readonly lostBase: number;
  constructor(readonly table: RunTable, readonly carried: number, readonly maxCycle: number) {
    this.cycles = 2 * maxCycle + 1;
    this.bridgedBase = table.count * this.cycles;
    this.lostBase = this.bridgedBase + table.rows * carried;
    const n = this.lostBase + 2 * table.rows;
    this.back = new Int32Array(n);
    this.pos = new Float64Array(n);
    this.cycle = new Int8Array(n);
    this.step = new Float32Array(n);
  }
  runId(run: number, cycle: number): number {
    return run * this.cycles + cycle + this.maxCycle;
  }
  bridgedId(row: number, slot: number): number {
    return this.bridgedBase + row * this.carried + slot;
  }
  lostId(row: number): number {
    return this.lostBase + row;
  }
  /** the absent state of a curve off its scale beyond a track edge (viterbi.ts) */
  offScaleId(row: number): number {
    return this.lostBase + this.table.rows + row;
  }
  /** What an id stands for: kind 1 = on a run, 2 = bridged, 0 = absent; its table row; its run or -1. */
  decode(id: number): { kind: number; row: number; run: number } {
    if (id < this.bridgedBase) {
      const run = Math.floor(id / this.cycles);
      return { kind: 1, row: this.table.row[run], run };
    }
    if (id < this.lostBase) return { kind: 2, row: Math.floor((id - this.bridgedBase) / this.carried), run: -1 };
    return { kind: 0, row: (id - this.lostBase) % this.table.rows, run: -1 };
  }
}

/** Free sideways drift (px) after a k-row step: the slope may change during a bridge, a little. */
export function bridgeDrift(k: number): number {
  return k === 1 ? 0 : Math.min(0.1 * k * k, 0.5 * k);
}

export function distToInterval(x: number, lo: number, hi: number): number {
  return x < lo ? lo - x : x > hi ? x - hi : 0;
}

/**
 * May a state whose last run spans unwrapped [lo, hi) on `cycle` land on run j on cycle + dc (dc = ±1)?
 * Only across the edge that run touches, onto a run touching the opposite edge.
 */
export function canWrap(ws: WrapSpan, t: RunTable, j: number, lo: number, hi: number, cycle: number, dc: number, edge: number): boolean {
  const shift = cycle * (ws.x1 - ws.x0);
  if (dc > 0) return hi - shift >= ws.x1 - edge && t.left[j] <= ws.x0 + edge;
  return lo - shift <= ws.x0 + edge && t.right[j] + 1 >= ws.x1 - edge;
}
