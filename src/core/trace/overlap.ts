/**
 * Post-processing across the curves of one track, after each has its own path:
 * - before assembly, a curve's stretch held only on other curves' ink, far from its own ink at both
 *   ends and off its way, is dropped (dropRides): the curve was not seen there;
 * - inside a run that another curve also passes through (an X crossing), a run's centre is the middle of
 *   two lines, so each curve takes its own slope-predicted position instead (not on a slanted stroke's
 *   rows, which assembly read off a fit of the stroke);
 * - where one curve truly overlaps another (it enters the other's line and leaves it again), the tracker
 *   had to leave it absent (two curves may not hold one narrow line); it is filled with the other's x.
 * All x here are on the scan (pixel space), with the cycle alongside for wrapped curves.
 */
import type { TracedCurve } from '../types.ts';
import { isWide, type RunTable } from './runs.ts';
import type { DpPath, WrapSpan } from './viterbi.ts';

const ABSENT = 0;
const ON_RUN = 1;
/** rows a neighbour's path may have bridged over a run of its own line and still count as holding it (dropRides) */
const MATE_ROWS = 2;
/**
 * share of the rows of a stretch on a neighbour's line that a curve must hold for it to be a true
 * overlap, not a ride (dropRides). Accuracy bench (segmentations cached), model v3, 30 cases, against
 * no density rule: 0.2 gave median MAE 0.338 -> 0.337%, p95 0.871 -> 0.794%, coverage 0.9920 ->
 * 0.9916, swapped rows 20,329 -> 18,351; 60 cases 0.430 -> 0.393%, 1.451 -> 1.407%, 0.9915 ->
 * 0.9903, 51,701 -> 47,887. 0.5 swapped a few hundred rows fewer but dropped true overlaps too: 60
 * cases coverage 0.9883, 14 curves worse against 4
 */
const RIDE_DENSITY = 0.2;

export interface TrackCurve {
  path: DpPath;
  curve: TracedCurve;
  wrap: WrapSpan | null;
  /** rows whose x was read off the stroke's fit (assemble.ts readSteepRows), by row; absent: none */
  fitted?: Uint8Array;
}

/**
 * Drops the stretches where a curve only rides other curves' ink (in place, before assembly). Between
 * two rows of its own ink (a curve run no other curve's path holds on that row) a curve may hold runs
 * another curve holds too: a crossing, or a true overlap, where it enters the other's line from its own
 * ink and leaves onto it again. But where the shared runs lie more than maxGapRows rows from its own ink
 * at both ends, the curve's own line was not seen there (drawn along a grid line, too faint for the
 * model): it bridged along unseen and landed where landing was cheap, on a neighbour's steep swing
 * whose wide runs cost a second curve little, and the trace would carry it across the track and back.
 * Nothing says it was there: those rows are absent. Rows holding the curve's seed or anchors are kept.
 * A true overlap holds the shared line on most of its rows (RIDE_DENSITY); a dotted curve whose dots
 * the model missed bridges along a neighbour's line instead, landing on it now and then, and that is a
 * ride even where it starts beside the curve's own ink. A run counts as another curve's also where that
 * curve bridged over it but holds its line a row or two away (table.mate links the runs), so landing
 * where the neighbour gave up one row to it does not make the run the rider's own.
 */
export function dropRides(table: Pick<RunTable, 'rows'> & Partial<Pick<RunTable, 'mate'>>, paths: DpPath[], keepRows: number[][], maxGapRows: number, awayPx: number): void {
  const n = table.rows;
  const mate = table.mate;
  // run j of row r continues, 1:1 (RunTable.mate), the run path q holds d ≤ MATE_ROWS rows above or below
  const onLineOf = (q: DpPath, r: number, j: number): boolean => {
    if (!mate) return false;
    for (let d = 1; d <= MATE_ROWS && r - d >= 0; d++) {
      if (q.kind[r - d] !== ON_RUN) continue;
      let i = q.run[r - d];
      for (let e = 0; e < d && i >= 0; e++) i = mate[i];
      if (i === j) return true;
    }
    for (let d = 1, i = j; d <= MATE_ROWS && r + d < n && i >= 0; d++) {
      i = mate[i];
      if (i >= 0 && q.kind[r + d] === ON_RUN && q.run[r + d] === i) return true;
    }
    return false;
  };
  paths.forEach((path, k) => {
    // per row: 1 on a run another curve's path holds too, or on the line another path holds a row or
    // two away (it bridged over this row: a neighbour's line with one row given up is still not this
    // curve's ink); 2 on its own (a curve run, or a grid-only run of a curve drawn along a grid line,
    // that no other curve holds); 0 off ink
    const held = new Uint8Array(n);
    for (let r = 0; r < n; r++) {
      if (path.kind[r] !== ON_RUN) continue;
      const j = path.run[r];
      held[r] = paths.some((q, m) => m !== k && ((q.kind[r] === ON_RUN && q.run[r] === j) || (q.kind[r] !== ON_RUN && onLineOf(q, r, j)))) ? 1 : 2;
    }
    for (let prev = -1; prev < n; ) {
      let next = prev + 1;
      while (next < n && held[next] !== 2) next++;
      // rows (prev, next) hold none of the curve's own ink: the first and last shared run among them
      let first = -1, last = -1, shared = 0;
      for (let r = prev + 1; r < next; r++) if (held[r] === 1) { if (first < 0) first = r; last = r; shared++; }
      // a true overlap holds the shared line row after row; landings on it between bridges are a ride
      const dense = shared >= RIDE_DENSITY * (last - first + 1);
      const fromOwn = first >= 0 && dense && ((prev >= 0 && first - prev <= maxGapRows) || (next < n && next - last <= maxGapRows));
      if (first >= 0 && !fromOwn && away(path, prev, next, first, last, n) > awayPx && !keepRows[k].some((y) => y >= first && y <= last)) {
        for (let r = first; r <= last; r++) {
          path.kind[r] = ABSENT;
          path.run[r] = -1;
        }
      }
      prev = next;
    }
  });
}

