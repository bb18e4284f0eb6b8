/**
 * Identity of curves that touch: after the joint tracing, two curves of a track that come together
 * (a crossing, a touch at a turn, a stretch run side by side) may leave with each other's ink. The
 * tracer decides that row by row, and its coordinate descent cannot exchange two curves at once (each
 * holds the ink the other would need). Here each pair's paths are cut where they touch, and one
 * Viterbi pass over the pieces decides, for every piece, whether the two are exchanged there. They are
 * also cut where either path jumps far between two ink rows: the descent can exchange two curves that
 * never touch (after a gap one takes the other's line, and the other, pushed off it, takes the first's).
 * For each piece:
 * - a piece costs what each curve's emissions say of the ink it would hold (line style, look);
 * - a touch costs how badly each curve's path before it and its path after it join up (lines fitted
 *   next to the touch, compared in position and slope): a crossing goes on straight; a jump costs how
 *   far each path leaps across it;
 * - the piece holding a curve's seed or one of its anchor points is that curve's, by definition.
 * The same chain also says where the decision hangs on little (identityDoubts): pieces that could go
 * either way at almost no cost are flagged for review, since there the tracer may well have the two
 * curves exchanged.
 * Pixel space; positions unwrapped (u = x + cycle × span) as in the DP.
 */
import type { DpPath, WrapSpan } from './viterbi.ts';
import { cycleRange } from './dp-state.ts';
import type { TraceOptions } from './options.ts';
import { pieceLookCost, type CurveLook, type RunFeatures } from './appearance.ts';
import { lineFit } from './fit.ts';

const ON_RUN = 1;
const BRIDGED = 2;

export interface IdentityCurve {
  path: DpPath;
  /** emission per run without the look (probability, line style) */
  emit: Float32Array;
  look: CurveLook | null;
  wrap: WrapSpan | null;
  /** table rows of the curve's seed and anchor points: the pieces holding them are the curve's */
  seedRows: number[];
}

interface Touch {
  /** rows [from, to) where the two are within reach of each other */
  from: number;
  to: number;
  /** not a touch but rows where one of the two jumps (jumps()) */
  jump?: boolean;
  /** the far end of a long touch (endsOfLong()): the two were hidden in each other up to here */
  end?: boolean;
}

/** Exchanges stretches of paths between pairs of curves where that explains the ink better (in place). */
export function resolveSwaps(curves: IdentityCurve[], features: RunFeatures | null, lineWidth: number, o: TraceOptions): void {
  for (let pass = 0; pass < 2; pass++) {
    let changed = false;
    for (let a = 0; a < curves.length; a++) {
      for (let b = a + 1; b < curves.length; b++) {
        if (resolvePair(curves[a], curves[b], features, lineWidth, o)) changed = true;
      }
    }
    if (!changed) break;
  }
}

function scanX(c: IdentityCurve, r: number): number {
  if (c.path.kind[r] !== ON_RUN) return NaN;
  const span = c.wrap ? c.wrap.x1 - c.wrap.x0 : 0;
  return c.path.pos[r] - c.path.cycle[r] * span;
}

/** Scan x per row: ink rows as traced, bridged rows on the line between their ends, NaN where absent. */
function scanXs(c: IdentityCurve): Float64Array {
  const n = c.path.kind.length;
  const x = new Float64Array(n);
  for (let r = 0; r < n; r++) x[r] = scanX(c, r);
  let last = -1;
  for (let r = 0; r < n; r++) {
    if (c.path.kind[r] !== ON_RUN) continue;
    if (last >= 0 && r - last > 1 && c.path.kind[r - 1] === BRIDGED) {
      for (let k = last + 1; k < r; k++) x[k] = x[last] + ((k - last) / (r - last)) * (x[r] - x[last]);
    }
    last = r;
  }
  return x;
}

/**
 * Stretches of rows where both curves are within `reach` px, or pass each other between two rows
 * (a steep crossing), with gaps under `join` rows closed.
 */
function touches(a: IdentityCurve, b: IdentityCurve, reach: number, join: number): Touch[] {
  const out: Touch[] = [];
  const xa = scanXs(a), xb = scanXs(b);
  for (let r = 0; r < xa.length; r++) {
    const d = xa[r] - xb[r];
    const crossed = r > 0 && d * (xa[r - 1] - xb[r - 1]) < 0;
    if (!(Math.abs(d) <= reach) && !crossed) continue;
    const last = out[out.length - 1];
    if (last && r - last.to <= join) last.to = r + 1;
    else out.push({ from: crossed ? r - 1 : r, to: r + 1 });
  }
  return out;
}

