/**
 * The few types shared between pipeline stages (see ARCHITECTURE.md). Keep them plain.
 * Pixel space: x = column, y = row of the upright (rotated, deskewed) scan, in px, +0.5 = pixel centre.
 * Data space: depth in the layout's depth unit, value in the curve's unit.
 */

/** Segmentation classes, the same numbers in the synthetic masks, the model and the tracer. */
export const SegClass = {
  Paper: 0,
  Grid: 1,
  SolidCurve: 2,
  BrokenCurve: 3,
  Text: 4,
} as const;
export type SegClass = (typeof SegClass)[keyof typeof SegClass];
export const SEG_CLASS_NAMES = ['paper', 'grid', 'solid_curve', 'broken_curve', 'text'] as const;

/** Per-pixel output of the segmentation engine for a whole scan: never float maps. */
export interface Segmentation {
  width: number;
  height: number;
  /** argmax class per pixel (SegClass), row-major. */
  classes: Uint8Array;
  /** probability of curve ink (solid + broken) per pixel, 0..255. */
  curveProb: Uint8Array;
}

/** One traced curve in pixel space: one sub-pixel x per scan row, NaN where the curve is absent. */
export interface TracedCurve {
  /** index of the curve in layout order: tracks[t].curves[c] */
  track: number;
  curve: number;
  /** first scan row covered (y of x[0]) */
  y0: number;
  /** x in px per row (pixel space), NaN = absent */
  x: Float64Array;
  /** 0..1 per row */
  confidence: Float32Array;
  /** wrap cycle per row (0 = main scale, +1 = first backup to the right, -1 to the left) */
  cycle?: Int8Array;
  /** why the curve could not be traced at all (its seed found no ink): then it is absent on every row */
  problem?: string;
  /** traced, but in a way the user should hear of (taken from the scan's darkness alone: trace.ts) */
  note?: string;
}

/** A curve in data space on its own depths (not yet on the LAS grid). */
export interface CurveSeries {
  mnemonic: string;
  unit: string;
  description?: string;
  /** depth in the layout's depth unit, increasing or decreasing, same length as value */
  depth: Float64Array;
  /** value in the curve's unit, NaN = null */
  value: Float64Array;
  /** resampling space: log curves are interpolated in log10(value) */
  scale: 'linear' | 'log';
}
