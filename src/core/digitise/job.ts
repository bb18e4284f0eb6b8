/**
 * One tracing job as the trace worker runs it: segment without a model when no segmentation is
 * given, trace the layout's curves, and build the mask overlay's levels — in one call, so the
 * upright scan and the segmentation cross to the worker once.
 */
import type { Layout } from '../calibration/layout.ts';
import type { Raster } from '../raster.ts';
import type { Segmentation, TracedCurve } from '../types.ts';
import { classPyramid } from './mask-pyramid.ts';
import { segmentClassical, traceLayout, type SegmentationKind } from './trace-layout.ts';

export interface TraceJob {
  upright: Raster;
  layout: Layout;
  /** the model's segmentation of `upright`; null: segment by darkness (classical) here */
  segmentation: Segmentation | null;
}

export type TraceStage = 'segment' | 'trace' | 'mask';

export interface TraceResult {
  curves: TracedCurve[];
  kind: SegmentationKind;
  /**
   * the segmentation the curves were traced from: the classical one made here, or the job's own
   * handed back (the page transfers the model's to the worker rather than copy it, so it returns)
   */
  segmentation: Segmentation;
  /**
   * the mask overlay's class-map levels below full size (levels 1, 2, …); level 0 is the
   * segmentation's own class map
   */
  maskLevels: Raster[];
  /**
   * with the model's segmentation: the scan's darkness segmentation, when the trace made it to fill
   * stretches the model missed; kept for the editor's re-trace, which then need not make it on the page
   */
  fillSegmentation?: Segmentation;
}

export function runTrace(job: TraceJob, onStage?: (stage: TraceStage) => void): TraceResult {
  let seg = job.segmentation;
  const kind: SegmentationKind = seg ? 'model' : 'classical';
  if (!seg) {
    onStage?.('segment');
    seg = segmentClassical(job.upright, job.layout);
  }
  onStage?.('trace');
  let fill: Segmentation | undefined;
  const curves = traceLayout(job.upright, seg, job.layout, { kind, fillFrom: () => (fill ??= segmentClassical(job.upright, job.layout)) });
  onStage?.('mask');
  const maskLevels = classPyramid(seg).slice(1);
  return fill ? { curves, kind, segmentation: seg, maskLevels, fillSegmentation: fill } : { curves, kind, segmentation: seg, maskLevels };
}
