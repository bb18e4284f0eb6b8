/**
 * Track widths for the partition (partition.ts), px in the straightened frame. A log's value tracks are
 * one or two units wide (API: 2.5 in; tracks 2–3 often one 5 in track) and its depth track is narrower
 * (0.75 in). On a 1-bit print, where frames weigh what grid lines do, this is what keeps a surviving
 * grid line from edging a gridless track, and a faded value track from passing for the depth track.
 */

export interface UnitOptions {
  /**
   * a track more than `unitTolerance` (share of the unit, at least 3 px) off both one and two units
   * costs up to `offUnit` (full at three times the tolerance)
   */
  offUnit: number;
  unitTolerance: number;
  /** a depth track wider than `depthShare` of a unit costs up to `offUnit` too (full at one unit) */
  depthShare: number;
}

/** What a track and the depth track pay for their widths (px) under one hypothesis about the unit. */
export interface UnitCost {
  track(width: number): number;
  depth(width: number): number;
}

export const NO_UNIT_COST: UnitCost = { track: () => 0, depth: () => 0 };

/** Widths against a unit `unit` px wide. */
export function unitCost(unit: number, o: UnitOptions): UnitCost {
  const tol = Math.max(3, o.unitTolerance * unit);
  return {
    track: (w) => o.offUnit * Math.max(0, Math.min(1, (Math.min(Math.abs(w - unit), Math.abs(w - 2 * unit)) - tol) / (2 * tol))),
    depth: (w) => o.offUnit * Math.max(0, Math.min(1, (w / unit - o.depthShare) / (1 - o.depthShare))),
  };
}

/**
 * Candidate units for tracks `widths` px wide: each width and its half (a track is one or two units),
 * those within half a tolerance of a smaller one dropped.
 */
export function candidateUnits(widths: number[], o: UnitOptions): number[] {
  const all = widths.flatMap((w) => [w, w / 2]).sort((a, b) => a - b);
  const out: number[] = [];
  for (const w of all) if (!out.length || w - out[out.length - 1] > 0.5 * Math.max(3, o.unitTolerance * w)) out.push(w);
  return out;
}
