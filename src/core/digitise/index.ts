/**
 * Digitising a scan with a layout, from decoded pixels to the LAS document — the pipeline the
 * browser (through its workers) and the CLI share, so both write the same LAS:
 *   prepareUpright → segment (model, or segmentClassical) → traceLayout → curvesToSeries → buildLasDocument
 */
export { prepareUpright, resolveDeskew, type Upright } from './prepare.ts';
export { analyseScan, snapDepthLine, type SnapOptions } from './analyse.ts';
export { checkLayout, segmentClassical, traceLayout, traceOptionsFor, traceRows, type SegmentationKind, type TraceLayoutOptions } from './trace-layout.ts';
export { curvesToSeries, specOf, type LayoutSeries } from './series.ts';
export { buildLasDocument, gridFor, uniqueMnemonics, NothingToExportError, type BuildLasOptions, type DigitiseProvenance, type LasExportSettings } from './las-document.ts';
export { calibrationSummary } from './provenance.ts';
export { classPyramid, halveClasses } from './mask-pyramid.ts';
export { runTrace, type TraceJob, type TraceResult, type TraceStage } from './job.ts';
