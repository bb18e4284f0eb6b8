/**
 * The curves of one track traced together (block coordinate descent): each curve's DP sees a penalty
 * on the runs the other curves hold, and the curves are re-traced in turn until no path changes. So
 * two curves share a run only where that is cheaper than any alternative (they truly overlap, or a
 * merged crossing run).
 * A curve's seed stroke (its seed run and the ink that can only continue one way from it, RunTable.mate)
 * is the user's word for where that curve is: no other curve may hold it. Without that, a curve traced
 * early could run through another's seed (two look-alike lines side by side), and the other, finding
 * its own line held, would leave its seed at once for the first one's line. The same holds for the
 * seed's zone (appearance.ts seedZone): the curve's own line around its seed out to its first meeting
 * with other ink. On a dashed line the seed stroke is one dash, which a look-alike curve simply bridges
 * over; the zone is the dashes either side too.
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
  /** per curve: runs of its stroke around its seed that no other curve may hold (appearance.ts seedZone) */
  zones?: number[][];
  o: TraceOptions;
}

interface Joint {
  paths: DpPath[];
  /** claims[j]: how many paths hold run j, in CLAIM units (a bridge over it holds a share, addClaims) */
  claims: Int32Array;
  /** owner[j]: the curve whose seed stroke or seed zone run j is on, or -1 */
  owner: Int32Array;
  /** paths already traced, shared by the descents from every curve order */
  memo: RetraceMemo;
}

export function wrapSpan(track: TrackSpec, k: number): WrapSpan | null {
  const c = track.curves[k];
  return c.wrap ? { x0: track.x0, x1: track.x1, side: c.backup } : null;
}

/** The edges beyond which curve k may be off its scale (viterbi.ts DpInput.edges): none for a wrapped curve. */
function scaleEdges(track: TrackSpec, k: number, o: TraceOptions): WrapSpan | null {
  return track.curves[k].wrap || !(o.wOffScale < Infinity) || o.offScaleMaxRows < 1 ? null : { x0: track.x0, x1: track.x1 };
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
  const owner = seedStrokes(input.table, strokes, input.zones);
  let best: { paths: DpPath[]; cost: number } | null = null;
  const memo = new RetraceMemo();
  for (const order of curveOrders(input.track.curves.length, input.o.jointOrders)) {
    const paths = descend(input, owner, order, memo);
    const cost = jointCost(input.table, paths, input.o);
    if (!best || cost < best.cost) best = { paths, cost };
  }
  return breakDuplicates(input, owner, best!.paths);
}

/**
 * Two curves on one line for dupMinRows rows or more: one of them has left its own line, most often
 * for a neighbour's near-horizontal swing. There the swing breaks into several runs a row (or one wide
 * run), so the two can sit side by side on it and pay little or nothing for sharing, and a dotted
 * line with gaps costs about as much to follow as the swing. The descent cannot undo that: each
 * re-trace weighs only its own curve's costs. So each such stretch is tried both ways, one curve
 * re-traced with the other's runs there forbidden and the change spliced in, and the outcome is kept
 * where the joint cost (every path's own cost, and the confident ink no path holds) falls, unless the
 * curve re-traced is left absent on many more rows: with nothing of its own to go to it would vanish.
 * Two curves that truly overlap stay as they are. A stretch whose rows hold fewer than dupMinRows / 2
 * runs of confident ink no path holds (no line left behind to go to) is not tried.
 */
function breakDuplicates(input: JointInput, owner: Int32Array, paths: DpPath[]): DpPath[] {
  const { table, o } = input;
  if (!(o.dupMinRows > 0) || paths.length < 2) return paths;
  let cost = jointCost(table, paths, o);
  const reach = sameLineReach(table);
  // what each curve was kept off by the fixes taken so far: a later re-trace of it keeps off them too
  const kept: number[][] = paths.map(() => []);
  for (const d of duplicateStretches(table, paths, o.dupMinRows)) {
    if (sharedRows(table, paths[d.a], paths[d.b], d.from, d.to, reach) < o.dupMinRows) continue; // an earlier fix parted them
    if (unheldInk(table, paths, d.from, d.to) < o.dupMinRows / 2) continue; // no line left behind to go to
    let best: { paths: DpPath[]; cost: number; k: number; forbid: number[] } | null = null;
    for (const [k, other] of [[d.a, d.b], [d.b, d.a]]) {
      const forbid: number[] = [...kept[k]];
      for (let r = d.from; r <= d.to; r++) {
        for (let j = table.rowStart[r]; j < table.rowStart[r + 1]; j++) if (within(table, paths[other], r, j, reach)) forbid.push(j);
      }
      const claims = new Int32Array(table.count);
      paths.forEach((p, m) => { if (m !== k) addClaims(table, claims, p, +1, o); });
      const trial = paths.slice();
      const near = { old: paths[k], from: d.from, to: d.to };
      trial[k] = splice(paths[k], traceAgainst(input, owner, k, crossingsExempt(table, claims, paths, k, paths[k], o), forbid, near), d.from, d.to);
      // the fix must find k a line of its own, not hide it: a trial that leaves k absent on dupMinRows more rows is not taken
      if (absentRows(trial[k]) > absentRows(paths[k]) + o.dupMinRows) continue;
      const c = jointCost(table, trial, o);
      if (c < (best?.cost ?? cost)) best = { paths: trial, cost: c, k, forbid };
    }
    if (best) {
      ({ paths, cost } = best);
      kept[best.k] = best.forbid;
    }
  }
  return paths;
}

