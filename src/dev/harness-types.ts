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
  /** only this part of the scan (warm-up runs) */
  region?: { x0: number; y0: number; x1: number; y1: number };
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
  /** raw 8-bit gray bytes served at `url` → the scan (benchmarks: no PNG round trip for 100 MP) */
  loadRaw(url: string, width: number, height: number): Promise<{ width: number; height: number }>;
  /** attainable speed: median ms of one 3×3 conv layer [1, c, h, w] in a fresh worker */
  peak(o: { ep: 'wasm' | 'webgpu'; threads: number; shape: [number, number, number]; runs: number }): Promise<number>;
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
