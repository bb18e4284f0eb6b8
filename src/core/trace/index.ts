export { traceCurves, traceTrack, TraceError, type TraceRequest } from './trace.ts';
export { reviewSpans } from './assemble.ts';
export { DEFAULT_TRACE_OPTIONS, REVIEW_CONFIDENCE, traceOptions, type TraceOptions } from './options.ts';
export { extractRuns, type RunTable, type RunOptions } from './runs.ts';
export { classicalSegmentation, CLASSICAL_TRACE_OPTIONS, darkness, otsuThreshold, type ClassicalOptions } from './classical.ts';
export { curveErrors, scoreCurve, scoreErrors, SWAP_PCT, type CurveScore, type TruthSeries } from './score.ts';
export { fillAbsent, type FillOptions } from './fill.ts';