/**
 * Rows where path p leaves its line: from one ink row to the next (across at most identityMaxTouchRows
 * rows bridged or absent) it moves more than identityJumpPx. The coordinate descent exchanges two curves
 * this way without their ever touching (one takes the other's line after a gap, the other is pushed off
 * it); cut there too, the pieces can be given back. Each as the rows between the two ink rows.
 */
function jumps(p: DpPath, o: TraceOptions): Touch[] {
  const out: Touch[] = [];
  if (!(o.identityJumpPx < Infinity)) return out;
  let last = -1;
  for (let r = 0; r < p.kind.length; r++) {
    if (p.kind[r] !== ON_RUN) continue;
    if (last >= 0 && r - last <= o.identityMaxTouchRows && Math.abs(p.pos[r] - p.pos[last]) > o.identityJumpPx) {
      out.push({ from: last + 1, to: r, jump: true });
    }
    last = r;
  }
  return out;
}

/** The touches with the jump rows added where they overlap none, in row order. */
function withJumps(ts: Touch[], js: Touch[]): Touch[] {
  if (js.length === 0) return ts;
  const all = [...ts];
  for (const j of js) if (!all.some((t) => j.from < t.to + 1 && t.from < j.to + 1)) all.push(j);
  return all.sort((x, y) => x.from - y.from);
}

/**
 * Each long touch (identityMaxTouchRows or more, where the junction says nothing) cut again at its far
 * end: two paths hidden in each other that long may have exchanged at either end, and the rows after a
 * long touch are a piece of their own (one curve that ends there and rides its neighbour's line, the
 * neighbour pushed off onto its ink, is given back).
 */
function endsOfLong(ts: Touch[], o: TraceOptions): Touch[] {
  const out: Touch[] = [];
  for (const t of ts) {
    out.push(t);
    if (!t.jump && t.to - t.from >= o.identityMaxTouchRows) out.push({ from: t.to - 1, to: t.to, end: true });
  }
  return out;
}

/** Does path p read ink on a wrap cycle that curve c may not take (a back-up without wrap, or on c's other side)? */
function offCycle(p: DpPath, from: number, to: number, c: IdentityCurve): boolean {
  const [lo, hi] = cycleRange(c.wrap, 127);
  for (let r = from; r < to; r++) if (p.kind[r] !== 0 && (p.cycle[r] < lo || p.cycle[r] > hi)) return true;
  return false;
}

/** The runs path p is on over rows [from, to). */
function inkRuns(p: DpPath, from: number, to: number): number[] {
  const runs: number[] = [];
  for (let r = from; r < to; r++) if (p.kind[r] === ON_RUN) runs.push(p.run[r]);
  return runs;
}

/** What a curve's emissions say of holding these runs. */
function inkCost(emit: Float32Array, runs: number[]): number {
  let c = 0;
  for (const j of runs) c += emit[j];
  return c;
}

/** Up to `n` (row, u) samples of path p on ink, walking from row `start` in direction `dir`, at most `span` rows. */
function samples(p: DpPath, start: number, dir: number, n: number, span: number): { y: number[]; u: number[] } {
  const y: number[] = [], u: number[] = [];
  for (let r = start, k = 0; r >= 0 && r < p.kind.length && k < span && y.length < n; r += dir, k++) {
    if (p.kind[r] === ON_RUN) { y.push(r); u.push(p.pos[r]); }
  }
  return { y, u };
}

/**
 * How badly `before` (ending at row t.from) and `after` (from row t.to) join up as one curve: lines
 * fitted to each side next to the touch, compared at its middle in position and in slope (a slope
 * difference counted over identityFitRows rows), capped. A crossing keeps its slope; a curve that
 * turns back at a touch looks like a bounce and costs.
 */
function junction(before: DpPath, after: DpPath, t: Touch, o: TraceOptions): number {
  if (t.jump) return jumpJunction(before, after, t, o);
  if (t.end) return 0;
  const n = o.identityFitRows;
  const mid = (t.from + t.to - 1) / 2;
  const pre = lineFit(samples(before, t.from - 1, -1, n, 3 * n), mid);
  const post = lineFit(samples(after, t.to, 1, n, 3 * n), mid);
  if (!pre || !post) return 0;
  const miss = Math.abs(pre[0] - post[0]) + n * Math.abs(pre[1] - post[1]);
  // over a long touch the lines say little: the paths may bend while hidden in each other
  const weight = Math.max(0, 1 - (t.to - t.from) / o.identityMaxTouchRows);
  return o.wIdentityJunction * weight * Math.min(o.slopeCapPx, miss);
}

