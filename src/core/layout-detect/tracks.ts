/**
 * Track edges and the depth track, in straightened coordinates (see profile.ts).
 * A track is where the depth lines run: a stretch of columns that most depth lines cover, its edges
 * snapped to the frame lines (the vertical lines at the ends of that stretch). The depth track is the
 * widest gap between two tracks with ink in it (the depth numbers).
 */
import type { InkImage } from './evidence.ts';
import { inkNear, type ProfileLine } from './profile.ts';

export interface Span {
  x0: number;
  x1: number;
}

export interface TrackOptions {
  /** share of depth lines that must cover a column for it to be inside a track */
  minCoverage: number;
  /** gaps in coverage up to this wide (px) are closed */
  maxGapPx: number;
  minTrackWidth: number;
  /** how far (px) a frame line may be from where the coverage starts or ends */
  snapPx: number;
  minDepthTrackWidth: number;
}

export const DEFAULT_TRACK_OPTIONS: TrackOptions = { minCoverage: 0.5, maxGapPx: 4, minTrackWidth: 30, snapPx: 5, minDepthTrackWidth: 30 };

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

/** The centre of the vertical line nearest `x` within `snap` px, else x itself. */
function snap(x: number, vlines: ProfileLine[], snapPx: number): number {
  let best = x, bestD = snapPx;
  for (const l of vlines) {
    const d = Math.abs(l.centre - x);
    if (d <= bestD) { bestD = d; best = l.centre; }
  }
  return best;
}

/** Tracks from the per-column depth-line coverage, edges on the frame lines. */
export function findTracks(cov: Float64Array, vlines: ProfileLine[], options: Partial<TrackOptions> = {}): Span[] {
  const o = { ...DEFAULT_TRACK_OPTIONS, ...options };
  return coveredRuns(cov, o).map((r) => ({ x0: snap(r.x0 + 0.5, vlines, o.snapPx), x1: snap(r.x1 - 0.5, vlines, o.snapPx) }));
}

/**
 * The gap between neighbouring tracks that holds the most ink along the depth lines' rows (the depth
 * labels sit next to the major lines); null when no gap is wide enough.
 */
export function findDepthTrack(img: InkImage, tracks: Span[], rows: number[], tan: number, options: Partial<TrackOptions> = {}): Span | null {
  const o = { ...DEFAULT_TRACK_OPTIONS, ...options };
  let best: Span | null = null, bestInk = 0;
  for (let i = 0; i + 1 < tracks.length; i++) {
    const gap = { x0: tracks[i].x1, x1: tracks[i + 1].x0 };
    if (gap.x1 - gap.x0 < o.minDepthTrackWidth) continue;
    let ink = 0;
    for (const y of rows) for (let x = Math.ceil(gap.x0 + 3); x < gap.x1 - 3; x += 2) for (let dy = -8; dy <= 8; dy += 4) if (inkNear(img, x + 0.5, y + dy, tan)) ink++;
    // any gap qualifies (a depth track may be blank in places); more ink wins
    if (!best || ink > bestInk) { best = gap; bestInk = ink; }
  }
  return best;
}
