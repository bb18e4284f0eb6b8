/**
 * Track edges and the depth track, in straightened coordinates (see profile.ts).
 *
 * Regions: where the depth lines run (columns most depth lines cover), edges snapped to the vertical
 * lines there; without depth lines, between the outermost long vertical lines. A region is split into
 * tracks at internal lines as heavy as the frames around it (a frame between tracks 2 and 3), not at
 * grid lines. The depth track is the narrow interval of text-like ink: a gap between regions, or an
 * interval without vertical grid lines whose rows are not filled by curves.
 */
import type { InkImage } from './evidence.ts';
import { inkNear, type ProfileLine } from './profile.ts';
import { classifyGrid, type GridGuess } from './grid.ts';

export interface Span {
  x0: number;
  x1: number;
}

export interface TrackOptions {
  /** share of depth lines that must cover a column for it to be inside a region */
  minCoverage: number;
  /** gaps in coverage up to this wide (px) are closed */
  maxGapPx: number;
  minTrackWidth: number;
  /** how far (px) a frame line may be from where the coverage starts or ends */
  snapPx: number;
  /** a track edge inside a region is at least this share of the frames' weight */
  frameShare: number;
  /** cost of one more track when splitting a region (against grid misfit and prior) */
  trackCost: number;
  /** the depth track: rows holding ink at most this share (curves fill nearly every row) */
  maxDepthFill: number;
}

export const DEFAULT_TRACK_OPTIONS: TrackOptions = {
  minCoverage: 0.5, maxGapPx: 4, minTrackWidth: 30, snapPx: 5, maxDepthFill: 0.7,
  frameShare: 0.75, trackCost: 0.05,
};

/** Runs of columns with coverage ≥ minCoverage, short gaps closed, as [start, end) in px. */
function coveredRuns(cov: Float64Array, o: TrackOptions): Span[] {
  const runs: Span[] = [];
  let a = -1, lastOn = -Infinity;
  for (let x = 0; x <= cov.length; x++) {
    const on = x < cov.length && cov[x] >= o.minCoverage;
    if (on) {
      if (a < 0) a = x;
      else if (x - lastOn - 1 > o.maxGapPx) { runs.push({ x0: a, x1: lastOn + 1 }); a = x; }
      lastOn = x;
    }
  }
  if (a >= 0) runs.push({ x0: a, x1: lastOn + 1 });
  return runs.filter((r) => r.x1 - r.x0 >= o.minTrackWidth);
}

/** The vertical line nearest `x` within `snap` px, or null. */
function nearestLine(x: number, lines: ProfileLine[], snapPx: number): ProfileLine | null {
  let best: ProfileLine | null = null, bestD = snapPx;
  for (const l of lines) {
    const d = Math.abs(l.centre - x);
    if (d <= bestD) { bestD = d; best = l; }
  }
  return best;
}

/** Regions where the depth lines run, edges on the vertical lines there. */
export function coveredRegions(cov: Float64Array, vlines: ProfileLine[], options: Partial<TrackOptions> = {}): Span[] {
  const o = { ...DEFAULT_TRACK_OPTIONS, ...options };
  return coveredRuns(cov, o).map((r) => ({
    x0: nearestLine(r.x0 + 0.5, vlines, o.snapPx)?.centre ?? r.x0 + 0.5,
    x1: nearestLine(r.x1 - 0.5, vlines, o.snapPx)?.centre ?? r.x1 - 0.5,
  }));
}

/** Without depth lines: one region from the first to the last long vertical line. */
export function frameRegion(vlines: ProfileLine[]): Span[] {
  if (vlines.length < 2) return [];
  return [{ x0: vlines[0].centre, x1: vlines[vlines.length - 1].centre }];
}

/** Weight of a frame: the heaviest region edge away from the image border (one on it may be cut), else the heaviest line. */
function frameWeight(regions: Span[], vlines: ProfileLine[], width: number): number {
  const edges = regions.flatMap((r) => [r.x0, r.x1]).map((x) => nearestLine(x, vlines, 1)).filter((l): l is ProfileLine => l !== null);
  const inside = edges.filter((l) => l.centre > 3 && l.centre < width - 4);
  return Math.max(...(inside.length ? inside : vlines).map((l) => l.mass), 0) || Infinity;
}

/**
 * Splits regions into tracks at frame lines. Candidates are internal lines nearly as heavy as the frames
 * (`frameShare` of frameWeight). Frames and heavy grid lines are often alike, so the cut set is chosen
 * by dynamic programming over how well each piece's grid fits its lines and how usual that grid is
 * (gridPrior: tracks are mostly 10 divisions or log decades, tracks 2–3 together 20), plus `trackCost`
 * per piece. Tracks split from one region share its `group`.
 */
