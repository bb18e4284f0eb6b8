/**
 * Track edges as one partition of the page's long vertical lines (straightened px, see profile.ts).
 *
 * Between its outermost lines a log page is a row of pieces, each bounded by two lines: value tracks
 * (a grid of lines inside, or none where the print lost it), the depth track (no lines inside, numbers
 * on some rows, never curves on nearly all of them), and blank gaps. Frames and grid lines are often
 * alike in weight (a 1-bit scan makes every line 1–3 px; a heavy decade line outweighs a faint frame),
 * so no single line decides: the partition with the lowest total cost wins (dynamic programming), the
 * cost adding up how badly each track's grid fits the lines inside it and how unusual that grid is,
 * how much lighter than a frame each line a piece ends on is, and what is left out as margin.
 */
import { classifyGrid, type GridFit, type GridGuess } from './grid.ts';

/** A long vertical line: centre (px), mass (darkness-weighted width) and how much of the rows it covers (0..1). */
export interface LineMark {
  centre: number;
  mass: number;
  peak: number;
}

/** Ink between two neighbouring lines: share of rows with any ink, and with ink other than a line across it. */
export interface CellInk {
  fill: number;
  textFill: number;
}

export type PieceKind = 'track' | 'depth' | 'gap';

export interface Piece {
  x0: number;
  x1: number;
  kind: PieceKind;
  fit: GridFit;
  /** touching tracks share a group (one grid region split at a frame) */
  group: number;
}

export interface PartitionOptions {
  minTrackWidth: number;
  /** cost of one more track (against grid misfit and prior) */
  trackCost: number;
  /** cost of a piece edge on a line with no weight; falls linearly to 0 at `frameShare` of the frames' */
  cutWeight: number;
  frameShare: number;
  /** a gap: rows with ink at most this share */
  maxGapFill: number;
  /** the depth track: rows with text (ink besides lines across it) within this range; curves fill nearly all */
  minDepthFill: number;
  maxDepthFill: number;
  /** cost of leaving a line out as margin, per unit of its row coverage */
  marginWeight: number;
}

export const DEFAULT_PARTITION_OPTIONS: PartitionOptions = {
  minTrackWidth: 30, trackCost: 0.05, cutWeight: 0.3, frameShare: 0.75,
  maxGapFill: 0.02, minDepthFill: 0.02, maxDepthFill: 0.7, marginWeight: 0.5,
};

/** How unusual a grid is on a log print (added to its misfit). */
export function gridPrior(g: GridGuess): number {
  if (g.kind === 'log') return 0.05;
  if (g.kind === 'none') return 0.1;
  if (g.divisions === 10) return 0;
  if (g.divisions === 20) return 0.1;
  if ([4, 5, 8].includes(g.divisions)) return 0.15;
  return 0.3;
}

const NO_GRID: GridFit = { grid: { kind: 'none' }, score: 0 };

/** Grid fit and cost of a track from line i to line j (the lines between are its grid). */
function trackFit(xs: number[], i: number, j: number): { fit: GridFit; cost: number } {
  if (j === i + 1) return { fit: NO_GRID, cost: gridPrior(NO_GRID.grid) };
  const fit = classifyGrid(xs.slice(i + 1, j), xs[i], xs[j]);
  return { fit, cost: 1 - fit.score + gridPrior(fit.grid) };
}

interface Step {
  from: number;
  depthUsed: number;
  kind: PieceKind | 'margin';
  fit: GridFit;
}

/**
 * The cheapest partition for a frame weight `ref`: states are (line, depth track used yet); a piece runs
 * from one line to a later one; leading and trailing lines may be left out as margin.
 */
