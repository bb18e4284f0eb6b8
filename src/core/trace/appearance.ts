/**
 * How a curve's ink looks, so each curve keeps to its own line where geometry cannot tell two apart:
 * two curves touching at a turn, or crossing on near-horizontal strokes, look alike to slope and
 * position, but a thick line is not a thin one, a faint line is not a black one, and a dotted line is
 * not a dashed one. Features per run (pixel space of the upright scan, px):
 * - width: the line's width across the stroke, from the run's horizontal extent h and the vertical ink
 *   extent v through its centre column: a stroke of width w at any angle has h·v / √(h² + v²) ≈ w.
 *   From the mask h and v are whole pixels, so lines 2 and 2.6 px wide read alike; with the scan they
 *   are also read sub-pixel (fineWidth): the ink's darkness above the paper's, summed across the
 *   stroke in units of its darkest pixel. Lines are drawn anti-aliased and blurred, so this measure is
 *   biased (about +0.5 px at 200 dpi) but the same for every curve of a scan: it is only compared;
 * - dark: the darkest pixel of the run's curve ink (0..1), the ink's own shade whatever the line width
 *   (curve ink: the model's, or a dark-ink window's around a seed the model missed);
 * - length: the extent of the run's connected piece of ink (hypot of its rows and columns): a dot is
 *   as long as the line is wide, a dash some tens of px, a solid line hundreds.
 * A curve's look is the median of each feature over the runs of its own path nearest its seed, off grid
 * lines (where a line cuts the curve's ink into pieces and thins it), checked against the stroke the
 * user clicked (pathLook, strokeLook). In the DP a run costs a curve how much more unlike it it is
 * than like the track's most similar other curve (with dead zones, and capped: a crossing merges two
 * lines' ink); identity.ts compares whole pieces of path by their medians, and only there the
 * sub-pixel width too (single runs are too noisy for it).
 */
import { SegClass, type Segmentation } from '../types.ts';
import { forEachLink, isCurveInk, isWide, type InkWindow, type RunTable } from './runs.ts';
import type { TraceOptions } from './options.ts';
import { runDp, type DpWorkspace, type WrapSpan } from './viterbi.ts';

export interface RunFeatures {
  width: Float32Array;
  /** the same, sub-pixel: from the scan's darkness summed across the stroke (null without the scan) */
  fineWidth: Float32Array | null;
  dark: Float32Array;
  length: Float32Array;
  /** the run's 8-connected piece of curve ink, named by one of its runs (a grid-only run: itself) */
  piece: Int32Array;
}

export interface CurveLook {
  width: number;
  fineWidth: number | null;
  dark: number;
  length: number;
  /** runs the medians were taken from */
  samples: number;
}

const GRID_CLASS = SegClass.Grid;
const PAPER = SegClass.Paper;
/** ink must stand this far above the paper (darkness 0..255) for its extents to be read sub-pixel */
const MIN_CONTRAST = 40;
/** vertical ink is counted at most this far up and down (px): enough to tell a line's width */
const MAX_V = 24;

/**
 * Each run's features. `windows`: the scan windows whose dark pixels the table took as curve ink
 * (runs.ts InkWindow, around a seed the model missed). Their dark pixels are ink here too: a run made
 * of them would otherwise read no shade and a one-row width, and as it lies at the seed, the curve's
 * look would be read off such runs (case 41 of the 60-case accuracy bench: AC's look read shade 0).
 */