/**
 * How badly `before` and `after` join up across a jump's rows: the distance from before's last ink
 * position to after's first, capped at 4 × identityJumpPx and not faded with the gap's length (the two
 * were not hidden in each other there: one was lost or bridging), so a long jump weighs more than any
 * touch and an exchange is made only where it shortens the jumps.
 */
function jumpJunction(before: DpPath, after: DpPath, t: Touch, o: TraceOptions): number {
  const pre = samples(before, t.from - 1, -1, 1, o.identityMaxTouchRows);
  const post = samples(after, t.to, 1, 1, o.identityMaxTouchRows);
  if (pre.u.length === 0 || post.u.length === 0) return 0;
  return o.wIdentityJunction * Math.min(4 * o.identityJumpPx, Math.abs(pre.u[0] - post.u[0]));
}

/** Exchanges the pair's pieces where that is cheaper; true when anything changed. */
function resolvePair(a: IdentityCurve, b: IdentityCurve, features: RunFeatures | null, lineWidth: number, o: TraceOptions): boolean {
  const cut = cutPair(a, b, lineWidth, o);
  if (!cut) return false;
  const { start } = cut;
  const state = bestStates(pieceCosts(a, b, start, features, o), links(cut.ts, a, b, o));
  let changed = false;
  for (let i = 0; i < state.length; i++) {
    if (!state[i]) continue;
    for (const key of ['run', 'kind', 'pos', 'cycle', 'step'] as const) swapRows(a.path[key], b.path[key], start[i], start[i + 1]);
    changed = true;
  }
  return changed;
}

/**
 * The pair's paths cut where they touch or either jumps: the cuts, and piece i covering rows
 * [start[i], start[i+1]) (the rows of cut i-1 and after, up to cut i); null where nothing cuts them.
 */
function cutPair(a: IdentityCurve, b: IdentityCurve, lineWidth: number, o: TraceOptions): { ts: Touch[]; start: number[] } | null {
  const ts = endsOfLong(withJumps(touches(a, b, 2 * lineWidth + 2, 3), [...jumps(a.path, o), ...jumps(b.path, o)]), o);
  return ts.length === 0 ? null : { ts, start: [0, ...ts.map((t) => t.from), a.path.kind.length] };
}

/** Per piece i ≥ 1, what the link into it costs at the cut before it (links()). */
type Links = { keep: Float64Array; flip: Float64Array };

/**
 * What the link into piece i (i ≥ 1) costs at the cut before it: staying in a state keeps the traced
 * link there (keep), changing state makes the other one (flip).
 */
function links(ts: Touch[], a: IdentityCurve, b: IdentityCurve, o: TraceOptions): Links {
  const keep = new Float64Array(ts.length + 1), flip = new Float64Array(ts.length + 1);
  for (let i = 1; i <= ts.length; i++) {
    const t = ts[i - 1];
    keep[i] = junction(a.path, a.path, t, o) + junction(b.path, b.path, t, o);
    flip[i] = junction(a.path, b.path, t, o) + junction(b.path, a.path, t, o) + o.identityMargin;
  }
  return { keep, flip };
}

/** Per piece, the pair's cost as traced ([0]) and exchanged ([1]). */
function pieceCosts(a: IdentityCurve, b: IdentityCurve, start: number[], features: RunFeatures | null, o: TraceOptions): Float64Array[] {
  const pieces = start.length - 1;
  const cost = [new Float64Array(pieces), new Float64Array(pieces)];
  const look = (c: IdentityCurve, d: IdentityCurve, runs: number[]) =>
    (features && c.look && d.look ? pieceLookCost(features, c.look, d.look, runs, o) : 0);
  for (let i = 0; i < pieces; i++) {
    const from = start[i], to = start[i + 1];
    const inkA = inkRuns(a.path, from, to), inkB = inkRuns(b.path, from, to);
    cost[0][i] = inkCost(a.emit, inkA) + inkCost(b.emit, inkB) + look(a, b, inkA) + look(b, a, inkB);
    cost[1][i] = inkCost(a.emit, inkB) + inkCost(b.emit, inkA) + look(a, b, inkB) + look(b, a, inkA);
    for (const c of [a, b]) if (c.seedRows.some((r) => r >= from && r < to)) cost[1][i] = Infinity;
    // a curve cannot take ink its partner read on a back-up cycle it has no scale for
    if (offCycle(b.path, from, to, a) || offCycle(a.path, from, to, b)) cost[1][i] = Infinity;
  }
  return cost;
}

