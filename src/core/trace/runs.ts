/**
 * Candidate ink runs per scan row inside one track: the states the tracker chooses between.
 * Pixel space of the upright scan: x = column, y = row; a run covers columns left..right inclusive,
 * and its centre is in px with +0.5 = pixel centre (a one-pixel run at column 10 has centre 10.5):
 * the intensity-weighted centre of the run and its two paper neighbours.
 */
import { SegClass, type Segmentation } from '../types.ts';

export interface RunOptions {
  /** curveProb (0..255) at or above which a pixel counts as curve ink whatever its class */
  probCurve: number;
  /** grid segments wider than this (px) are horizontal grid lines: they split runs instead of joining them */
  maxGridRunWidth: number;
  /** keep at most this many runs per row (the heaviest); protects the tracker from hatching and text */
  maxRunsPerRow: number;
  /** extra columns searched beyond the track edges, px */
  margin: number;
  /**
   * grid-only runs below this mean curve probability (0..1) are no candidates: a bare grid line is never
   * the curve (the tracker's gridProbMin says the same in costs; dropping them early keeps the DP small)
   */
  minGridRunProb: number;
  /**
   * runs of one row closer than this (px) form a cluster: the dashes of a dashed curve's nearly
   * horizontal stroke, which a broken-style curve may cross within a row
   */
  clusterGapPx: number;
  /**
   * a curve drawn along a vertical grid line is often classed grid, with no curve probability, and so
   * would be no candidate at all. Where the scan's darkness is given and the track's curves are clearly
   * darker than a grid line's usual ink (by at least this much, 0..255; a black grid or a 1-bit scan is
   * not), a grid-only run on that line darker than its ink is given a probability for how far its
   * darkness goes from the line's level to the curves' (InkLevels); 0: never. Accuracy sweep
   * (segmentations cached), model v3, 60 cases: median MAE 0.676 -> 0.612%, median p95 2.103 ->
   * 1.781%, coverage 0.9888 -> 0.9907, swapped rows 58,727 -> 57,149 (the 30 of bench:accuracy:
   * 0.509 -> 0.489%, 1.534 -> 1.429%, 0.9902 -> 0.9917, 26,211 -> 25,305); a gap of 40 swapped more
   */
  darkGridMinGap: number;
  /**
   * A straight vertical stretch of a curve (a constant reading: casing, a pinned tool) looks like a grid
   * line to the model, which classes it grid; grid-only runs are no candidates, so the curve is bridged
   * or absent there and a neighbour may take its place. Grid-class ink that runs at least
   * offLineMinRows rows down one column, off every printed vertical line (columns inked on at least
   * 40% of the rows, ± LINE_PAD px), and meets curve ink at one of its ends, is taken as curve ink of
   * probability offLineGridProb (0..1; 0: never): below REVIEW_CONFIDENCE, so those rows are flagged
   * for review. The meeting keeps out the header's box lines. Accuracy bench (segmentations cached),
   * model v3, 30 cases: median MAE 0.375 -> 0.369%, p95 1.122 -> 1.068%, coverage 0.9907 -> 0.9916,
   * swapped rows 23,112 -> 22,859 (5 curves better, 1 worse); 60 cases: 0.488 -> 0.486%, 1.595 ->
   * 1.503%, 0.9897 -> 0.9903, 54,670 -> 54,418; offLineMinRows 32 on the 30: 0.375%, 1.068%, 0.9916,
   * 22,598 but 10 curves better and 7 worse
   */
  offLineGridProb: number;
  offLineMinRows: number;
  /**
   * A stretch (offLineGridProb) runs on across breaks of at most this many rows (0: none), which are
   * then curve ink too: classifyRow makes a long horizontal grid segment paper, the crossing pixel
   * included, so each depth line cuts a vertical grid stretch, and without this only stretches between
   * widely spaced depth lines reached offLineMinRows. With 3, and faint printed lines found by
   * LINE_BANDS, accuracy bench (segmentations cached), model v3, 30 cases: median MAE 0.369 -> 0.365%,
   * p95 1.068 -> 0.920%, coverage 0.9916 -> 0.9918, swapped rows 22,859 -> 22,453 (9 curves better, 4
   * worse); 60 cases: 0.486 -> 0.431%, 1.503 -> 1.421%, 0.9903 -> 0.9906, 54,418 -> 53,460
   */
  offLineGapRows: number;
}

