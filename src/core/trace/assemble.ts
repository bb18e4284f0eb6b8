/**
 * Turns a DP path into a TracedCurve: x per row (pixel space, on the scan), wrap cycle, confidence.
 * A row's x is its ink's middle, except at a stroke's turning point (the ink's end) and on a slanted
 * stroke (read off a parabola fitted to the stroke's pixels, readSteepRows). Bridged rows are
 * interpolated between the ink on either side; a stretch that only follows a grid line is kept when
 * curve ink meets it at both ends (a flat stretch on a grid line), else it is absent.
 */
import type { Segmentation, TracedCurve } from '../types.ts';
import { weight, type RunTable } from './runs.ts';
import type { DpPath, WrapSpan } from './viterbi.ts';
import { probCost, type TraceOptions } from './options.ts';
import { lineFit, lineOfSums, parabolaFit, PowerSums } from './fit.ts';

const ABSENT = 0;
const ON_RUN = 1;
const BRIDGED = 2;

export interface AssembleInput {
  table: RunTable;
  path: DpPath;
  wrap: WrapSpan | null;
  track: number;
  curve: number;
  /** a broken-style curve: the DP measured its steps between run clusters (RunTable.clusterLeft) */
  broken?: boolean;
  options: TraceOptions;
  /** the segmentation and scan darkness the table was read from: steep rows' pixels weighed as in runs.ts */
  pixels?: { seg: Segmentation; dark?: Uint8Array };
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

/** An assembled curve, and its rows whose x was read off a stroke's fit (readSteepRows), by row. */
export interface Assembled {
  curve: TracedCurve;
  fitted: Uint8Array;
}

export function assembleCurve(a: AssembleInput): Assembled {
  const { table: t, path, wrap, options: o } = a;
  dropUnboundedGridStretches(t, path);
  const n = t.rows;
  const span = wrap ? wrap.x1 - wrap.x0 : 0;
  const u = new Float64Array(n).fill(NaN);
  const conf = new Float32Array(n);
  const clusters = !!a.broken && o.clusterCentres;
  // per row, the extent of the curve's ink there: its run, or the dashes of a near-horizontal stroke
  const left = new Int32Array(n), right = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    if (path.kind[r] !== ON_RUN) continue;
    const j = path.run[r];
    const cl = clusters && strokeCluster(t, path, r, span);
    left[r] = cl ? t.clusterLeft[j] : t.left[j];
    right[r] = cl ? t.clusterRight[j] : t.right[j];
    u[r] = (cl ? (left[r] + right[r] + 1) / 2 : t.centre[j]) + path.cycle[r] * span;
    // the model's probability, discounted by what the tracker paid beyond it (jumps, style, sharing)
    const p = t.prob[j];
    conf[r] = p * Math.exp(-Math.max(0, path.step[r] - probCost(p, o)) / o.confidenceScale);
  }
  const turned = strokeExtremes(t, path, u, span, left, right);
  const fitted = o.steepMinSlope > 0 ? readSteepRows(t, path, u, turned, left, right, span, o.steepMinSlope, a.pixels) : new Uint8Array(n);
  fillBridges(path, u, conf, t.lineWidth, o.gapConfidenceRows);
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
  return { curve: out, fitted };
}

/**
 * A near-horizontal stroke covers many columns in one row, and its centre is not where the curve is at
 * the row's turning point: where a row's ink (lefts..rights: its run, or a dashed stroke's dashes)
 * reaches further left (right) than the rows above and below, the curve turns there (a spike's tip, a
 * peak), so the row's value is the ink's end, less half a line width. Rows that traverse the stroke
 * from one neighbour towards the other keep the centre. Returns the rows so read, by row.
 */
