/**
 * Track edges as one partition of the page's long vertical lines (straightened px, see profile.ts).
 *
 * Between its outermost lines a log page is a row of pieces, each bounded by two lines: value tracks
 * (a grid of lines inside, or none where the print lost it), the depth track (no lines inside, numbers
 * on some rows, never curves on nearly all of them), and blank gaps. Frames and grid lines are often
 * alike in weight (a 1-bit scan makes every line 1–3 px; a heavy decade line outweighs a faint frame),
 * so no single line decides: the partition with the lowest total cost wins (dynamic programming). Costs
 * are nats (grid-cost.ts): each track's grid against the lines inside it, a piece edge on a line much
 * lighter than the frames, lines left out as margin, a track neither one nor two units wide or a depth
 * track nearly as wide as a unit (units.ts); finding the depth track earns a reward. Where a line's ends
 * show it a frame (frames.ts: it runs on into the scale boxes), an edge there is free and a track over it
 * pays.
 */
import { gridMatches, type GridFit, type GridGuess, type GridMatch } from './grid.ts';
import { cheapestGrid, DEFAULT_GRID_COST_OPTIONS, type GridCostOptions } from './grid-cost.ts';
import { candidateUnits, NO_UNIT_COST, unitCost, type UnitCost, type UnitOptions } from './units.ts';

/**
 * A long vertical line: centre (px), mass (darkness-weighted width × share of rows covered) and strength
 * (0..1): how surely it is a printed line, what leaving it unexplained costs (detect.ts: its mass against
 * the page's median line).
 */
export interface LineMark {
  centre: number;
  mass: number;
  strength: number;
  /** how surely it is a frame by where it ends (frames.ts), 0..1; absent: no such evidence */
  frame?: number;
}