export const DEFAULT_RUN_OPTIONS: RunOptions = { probCurve: 128, maxGridRunWidth: 8, maxRunsPerRow: 24, margin: 2, minGridRunProb: 0.2, clusterGapPx: 10, darkGridMinGap: 60, offLineGridProb: 0.45, offLineMinRows: 80, offLineGapRows: 3 };

/**
 * A window of the scan (px, inclusive; y in scan rows) where dark pixels count as curve ink whatever
 * the segmentation says: around a seed the model missed (seed.ts).
 */
export interface InkWindow {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** darkness (0 paper .. 255 black) at or above which a pixel of the window is ink */
  ink: number;
}

/** Runs of rows y0..y0+rows-1 in compressed-row form: runs of table row r are rowStart[r]..rowStart[r+1]-1. */
export interface RunTable {
  y0: number;
  rows: number;
  rowStart: Int32Array;
  /** table row of each run */
  row: Int32Array;
  left: Int32Array;
  right: Int32Array;
  /** curveProb-weighted centre, px */
  centre: Float64Array;
  /** highest curve probability of the run's curve pixels (grid runs: mean of all pixels), 0..1 */
  prob: Float32Array;
  /** share of the run's curve pixels classed solid / broken */
  solid: Float32Array;
  broken: Float32Array;
  /** 1 = no curve pixel at all: a short grid segment (a vertical grid line, or a curve the model called grid) */
  gridOnly: Uint8Array;
  /** extent of the run's cluster in its row (runs with gaps ≤ clusterGapPx), px inclusive */
  clusterLeft: Int32Array;
  clusterRight: Int32Array;
  /**
   * the one run of the next row this run's ink connects to (8-connected), when that run connects to no
   * other run of this row either; else -1. A 1:1 link is ink that can only continue one way (a spike's
   * long runs), unlike a branch or merge (two lines crossing or touching).
   */
  mate: Int32Array;
  count: number;
  /** median width of curve runs, px: the drawn line width, used to tell a merged run from a single line */
  lineWidth: number;
}

// plain numbers in the per-pixel loops (SegClass is an object whose members the JIT may not fold)
const SOLID = SegClass.SolidCurve;
const BROKEN = SegClass.BrokenCurve;
const GRID_CLASS = SegClass.Grid;

/** Pixel kinds within one row, before runs are formed. */
const NONE = 0;
const CURVE = 1;
const GRID = 2;

class Grow {
  data: Float64Array = new Float64Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.data.length) {
      const d = new Float64Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.n++] = v;
  }
}

/** One row's runs before capping, as parallel arrays (reused between rows). */
interface RowRuns {
  n: number;
  left: number[];
  right: number[];
  centre: number[];
  prob: number[];
  solid: number[];
  broken: number[];
  gridOnly: number[];
  mass: number[];
  /** peak darkness of the run's pixels (0 without the scan's darkness) */
  peak: number[];
  kept: number[];
}

/** Pixel i is curve ink: classed solid or broken, or of curve probability at least probCurve (0..255). */
export function isCurveInk(seg: Segmentation, i: number, probCurve: number): boolean {
  const c = seg.classes[i];
  return c === SOLID || c === BROKEN || seg.curveProb[i] >= probCurve;
}

/** Marks each pixel of row y in [xa, xb] as NONE, CURVE or GRID (short grid segments only). */
function classifyRow(seg: Segmentation, y: number, xa: number, xb: number, o: RunOptions, kind: Uint8Array): void {
  const base = y * seg.width;
  let gridStart = -1;
  for (let x = xa; x <= xb + 1; x++) {
    let k = NONE;
    if (x <= xb) {
      if (isCurveInk(seg, base + x, o.probCurve)) k = CURVE;
      else if (seg.classes[base + x] === GRID_CLASS) k = GRID;
      kind[x - xa] = k;
    }
    if (k === GRID && gridStart < 0) gridStart = x;
    if (k !== GRID && gridStart >= 0) {
      // a long grid segment is a horizontal line: treat it as paper so it never joins two curves
      if (x - gridStart > o.maxGridRunWidth) kind.fill(NONE, gridStart - xa, x - xa);
      gridStart = -1;
    }
  }
}

/**
 * Weight of a pixel in a run's centre: darkness of the scan (when given) times curve probability,
 * so grid pixels inside a run (p ≈ 0) barely pull the centre and a soft edge counts in proportion.
 */