function strokeExtremes(t: RunTable, path: DpPath, u: Float64Array, span: number, lefts: Int32Array, rights: Int32Array): Uint8Array {
  const n = path.kind.length;
  const turned = new Uint8Array(n);
  const hw = t.lineWidth / 2;
  const on = (r: number) => r >= 0 && r < n && path.kind[r] === ON_RUN;
  // a run's ends in the frame of row r's cycle
  const end = (r: number, from: number, right: boolean) =>
    (right ? rights[r] : lefts[r]) + (path.cycle[r] - path.cycle[from]) * span;
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
    if (rights[r] - lefts[r] + 1 < t.lineWidth + 2) continue;
    // a turn inside the row reaches past both rows' shared ends (by more than a pixel: a line merging
    // with a neighbour widens the run by about that); a row that only moves on meets one of them
    const L = lefts[r], R = rights[r];
    const leftmost = L < beyond(r, -1, false) - 1 && L < beyond(r, 1, false) - 1;
    const rightmost = R > beyond(r, -1, true) + 1 && R > beyond(r, 1, true) + 1;
    if (leftmost === rightmost) continue;
    u[r] = (leftmost ? L + hw : R + 1 - hw) + path.cycle[r] * span;
    turned[r] = 1;
  }
  return turned;
}

/**
 * A row's ink on a slanted or near-horizontal stroke reaches from where the line is above the row to
 * where it is below it, so its middle is the curve only where the stroke runs straight and whole: a
 * bend moves it by the bend over those rows, a dash gap at one end by half the gap. But each ink pixel
 * of the stroke samples where the curve is: at column x, the rows the line covers there are centred on
 * the curve's depth. So a row moving at least `minSlope` px a row the same way as both its neighbours
 * (not a turn) is read from a parabola y(x) fitted to the ink pixels of the three rows (each row's run,
 * or its dashes within the stroke's extent), each pixel weighed as in a run's centre (runs.ts weight:
 * darkness times curve probability, given `pixels`): x where it meets the row's centre, the root
 * nearest the fitted line's, else the line's; within the row's ink. Returns the rows so read, by row.
 */
function readSteepRows(
  t: RunTable, path: DpPath, u: Float64Array, turned: Uint8Array, lefts: Int32Array, rights: Int32Array, span: number, minSlope: number,
  pixels?: { seg: Segmentation; dark?: Uint8Array },
): Uint8Array {
  const n = u.length;
  const fitted = new Uint8Array(n);
  const raw = Float64Array.from(u);
  const on = (r: number) => path.kind[r] === ON_RUN && turned[r] === 0;
  for (let r = 1; r < n - 1; r++) {
    if (!on(r - 1) || !on(r) || !on(r + 1)) continue;
    const s1 = raw[r] - raw[r - 1], s2 = raw[r + 1] - raw[r];
    if (Math.sign(s1) !== Math.sign(s2) || Math.min(Math.abs(s1), Math.abs(s2)) < minSlope) continue;
    // pixels as (x from the row's own reading, row from r): x centred keeps the sums well conditioned
    const sums = new PowerSums();
    for (let k = r - 1; k <= r + 1; k++) {
      const off = path.cycle[k] * span - raw[r];
      const base = (t.y0 + k) * (pixels?.seg.width ?? 0);
      for (let j = t.rowStart[k]; j < t.rowStart[k + 1]; j++) {
        if (t.gridOnly[j]) continue;
        for (let px = Math.max(t.left[j], lefts[k]), last = Math.min(t.right[j], rights[k]); px <= last; px++) {
          sums.add(px + 0.5 + off, k - r, pixels ? weight(pixels.seg, pixels.dark, base + px) : 1);
        }
      }
    }
    const line = lineOfSums(sums);
    // the stroke must lie flatter than 2/minSlope rows a px, as its rows' readings said
    if (!line || !(Math.abs(line[1]) > 1e-6) || Math.abs(line[1]) > 2 / minSlope) continue;
    let x = -line[0] / line[1];
    const p = parabolaFit(sums);
    if (p && Math.abs(p[2]) > 1e-12) {
      const disc = p[1] * p[1] - 4 * p[2] * p[0];
      if (disc >= 0) {
        const q = Math.sqrt(disc);
        const r1 = (-p[1] + q) / (2 * p[2]), r2 = (-p[1] - q) / (2 * p[2]);
        const root = Math.abs(r1 - x) < Math.abs(r2 - x) ? r1 : r2;
        if (Math.abs(root - x) < Math.abs(raw[r + 1] - raw[r - 1]) / 2) x = root;
      }
    }
    const off = path.cycle[r] * span;
    u[r] = Math.max(lefts[r] + off, Math.min(rights[r] + 1 + off, raw[r] + x));
    fitted[r] = 1;
  }
  return fitted;
}