export function runFeatures(seg: Segmentation, t: RunTable, probCurve: number, dark?: Uint8Array, windows: readonly InkWindow[] = []): RunFeatures {
  const width = new Float32Array(t.count), shade = new Float32Array(t.count);
  const fineWidth = dark ? new Float32Array(t.count) : null;
  const inWindow = (i: number) => {
    const y = Math.floor(i / seg.width), x = i - y * seg.width;
    return windows.some((w) => x >= w.x0 && x <= w.x1 && y >= w.y0 && y <= w.y1 && dark![i] >= w.ink);
  };
  const isInk = dark && windows.length > 0 ? (i: number) => isCurveInk(seg, i, probCurve) || inWindow(i) : (i: number) => isCurveInk(seg, i, probCurve);
  const paper = dark ? paperDarkness(seg, t, dark) : 0;
  for (let j = 0; j < t.count; j++) {
    const y = t.y0 + t.row[j];
    const x = Math.min(seg.width - 1, Math.max(0, Math.floor(t.centre[j])));
    let up = 0, down = 0;
    while (up < MAX_V && y - up - 1 >= 0 && isInk((y - up - 1) * seg.width + x)) up++;
    while (down < MAX_V && y + down + 1 < seg.height && isInk((y + down + 1) * seg.width + x)) down++;
    let d = 0;
    if (dark) for (let xx = t.left[j], base = y * seg.width; xx <= t.right[j]; xx++) if (isInk(base + xx)) d = Math.max(d, dark[base + xx]);
    shade[j] = dark ? d / 255 : 1;
    let h = t.right[j] - t.left[j] + 1, v = up + down + 1;
    const h0 = h, v0 = v;
    if (dark && d - paper >= MIN_CONTRAST) {
      // sub-pixel extents: the ink's darkness summed across the stroke, in units of its darkest pixel,
      // one pixel beyond the ink each way for the anti-aliased edge (not into a grid line)
      const fill = (i: number) => (seg.classes[i] === GRID_CLASS ? 0 : Math.min(1, Math.max(0, (dark[i] - paper) / (d - paper))));
      const base = y * seg.width;
      h = 0;
      for (let xx = Math.max(0, t.left[j] - 1); xx <= Math.min(seg.width - 1, t.right[j] + 1); xx++) h += fill(base + xx);
      v = 0;
      for (let yy = Math.max(0, y - up - 1); yy <= Math.min(seg.height - 1, y + down + 1); yy++) v += fill(yy * seg.width + x);
      h = Math.max(h, 0.5); v = Math.max(v, 0.5);
    }
    width[j] = (h0 * v0) / Math.hypot(h0, v0);
    if (fineWidth) fineWidth[j] = (h * v) / Math.hypot(h, v);
  }
  return { width, fineWidth, dark: shade, ...pieces(t) };
}

/** The paper's darkness in the table's band: the median over its paper-classed pixels (a sample of them). */
function paperDarkness(seg: Segmentation, t: RunTable, dark: Uint8Array): number {
  const hist = new Uint32Array(256);
  let n = 0;
  const step = 7; // a sparse sample is plenty for a median of noise
  for (let i = t.y0 * seg.width, end = Math.min(seg.height, t.y0 + t.rows) * seg.width; i < end; i += step) {
    if (seg.classes[i] === PAPER) { hist[dark[i]]++; n++; }
  }
  let acc = 0;
  for (let v = 0; v < 256; v++) if ((acc += hist[v]) * 2 >= n) return v;
  return 0;
}