export function splitAtFrames(regions: Span[], vlines: ProfileLine[], width: number, options: Partial<TrackOptions> = {}): (Span & { group: number })[] {
  const o = { ...DEFAULT_TRACK_OPTIONS, ...options };
  const frame = frameWeight(regions, vlines, width);
  const xs = vlines.map((l) => l.centre);
  return regions.flatMap((r, group) => {
    const cands = vlines
      .filter((l) => l.mass >= o.frameShare * frame && l.centre > r.x0 + o.minTrackWidth && l.centre < r.x1 - o.minTrackWidth)
      .map((l) => l.centre);
    const cut = bestCuts([r.x0, ...cands, r.x1], (a, b) => o.trackCost + segmentCost(xs, a, b));
    return cut.slice(1).map((x1, i) => ({ x0: cut[i], x1, group }));
  });
}

/** How unusual a grid is on a log print (added to its misfit). */
export function gridPrior(g: GridGuess): number {
  if (g.kind === 'log') return 0.05;
  if (g.kind === 'none') return 0.1;
  if (g.divisions === 10) return 0;
  if (g.divisions === 20) return 0.1;
  if ([4, 5, 8].includes(g.divisions)) return 0.15;
  return 0.3;
}

/** Misfit (1 − F1) of the best grid for the lines inside (a, b) plus its prior. */
function segmentCost(xs: number[], a: number, b: number): number {
  const inner = xs.filter((x) => x > a + 3 && x < b - 3);
  if (inner.length === 0) return gridPrior({ kind: 'none' });
  const fit = classifyGrid(inner, a, b);
  return 1 - fit.score + gridPrior(fit.grid);
}

/** Cheapest chain of points from the first to the last: Σ segment costs. */
function bestCuts(points: number[], cost: (a: number, b: number) => number): number[] {
  const n = points.length;
  const best = new Float64Array(n).fill(Infinity);
  const from = new Int32Array(n).fill(-1);
  best[0] = 0;
  for (let j = 1; j < n; j++) {
    for (let i = 0; i < j; i++) {
      const c = best[i] + cost(points[i], points[j]);
      if (c < best[j]) { best[j] = c; from[j] = i; }
    }
  }
  const out: number[] = [];
  for (let j = n - 1; j >= 0; j = from[j]) out.unshift(points[j]);
  return out;
}

/**
 * Cuts out of each region the intervals between two neighbouring frame-heavy lines with no grid line
 * between them and text-like ink inside (a depth track the depth lines run through). Returns the
 * remaining regions and the cut-out intervals.
 */
export function carveDepthTracks(
  img: InkImage, regions: Span[], vlines: ProfileLine[], rows: Span, tan: number, width: number, options: Partial<TrackOptions> = {},
): { regions: Span[]; carved: Span[] } {
  const o = { ...DEFAULT_TRACK_OPTIONS, ...options };
  const frame = frameWeight(regions, vlines, width);
  const out: Span[] = [], carved: Span[] = [];
  for (const r of regions) {
    const inner = vlines.filter((l) => l.centre > r.x0 + 2 && l.centre < r.x1 - 2);
    const xs = [{ centre: r.x0, heavy: true }, ...inner.map((l) => ({ centre: l.centre, heavy: l.mass >= o.frameShare * frame })), { centre: r.x1, heavy: true }];
    let start = r.x0;
    for (let i = 1; i < xs.length; i++) {
      if (!xs[i - 1].heavy || !xs[i].heavy) continue;
      const s = { x0: xs[i - 1].centre, x1: xs[i].centre };
      if (s.x1 - s.x0 < o.minTrackWidth) continue;
      const fill = rowFill(img, s, rows, tan);
      if (fill <= 0.02 || fill > o.maxDepthFill) continue;
      if (s.x0 - start >= o.minTrackWidth) out.push({ x0: start, x1: s.x0 });
      carved.push(s);
      start = s.x1;
    }
    if (r.x1 - start >= o.minTrackWidth) out.push({ x0: start, x1: r.x1 });
  }
  return { regions: out, carved };
}

/** Share of rows in `rows` ([top, bottom) straightened) with any ink inside the span (edges excluded). */
export function rowFill(img: InkImage, s: Span, rows: Span, tan: number, step = 2): number {
  let filled = 0, n = 0;
  for (let y = Math.ceil(rows.x0); y < rows.x1; y += step, n++) {
    for (let x = Math.ceil(s.x0 + 4); x < s.x1 - 4; x++) {
      if (inkNear(img, x + 0.5, y + 0.5, tan)) { filled++; break; }
    }
  }
  return n ? filled / n : 0;
}

/**
 * The depth track among the candidates (gaps between regions, grid-less intervals): the one with ink
 * on some rows but not nearly all (numbers at labelled lines, not curves); the most ink wins. Null if none.
 */
export function pickDepthTrack(img: InkImage, candidates: Span[], rows: Span, tan: number, options: Partial<TrackOptions> = {}): Span | null {
  const o = { ...DEFAULT_TRACK_OPTIONS, ...options };
  let best: Span | null = null, bestFill = 0;
  for (const c of candidates) {
    if (c.x1 - c.x0 < o.minTrackWidth) continue;
    const fill = rowFill(img, c, rows, tan);
    if (fill > 0.02 && fill <= o.maxDepthFill && fill > bestFill) { best = c; bestFill = fill; }
  }
  return best;
}