export function weight(seg: Segmentation, dark: Uint8Array | undefined, i: number): number {
  return ((dark ? dark[i] : 255) + 1) * (seg.curveProb[i] + 1);
}

/** Dark pixels (at least w.ink) of row y inside window w become curve ink. */
function markDarkInk(dark: Uint8Array, width: number, y: number, xa: number, xb: number, w: InkWindow, kind: Uint8Array): void {
  for (let x = Math.max(xa, w.x0); x <= Math.min(xb, w.x1); x++) if (dark[y * width + x] >= w.ink) kind[x - xa] = CURVE;
}

/**
 * What a curve drawn along a grid line looks like: the usual peak darkness (0..255) of the track's
 * sure curve runs, and per column (x − xa) the usual darkness of the grid ink in it (255: none seen,
 * or not clearly lighter than the curves: nothing there is lifted).
 */
export interface InkLevels {
  curve: number;
  column: Uint8Array;
}

/** Sure curve runs: model probability at least this (0..1). */
const SURE_CURVE_PROB = 0.7;
/** The probability a grid-only run as dark as the track's curves is given; less in proportion down to its grid line's level. */
const DARK_GRID_PROB = 0.9;
/** Rows sampled to measure the levels; the fewest curve runs, and grid pixels of a column, a level is measured from. */
const LEVEL_ROWS = 400;
const LEVEL_MIN_RUNS = 20;
const LEVEL_MIN_PIXELS = 10;
/** Grid pixels neither black nor white (darkness 8..247) are fewer than this share on a 1-bit scan. */
const BINARY_SHARE = 0.1;
/** Grid pixels at full darkness (248..255) are more than this share where the grid is black (or the scan 1-bit). */
const BLACK_SHARE = 0.2;
/**
 * Columns within this many px of those searched (the track's edges ± RunOptions.margin) are its frame and
 * where a wrapped curve crosses onto its next cycle (TraceOptions.wrapEdgePx): no run reaching them is lifted.
 */
const FRAME_PX = 16;

/** How far a grid pixel of darkness d in column i is from its line's usual ink towards a curve's, 0..1. */
function lift(d: number, i: number, levels: InkLevels): number {
  const g = levels.column[i];
  return g === 255 ? 0 : Math.min(1, Math.max(0, (d - g) / (levels.curve - g)));
}

/**
 * The track's ink levels (InkLevels) on a sample of its rows, or null where darkness cannot tell a
 * curve on a grid line from the line: too few sure curve runs, a 1-bit scan, a black grid, no printed
 * vertical line. A printed line's level is its own ink's, which a curve drawn along it for a stretch
 * does not move; a column whose line is not clearly lighter than the curves is left out.
 */