/**
 * The chain's forward pass: fw[s][i], the cheapest cost of pieces 0..i with piece i in state s (0 = as
 * traced, 1 = exchanged), and back[s][i] the state of piece i - 1 on that way (a tie keeps the state).
 */
function forward(cost: Float64Array[], { keep, flip }: Links): { fw: Float64Array[]; back: Uint8Array[] } {
  const pieces = cost[0].length;
  const fw = [new Float64Array(pieces), new Float64Array(pieces)], back = [new Uint8Array(pieces), new Uint8Array(pieces)];
  for (let s = 0; s < 2; s++) fw[s][0] = cost[s][0];
  for (let i = 1; i < pieces; i++) {
    for (let s = 0; s < 2; s++) {
      const viaStay = fw[s][i - 1] + keep[i], viaMove = fw[1 - s][i - 1] + flip[i];
      back[s][i] = viaStay <= viaMove ? s : 1 - s;
      fw[s][i] = Math.min(viaStay, viaMove) + cost[s][i];
    }
  }
  return { fw, back };
}

/** Viterbi over the pieces, state 0 = as traced, 1 = exchanged; the links at each touch cost their junctions. */
function bestStates(cost: Float64Array[], links: Links): Uint8Array {
  const pieces = cost[0].length;
  const { fw, back } = forward(cost, links);
  const state = new Uint8Array(pieces);
  state[pieces - 1] = fw[1][pieces - 1] < fw[0][pieces - 1] ? 1 : 0;
  for (let i = pieces - 1; i > 0; i--) state[i - 1] = back[state[i]][i];
  return state;
}

function swapRows(p: { [i: number]: number }, q: { [i: number]: number }, from: number, to: number): void {
  for (let r = from; r < to; r++) {
    const v = p[r];
    p[r] = q[r];
    q[r] = v;
  }
}

/**
 * Rows where the identity of two touching curves hangs on little: per pair, the pieces (as resolveSwaps
 * cuts them) whose best outcome with the two exchanged costs within `margin` of the best outcome as they
 * are. There a look-alike neighbour fits the evidence about as well: the rows are flagged for review,
 * per curve (1 = doubtful). Paths as resolveSwaps left them.
 */
export function identityDoubts(curves: IdentityCurve[], features: RunFeatures | null, lineWidth: number, o: TraceOptions, margin: number): Uint8Array[] {
  const out = curves.map((c) => new Uint8Array(c.path.kind.length));
  for (let a = 0; a < curves.length; a++) {
    for (let b = a + 1; b < curves.length; b++) {
      const A = curves[a], B = curves[b];
      const cut = cutPair(A, B, lineWidth, o);
      if (!cut) continue;
      const { start } = cut;
      const m = pieceMargins(pieceCosts(A, B, start, features, o), links(cut.ts, A, B, o));
      for (let i = 0; i < m.length; i++) {
        if (!(m[i] < margin)) continue;
        out[a].fill(1, start[i], start[i + 1]);
        out[b].fill(1, start[i], start[i + 1]);
      }
    }
  }
  return out;
}

/** Per piece: how much more the best outcome with that piece in the other state costs (min-marginals of bestStates' chain). */
function pieceMargins(cost: Float64Array[], links: Links): Float64Array {
  const pieces = cost[0].length;
  const { keep, flip } = links;
  const { fw } = forward(cost, links);
  const bw = [new Float64Array(pieces), new Float64Array(pieces)];
  for (let i = pieces - 2; i >= 0; i--) {
    for (let s = 0; s < 2; s++) bw[s][i] = Math.min(bw[s][i + 1] + keep[i + 1] + cost[s][i + 1], bw[1 - s][i + 1] + flip[i + 1] + cost[1 - s][i + 1]);
  }
  const out = new Float64Array(pieces);
  for (let i = 0; i < pieces; i++) out[i] = Math.abs(fw[0][i] + bw[0][i] - (fw[1][i] + bw[1][i]));
  return out;
}
