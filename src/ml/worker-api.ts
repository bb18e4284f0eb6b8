/**
 * What a segmentation worker offers (workers/segment.worker.ts exposes it with comlink). The pool on
 * the main thread hands it jobs — a band of scan rows it owns (transferred) and the core rows to
 * segment — and gets the byte maps of those rows back (transferred). Jobs run one at a time per worker;
 * cancel(id) stops a job before its next tile.
 */
import type { ModelCard } from './card';
import type { AdapterFacts } from './ep';
import { fallbackToWasm } from './ep';
import { TiledEngine } from './engine';
import { SegmentError, abortError } from './errors';
import { type WebEp, adapterFacts, createWebRunner, fetchModel, requestAdapter, timeSingleLayer } from './ort-web';
import type { RowWindow } from './preprocess';
import type { Region, TileSpec } from './tiling';

export interface WorkerInit {
  card: ModelCard;
  modelUrl: string;
  ep: WebEp;
  /** WASM threads of this worker (1 for a pool member) */
  threads: number;
  /** tiles per model call */
  maxBatch?: number;
}

export interface WorkerReady {
  /** the EP actually running: WebGPU that failed to start becomes WASM */
  ep: WebEp;
  /** set when the EP differs from the one asked for, and why */
  note?: string;
}

export interface Job {
  id: number;
  window: RowWindow;
  /** core pixels to segment (aligned); its rows lie inside the window's reach */
  region: Region;
  spec: TileSpec;
}

export interface JobResult {
  id: number;
  /** first row of `classes`/`curveProb`, which cover region rows × full scan width */
  y0: number;
  classes: Uint8Array;
  curveProb: Uint8Array;
}

/** Per-tile callback (comlink proxy): computed = false for a blank tile taken from the cache. */
export type TileCallback = (computed: boolean) => void;
export type ReplanCallback = (delta: number) => void;

/** A macrotask turn, so a queued cancel() message runs between tiles (timers would be clamped). */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

export function createWorkerApi() {
  let engine: TiledEngine | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const cancelled = new Set<number>();
  const controllers = new Map<number, AbortController>();

  async function startRunner(o: WorkerInit, bytes: Uint8Array): Promise<WorkerReady> {
    if (o.ep === 'wasm') {
      engine = new TiledEngine(await createWebRunner(o.card, bytes, 'wasm', o.threads), o.card, { maxBatch: o.maxBatch });
      return { ep: 'wasm' };
    }
    try {
      // a forced WebGPU may run on a fallback (software) adapter: ask for one if there is no other
      const adapter = (await requestAdapter()) ?? (await requestAdapter(true));
      const runner = await createWebRunner(o.card, bytes, 'webgpu', o.threads, adapter);
      engine = new TiledEngine(runner, o.card, { maxBatch: o.maxBatch });
      return { ep: 'webgpu' };
    } catch (e) {
      if (!(e instanceof SegmentError) || e.kind !== 'ep-init') throw e;
      const plan = fallbackToWasm({ ep: 'webgpu', reason: '', measure: false }, e);
      engine = new TiledEngine(await createWebRunner(o.card, bytes, 'wasm', o.threads), o.card, { maxBatch: o.maxBatch });
      return { ep: 'wasm', note: plan.reason };
    }
  }

  return {
    /** The adapter this worker would get, or null (no navigator.gpu, or no adapter). */
    async adapter(): Promise<AdapterFacts | null> {
      const a = await requestAdapter();
      return a ? adapterFacts(a) : null;
    },

    async init(o: WorkerInit): Promise<WorkerReady> {
      if (engine) throw new Error('segmentation worker already initialised');
      return startRunner(o, await fetchModel(o.card, o.modelUrl));
    },

    /** Median ms of `runs` timed model calls on one h × w tile, after one warm-up call. */
    async probe(h: number, w: number, runs = 2): Promise<number> {
      if (!engine) throw new Error('segmentation worker not initialised');
      return engine.probe(h, w, runs);
    },

    run(job: Job, onTile: TileCallback, onReplan: ReplanCallback): Promise<JobResult> {
      const next = queue.then(() => runJob(job, onTile, onReplan));
      queue = next.catch(() => undefined);
      return next;
    },

    /** Benchmarks only: attainable speed of this runtime on one conv layer (in a fresh worker). */
    peak(url: string, ep: WebEp, threads: number, shape: [number, number, number], runs: number): Promise<number> {
      if (engine) throw new Error('peak() needs a fresh worker: its WASM thread count is fixed at first use');
      return timeSingleLayer(url, ep, threads, shape, runs);
    },

    cancel(id: number): void {
      cancelled.add(id);
      controllers.get(id)?.abort();
    },

    async dispose(): Promise<void> {
      await engine?.dispose();
      engine = null;
    },
  };

  async function runJob(job: Job, onTile: TileCallback, onReplan: ReplanCallback): Promise<JobResult> {
    if (!engine) throw new Error('segmentation worker not initialised');
    if (cancelled.delete(job.id)) throw abortError();
    const ctrl = new AbortController();
    controllers.set(job.id, ctrl);
    const { region, window: win } = job;
    const n = (region.y1 - region.y0) * win.width;
    const target = { width: win.width, y0: region.y0, classes: new Uint8Array(n), curveProb: new Uint8Array(n) };
    try {
      await engine.segmentRegion(win, region, job.spec, target, { signal: ctrl.signal, onTile, onReplan: (d) => onReplan(d), yieldToEvents });
    } finally {
      controllers.delete(job.id);
      cancelled.delete(job.id);
    }
    return { id: job.id, y0: region.y0, classes: target.classes, curveProb: target.curveProb };
  }
}

export type SegmentWorkerApi = ReturnType<typeof createWorkerApi>;
