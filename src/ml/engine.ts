/**
 * The tiled inference loop shared by every runtime: plan bands, fill inputs, run batches, stitch cores,
 * skip provably blank tiles, retry smaller on out-of-memory, stop on abort. The runtime is behind
 * TileRunner (onnxruntime-node, onnxruntime-web WASM or WebGPU), so every place produces the same bytes
 * from the same logits.
 */
import type { ModelCard } from './card';
import { SegmentError, abortError, isOutOfMemory } from './errors';
import { type RowWindow, fillTileInput, uniformValue } from './preprocess';
import { type RowTarget, readCore, writeCachedCore, writeCore } from './stitch';
import { type AxisTile, type Band, type Region, type TileSpec, countTiles, planBands, shrinkSpec } from './tiling';

/** One runtime session: logits [n, C, h, w] for an input batch [n, 1, h, w]. */
export interface TileRunner {
  run(input: Float32Array, n: number, h: number, w: number): Promise<Float32Array>;
  dispose(): Promise<void>;
}

export interface EngineHooks {
  signal?: AbortSignal;
  /** after each tile: whether it was computed (false: blank, taken from the cache) */
  onTile?: (computed: boolean) => void;
  /** the tile count changed by `delta` (an out-of-memory retry re-planned the rest smaller) */
  onReplan?: (delta: number, spec: TileSpec, reason: string) => void;
  /** lets queued messages (a cancel) in between batches; workers pass a macrotask yield */
  yieldToEvents?: () => Promise<void>;
}

export interface EngineOptions {
  /** tiles per model call (default 1: cancellation stays within one tile) */
  maxBatch?: number;
  /** reuse the result of an identical blank tile (default true; false only to measure its effect) */
  skipBlank?: boolean;
}

interface CachedCore {
  classes: Uint8Array;
  curveProb: Uint8Array;
}

/**
 * Blank tiles: a tile whose whole input window (core and context) holds one byte value v has exactly
 * the input tensor of any other such tile of the same shape, so its core is exactly that tile's core.
 * The first one is computed; later ones copy it. No assumption about the model, hence always safe;
 * it pays off on white margins, gaps between tracks and blank paper at the ends of a scan.
 */
const MAX_CACHED = 16;

export class TiledEngine {
  private readonly blank = new Map<string, CachedCore>();
  private input = new Float32Array(0);

  private readonly maxBatch: number;
  private readonly skipBlank: boolean;

  constructor(
    private readonly runner: TileRunner,
    private readonly card: ModelCard,
    options: EngineOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 1;
    this.skipBlank = options.skipBlank ?? true;
  }

  /**
   * Segments the core region `job` (aligned, see alignRegion) of the scan seen through `win` into
   * `target`. On an out-of-memory error the rest of the job is re-planned with smaller tiles.
   */
  async segmentRegion(win: RowWindow, job: Region, spec: TileSpec, target: RowTarget, hooks: EngineHooks = {}): Promise<void> {
    let y = job.y0;
    let current = spec;
    while (y < job.y1) {
      const bands = planBands({ ...job, y0: y }, current);
      try {
        for (const band of bands) {
          await this.runBand(win, band, target, hooks);
          y = band.y.core.end;
        }
      } catch (e) {
        if (!isOutOfMemory(e)) throw e;
        const smaller = shrinkSpec(current);
        if (!smaller)
          throw new SegmentError('out-of-memory', `out of memory even on ${current.size} px tiles: close other tabs or use a smaller scan`, { cause: e });
        const rest = { ...job, y0: y };
        hooks.onReplan?.(countTiles(rest, smaller) - countTiles(rest, current), smaller, `out of memory on ${current.size} px tiles`);
        current = smaller;
      }
    }
  }

  private async runBand(win: RowWindow, band: Band, target: RowTarget, hooks: EngineHooks): Promise<void> {
    const h = band.y.input.end - band.y.input.start;
    let pending: { x: AxisTile; key: string | null }[] = [];
    const flush = async (): Promise<void> => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      await this.runBatch(win, band.y, batch, target);
      for (const t of batch) {
        if (t.key !== null && this.blank.size < MAX_CACHED) this.blank.set(t.key, readCore(t.x, band.y, target));
        hooks.onTile?.(true);
      }
    };
    for (const x of band.columns) {
      if (hooks.yieldToEvents) await hooks.yieldToEvents();
      if (hooks.signal?.aborted) throw abortError();
      const v = this.skipBlank ? uniformValue(win, x, band.y) : -1;
      const key = v < 0 ? null : `${v}|${h}|${x.input.end - x.input.start}|${band.y.core.end - band.y.core.start}|${x.core.end - x.core.start}`;
      const cached = key === null ? undefined : this.blank.get(key);
      if (cached) {
        writeCachedCore(cached, x, band.y, target);
        hooks.onTile?.(false);
        continue;
      }
      // a batch holds tiles of one shape; only the last column can differ
      const w = x.input.end - x.input.start;
      if (pending.length > 0 && (pending.length >= this.maxBatch || pending[0].x.input.end - pending[0].x.input.start !== w)) await flush();
      pending.push({ x, key });
    }
    await flush();
  }

  private async runBatch(win: RowWindow, y: AxisTile, batch: { x: AxisTile }[], target: RowTarget): Promise<void> {
    const h = y.input.end - y.input.start;
    const w = batch[0].x.input.end - batch[0].x.input.start;
    const n = batch.length;
    if (this.input.length < n * h * w) this.input = new Float32Array(n * h * w); // reused across batches
    const input = this.input.subarray(0, n * h * w);
    batch.forEach((t, i) => fillTileInput(win, t.x, y, input, i * h * w));
    const data = await this.runner.run(input, n, h, w);
    const c = this.card.classes.length;
    if (data.length !== n * c * h * w)
      throw new SegmentError('model-mismatch', `model output has ${data.length} values, expected ${n}×${c}×${h}×${w} (card: ${c} classes)`);
    batch.forEach((t, i) => writeCore({ data, c, h, w }, i, t.x, y, this.card.curveClasses, target));
  }

  /** Median ms of `runs` model calls on one h × w tile of textured input, after one warm-up call. */
  async probe(h: number, w: number, runs: number): Promise<number> {
    const input = new Float32Array(h * w);
    for (let i = 0; i < input.length; i++) input[i] = ((Math.imul(i, 2654435761) >>> 24) & 255) / 255;
    await this.runner.run(input, 1, h, w);
    const ms: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      await this.runner.run(input, 1, h, w);
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    return ms[Math.floor(ms.length / 2)];
  }

  async dispose(): Promise<void> {
    this.blank.clear();
    await this.runner.dispose();
  }
}
