/** The segmentation harness API on window (src/dev/segment-harness.ts), typed for the e2e test and bench. */
import type { EpSetting } from '../ml/ep';
import type { BackendInfo } from '../ml/segmenter';

export interface HarnessSetup {
  /** 'fixture' (test/fixtures/models/tiny-unet), or a shipped model name; default: the shipped default */
  model?: string;
  setting?: EpSetting;
  layout?: { workers: number; threadsPerWorker: number };
  maxBatch?: number;
}

export interface HarnessRun {
  tileSize?: number;
  /** abort once this many tiles are done (cancellation test) */
  abortAfterTiles?: number;
}

export interface HarnessRunResult {
  ms: number;
  error: { name: string; message: string } | null;
  /** ms from abort() to the segment promise settling */
  settleMs: number;
  done: number;
  total: number;
  skipped: number;
  /** durations (ms) of the main thread's long tasks during the run */
  longTasks: number[];
}

export interface SegmentHarness {
  setup(o?: HarnessSetup): Promise<BackendInfo & { model: string; macsPerPixel: number; tile: { size: number; overlap: number }; setupMs: number }>;
  /** a PNG as base64 → the scan to segment */
  load(pngBase64: string): { width: number; height: number };
  run(o?: HarnessRun): Promise<HarnessRunResult>;
  /** the last mask's classes / curve bytes as base64 */
  classes(): string;
  curveProb(): string;
  dispose(): Promise<void>;
}

declare global {
  interface Window {
    __tracewellSegment: SegmentHarness;
  }
}