/** Runs of confident curve ink in rows [from, to] that no path holds (as jointCost counts them). */
function unheldInk(table: RunTable, paths: DpPath[], from: number, to: number): number {
  let n = 0;
  for (let r = from; r <= to; r++) {
    for (let j = table.rowStart[r]; j < table.rowStart[r + 1]; j++) {
      if (confidentInk(table, j) && !paths.some((p) => p.run[r] === j)) n++;
    }
  }
  return n;
}

function absentRows(p: DpPath): number {
  let n = 0;
  for (let r = 0; r < p.kind.length; r++) if (p.kind[r] === 0) n++;
  return n;
}

/**
 * `old` with the rows around [from, to] where `neu` differs from it taken from `neu`: out to the first
 * row either side where the two agree. The re-trace (a window around the stretch, or the whole path)
 * can also differ from old elsewhere, by the DP's beam; only the change the stretch asked for is weighed.
 */
function splice(old: DpPath, neu: DpPath, from: number, to: number): DpPath {
  const n = old.run.length;
  const agree = (r: number) => old.run[r] === neu.run[r] && old.kind[r] === neu.kind[r] && old.cycle[r] === neu.cycle[r];
  let a = from, b = to;
  while (a > 0 && !agree(a - 1)) a--;
  while (b < n - 1 && !agree(b + 1)) b++;
  return patched(old, neu, 0, a, b);
}

/** A copy of `base` with entries lo..hi of `part` written over its rows offset + lo..offset + hi. */
function patched(base: DpPath, part: DpPath, offset: number, lo: number, hi: number): DpPath {
  const out: DpPath = { run: base.run.slice(), kind: base.kind.slice(), pos: base.pos.slice(), cycle: base.cycle.slice(), step: base.step.slice() };
  for (const key of ['run', 'kind', 'pos', 'cycle', 'step'] as const) out[key].set(part[key].subarray(lo, hi + 1), offset + lo);
  return out;
}

/** A stretch of rows [from, to] where paths a and b sit on one line (gaps of a few rows allowed). */
interface Duplicate { a: number; b: number; from: number; to: number }

/**
 * Within a duplicate stretch, rows where both paths are on ink but apart (a brief parting), and rows
 * where either bridges or is absent (a dash gap one of them bridges), at most this many in a row.
 */
const DUPLICATE_APART_ROWS = 4;
const DUPLICATE_GAP_ROWS = 24;

/** px beside what one path holds within which another path is on the same line */
const sameLineReach = (table: RunTable): number => 2 * table.lineWidth + 2;

/** Rows of [from, to] where paths p and q sit on one line. */
function sharedRows(table: RunTable, p: DpPath, q: DpPath, from: number, to: number, reach: number): number {
  let n = 0;
  for (let r = from; r <= to; r++) if (sameLine(table, p, q, r, reach)) n++;
  return n;
}

function sameLine(table: RunTable, p: DpPath, q: DpPath, r: number, reach: number): boolean {
  const i = p.run[r], j = q.run[r];
  return i >= 0 && j >= 0 && (i === j || within(table, p, r, j, reach) || within(table, q, r, i, reach));
}

function duplicateStretches(table: RunTable, paths: DpPath[], minRows: number): Duplicate[] {
  const out: Duplicate[] = [];
  const reach = sameLineReach(table);
  for (let a = 0; a < paths.length; a++) {
    for (let b = a + 1; b < paths.length; b++) {
      const p = paths[a], q = paths[b];
      let from = -1, last = -1, apart = 0;
      const close = () => { if (from >= 0 && last - from + 1 >= minRows) out.push({ a, b, from, to: last }); from = -1; };
      for (let r = 0; r < table.rows; r++) {
        if (sameLine(table, p, q, r, reach)) {
          if (from < 0) from = r;
          last = r;
          apart = 0;
        } else if (from >= 0 && (r - last > DUPLICATE_GAP_ROWS || (p.run[r] >= 0 && q.run[r] >= 0 && ++apart > DUPLICATE_APART_ROWS))) close();
      }
      close();
    }
  }
  return out.sort((x, y) => y.to - y.from - (x.to - x.from));
}