/**
 * Whether row r's run is one dash of a near-horizontal stroke whose extent in the row is its run
 * cluster (RunTable.clusterLeft). A line w px wide that moves s px a row covers about s·(w + 1) px of
 * each row, so the cluster may be at most s·(w + 1) + w px wide, s measured between the path's
 * ink 2–3 rows above and below. A wider cluster holds other ink beside the curve's (a neighbour 10 px
 * off, a grid line); a row without ink rows on both sides is the path crossing a horizontal line (the
 * specks the model reads there as a dashed curve), not a stroke.
 */
function strokeCluster(t: RunTable, path: DpPath, r: number, span: number): boolean {
  const j = path.run[r];
  if (t.clusterLeft[j] === t.left[j] && t.clusterRight[j] === t.right[j]) return false;
  const n = path.kind.length;
  const at = (k: number) => t.centre[path.run[k]] + path.cycle[k] * span;
  let a = -1, b = -1;
  for (let k = r - 2; k >= Math.max(0, r - 3) && a < 0; k--) if (path.kind[k] === ON_RUN) a = k;
  for (let k = r + 2; k <= Math.min(n - 1, r + 3) && b < 0; k++) if (path.kind[k] === ON_RUN) b = k;
  if (a < 0 || b < 0) return false;
  const step = Math.abs(at(b) - at(a)) / (b - a);
  return t.clusterRight[j] - t.clusterLeft[j] + 1 <= step * (t.lineWidth + 1) + t.lineWidth;
}

/** Ink rows fitted at each end of a bridge for the curve's slope there */
const BRIDGE_FIT_ROWS = 6;

/**
 * The path's slope (px a row) at ink row `end`, fitted over the contiguous ink rows beyond it on the
 * side away from the bridge (`dir` −1: above, +1: below), at most BRIDGE_FIT_ROWS; NaN with fewer than 3.
 */
function endSlope(path: DpPath, u: Float64Array, end: number, dir: number): number {
  const s: { y: number[]; u: number[] } = { y: [], u: [] };
  // not the end row itself: a dash cut across a slanted stroke, or a line leaving a crossing, reads off there
  for (let k = end + dir; k >= 0 && k < u.length && s.y.length < BRIDGE_FIT_ROWS && path.kind[k] === ON_RUN; k += dir) {
    s.y.push(k);
    s.u.push(u[k]);
  }
  return lineFit(s, end)?.[1] ?? NaN;
}

/**
 * Across bridged rows between the run rows on either side (unwrapped px): a cubic that leaves one end
 * and meets the other at the slopes the ink has there (a dashed curve bends in its gaps as in its
 * dashes), where each end has enough ink rows to read a slope from, else a straight line. The cubic
 * strays from the line by at most a quarter of the ends' sideways distance or a line width, whichever is more.
 */
function fillBridges(path: DpPath, u: Float64Array, conf: Float32Array, lineWidth: number, gapRows: number): void {
  const n = u.length;
  let r = 0;
  while (r < n) {
    if (path.kind[r] !== BRIDGED) { r++; continue; }
    let e = r;
    while (e < n && path.kind[e] === BRIDGED) e++;
    const a = r - 1;
    if (a >= 0 && e < n && path.kind[a] === ON_RUN && path.kind[e] === ON_RUN) {
      const h = e - a, chord = (u[e] - u[a]) / h;
      const ma = endSlope(path, u, a, -1), mb = endSlope(path, u, e, 1);
      const curved = Number.isFinite(ma) && Number.isFinite(mb);
      const most = Math.max(lineWidth, Math.abs(u[e] - u[a]) / 4);
      for (let k = r; k < e; k++) {
        const f = (k - a) / h;
        const line = u[a] + f * (u[e] - u[a]);
        // Hermite: the line plus the end slopes' departures from the chord
        const bend = curved ? h * (f * (1 - f) * (1 - f) * (ma - chord) - f * f * (1 - f) * (mb - chord)) : 0;
        u[k] = line + Math.max(-most, Math.min(most, bend));
        // a bridged row is as trustworthy as the weaker of its ends; across more than a dash gap, a little less
        conf[k] = (e - r <= gapRows ? 1 : 0.8) * Math.min(conf[a], conf[e]);
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