function inkLevels(seg: Segmentation, dark: Uint8Array, yTop: number, rows: number, xa: number, xb: number, o: RunOptions, kind: Uint8Array, row: RowRuns): InkLevels | null {
  const cols = xb - xa + 1;
  const hist = new Uint16Array(cols * 32); // darkness in steps of 8
  const curve: number[] = [];
  const step = Math.max(1, Math.floor(rows / LEVEL_ROWS));
  let sampled = 0;
  for (let r = 0; r < rows; r += step, sampled++) {
    classifyRow(seg, yTop + r, xa, xb, o, kind);
    const base = (yTop + r) * seg.width;
    for (let i = 0; i < cols; i++) if (kind[i] === GRID) hist[i * 32 + (dark[base + xa + i] >> 3)]++;
    collectRow(seg, dark, yTop + r, xa, xb, kind, row, null);
    for (let i = 0; i < row.n; i++) if (!row.gridOnly[i] && row.prob[i] >= SURE_CURVE_PROB) curve.push(row.peak[i]);
  }
  // a 1-bit scan's grid pixels are black or white (a grey line dithered; a rotated scan's edges grey),
  // and a black grid is as dark as the curves: no level to tell a curve on a line by
  // (the frame left out: its ink is often black where the grid's is not)
  const inner0 = FRAME_PX + 1, inner1 = Math.max(inner0, cols - FRAME_PX - 1); // columns off the frame: [inner0, inner1)
  let all = 0, grey = 0, black = 0;
  for (let i = inner0 * 32; i < inner1 * 32; i++) {
    all += hist[i];
    if (i % 32 === 31) black += hist[i];
    else if (i % 32 > 0) grey += hist[i];
  }
  if (curve.length < LEVEL_MIN_RUNS || grey < BINARY_SHARE * all || black > BLACK_SHARE * all) return null;
  const level = curve.sort((a, b) => a - b)[curve.length >> 1];
  // each column's grid darkness: its lower quartile, the line's bare ink even where a curve runs along
  // it for most of the scan
  const quartile = new Int16Array(cols).fill(-1);
  const seen = new Int32Array(cols);
  for (let i = inner0; i < inner1; i++) {
    for (let b = 0; b < 32; b++) seen[i] += hist[i * 32 + b];
    if (seen[i] < LEVEL_MIN_PIXELS) continue;
    let acc = 0, b = 0;
    while ((acc += hist[i * 32 + b]) * 4 < seen[i]) b++;
    quartile[i] = b * 8 + 4;
  }
  // a column is on a printed line where grid is seen on at least half the sampled rows (a vertical line
  // runs the track's length); a curve the model called grid is seen on far fewer. Neighbouring printed columns
  // are one line, whose level is its core's (darkest column's): its anti-aliased edges are lighter, and
  // a curve on the line darkens both alike (a heavy line's core is darker than a fine one's). Every
  // other column is measured against the printed lines' usual level
  const lines: { from: number; to: number; core: number }[] = [];
  for (let i = 0; i < cols; i++) {
    if (quartile[i] < 0 || 2 * seen[i] < sampled) continue;
    const last = lines[lines.length - 1];
    if (last && last.to === i - 1) {
      last.to = i;
      last.core = Math.max(last.core, quartile[i]);
    } else lines.push({ from: i, to: i, core: quartile[i] });
  }
  if (lines.length === 0) return null;
  const typical = lines.map((l) => l.core).sort((a, b) => a - b)[lines.length >> 1];
  const column = new Uint8Array(cols).fill(255);
  if (level - typical >= o.darkGridMinGap) column.fill(typical, inner0, inner1);
  for (const l of lines) column.fill(level - l.core >= o.darkGridMinGap ? l.core : 255, l.from, l.to + 1);
  return { curve: level, column };
}

/** Columns within this many px of a printed vertical line's count as on it (its anti-aliased edges, a residual skew). */
const LINE_PAD = 2;

/**
 * A printed line is inked on at least 40% of the sampled rows, or, where the model sees a faint line
 * only in places, classed grid (in it or a neighbour column: a faint line drawn across two) on at
 * least 5% of the sampled rows of every one of LINE_BANDS bands down the log. A curve's straight
 * stretch lies in a few bands, and a curve that wanders across the column is classed curve there,
 * which this count leaves out. (Case 2 of the accuracy bench: a faint log subline seen as grid on 25%
 * of the rows, 7% in its sparsest band, was taken as curve and pulled RDEP onto it.)
 */
const LINE_BANDS = 8;

/** A stretch of grid-class ink in one column (x − xa) over band rows [from, to) that is taken as curve ink (offLineGrid). */
interface GridStretch {
  i: number;
  from: number;
  to: number;
}

/**
 * The stretches where grid-class ink runs at least o.offLineMinRows rows down a column off every
 * printed vertical line and meets curve ink at one end (RunOptions.offLineGridProb), by first row; it
 * runs on across breaks of up to RunOptions.offLineGapRows rows. A printed line's columns are those
 * inked on enough of a sample of the rows (LINE_BANDS: a line runs the log's length), widened by
 * LINE_PAD.
 */