/**
 * How far (px) the path's runs in rows [first, last] lie from the line through its own ink at rows
 * prev and next (one of them: level with it; outside the table, −1 or n, none: 0).
 */
function away(path: DpPath, prev: number, next: number, first: number, last: number, n: number): number {
  const a = prev >= 0 ? path.pos[prev] : NaN, b = next < n ? path.pos[next] : NaN;
  if (Number.isNaN(a) && Number.isNaN(b)) return 0;
  let most = 0;
  for (let r = first; r <= last; r++) {
    if (path.kind[r] !== ON_RUN) continue;
    const at = Number.isNaN(a) ? b : Number.isNaN(b) ? a : a + ((r - prev) / (next - prev)) * (b - a);
    most = Math.max(most, Math.abs(path.pos[r] - at));
  }
  return most;
}

/**
 * Wide runs on a curve's path that another curve's trace passes through use the path's own position,
 * except on rows read off the stroke's fit: there the run is the slant of the curve's own stroke (a
 * curve riding it, or crossing it), and the fit reads it better than the path's prediction.
 */
export function separateMergedRuns(table: RunTable, curves: TrackCurve[]): void {
  for (const own of curves) {
    const { path, curve } = own;
    const span = own.wrap ? own.wrap.x1 - own.wrap.x0 : 0;
    for (let r = 0; r < path.run.length; r++) {
      const j = path.run[r];
      if (path.kind[r] !== ON_RUN || !isWide(table, j) || own.fitted?.[r]) continue;
      const lo = table.left[j] - 1, hi = table.right[j] + 2;
      const shared = curves.some((o) => o !== own && o.curve.x[r] >= lo && o.curve.x[r] <= hi);
      if (shared) curve.x[r] = path.pos[r] - path.cycle[r] * span;
    }
  }
}

/**
 * Fills a curve's absent stretch with another curve's x where both ends of the stretch sit on that
 * other curve (within `tolPx`) and the other is present throughout: the two lines were one.
 */
export function fillTrueOverlaps(curves: TracedCurve[], tolPx: number): void {
  for (const c of curves) {
    for (const [r, e] of innerGaps(c.x)) {
      const host = curves.find((o) => o !== c && carries(o, c, r - 1, e, tolPx));
      if (host) copyStretch(host, c, r, e);
    }
  }
}

/**
 * Makes absent the stretches of at least `minRows` rows where `c` lies within `tolPx` of one of
 * `others` (present there), and returns how many rows that was. For a curve taken from the darkness
 * trace (trace.ts): darkness cannot tell its own line from a neighbour's where the two run together,
 * and the neighbour, traced on the model's ink, holds that line. Rows of the same scan; `others` may
 * start at another row.
 */
export function dropCoincident(c: TracedCurve, others: TracedCurve[], tolPx: number, minRows: number): number {
  const n = c.x.length;
  const near = (r: number) => others.some((o) => Math.abs(o.x[r + c.y0 - o.y0] - c.x[r]) <= tolPx);
  let dropped = 0;
  for (let r = 0; r < n; ) {
    if (!near(r)) { r++; continue; }
    let e = r;
    while (e < n && near(e)) e++;
    if (e - r >= minRows) {
      c.x.fill(NaN, r, e);
      dropped += e - r;
    }
    r = e;
  }
  return dropped;
}

/**
 * The stretches [from, to) where x is absent with x present on the rows just above and below, top
 * down. Read as it goes: rows a caller fills inside a stretch it was given do not change what follows.
 */
export function* innerGaps(x: Float64Array): Generator<[number, number]> {
  const n = x.length;
  for (let r = 0; r < n; ) {
    if (!Number.isNaN(x[r])) { r++; continue; }
    let e = r;
    while (e < n && Number.isNaN(x[e])) e++;
    if (r > 0 && e < n) yield [r, e];
    r = e;
  }
}

/** Is `host` present over [a, b] and at `guest`'s position at rows a and b? */
function carries(host: TracedCurve, guest: TracedCurve, a: number, b: number, tol: number): boolean {
  if (Math.abs(host.x[a] - guest.x[a]) > tol || Math.abs(host.x[b] - guest.x[b]) > tol) return false;
  for (let k = a; k <= b; k++) if (Number.isNaN(host.x[k])) return false;
  return true;
}

function copyStretch(host: TracedCurve, guest: TracedCurve, from: number, to: number): void {
  const conf = 0.7 * Math.min(guest.confidence[from - 1], guest.confidence[to]);
  for (let k = from; k < to; k++) {
    guest.x[k] = host.x[k];
    guest.confidence[k] = Math.min(conf, host.confidence[k]);
    if (guest.cycle) guest.cycle[k] = guest.cycle[from - 1];
  }
}
