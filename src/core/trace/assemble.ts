/**
 * Turns a DP path into a TracedCurve: x per row (pixel space, on the scan), wrap cycle, confidence.
 * Bridged rows are interpolated between the ink on either side; a stretch that only follows a grid line
 * is kept when curve ink meets it at both ends (a flat stretch on a grid line), else it is absent.
 */
import type { TracedCurve } from '../types.ts';
import type { RunTable } from './runs.ts';
import type { DpPath, WrapSpan } from './viterbi.ts';
import { probCost, type TraceOptions } from './options.ts';

const ABSENT = 0;
const ON_RUN = 1;
const BRIDGED = 2;

export interface AssembleInput {
  table: RunTable;
  path: DpPath;
  wrap: WrapSpan | null;
  track: number;
  curve: number;
  options: TraceOptions;
}

/** Drops grid-only stretches that curve ink does not enter and leave (a curve never "follows" a bare grid line). */
function dropUnboundedGridStretches(t: RunTable, path: DpPath): void {
  const n = path.kind.length;
  const isGridOrBridge = (r: number) =>
    path.kind[r] === BRIDGED || (path.kind[r] === ON_RUN && t.gridOnly[path.run[r]] === 1);
  let r = 0;
  while (r < n) {
    if (!isGridOrBridge(r)) { r++; continue; }
    let e = r;
    let hasGrid = false;
    while (e < n && isGridOrBridge(e)) { if (path.kind[e] === ON_RUN) hasGrid = true; e++; }
    const inkBefore = r > 0 && path.kind[r - 1] === ON_RUN;
    const inkAfter = e < n && path.kind[e] === ON_RUN;
    if (hasGrid && !(inkBefore && inkAfter)) {
      for (let k = r; k < e; k++) { path.kind[k] = ABSENT; path.run[k] = -1; }
    }
    r = e;
  }
}

export function assembleCurve(a: AssembleInput): TracedCurve {
  const { table: t, path, wrap, options: o } = a;
  dropUnboundedGridStretches(t, path);
  const n = t.rows;
  const span = wrap ? wrap.x1 - wrap.x0 : 0;
  const u = new Float64Array(n).fill(NaN);
  const conf = new Float32Array(n);
  for (let r = 0; r < n; r++) {
    if (path.kind[r] !== ON_RUN) continue;
    u[r] = t.centre[path.run[r]] + path.cycle[r] * span;
    // the model's probability, discounted by what the tracker paid beyond it (jumps, style, sharing)
    const p = t.prob[path.run[r]];
    conf[r] = p * Math.exp(-Math.max(0, path.step[r] - probCost(p, o)) / o.confidenceScale);
  }
  strokeExtremes(t, path, u, span);
  fillBridges(path, u, conf);
  const x = new Float64Array(n).fill(NaN);
  const cycle = new Int8Array(n);
  for (let r = 0; r < n; r++) {
    if (Number.isNaN(u[r])) continue;
    const c = !wrap ? 0 : path.kind[r] === ON_RUN ? path.cycle[r] : Math.floor((u[r] - wrap.x0) / span);
    cycle[r] = c;
    x[r] = u[r] - c * span;
  }
  const out: TracedCurve = { track: a.track, curve: a.curve, y0: t.y0, x, confidence: conf };
  if (wrap) out.cycle = cycle;
  return out;
}

/**
 * A near-horizontal stroke covers many columns in one row, and its centre is not where the curve is at
 * the row's turning point: where a run reaches further left (right) than the runs of the rows above and
 * below, the curve turns there (a spike's tip, a peak), so the row's value is the run's end, less half
 * a line width. Rows that traverse the stroke from one neighbour towards the other keep the centre.
 */
function strokeExtremes(t: RunTable, path: DpPath, u: Float64Array, span: number): void {
  const n = path.kind.length;
  const hw = t.lineWidth / 2;
  const on = (r: number) => r >= 0 && r < n && path.kind[r] === ON_RUN;
  // a run's ends in the frame of row r's cycle
  const end = (r: number, from: number, right: boolean) =>
    (right ? t.right[path.run[r]] : t.left[path.run[r]]) + (path.cycle[r] - path.cycle[from]) * span;
  // the first end up or down from row r that differs from row r's own (a tip on a row boundary spans
  // two rows with equal ends); NaN where the path leaves the ink first
  const beyond = (r: number, dir: number, right: boolean) => {
    const own = end(r, r, right);
    for (let k = r + dir, steps = 0; steps < 3; k += dir, steps++) {
      if (!on(k)) return NaN;
      if (end(k, r, right) !== own) return end(k, r, right);
    }
    return NaN;
  };
  for (let r = 1; r < n - 1; r++) {
    if (!on(r)) continue;
    const j = path.run[r];
    if (t.right[j] - t.left[j] + 1 < t.lineWidth + 2) continue;
    // a turn inside the row reaches past both rows' shared ends (by more than a pixel: a line merging
    // with a neighbour widens the run by about that); a row that only moves on meets one of them
    const L = t.left[j], R = t.right[j];
    const leftmost = L < beyond(r, -1, false) - 1 && L < beyond(r, 1, false) - 1;
    const rightmost = R > beyond(r, -1, true) + 1 && R > beyond(r, 1, true) + 1;
    if (leftmost === rightmost) continue;
    u[r] = (leftmost ? L + hw : R + 1 - hw) + path.cycle[r] * span;
  }
}

/** Linear interpolation across bridged rows between the run rows on either side (unwrapped px). */
function fillBridges(path: DpPath, u: Float64Array, conf: Float32Array): void {
  const n = u.length;
  let r = 0;
  while (r < n) {
    if (path.kind[r] !== BRIDGED) { r++; continue; }
    let e = r;
    while (e < n && path.kind[e] === BRIDGED) e++;
    const a = r - 1;
    if (a >= 0 && e < n && path.kind[a] === ON_RUN && path.kind[e] === ON_RUN) {
      for (let k = r; k < e; k++) {
        const f = (k - a) / (e - a);
        u[k] = u[a] + f * (u[e] - u[a]);
        // a bridged row is as trustworthy as the weaker of its ends, a little less
        conf[k] = 0.8 * Math.min(conf[a], conf[e]);
      }
    }
    r = e;
  }
}

/** Row ranges [from, to) in scan rows where a present curve's confidence is below `threshold`. */
export function reviewSpans(c: TracedCurve, threshold: number, minRows = 1): { from: number; to: number }[] {
  const spans: { from: number; to: number }[] = [];
  let start = -1;
  for (let r = 0; r <= c.x.length; r++) {
    const low = r < c.x.length && !Number.isNaN(c.x[r]) && c.confidence[r] < threshold;
    if (low && start < 0) start = r;
    if (!low && start >= 0) {
      if (r - start >= minRows) spans.push({ from: c.y0 + start, to: c.y0 + r });
      start = -1;
    }
  }
  return spans;
}