/**
 * Whether run j lies within `reach` px of what path p holds on rows r-1..r+1: on a near-horizontal
 * stretch a line's runs step sideways by many px a row, and two paths on it may sit a row out of step.
 */
function within(table: RunTable, p: DpPath, r: number, j: number, reach: number): boolean {
  let lo = Infinity, hi = -Infinity;
  for (let q = Math.max(0, r - 1); q <= Math.min(table.rows - 1, r + 1); q++) {
    const i = p.run[q];
    if (i < 0) continue;
    lo = Math.min(lo, table.left[i]);
    hi = Math.max(hi, table.right[i]);
  }
  return lo - reach <= table.right[j] && table.left[j] - reach <= hi;
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
    if (!held[j] && confidentInk(table, j)) cost += o.wUnexplained;
  }
  return cost;
}

/** curve probability (0..1) from which a run nobody holds counts as unexplained ink */
const UNEXPLAINED_PROB = 0.5;

/** Run j is curve ink the model is sure enough of that, held by no path, it is unexplained (jointCost). */
const confidentInk = (table: RunTable, j: number): boolean => !table.gridOnly[j] && table.prob[j] >= UNEXPLAINED_PROB;

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
  const path = slot.path ?? (slot.path = traceAgainst(input, j.owner, k, claims));
  j.paths[k] = path;
  addClaims(input.table, j.claims, path, +1, input.o);
  return !old || !samePath(old, path);
}

/** Curve k's DP against `claims` (the others' paths; its own taken out), the seed strokes' owners and the runs it may not use. */
function traceAgainst(
  input: JointInput, owner: Int32Array, k: number, claims: Int32Array, forbid: readonly number[] = [], near?: { old: DpPath; from: number; to: number },
): DpPath {
  const { table, ws, track, bases, seeds, o } = input;
  const { emit, noBridge } = withSharePenalty(table, bases[k], claims, o);
  for (let r = 0; r < table.count; r++) if (owner[r] >= 0 && owner[r] !== k) emit[r] = Infinity;
  for (const r of forbid) emit[r] = Infinity;
  const gates = new Map((input.anchors?.[k] ?? []).map((run) => [table.row[run], run]));
  // a solid line has no dash gaps to bridge: its bridged rows cost wSkipSolid (options.ts)
  const broken = track.curves[k].style === 'broken';
  const curve = { emit, noBridge, wrap: wrapSpan(track, k), edges: scaleEdges(track, k, o), useClusters: broken, skip: broken ? o.wSkip : o.wSkipSolid, gates };
  return (near && traceNear(table, ws, curve, near.old, table.row[seeds[k]], near.from, near.to, o)) || traceOne(table, ws, curve, seeds[k], o);
}

/** Rows either side of a duplicate stretch its re-trace covers, in maxBridgeRows: room to leave and rejoin the old path. */
const NEAR_MARGIN = 4;

/**
 * `old` re-traced only around rows [from, to]: down from its last ink row NEAR_MARGIN bridges above,
 * to NEAR_MARGIN bridges below, the rest kept. A whole re-trace costs as much as tracing the curve
 * afresh; this costs the window. Null where the window cannot start on old's ink on the main scale or
 * holds the seed (the whole re-trace then).
 */
function traceNear(
  table: RunTable, ws: DpWorkspace, curve: Pick<DpInput, 'emit' | 'noBridge' | 'wrap' | 'edges' | 'useClusters' | 'skip' | 'gates'>,
  old: DpPath, seedRow: number, from: number, to: number, o: TraceOptions,
): DpPath | null {
  let a = Math.max(0, from - NEAR_MARGIN * o.maxBridgeRows);
  while (a > 0 && old.kind[a] !== 1) a--;
  const b = Math.min(table.rows - 1, to + NEAR_MARGIN * o.maxBridgeRows);
  if (old.kind[a] !== 1 || old.cycle[a] !== 0 || !Number.isFinite(curve.emit[old.run[a]]) || (seedRow >= a && seedRow <= b)) return null;
  const part = runDp({ ...curve, table, start: a, end: b, init: [{ run: old.run[a], cost: 0 }], options: o }, ws);
  return patched(old, part, a, 0, b - a);
}

/**
 * Per run: the curve whose seed or anchor stroke it is on (the run and its 1:1 links up and down) or
 * whose seed zone holds it, or -1; a run two curves claim is nobody's. `strokes[k]`: the runs curve
 * k's strokes start from; `zones[k]`: runs of its seed zone (each alone, no links followed).
 */
function seedStrokes(table: RunTable, strokes: number[][], zones?: number[][]): Int32Array {
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
    for (const j of zones?.[k] ?? []) mark(j);
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
  table: RunTable, ws: DpWorkspace, curve: Pick<DpInput, 'emit' | 'noBridge' | 'wrap' | 'edges' | 'useClusters' | 'skip' | 'gates'>, seed: number, o: TraceOptions,
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