function offLineGrid(seg: Segmentation, yTop: number, rows: number, xa: number, xb: number, o: RunOptions, kind: Uint8Array): GridStretch[] {
  const cols = xb - xa + 1;
  const seen = new Int32Array(cols);
  const inBand = new Int32Array(cols * LINE_BANDS);
  const bandSampled = new Int32Array(LINE_BANDS);
  const step = Math.max(1, Math.floor(rows / LEVEL_ROWS));
  let sampled = 0;
  for (let r = 0; r < rows; r += step, sampled++) {
    classifyRow(seg, yTop + r, xa, xb, o, kind);
    const band = Math.min(LINE_BANDS - 1, Math.floor((r * LINE_BANDS) / rows));
    bandSampled[band]++;
    for (let i = 0; i < cols; i++) {
      if (kind[i] !== NONE) seen[i]++;
      if (kind[i] === GRID || (i > 0 && kind[i - 1] === GRID) || (i + 1 < cols && kind[i + 1] === GRID)) inBand[i * LINE_BANDS + band]++;
    }
  }
  const onLine = new Uint8Array(cols);
  for (let i = 0; i < cols; i++) {
    let everywhere = true;
    for (let b = 0; b < LINE_BANDS && everywhere; b++) everywhere = 20 * inBand[i * LINE_BANDS + b] >= bandSampled[b];
    if (5 * seen[i] >= 2 * sampled || everywhere) onLine.fill(1, Math.max(0, i - LINE_PAD), Math.min(cols, i + LINE_PAD + 1));
  }
  const out: GridStretch[] = [];
  const start = new Int32Array(cols).fill(-1);
  const last = new Int32Array(cols);
  const gap = Math.max(0, o.offLineGapRows);
  for (let r = 0; r <= rows; r++) {
    if (r < rows) classifyRow(seg, yTop + r, xa, xb, o, kind);
    for (let i = 0; i < cols; i++) {
      if (onLine[i]) continue;
      if (r < rows && kind[i] === GRID) {
        if (start[i] < 0) start[i] = r;
        last[i] = r;
      } else if (start[i] >= 0 && (r === rows || r - last[i] > gap)) {
        const end = last[i] + 1;
        const ends = curveNear(seg, yTop + start[i] - 1, xa + i, o) || curveNear(seg, yTop + end, xa + i, o);
        if (end - start[i] >= o.offLineMinRows && ends) out.push({ i, from: start[i], to: end });
        start[i] = -1;
      }
    }
  }
  return out.sort((a, b) => a.from - b.from);
}

/** Curve ink in row y within LINE_PAD px of column x: a stretch ending there continues a curve. */
function curveNear(seg: Segmentation, y: number, x: number, o: RunOptions): boolean {
  if (y < 0 || y >= seg.height) return false;
  for (let xx = Math.max(0, x - LINE_PAD); xx <= Math.min(seg.width - 1, x + LINE_PAD); xx++) if (isCurveInk(seg, y * seg.width + xx, o.probCurve)) return true;
  return false;
}

/** Grid ink taken as curve ink (offLineGrid) in the row being collected: 1 per column (x − xa), and the probability (0..255) it is given. */
interface GridAsCurve {
  row: Uint8Array;
  prob: number;
}

function collectRow(
  seg: Segmentation, dark: Uint8Array | undefined, y: number, xa: number, xb: number, kind: Uint8Array, out: RowRuns, levels: InkLevels | null,
  asCurve: GridAsCurve | null = null,
): void {
  const base = y * seg.width;
  out.n = 0;
  let x = xa;
  while (x <= xb) {
    if (kind[x - xa] === NONE) {
      x++;
      continue;
    }
    const left = x;
    // the paper pixel on either side joins the centre with its (small) weight: anti-aliased edges
    let w = 0, wx = 0;
    if (x > xa) { w = weight(seg, dark, base + x - 1); wx = w * (x - 0.5); }
    let nCurve = 0, pCurve = 0, pAll = 0, nSolid = 0, nBroken = 0, peak = 0, lifted = 0;
    for (; x <= xb && kind[x - xa] !== NONE; x++) {
      const p = seg.curveProb[base + x];
      if (dark) peak = Math.max(peak, dark[base + x]);
      if (levels && kind[x - xa] === GRID) lifted = Math.max(lifted, lift(dark![base + x], x - xa, levels));
      const c = seg.classes[base + x];
      const wt = weight(seg, dark, base + x);
      w += wt;
      wx += wt * (x + 0.5); // +0.5: pixel centre
      pAll += p;
      if (kind[x - xa] === CURVE) {
        nCurve++;
        pCurve = Math.max(pCurve, asCurve && asCurve.row[x - xa] ? asCurve.prob : p);
        if (c === SOLID) nSolid++;
        else if (c === BROKEN) nBroken++;
      }
    }
    if (x <= xb) { const wt = weight(seg, dark, base + x); w += wt; wx += wt * (x + 0.5); }
    const i = out.n++;
    out.left[i] = left;
    out.right[i] = x - 1;
    out.centre[i] = wx / w;
    out.gridOnly[i] = nCurve === 0 ? 1 : 0;
    // the run's most confident pixel: a thin line's soft edges say nothing against it
    out.prob[i] = nCurve > 0 ? pCurve / 255 : pAll / (x - left) / 255;
    // a grid-only run darker than its line's ink: a curve drawn along the line (RunOptions.darkGridMinGap).
    // Never near the track's edges (FRAME_PX): the frame, which a curve along cannot be told from, and where wraps land
    if (nCurve === 0 && left - xa > FRAME_PX && xb - (x - 1) > FRAME_PX) out.prob[i] = Math.max(out.prob[i], DARK_GRID_PROB * lifted);
    out.peak[i] = peak;
    out.solid[i] = nCurve > 0 ? nSolid / nCurve : 0;
    out.broken[i] = nCurve > 0 ? nBroken / nCurve : 0;
    out.mass[i] = (nCurve > 0 ? 1000 : 0) + pAll / 255;
  }
}