/** Ink between two neighbouring lines: share of rows with any ink, and with ink other than a line across it. */
export interface CellInk {
  fill: number;
  textFill: number;
  /** columns looked at (the cell less a margin by each line); 0: too narrow to tell blank; absent: some */
  columns?: number;
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

/** Besides the unit's (units.ts: tracks one or two units wide, the depth track narrower). */
export interface PartitionOptions extends UnitOptions {
  minTrackWidth: number;
  /** cost of one more track */
  trackCost: number;
  /**
   * cost of a piece edge on a line with no weight (half from each piece it bounds); falls linearly to 0 at
   * `frameShare` of the frames'; times 1 − LineMark.frame.
   */
  cutWeight: number;
  frameShare: number;
  /** cost of a line shown to be a frame (LineMark.frame = 1) left inside a track: as much as a line its grid leaves unexplained (grid.unexplained), the evidence being as strong */
  frameInside: number;
  /** a gap: rows with ink at most this share */
  maxGapFill: number;
  /** the depth track: rows with text (ink besides lines across it) within this range; curves fill nearly all */
  minDepthFill: number;
  maxDepthFill: number;
  /**
   * the depth track's worth (subtracted) when blank, falling with its text fill to −depthReward at
   * `maxDepthFill`: nearly every log has one, and finding it places two frames
   */
  depthReward: number;
  /** grid misfit (grid-cost.ts); a line left out as margin costs `unexplained` times its row coverage */
  grid: GridCostOptions;
}

export const DEFAULT_PARTITION_OPTIONS: PartitionOptions = {
  minTrackWidth: 30, trackCost: 0.5, cutWeight: 2, frameShare: 0.75, frameInside: 3,
  maxGapFill: 0.02, minDepthFill: 0.02, maxDepthFill: 0.7, depthReward: 1, offUnit: 1, depthShare: 0.8, unitTolerance: 0.02,
  grid: DEFAULT_GRID_COST_OPTIONS,
};

const NO_GRID: GridFit = { grid: { kind: 'none' }, score: 0 };
type Matches = { grid: GridGuess; match: GridMatch }[];

/** The costs of pieces for one frame weight; `track` is cached per (i, j). */
interface CostModel {
  /** cost of a piece edge on line k */
  edge: number[];
  /** margin cost of leaving out the lines before / after line k */
  lead: Float64Array;
  trail: Float64Array;
  track(i: number, j: number): { fit: GridFit; cost: number } | null;
  depth(i: number, j: number): number | null;
  gap(i: number, j: number): number | null;
}

/** Grid matches of every run of lines i..j, computed once (they do not depend on the frame weight). */
function matchTable(lines: LineMark[], o: PartitionOptions): (i: number, j: number) => Matches | null {
  const cache = new Map<number, Matches | null>();
  const xs = lines.map((l) => l.centre), strength = lines.map((l) => l.strength);
  return (i, j) => {
    const key = i * xs.length + j;
    if (!cache.has(key)) {
      cache.set(key, xs[j] - xs[i] >= o.minTrackWidth ? gridMatches(xs.slice(i + 1, j), xs[i], xs[j], strength.slice(i + 1, j)) : null);
    }
    return cache.get(key)!;
  };
}

function costModel(lines: LineMark[], cells: CellInk[], matches: ReturnType<typeof matchTable>, ref: number, o: PartitionOptions): CostModel {
  const n = lines.length;
  const xs = lines.map((l) => l.centre);
  // an edge on a line costs by its weight against the frames', and nothing where it runs on as frames do
  // (a line that stops with the grid is no proof of a grid line: a faded print loses the box's frames too)
  const frame = lines.map((l) => l.frame ?? 0);
  const edge = lines.map((l, k) => o.cutWeight * (1 - frame[k]) * Math.max(0, Math.min(1, 1 - l.mass / (o.frameShare * ref))));
  const framesInside = (i: number, j: number) => o.frameInside * frame.slice(i + 1, j).reduce((a, f) => a + f, 0);
  // margin: the lines left out, and the ink between them (curves are not drawn outside the tracks)
  const unexplained = lines.map((l) => o.grid.unexplained * l.strength);
  const lead = new Float64Array(n), trail = new Float64Array(n);
  for (let k = 1; k < n; k++) lead[k] = lead[k - 1] + unexplained[k - 1] + o.grid.unexplained * cells[k - 1].textFill;
  for (let k = n - 2; k >= 0; k--) trail[k] = trail[k + 1] + unexplained[k + 1] + o.grid.unexplained * cells[k].textFill;
  /** lines i + 1 … j − 1 left unexplained */
  const leftOver = (i: number, j: number) => unexplained.slice(i + 1, j).reduce((a, u) => a + u, 0);
  const cache = new Map<number, { fit: GridFit; cost: number } | null>();
  const depthCache = new Map<number, number | null>(), gapCache = new Map<number, number | null>();
  const cached = <T>(c: Map<number, T>, i: number, j: number, f: () => T): T => {
    const key = i * n + j;
    if (!c.has(key)) c.set(key, f());
    return c.get(key)!;
  };
  return {
    edge, lead, trail,
    track(i, j) {
      const key = i * n + j;
      if (!cache.has(key)) {
        const m = matches(i, j);
        const t = m && cheapestGrid(m, o.grid);
        cache.set(key, t && { fit: t.fit, cost: o.trackCost + t.cost + (edge[i] + edge[j]) / 2 + framesInside(i, j) });
      }
      return cache.get(key)!;
    },
    // depth track and gaps hold no grid: any line inside is left unexplained (a scanner streak, a fold)
    depth: (i, j) => cached(depthCache, i, j, () => {
      const text = Math.max(...cells.slice(i, j).map((c) => c.textFill));
      const ok = xs[j] - xs[i] >= o.minTrackWidth && text > o.minDepthFill && text <= o.maxDepthFill;
      // numbers fill few rows, a track of sparse curves more: past half of maxDepthFill the reward turns to a cost
      return ok ? (edge[i] + edge[j]) / 2 + leftOver(i, j) - o.depthReward * (1 - (2 * text) / o.maxDepthFill) : null;
    }),
    // a sliver between two close lines has no column looked at: nothing shows it blank
    gap: (i, j) => cached(gapCache, i, j, () => (cells.slice(i, j).every((c) => c.fill <= o.maxGapFill && c.columns !== 0) ? leftOver(i, j) : null)),
  };
}

interface Step {
  from: number;
  depthUsed: number;
  kind: PieceKind | 'margin';
  fit: GridFit;
}

/**
 * The cheapest partition under a cost model: states are (line, depth track used yet); a piece runs from
 * one line to a later one; leading and trailing lines may be left out as margin.
 */
function solve(xs: number[], m: CostModel, unit: UnitCost = NO_UNIT_COST): { pieces: Piece[]; cost: number } {
  const n = xs.length;
  const best = [Float64Array.from(m.lead), new Float64Array(n).fill(Infinity)];
  const step: (Step | null)[][] = [xs.map((_, k) => (k > 0 ? { from: 0, depthUsed: 0, kind: 'margin', fit: NO_GRID } : null)), new Array(n).fill(null)];
  const relax = (j: number, d: number, cost: number, s: Step) => {
    if (cost < best[d][j]) { best[d][j] = cost; step[d][j] = s; }
  };
  for (let i = 0; i < n; i++) {
    for (const d of [0, 1]) {
      const base = best[d][i];
      if (!Number.isFinite(base)) continue;
      for (let j = i + 1; j < n; j++) {
        const t = m.track(i, j), gap = m.gap(i, j), depth = d === 0 ? m.depth(i, j) : null;
        if (t) relax(j, d, base + t.cost + unit.track(xs[j] - xs[i]), { from: i, depthUsed: d, kind: 'track', fit: t.fit });
        if (gap !== null) relax(j, d, base + gap, { from: i, depthUsed: d, kind: 'gap', fit: NO_GRID });
        if (depth !== null) relax(j, 1, base + depth + unit.depth(xs[j] - xs[i]), { from: i, depthUsed: 0, kind: 'depth', fit: NO_GRID });
      }
    }
  }
  // the end: any line, the rest left out as trailing margin
  let end = 0, endD = 0, cost = Infinity;
  for (let k = 0; k < n; k++) for (const d of [0, 1]) if (best[d][k] + m.trail[k] < cost) { cost = best[d][k] + m.trail[k]; end = k; endD = d; }
  return { pieces: backtrack(xs, step, end, endD), cost };
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

const trackWidths = (pieces: Pick<Piece, 'x0' | 'x1' | 'kind'>[]) => pieces.filter((p) => p.kind === 'track').map((p) => p.x1 - p.x0);

/**
 * The cheapest partition over the units the tracks of the partition without a width term suggest (at
 * least one track is nearly always right), and over none (each track pays `offUnit`).
 */
function solveUnits(xs: number[], m: CostModel, o: PartitionOptions): { pieces: Piece[]; cost: number } {
  let best = solve(xs, m, { track: () => o.offUnit, depth: () => 0 });
  for (const u of candidateUnits(trackWidths(solve(xs, m).pieces), o)) {
    const r = solve(xs, m, unitCost(u, o));
    if (r.cost < best.cost) best = r;
  }
  return best;
}

/** The frame weight to begin with: the median of the five heaviest lines (a stray heavy mark does not set it). */
function heavyWeight(lines: LineMark[]): number {
  const heaviest = lines.map((l) => l.mass).sort((a, b) => b - a).slice(0, 5);
  return heaviest[Math.floor(heaviest.length / 2)];
}

/** Then the median of the lines a partition puts piece edges on: frames are drawn with one pen. */
function edgeWeight(lines: LineMark[], pieces: Pick<Piece, 'x0' | 'x1'>[]): number | null {
  const edges = new Set(pieces.flatMap((p) => [p.x0, p.x1]));
  const masses = lines.filter((l) => edges.has(l.centre)).map((l) => l.mass).sort((a, b) => a - b);
  return masses.length ? masses[Math.floor(masses.length / 2)] : null;
}

function sameGrid(a: GridGuess, b: GridGuess): boolean {
  if (a.kind === 'linear' && b.kind === 'linear') return a.divisions === b.divisions;
  if (a.kind === 'log' && b.kind === 'log') return a.decades === b.decades;
  return a.kind === b.kind;
}

/** Share of the grid lines the tracks' grids predict that were found (null without gridded tracks). */
function keptShare(pieces: Piece[], matches: ReturnType<typeof matchTable>, xs: number[]): number | null {
  let predicted = 0, hit = 0;
  for (const p of pieces) {
    if (p.kind !== 'track' || p.fit.grid.kind === 'none') continue;
    const m = matches(xs.indexOf(p.x0), xs.indexOf(p.x1))?.find((h) => sameGrid(h.grid, p.fit.grid));
    if (m) { predicted += m.match.predicted; hit += m.match.predictedHit; }
  }
  return predicted ? hit / predicted : null;
}

/**
 * Partition of `lines` (sorted by centre) into tracks, at most one depth track and gaps; `cells[i]` is
 * the ink between line i and i + 1. Solved twice: first with a high frame weight and missing grid lines
 * priced as shares; then with the frame weight of the lines that answer puts edges on and each missing
 * line priced by the share of lines its grids found (kept within 0.2–0.97).
 */
export function partitionLines(lines: LineMark[], cells: CellInk[], options: Partial<PartitionOptions> = {}): Piece[] {
  const o = { ...DEFAULT_PARTITION_OPTIONS, ...options };
  if (lines.length < 2) return [];
  const xs = lines.map((l) => l.centre);
  const matches = matchTable(lines, o);
  const first = solveUnits(xs, costModel(lines, cells, matches, heavyWeight(lines), o), o);
  const ref = edgeWeight(lines, first.pieces) ?? heavyWeight(lines);
  const kept = keptShare(first.pieces, matches, xs);
  const grid = kept === null ? o.grid : { ...o.grid, kept: Math.min(0.97, Math.max(0.2, kept)) };
  return solveUnits(xs, costModel(lines, cells, matches, ref, { ...o, grid }), o).pieces;
}

/**
 * What a given partition would cost, piece by piece, with the frame weight its own edges give (pieces
 * must start and end on lines; missing grid lines priced as `options.grid` says): for tests and
 * diagnostics that ask why one partition beat another. Infinity for a piece the partition cannot make.
 * `units`: what the tracks' and the depth track's widths cost against the unit that suits them best
 * (included in `total`).
 */
export function partitionCost(
  lines: LineMark[], cells: CellInk[], pieces: Pick<Piece, 'x0' | 'x1' | 'kind'>[], options: Partial<PartitionOptions> = {},
): { total: number; pieces: number[]; margin: number; units: number } {
  const o = { ...DEFAULT_PARTITION_OPTIONS, ...options };
  const xs = lines.map((l) => l.centre);
  const at = (x: number) => xs.findIndex((c) => Math.abs(c - x) < 0.5);
  const m = costModel(lines, cells, matchTable(lines, o), edgeWeight(lines, pieces) ?? heavyWeight(lines), o);
  const costs = pieces.map((p) => {
    const i = at(p.x0), j = at(p.x1);
    if (i < 0 || j <= i) return Infinity;
    const c = p.kind === 'track' ? m.track(i, j)?.cost : p.kind === 'depth' ? m.depth(i, j) : m.gap(i, j);
    return c ?? Infinity;
  });
  // the tracks' widths against the unit that suits them best (or none: each track pays in full)
  const widths = trackWidths(pieces), depths = pieces.filter((p) => p.kind === 'depth').map((p) => p.x1 - p.x0);
  const priced = (c: UnitCost) => widths.reduce((a, w) => a + c.track(w), 0) + depths.reduce((a, w) => a + c.depth(w), 0);
  const units = Math.min(widths.length * o.offUnit, ...candidateUnits(widths, o).map((u) => priced(unitCost(u, o))));
  const first = pieces.length ? at(pieces[0].x0) : -1, last = pieces.length ? at(pieces[pieces.length - 1].x1) : -1;
  const margin = pieces.length === 0 ? 0 : first < 0 || last < 0 ? Infinity : m.lead[first] + m.trail[last];
  return { total: costs.reduce((a, c) => a + c, 0) + margin + units, pieces: costs, margin, units };
}

