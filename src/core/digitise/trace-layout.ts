/**
 * Tracing every curve of a layout over a segmentation of the upright scan (pixel space in, pixel
 * space out). One function shared by the browser's trace worker and the CLI, so both trace the same
 * rows with the same options.
 */
import { depthMap } from '../calibration/depth-map.ts';
import { LayoutInvalidError } from '../calibration/errors.ts';
import type { Layout } from '../calibration/layout.ts';
import { validateLayout } from '../calibration/validate.ts';
import type { Raster } from '../raster.ts';
import { classicalSegmentation, CLASSICAL_TRACE_OPTIONS, traceCurves, TraceError, type TraceOptions } from '../trace/index.ts';
import type { Segmentation, TracedCurve } from '../types.ts';

/** Where a segmentation came from: the tracer weighs line styles only when the model drew them. */
export type SegmentationKind = 'model' | 'classical';

export interface TraceLayoutOptions {
  kind: SegmentationKind;
  /** tracker settings on top of the defaults for `kind` */
  trace?: Partial<TraceOptions>;
  /** scan rows [top, bottom) to trace; default: the layout's depth interval, else every row */
  rows?: { top: number; bottom: number };
  /**
   * with kind 'model': the scan's darkness segmentation, asked for when a track has a stretch to fill
   * (default: segmentClassical of the upright scan, made then)
   */
  fillFrom?: () => Segmentation;
}

/** Throws LayoutInvalidError listing every problem when the layout cannot be traced with. */
export function checkLayout(layout: Layout): void {
  const errors = validateLayout(layout);
  if (errors.length > 0) throw new LayoutInvalidError(errors);
  if (layout.tracks.every((t) => t.curves.length === 0)) {
    throw new LayoutInvalidError([{ path: 'tracks', message: 'no curves to trace: add a curve to a track and click its seed' }]);
  }
}

/** Tracker settings for a segmentation kind (classical darkness has no solid/broken classes). */
export function traceOptionsFor(kind: SegmentationKind, extra: Partial<TraceOptions> = {}): Partial<TraceOptions> {
  return kind === 'classical' ? { ...CLASSICAL_TRACE_OPTIONS, ...extra } : { ...extra };
}

/**
 * Rows to trace: the layout's depth interval (depth.top/bottom, in rows through the depth map),
 * else the whole scan. Rows [top, bottom), clamped to the scan.
 */
export function traceRows(layout: Layout, height: number): { top: number; bottom: number } {
  const { top, bottom } = layout.depth;
  if (top === undefined && bottom === undefined) return { top: 0, bottom: height };
  const map = depthMap(layout.depth);
  // a missing end runs to the scan's edge on its side: top = the shallow end, bottom = the deep end
  const deeperDown = map.depthAt(height) > map.depthAt(0);
  const a = top === undefined ? (deeperDown ? 0 : height) : map.yAt(top);
  const b = bottom === undefined ? (deeperDown ? height : 0) : map.yAt(bottom);
  const lo = Math.max(0, Math.floor(Math.min(a, b)));
  const hi = Math.min(height, Math.ceil(Math.max(a, b)));
  if (hi <= lo) throw new TraceError(`the depth interval ${top ?? '…'}–${bottom ?? '…'} lies outside the scan`);
  return { top: lo, bottom: hi };
}

/** The segmentation without a model: darkness, with the layout's track edges to find depth lines. */
export function segmentClassical(upright: Raster, layout: Pick<Layout, 'tracks'>): Segmentation {
  return classicalSegmentation(upright, { tracks: layout.tracks.map((t) => ({ x0: t.x0, x1: t.x1 })) });
}

/** Every curve of the layout, in layout order (tracks[t].curves[c]), traced over `seg`. */
export function traceLayout(upright: Raster, seg: Segmentation, layout: Layout, options: TraceLayoutOptions): TracedCurve[] {
  checkLayout(layout);
  if (upright.width !== seg.width || upright.height !== seg.height) {
    throw new TraceError(`the scan is ${upright.width}×${upright.height} px but its segmentation is ${seg.width}×${seg.height}`);
  }
  const rows = options.rows ?? traceRows(layout, seg.height);
  // with the model, a trace over the scan's darkness fills the stretches the model missed (fill.ts);
  // the darkness segmentation is made only if a track asks for it
  const fillFrom = options.kind === 'model' ? (options.fillFrom ?? (() => segmentClassical(upright, layout))) : undefined;
  return traceCurves({ seg, tracks: layout.tracks, scan: upright, rows, options: traceOptionsFor(options.kind, options.trace), fillFrom });
}