/** Each run's 8-connected piece of curve ink and that piece's extent (grid-only runs are pieces of their own). */
function pieces(t: RunTable): { length: Float32Array; piece: Int32Array } {
  const parent = new Int32Array(t.count);
  for (let j = 0; j < t.count; j++) parent[j] = j;
  const find = (j: number): number => {
    while (parent[j] !== j) { parent[j] = parent[parent[j]]; j = parent[j]; }
    return j;
  };
  forEachLink(t, (j, q) => { parent[find(q)] = find(j); });
  const top = new Int32Array(t.count).fill(2 ** 30), bottom = new Int32Array(t.count).fill(-1);
  const left = new Int32Array(t.count).fill(2 ** 30), right = new Int32Array(t.count).fill(-(2 ** 30));
  for (let j = 0; j < t.count; j++) {
    const p = find(j);
    top[p] = Math.min(top[p], t.row[j]);
    bottom[p] = Math.max(bottom[p], t.row[j]);
    left[p] = Math.min(left[p], t.left[j]);
    right[p] = Math.max(right[p], t.right[j]);
  }
  const length = new Float32Array(t.count), piece = new Int32Array(t.count);
  for (let j = 0; j < t.count; j++) {
    const p = (piece[j] = find(j));
    length[j] = Math.hypot(bottom[p] - top[p] + 1, right[p] - left[p] + 1);
  }
  return { length, piece };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Medians of the features over the given runs; null when too few to trust. */
export function curveLook(f: RunFeatures, runs: number[], minSamples: number): CurveLook | null {
  if (runs.length < minSamples) return null;
  return {
    width: median(runs.map((j) => f.width[j])),
    fineWidth: f.fineWidth ? median(runs.map((j) => f.fineWidth![j])) : null,
    dark: median(runs.map((j) => f.dark[j])),
    length: median(runs.map((j) => f.length[j])),
    samples: runs.length,
  };
}

/**
 * What holding these runs costs a curve of look `own` rather than its partner of look `other`, as a
 * whole: per feature that tells the two apart (their looks differ by more than its tolerance), how much
 * nearer the runs' median lies to the partner's look, capped at the looks' own difference; times the
 * number of runs. Medians, so the noise of single runs does not add up over a long stretch; only
 * telling features, so two curves that look alike leave the choice to geometry.
 */
export function pieceLookCost(f: RunFeatures, own: CurveLook, other: CurveLook, runs: number[], o: TraceOptions): number {
  if (runs.length === 0) return 0;
  const m = curveLook(f, runs, 1)!;
  const part = (v: number, a: number, b: number, tol: number, w: number) => {
    const gap = Math.abs(a - b);
    return gap <= tol ? 0 : w * Math.max(0, Math.min(gap, Math.abs(v - a) - Math.abs(v - b)));
  };
  const fine = m.fineWidth !== null && own.fineWidth !== null && other.fineWidth !== null;
  const cost =
    part(Math.log(m.width), Math.log(own.width), Math.log(other.width), o.lookWidthTol, o.wLookWidth) +
    (fine ? part(Math.log(m.fineWidth!), Math.log(own.fineWidth!), Math.log(other.fineWidth!), o.pieceWidthTol, o.wPieceWidth) : 0) +
    part(m.dark, own.dark, other.dark, o.pieceDarkTol, o.wLookDark) +
    part(Math.log(m.length), Math.log(own.length), Math.log(other.length), o.lookLengthTol, o.wLookLength);
  return runs.length * Math.min(o.lookCap, cost);
}

function distance(width: number, dark: number, length: number, look: CurveLook, o: TraceOptions): number {
  const dw = Math.max(0, Math.abs(Math.log(width / look.width)) - o.lookWidthTol);
  const dd = Math.max(0, Math.abs(dark - look.dark) - o.lookDarkTol);
  const dl = Math.max(0, Math.abs(Math.log(length / look.length)) - o.lookLengthTol);
  return o.wLookWidth * dw + o.wLookDark * dd + o.wLookLength * dl;
}

/** Per run, how unlike `look` it is: a weighted, tolerant, capped distance (≥ 0). */
export function lookDistance(f: RunFeatures, look: CurveLook, o: TraceOptions): Float32Array {
  const out = new Float32Array(f.width.length);
  for (let j = 0; j < out.length; j++) out[j] = Math.min(o.lookCap, distance(f.width[j], f.dark[j], f.length[j], look, o));
  return out;
}

/**
 * Adds to each curve's emissions what a run's look says against it: how much more unlike this curve
 * it is than like the most similar other curve of the track. Relative, so a run that looks like none
 * of them (a merged crossing, a spike's long run) costs nobody, and a curve alone in its track pays nothing.
 */
export function addLookCosts(emits: Float32Array[], dists: (Float32Array | null)[]): void {
  emits.forEach((emit, k) => {
    const own = dists[k];
    const others = dists.filter((d, m): d is Float32Array => m !== k && d !== null);
    if (!own || others.length === 0) return;
    for (let j = 0; j < emit.length; j++) {
      let best = Infinity;
      for (const d of others) best = Math.min(best, d[j]);
      if (own[j] > best) emit[j] += own[j] - best;
    }
  });
}

/**
 * Each curve's look, read off its own path near its seed (traced alone) where no other curve's path
 * near its seed comes close: the first stretch of two curves that cross early would mix. Also each
 * curve's seed zone from the same path (seedZone), which the joint tracing keeps for that curve alone.
 * Only for tracks of several curves (a curve alone needs no telling apart, nor keeping apart).
 */
export function measureLooks(
  seg: Segmentation, table: RunTable, ws: DpWorkspace, wraps: (WrapSpan | null)[], emits: Float32Array[], seeds: number[], o: TraceOptions,
  dark?: Uint8Array,
  /** per curve: drawn dotted or dashed (the layout's style), whose seed stroke can correct its look (strokeLook) */
  broken: boolean[] = [],
  /** the scan windows whose dark pixels the table took as curve ink (runFeatures) */
  windows: readonly InkWindow[] = [],
): { looks: (CurveLook | null)[]; features: RunFeatures | null; zones: number[][] } {
  if (seeds.length < 2) return { looks: seeds.map(() => null), features: null, zones: seeds.map(() => []) };
  const local = seeds.map((seed, k) => pathNearSeed(table, ws, emits[k], wraps[k], seed, o));
  const zones = seeds.map((seed, k) => seedZone(table, local[k], table.row[seed], o));
  if (!(o.wLookWidth > 0 || o.wLookDark > 0 || o.wLookLength > 0)) return { looks: seeds.map(() => null), features: null, zones };
  const features = runFeatures(seg, table, o.runs.probCurve, dark, windows);
  const onGrid = o.lookOffGrid ? (j: number) => table.gridOnly[j] === 1 || touchesGrid(seg, table, j) : () => false;
  const looks = seeds.map((seed, k) => {
    const look = pathLook(table, features, runsAlone(table, local, k, table.row[seed], o, onGrid), zones[k], table.row[seed], o);
    return broken[k] ? strokeLook(table, features, seed, look, o, onGrid) : look;
  });
  return { looks, features, zones };
}

/**
 * A curve's look from the runs of its path near its seed (runsAlone), checked against its seed zone
 * (the clicked stroke up to its first meeting with other ink). Beyond a meeting the path traced alone
 * may have gone on along the other line: a faint line the model sees only in part loses to a dark
 * one at a crossing (case 42 of the 60-case accuracy bench: AC, grey, crosses the black DEN above
 * its seed and its path went on up DEN's line; AC's look was DEN's, and the two swapped over 1,800
 * rows). So where the zone holds lookZoneMin samples or more, each side's samples beyond it (above the
 * seed, below it) that read unlike the zone in both shade and width, beyond lookDarkTol and
 * lookWidthTol, are another line's and are dropped; the look is then read off what is left, which
 * may be fewer than lookMinSamples (the zone's alone). One feature apart is not enough: a short zone
 * reads a line at one angle, and its shade or width alone can stray that far.
 */
function pathLook(table: RunTable, f: RunFeatures, runs: number[], zone: number[], seedRow: number, o: TraceOptions): CurveLook | null {
  const look = curveLook(f, runs, o.lookMinSamples);
  if (!(o.lookZoneMin > 0)) return look;
  const inZone = new Set(zone);
  const own = curveLook(f, runs.filter((j) => inZone.has(j)), o.lookZoneMin);
  if (!own) return look;
  const beyond = [runs.filter((j) => !inZone.has(j) && table.row[j] < seedRow), runs.filter((j) => !inZone.has(j) && table.row[j] > seedRow)];
  const other = (side: number[]) => {
    const l = curveLook(f, side, o.lookZoneMin);
    return !!l && Math.abs(l.dark - own.dark) > o.lookDarkTol && Math.abs(Math.log(l.width / own.width)) > o.lookWidthTol;
  };
  const drop = new Set(beyond.filter(other).flat());
  return drop.size ? curveLook(f, runs.filter((j) => !drop.has(j)), Math.min(o.lookMinSamples, o.lookZoneMin)) : look;
}

/**
 * A dotted or dashed curve's look, checked against the stroke its seed is on (the dot or dash the
 * user clicked). Its path traced alone may leave its own faint dots for a longer-dashed neighbour
 * near the seed, and then its look is that neighbour's (case 59 of the 60-case accuracy bench: a
 * dotted PEFZ, seed stroke 4 px long, read a look 16 px long off the dashed SGR beside it), or its
 * runs may all lie on another curve's path and give no look at all (SGR there). Where the look is
 * missing, or its pieces run more than lookStrokeRatio times as long as the seed's stroke, the look
 * is read off that stroke instead: its runs off grid lines and not wide, at least two. A seed stroke
 * longer than the look (a dot touching another line where it was clicked), or a seed on a single
 * pixel (a speck), leaves the look as it is.
 */
function strokeLook(table: RunTable, f: RunFeatures, seed: number, look: CurveLook | null, o: TraceOptions, onGrid: (j: number) => boolean): CurveLook | null {
  if (!(o.lookStrokeRatio > 0) || (look && f.length[seed] * o.lookStrokeRatio >= look.length)) return look;
  // a single pixel is a speck, not a dot
  if (f.length[seed] < 2) return look;
  const runs = strokeRuns(table, f.piece, seed, o.lookRows).filter((j) => !isWide(table, j) && !onGrid(j));
  return runs.length >= 2 ? curveLook(f, runs, 1) : look;
}

/** The runs of run j's piece of curve ink (RunFeatures.piece) at most `rows` rows from j. */
function strokeRuns(t: RunTable, piece: Int32Array, j: number, rows: number): number[] {
  const out: number[] = [];
  const r0 = Math.max(0, t.row[j] - rows), r1 = Math.min(t.rows - 1, t.row[j] + rows);
  for (let q = t.rowStart[r0]; q < t.rowStart[r1 + 1]; q++) if (piece[q] === piece[j]) out.push(q);
  return out;
}

/**
 * The runs of a curve's own path around its seed (traced alone) out to where any other curve ink first
 * comes within reach of it, or the path bridges sideways further than that, each way: the stroke the
 * user clicked on, up to its first meeting with anything it could be confused with.
 */
function seedZone(table: RunTable, local: Int32Array, seedRow: number, o: TraceOptions): number[] {
  const out: number[] = [];
  if (!(o.seedZoneRows > 0)) return out;
  for (const dir of [-1, 1]) {
    let last = local[seedRow];
    for (let d = dir < 0 ? 0 : 1; d <= o.seedZoneRows; d++) {
      const r = seedRow + dir * d;
      if (r < 0 || r >= table.rows) break;
      const j = local[r];
      if (j < 0) continue;
      if (last >= 0 && !closeBy(table, last, j)) break;
      let near = false;
      for (let i = table.rowStart[r]; i < table.rowStart[r + 1] && !near; i++) near = i !== j && !table.gridOnly[i] && closeBy(table, i, j);
      if (near || isWide(table, j)) break;
      out.push(j);
      last = j;
    }
  }
  return out;
}

/**
 * Runs of the curve's path within lookRows of its seed, traced alone (no claims), per table row (-1:
 * none). Each way it stops where the path first loses the curve: beyond, it may have jumped to a
 * neighbour that is easier to follow (a dotted curve to a dashed one beside it).
 */
function pathNearSeed(table: RunTable, ws: DpWorkspace, emit: Float32Array, wrap: WrapSpan | null, seed: number, o: TraceOptions): Int32Array {
  const seedRow = table.row[seed];
  const runs = new Int32Array(table.rows).fill(-1);
  const init = [{ run: seed, cost: 0 }];
  for (const end of [Math.min(table.rows - 1, seedRow + o.lookRows), Math.max(0, seedRow - o.lookRows)]) {
    const p = runDp({ table, emit, wrap, start: seedRow, end, init, options: o }, ws);
    const r0 = Math.min(seedRow, end), dir = end >= seedRow ? 1 : -1;
    for (let r = seedRow; r !== end + dir && p.kind[r - r0] !== 0; r += dir) if (p.kind[r - r0] === 1) runs[r] = p.run[r - r0];
  }
  return runs;
}

/**
 * Run j, or a pixel beside it, is classed grid: the curve runs along a printed line there (or a straight
 * stretch the model took for one), and the line breaks its ink into short pieces, is left out of its
 * width and, where lifted, of its shade: a look read there is not the curve's.
 */
function touchesGrid(seg: Segmentation, table: RunTable, j: number): boolean {
  const base = (table.y0 + table.row[j]) * seg.width;
  for (let x = Math.max(0, table.left[j] - 1); x <= Math.min(seg.width - 1, table.right[j] + 1); x++) if (seg.classes[base + x] === GRID_CLASS) return true;
  return false;
}

/** Runs i and j come within 2 × line width + 2 px of each other sideways (any rows): ink a curve could be taken for. */
function closeBy(table: RunTable, i: number, j: number): boolean {
  const reach = 2 * table.lineWidth + 2;
  return table.left[i] - reach <= table.right[j] && table.right[i] + reach >= table.left[j];
}

/**
 * The lookSamples runs of curve k's local path nearest its seed that are narrow, off grid lines
 * (onGrid: TraceOptions.lookOffGrid) and have no other curve's local path within reach (px) on their
 * row: the nearer the seed, the surer they are its own.
 */
function runsAlone(table: RunTable, local: Int32Array[], k: number, seedRow: number, o: TraceOptions, onGrid: (j: number) => boolean): number[] {
  const out: number[] = [];
  for (let d = 0; d <= o.lookRows && out.length < o.lookSamples; d++) {
    for (const r of d === 0 ? [seedRow] : [seedRow - d, seedRow + d]) {
      const j = r >= 0 && r < table.rows ? local[k][r] : -1;
      if (j < 0 || isWide(table, j) || onGrid(j)) continue;
      const near = local.some((l, m) => m !== k && l[r] >= 0 && closeBy(table, l[r], j));
      if (!near) out.push(j);
    }
  }
  return out;
}
