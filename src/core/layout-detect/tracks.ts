/**
 * Where the tracks are, roughly, before partition.ts places their edges, and the ink between lines that
 * the partition weighs; straightened coordinates (see profile.ts).
 *
 * Regions: where the depth lines run (columns most depth lines cover), both ends on vertical lines;
 * without such depth lines, between the outermost long vertical lines. They only say which rows hold
 * the log's grid (sections.ts).
 */
import type { InkImage } from './evidence.ts';
import { inkNear, type ProfileLine } from './profile.ts';
import type { RowSpan } from './sections.ts';
import type { CellInk } from './partition.ts';

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
}

export const DEFAULT_TRACK_OPTIONS: TrackOptions = { minCoverage: 0.5, maxGapPx: 4, minTrackWidth: 30, snapPx: 5 };

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

/**
 * Regions where the depth lines run, edges on the vertical lines there. A run with an end on no line is
 * not a grid region (stray horizontal strokes of curves where the print lost its grid) and is dropped.
 */
export function coveredRegions(cov: Float64Array, vlines: ProfileLine[], options: Partial<TrackOptions> = {}): Span[] {
  const o = { ...DEFAULT_TRACK_OPTIONS, ...options };
  const out: Span[] = [];
  for (const r of coveredRuns(cov, o)) {
    const a = nearestLine(r.x0 + 0.5, vlines, o.snapPx), b = nearestLine(r.x1 - 0.5, vlines, o.snapPx);
    if (a && b) out.push({ x0: a.centre, x1: b.centre });
  }
  return out;
}

/** Without depth lines: one region from the first to the last long vertical line. */
export function frameRegion(vlines: ProfileLine[]): Span[] {
  if (vlines.length < 2) return [];
  return [{ x0: vlines[0].centre, x1: vlines[vlines.length - 1].centre }];
}

/**
 * Ink between each pair of neighbouring lines `xs` (sorted, straightened px) over the rows of `sections`
 * (every `step`-th row): the share of rows with any ink inside (4 px in from the lines), and the share
 * with ink but no line across the whole cell (numbers, curves — not the depth lines).
 */
export function cellInk(img: InkImage, xs: number[], sections: RowSpan[], tan: number, step = 2): CellInk[] {
  const out: CellInk[] = [];
  for (let k = 0; k + 1 < xs.length; k++) {
    const a = Math.ceil(xs[k] + 4), b = xs[k + 1] - 4;
    let rows = 0, any = 0, text = 0;
    for (const s of sections) {
      for (let y = Math.ceil(s.top); y < s.bottom; y += step, rows++) {
        let on = 0, n = 0;
        for (let x = a; x < b; x++, n++) if (inkNear(img, x + 0.5, y + 0.5, tan)) on++;
        if (on > 0) any++;
        if (on > 0 && on < 0.9 * n) text++;
      }
    }
    out.push({ fill: rows ? any / rows : 0, textFill: rows ? text / rows : 0, columns: Math.max(0, Math.ceil(b - a)) });
  }
  return out;
}
