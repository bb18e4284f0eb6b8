/**
 * Where each curve's trace starts: the ink run at the user's seed pixel (pixel space of the upright
 * scan). A seed is a click, and a click may miss what the segmentation calls curve ink: the model
 * missed a faint stretch, called a curve that runs along a grid line "grid", or the print faded the
 * curve away right there. So the search widens in steps, each only where the one before found nothing:
 *  1. curve ink within seedRadiusPx sideways and seedRows rows of the seed (the click as meant);
 *  2. dark ink of the scan there: those pixels are read again as curve ink (the model's miss), on a
 *     faint print ink nearly as dark as the darkest under the click;
 *  3. curve ink further up or down the curve: within seedRadiusPx sideways and seedSearchRows rows
 *     (a gap in a faded curve), never another curve's seed run;
 * and only then is the curve left out, with the reason, while the track's other curves are traced.
 */
import type { CurveSpec, TrackSpec } from '../calibration/layout.ts';
import type { RunTable, InkWindow } from './runs.ts';
import type { TraceOptions } from './options.ts';

/** A curve's seed: the run its trace starts on (-1 none yet), or why it has none (the curve is left out). */
export interface Seed {
  run: number;
  problem: string | null;
}

export function curveName(track: number, c: CurveSpec): string {
  return `curve ${c.mnemonic || '(unnamed)'} in track ${track + 1}`;
}

/** What is wrong with a curve's seed before any ink is looked at (none, outside the track or the rows), or null. */
function placementProblem(c: CurveSpec, t: number, track: TrackSpec, table: RunTable, o: TraceOptions): string | null {
  const { x, y } = c.seed ?? { x: NaN, y: NaN };
  const name = curveName(t, c);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return `${name} has no seed pixel`;
  if (x < track.x0 - o.runs.margin || x > track.x1 + o.runs.margin) return `${name}: seed x ${x} is outside the track (${track.x0}..${track.x1})`;
  const row = Math.floor(y) - table.y0;
  if (row < 0 || row >= table.rows) return `${name}: seed y ${y} is outside the traced rows ${table.y0}..${table.y0 + table.rows}`;
  return null;
}

/** Step 1 for every curve of the track: its run near the seed, or a problem with where the seed is. */
export function seedRuns(table: RunTable, track: TrackSpec, t: number, o: TraceOptions): Seed[] {
  return track.curves.map((c) => {
    const problem = placementProblem(c, t, track, table, o);
    if (problem) return { run: -1, problem };
    return { run: nearestRun(table, c.seed!.x, Math.floor(c.seed!.y) - table.y0, o.seedRadiusPx, o.seedRows, new Set()), problem: null };
  });
}

/**
 * Per curve, the runs at its anchor points (extra clicks on it, CurveSpec.anchors): the curve ink
 * nearest each within seedRadiusPx and seedRows, as for a seed. Anchors outside the traced rows (a
 * re-trace of a short interval) and anchors on no ink are not used; an anchor on a run already
 * taken by another point is dropped (two curves cannot both be made to go through one run).
 */
export function anchorRuns(table: RunTable, track: TrackSpec, seeds: Seed[], o: TraceOptions): number[][] {
  const taken = new Set(seeds.filter((s) => s.run >= 0).map((s) => s.run));
  return track.curves.map((c) => {
    const runs: number[] = [];
    for (const a of c.anchors ?? []) {
      const row = Math.floor(a.y) - table.y0;
      if (!(row >= 0 && row < table.rows) || !Number.isFinite(a.x)) continue;
      const run = nearestRun(table, a.x, row, o.seedRadiusPx, o.seedRows, taken);
      if (run < 0) continue;
      taken.add(run);
      runs.push(run);
    }
    return runs;
  });
}

/**
 * Per curve: its seed found no curve ink of the model's at all, neither at the click (step 1) nor within
 * seedSearchRows along the curve (step 3), so whatever the scan shows there the model does not see as
 * this curve (a grey line, one drawn like the grid). Asked of the model's table, before step 2.
 */
export function unseenSeeds(table: RunTable, track: TrackSpec, seeds: Seed[], o: TraceOptions): boolean[] {
  return seeds.map((s, k) => {
    if (s.problem || s.run >= 0) return false;
    const { x, y } = track.curves[k].seed!;
    return nearestRun(table, x, Math.floor(y) - table.y0, o.seedRadiusPx, o.seedSearchRows, new Set()) < 0;
  });
}

