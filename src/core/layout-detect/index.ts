export { detectLayout, detectLayoutFromSegmentation, detectFromInk, type LayoutProposal, type DetectedTrack, type DepthLine, type DetectOptions } from './detect.ts';
export { estimateSkew, estimateSkewFromSegmentation, skewFromEvidence, type SkewOptions } from './skew.ts';
export { classifyGrid, predictedLines, type GridGuess, type GridFit } from './grid.ts';
export { inkFromRaster, inkFromGrid, lineEvidence, type InkImage, type LineEvidence } from './evidence.ts';
export type { Span } from './tracks.ts';
export type { RowSpan } from './sections.ts';