function solve(lines: LineMark[], cells: CellInk[], ref: number, o: PartitionOptions): Piece[] {
  const n = lines.length;
  const xs = lines.map((l) => l.centre);
  const edge = lines.map((l) => o.cutWeight * Math.max(0, Math.min(1, 1 - l.mass / (o.frameShare * ref))));
  // margin before line k: the lines left out, by how much of the rows they cover
  const lead = new Float64Array(n), trail = new Float64Array(n);
  for (let k = 1; k < n; k++) lead[k] = lead[k - 1] + o.marginWeight * lines[k - 1].peak;
  for (let k = n - 2; k >= 0; k--) trail[k] = trail[k + 1] + o.marginWeight * lines[k + 1].peak;
  const best = [new Float64Array(n), new Float64Array(n)];
  const step: (Step | null)[][] = [new Array(n).fill(null), new Array(n).fill(null)];
  for (let k = 0; k < n; k++) {
    best[0][k] = lead[k];
    best[1][k] = Infinity;
    step[0][k] = k > 0 ? { from: 0, depthUsed: 0, kind: 'margin', fit: NO_GRID } : null;
  }
  const relax = (j: number, d: number, cost: number, s: Step) => {
    if (cost < best[d][j]) { best[d][j] = cost; step[d][j] = s; }
  };
  for (let i = 0; i < n; i++) {
    for (const d of [0, 1]) {
      const base = best[d][i];
      if (!Number.isFinite(base)) continue;
      for (let j = i + 1; j < n; j++) {
        const width = xs[j] - xs[i];
        if (width >= o.minTrackWidth) {
          const t = trackFit(xs, i, j);
          relax(j, d, base + o.trackCost + t.cost + edge[i] + edge[j], { from: i, depthUsed: d, kind: 'track', fit: t.fit });
        }
        if (j !== i + 1) continue;
        const c = cells[i];
        if (c.fill <= o.maxGapFill) relax(j, d, base, { from: i, depthUsed: d, kind: 'gap', fit: NO_GRID });
        if (d === 0 && width >= o.minTrackWidth && c.textFill > o.minDepthFill && c.textFill <= o.maxDepthFill) {
          relax(j, 1, base + edge[i] + edge[j], { from: i, depthUsed: 0, kind: 'depth', fit: NO_GRID });
        }
      }
    }
  }
  // the end: any line, the rest left out as trailing margin
  let end = -1, endD = 0, endCost = Infinity;
  for (let k = 0; k < n; k++) for (const d of [0, 1]) if (best[d][k] + trail[k] < endCost) { endCost = best[d][k] + trail[k]; end = k; endD = d; }
  return backtrack(xs, step, end, endD);
}

function backtrack(xs: number[], step: (Step | null)[][], end: number, endD: number): Piece[] {
  const out: Piece[] = [];
  for (let j = end, d = endD; j > 0; ) {
    const s = step[d][j];
    if (!s) break;
    if (s.kind !== 'margin') out.unshift({ x0: xs[s.from], x1: xs[j], kind: s.kind, fit: s.fit, group: 0 });
    j = s.from;
    d = s.depthUsed;
  }
  let g = -1;
  return out.map((p, k) => ({ ...p, group: p.kind === 'track' && k > 0 && out[k - 1].kind === 'track' ? g : ++g }));
}

/**
 * Partition of `lines` (sorted by centre) into tracks, at most one depth track and gaps; `cells[i]` is
 * the ink between line i and i + 1. The frame weight is first the heaviest line's, then the median of
 * the lines the first partition puts piece edges on (frames are drawn with one pen).
 */
export function partitionLines(lines: LineMark[], cells: CellInk[], options: Partial<PartitionOptions> = {}): Piece[] {
  const o = { ...DEFAULT_PARTITION_OPTIONS, ...options };
  if (lines.length < 2) return [];
  const first = solve(lines, cells, Math.max(...lines.map((l) => l.mass)), o);
  const edges = new Set(first.flatMap((p) => [p.x0, p.x1]));
  const masses = lines.filter((l) => edges.has(l.centre)).map((l) => l.mass).sort((a, b) => a - b);
  if (masses.length === 0) return first;
  return solve(lines, cells, masses[Math.floor(masses.length / 2)], o);
}
