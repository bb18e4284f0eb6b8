/**
 * Post-processing across the curves of one track, after each has its own path:
 * - inside a run that another curve also passes through (an X crossing), a run's centre is the middle of
 *   two lines, so each curve takes its own slope-predicted position instead;
 * - where one curve truly overlaps another (it enters the other's line and leaves it again), the tracker
 *   had to leave it absent (two curves may not hold one narrow line); it is filled with the other's x.
 * All x here are on the scan (pixel space), with the cycle alongside for wrapped curves.
 */
import type { TracedCurve } from '../types.ts';
import { isWide, type RunTable } from './runs.ts';
import type { DpPath, WrapSpan } from './viterbi.ts';

const ON_RUN = 1;

export interface TrackCurve {
  path: DpPath;
  curve: TracedCurve;
  wrap: WrapSpan | null;
}

/** Wide runs on a curve's path that another curve's trace passes through use the path's own position. */
export function separateMergedRuns(table: RunTable, curves: TrackCurve[]): void {
  for (const own of curves) {
    const { path, curve } = own;
    const span = own.wrap ? own.wrap.x1 - own.wrap.x0 : 0;
    for (let r = 0; r < path.run.length; r++) {
      const j = path.run[r];
      if (path.kind[r] !== ON_RUN || !isWide(table, j)) continue;
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
