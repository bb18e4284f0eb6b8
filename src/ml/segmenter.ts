/**
 * The one interface every caller uses (UI via the worker pool, CLI and benchmarks via onnxruntime-node,
 * tests): segment(raster) → Segmentation, with progress and cancel. Implementations differ only in
 * where the TiledEngine runs.
 */
import type { Raster } from '../core/raster';
import { MAX_SCAN_PIXELS, MAX_SCAN_SIDE_PX } from '../core/raster';
import type { Segmentation } from '../core/types';
import type { ModelCard } from './card';
import { TiledEngine } from './engine';
import { SegmentError, abortError } from './errors';
import { wholeWindow } from './preprocess';
import { type Region, type TileSpec, alignRegion, countTiles } from './tiling';

export interface SegmentProgress {
  /** tiles finished (computed or taken from the blank cache) */
  done: number;
  total: number;
  /** of `done`, tiles not computed because an identical blank tile was */
  skipped: number;
  elapsedMs: number;
  /** estimated time left, null until a computed tile gives a rate */
  etaMs: number | null;
}

export interface SegmentOptions {
  onProgress?: (p: SegmentProgress) => void;
  signal?: AbortSignal;
  /** only segment this part of the scan (e.g. the tracks below the header); the rest is paper, p = 0 */
  region?: Region;
  /** override the card's tile size (px); overlap always comes from the card */
  tileSize?: number;
}

export interface BackendInfo {
  runtime: 'onnxruntime-node' | 'onnxruntime-web';
  ep: 'cpu' | 'wasm' | 'webgpu';
  workers: number;
  threadsPerWorker: number;
  /** why this backend (e.g. "WebGPU failed to start: …; using WASM"), shown to the user */
  note?: string;
}

export interface Segmenter {
  readonly card: ModelCard;
  readonly backend: BackendInfo;
  segment(raster: Raster, options?: SegmentOptions): Promise<Segmentation>;
  dispose(): Promise<void>;
}

export function checkRaster(r: Raster): void {
  const { width, height, channels, data } = r;
  if (!(width > 0 && height > 0)) throw new SegmentError('bad-input', `scan is empty (${width} × ${height} px)`);
  if (width > MAX_SCAN_SIDE_PX || height > MAX_SCAN_SIDE_PX || width * height > MAX_SCAN_PIXELS)
    throw new SegmentError('bad-input', `scan is ${width} × ${height} px; the limit is ${MAX_SCAN_SIDE_PX} px a side and ${MAX_SCAN_PIXELS / 1e6} MP`);
  if (data.length !== width * height * channels)
    throw new SegmentError('bad-input', `scan data has ${data.length} bytes, expected ${width} × ${height} × ${channels}`);
}

export function specFor(card: ModelCard, tileSize?: number): TileSpec {
  return { size: tileSize ?? card.tile.size, overlap: card.tile.overlap, multipleOf: card.input.multipleOf };
}

export function regionFor(r: Raster, card: ModelCard, region?: Region): Region {
  return alignRegion(region ?? { x0: 0, y0: 0, x1: r.width, y1: r.height }, r.width, r.height, card.input.multipleOf);
}

/** Tiles done/total and ETA; the total may change when an out-of-memory retry re-plans. */
export class ProgressTracker {
  private done = 0;
  private skipped = 0;
  private readonly started = performance.now();

  constructor(
    private total: number,
    private readonly report?: (p: SegmentProgress) => void,
  ) {}

  tile(computed: boolean): void {
    this.done++;
    if (!computed) this.skipped++;
    this.emit();
  }

  replan(delta: number): void {
    this.total += delta;
    this.emit();
  }

  emit(): void {
    if (!this.report) return;
    const elapsedMs = performance.now() - this.started;
    const left = this.total - this.done;
    // blank tiles cost nothing, so the rate is per done tile, which mixes both as the scan does
    const etaMs = this.done > this.skipped ? (elapsedMs / this.done) * left : null;
    this.report({ done: this.done, total: this.total, skipped: this.skipped, elapsedMs, etaMs });
  }
}

export function emptySegmentation(width: number, height: number): Segmentation {
  return { width, height, classes: new Uint8Array(width * height), curveProb: new Uint8Array(width * height) };
}

/** A Segmenter running the engine in this thread (Node, or inside one worker). */
export function createLocalSegmenter(engine: TiledEngine, card: ModelCard, backend: BackendInfo): Segmenter {
  let busy = false;
  return {
    card,
    backend,
    async segment(raster, options = {}) {
      checkRaster(raster);
      if (options.signal?.aborted) throw abortError();
      if (busy) throw new Error('this segmenter is already running a scan; wait for it or cancel it');
      busy = true;
      try {
        const out = emptySegmentation(raster.width, raster.height);
        const region = regionFor(raster, card, options.region);
        const spec = specFor(card, options.tileSize);
        const progress = new ProgressTracker(countTiles(region, spec), options.onProgress);
        const target = { width: raster.width, y0: 0, classes: out.classes, curveProb: out.curveProb };
        await engine.segmentRegion(wholeWindow(raster), region, spec, target, {
          signal: options.signal,
          onTile: (c) => progress.tile(c),
          onReplan: (d) => progress.replan(d),
        });
        return out;
      } finally {
        busy = false;
      }
    },
    dispose: () => engine.dispose(),
  };
}
