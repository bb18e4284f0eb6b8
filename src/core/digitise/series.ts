/**
 * Traced curves (pixel space) → series (data space) through the layout's depth and value maps.
 * Each series keeps the track and curve it came from, so the LAS ~P scales can be found again.
 */
import { depthMap } from '../calibration/depth-map.ts';
import type { CurveSpec, Layout } from '../calibration/layout.ts';
import { tracedToSeries } from '../calibration/series.ts';
import type { CurveSeries, TracedCurve } from '../types.ts';

export interface LayoutSeries extends CurveSeries {
  /** tracks[track].curves[curve] of the layout */
  track: number;
  curve: number;
}

/** The layout's spec of a traced curve, or an error naming the curve when the layout no longer has it. */
export function specOf(layout: Layout, c: Pick<TracedCurve, 'track' | 'curve'>): CurveSpec {
  const spec = layout.tracks[c.track]?.curves[c.curve];
  if (!spec) {
    throw new Error(
      `traced curve ${c.curve + 1} of track ${c.track + 1} is not in the layout any more; digitise again after changing tracks or curves`,
    );
  }
  return spec;
}

/** One series per traced curve, in the order given; depth in layout.depth.unit, value in the curve's unit. */
export function curvesToSeries(layout: Layout, traced: readonly TracedCurve[]): LayoutSeries[] {
  const depths = depthMap(layout.depth);
  return traced.map((c) => {
    const spec = specOf(layout, c);
    return { ...tracedToSeries(c, spec, layout.tracks[c.track], depths), track: c.track, curve: c.curve };
  });
}