/** Indices of the row's runs to keep, in x order: all of them, or the heaviest maxRunsPerRow. */
function keptRuns(r: RowRuns, max: number, minGridProb: number): number[] {
  const idx = r.kept;
  idx.length = 0;
  for (let i = 0; i < r.n; i++) if (!r.gridOnly[i] || r.prob[i] >= minGridProb) idx.push(i);
  if (idx.length <= max) return idx;
  return idx.sort((a, b) => r.mass[b] - r.mass[a]).slice(0, max).sort((a, b) => a - b);
}

/**
 * Runs of the track's columns [x0, x1] (± margin) for scan rows [yTop, yBottom).
 * Memory is linear in rows × runs per row (capped), so a 12,800-row track stays a few MB.
 */
export function extractRuns(
  seg: Segmentation,
  x0: number,
  x1: number,
  yTop: number,
  yBottom: number,
  options: Partial<RunOptions> = {},
  /** darkness of the scan per pixel (0 paper .. 255 black), same size as seg; optional */
  dark?: Uint8Array,
  /** where dark pixels of the scan count as curve ink (needs `dark`) */
  inkWindows: InkWindow[] = [],
): RunTable {
  const o = { ...DEFAULT_RUN_OPTIONS, ...options };
  const xa = Math.max(0, Math.floor(x0) - o.margin);
  const xb = Math.min(seg.width - 1, Math.ceil(x1) + o.margin);
  const rows = Math.max(0, yBottom - yTop);
  const kind = new Uint8Array(Math.max(0, xb - xa + 1));
  const row: RowRuns = { n: 0, left: [], right: [], centre: [], prob: [], solid: [], broken: [], gridOnly: [], mass: [], peak: [], kept: [] };
  const levels = dark && o.darkGridMinGap > 0 && xb >= xa ? inkLevels(seg, dark, yTop, rows, xa, xb, o, kind, row) : null;
  const stretches = o.offLineGridProb > 0 && xb >= xa ? offLineGrid(seg, yTop, rows, xa, xb, o, kind) : [];
  const asCurve: GridAsCurve | null = stretches.length > 0 ? { row: new Uint8Array(kind.length), prob: Math.round(255 * o.offLineGridProb) } : null;
  let active: GridStretch[] = [];
  let next = 0;
  const cols = Array.from({ length: 8 }, () => new Grow()); // row, left, right, centre, prob, solid, broken, gridOnly
  const rowStart = new Int32Array(rows + 1);
  for (let r = 0; r < rows; r++) {
    rowStart[r] = cols[0].n;
    if (xb < xa) continue;
    classifyRow(seg, yTop + r, xa, xb, o, kind);
    if (dark) for (const w of inkWindows) if (yTop + r >= w.y0 && yTop + r <= w.y1) markDarkInk(dark, seg.width, yTop + r, xa, xb, w, kind);
    if (asCurve) {
      while (next < stretches.length && stretches[next].from <= r) active.push(stretches[next++]);
      if (active.some((st) => st.to <= r)) active = active.filter((st) => st.to > r);
      asCurve.row.fill(0);
      for (const st of active) {
        asCurve.row[st.i] = 1;
        kind[st.i] = CURVE;
      }
    }
    collectRow(seg, dark, yTop + r, xa, xb, kind, row, levels, asCurve);
    for (const i of keptRuns(row, o.maxRunsPerRow, o.minGridRunProb)) {
      cols[0].push(r);
      cols[1].push(row.left[i]);
      cols[2].push(row.right[i]);
      cols[3].push(row.centre[i]);
      cols[4].push(row.prob[i]);
      cols[5].push(row.solid[i]);
      cols[6].push(row.broken[i]);
      cols[7].push(row.gridOnly[i]);
    }
  }
  const count = cols[0].n;
  rowStart[rows] = count;
  const take = (c: number) => cols[c].data.subarray(0, count);
  const base = {
    y0: yTop,
    rows,
    rowStart,
    row: Int32Array.from(take(0)),
    left: Int32Array.from(take(1)),
    right: Int32Array.from(take(2)),
    centre: Float64Array.from(take(3)),
    prob: Float32Array.from(take(4)),
    solid: Float32Array.from(take(5)),
    broken: Float32Array.from(take(6)),
    gridOnly: Uint8Array.from(take(7)),
    count,
    lineWidth: 1,
  };
  const table: RunTable = { ...base, ...clusters(base, o.clusterGapPx), mate: mates(base) };
  table.lineWidth = medianCurveWidth(table);
  return table;
}