/** darkness (0 paper .. 255 black) at or above which a window's pixel is ink on a well-inked scan: darker than mid-grey */
const DARK_INK = 128;
/**
 * On a faint print the curve itself may be lighter than mid-grey (a grey dotted line the model called
 * grid: case 25 of the accuracy bench, whose dots peak at darkness 85–100). There a window's ink is
 * anything at least this share of the darkest pixel under the click (SEED_PEAK_PX sideways, seedRows
 * rows), and never lighter than FAINT_INK: paper and a scan's speckle stay paper.
 */
const SEED_INK_SHARE = 0.6;
const SEED_PEAK_PX = 3;
const FAINT_INK = 48;

/** A seed's step-2 window; `faint`: the darkest ink under the click is lighter than mid-grey (DARK_INK). */
export interface SeedWindow extends InkWindow {
  faint: boolean;
}

/** Step 2, per curve: the window around its seed where the scan's dark pixels count as curve ink, or null (its seed found a run, or has a problem). */
export function darkInkWindows(track: TrackSpec, seeds: Seed[], o: TraceOptions, dark: Uint8Array, width: number): (SeedWindow | null)[] {
  return seeds.map((s, k) => {
    if (s.run >= 0 || s.problem) return null;
    const { x, y } = track.curves[k].seed!;
    const y0 = Math.floor(y) - o.seedRows, y1 = Math.floor(y) + o.seedRows;
    let peak = 0;
    const height = dark.length / width;
    for (let yy = Math.max(0, y0); yy <= Math.min(height - 1, y1); yy++) {
      for (let xx = Math.max(0, Math.floor(x - SEED_PEAK_PX)); xx <= Math.min(width - 1, Math.ceil(x + SEED_PEAK_PX)); xx++) peak = Math.max(peak, dark[yy * width + xx]);
    }
    const ink = Math.min(DARK_INK, Math.max(FAINT_INK, Math.round(SEED_INK_SHARE * peak)));
    return { x0: Math.floor(x - o.seedRadiusPx), x1: Math.ceil(x + o.seedRadiusPx), y0, y1, ink, faint: peak < DARK_INK };
  });
}

/**
 * Steps 1 again (on a table that read the dark ink), then 3, for the seeds still without a run; a
 * seed that finds none gets its problem. In place.
 */
export function widenSeeds(table: RunTable, track: TrackSpec, t: number, seeds: Seed[], o: TraceOptions): void {
  seeds.forEach((s, k) => {
    if (s.problem) return;
    const { x, y } = track.curves[k].seed!;
    const row = Math.floor(y) - table.y0;
    s.run = nearestRun(table, x, row, o.seedRadiusPx, o.seedRows, new Set());
  });
  const taken = new Set(seeds.filter((s) => s.run >= 0).map((s) => s.run));
  seeds.forEach((s, k) => {
    if (s.problem || s.run >= 0) return;
    const c = track.curves[k];
    s.run = nearestRun(table, c.seed!.x, Math.floor(c.seed!.y) - table.y0, o.seedRadiusPx, o.seedSearchRows, taken);
    if (s.run >= 0) return;
    s.problem =
      `${curveName(t, c)}: seed (${c.seed!.x}, ${c.seed!.y}) is not on curve ink: nothing within ${o.seedRadiusPx} px ` +
      `and ${o.seedSearchRows} rows, in the segmentation or the scan; the curve is left out (click its seed on the line)`;
  });
}

/**
 * The run nearest (x, table row `row`) within `radius` px sideways and `rows` rows, by sideways plus
 * vertical distance (grid-only runs count 2 px further); never one of `exclude`. -1 when none.
 */
function nearestRun(table: RunTable, x: number, row: number, radius: number, rows: number, exclude: Set<number>): number {
  let best = -1, bestD = Infinity;
  for (let r = Math.max(0, row - rows); r <= Math.min(table.rows - 1, row + rows); r++) {
    for (let j = table.rowStart[r]; j < table.rowStart[r + 1]; j++) {
      const dx = x < table.left[j] ? table.left[j] - x : x > table.right[j] + 1 ? x - table.right[j] - 1 : 0;
      const d = dx + Math.abs(r - row) + (table.gridOnly[j] ? 2 : 0);
      if (dx <= radius && d < bestD && !exclude.has(j)) { bestD = d; best = j; }
    }
  }
  return best;
}