type LinkTable = Pick<RunTable, 'rows' | 'rowStart' | 'left' | 'right' | 'gridOnly' | 'count'>;

/**
 * Calls visit(j, q) for every pair of curve runs (not grid-only) in consecutive rows r, r + 1 that
 * touch, 8-connected. Runs are sorted by left edge within a row, so one pointer into the next row
 * serves a whole row.
 */
export function forEachLink(t: LinkTable, visit: (j: number, q: number) => void): void {
  for (let r = 0; r + 1 < t.rows; r++) {
    let k = t.rowStart[r + 1];
    for (let j = t.rowStart[r]; j < t.rowStart[r + 1]; j++) {
      if (t.gridOnly[j]) continue;
      // runs of the next row that end left of this run's reach are behind us for later runs too
      while (k < t.rowStart[r + 2] && t.right[k] < t.left[j] - 1) k++;
      for (let q = k; q < t.rowStart[r + 2] && t.left[q] <= t.right[j] + 1; q++) {
        if (!t.gridOnly[q]) visit(j, q);
      }
    }
  }
}

/** The 1:1 links between runs of consecutive rows (see RunTable.mate); grid-only runs link to nothing. */
function mates(t: LinkTable): Int32Array {
  const down = new Int32Array(t.count).fill(-1), ups = new Int32Array(t.count), downs = new Int32Array(t.count);
  forEachLink(t, (j, q) => {
    downs[j]++;
    ups[q]++;
    down[j] = q;
  });
  for (let j = 0; j < t.count; j++) if (downs[j] !== 1 || ups[down[j]] !== 1) down[j] = -1;
  return down;
}

/** Chains each row's curve runs (not grid-only ones) with gaps ≤ maxGap into clusters. */
function clusters(t: Omit<RunTable, 'clusterLeft' | 'clusterRight' | 'mate'>, maxGap: number): { clusterLeft: Int32Array; clusterRight: Int32Array } {
  const clusterLeft = Int32Array.from(t.left), clusterRight = Int32Array.from(t.right);
  for (let r = 0; r < t.rows; r++) {
    let a = t.rowStart[r];
    while (a < t.rowStart[r + 1]) {
      let b = a;
      while (b + 1 < t.rowStart[r + 1] && !t.gridOnly[b + 1] && !t.gridOnly[b] && t.left[b + 1] - t.right[b] - 1 <= maxGap) b++;
      for (let k = a; k <= b; k++) { clusterLeft[k] = t.left[a]; clusterRight[k] = t.right[b]; }
      a = b + 1;
    }
  }
  return { clusterLeft, clusterRight };
}

function medianCurveWidth(t: RunTable): number {
  const hist = new Int32Array(65);
  let n = 0;
  for (let i = 0; i < t.count; i++) {
    if (t.gridOnly[i]) continue;
    hist[Math.min(64, t.right[i] - t.left[i] + 1)]++;
    n++;
  }
  if (n === 0) return 1;
  let acc = 0;
  for (let w = 1; w <= 64; w++) {
    acc += hist[w];
    if (acc * 2 >= n) return w;
  }
  return 64;
}

/** True when a run is clearly wider than one drawn line: two curves merged, or a near-horizontal stroke. */
export function isWide(t: RunTable, i: number): boolean {
  return t.right[i] - t.left[i] + 1 > 1.7 * t.lineWidth + 1;
}
