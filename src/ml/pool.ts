/**
 * The browser Segmenter: workers running the engine, fed one band of rows at a time by the main
 * thread. Main-thread work per band is two memcpys (slice the rows in, copy the result rows out), so
 * the page never blocks. Set-up (which EP, how many workers) is in pool-setup.ts.
 */
import { type Remote, proxy, transfer, wrap } from 'comlink';
import type { Raster } from '../core/raster';
import type { Segmentation } from '../core/types';
import type { SegmentWorker } from '../../workers/segment.worker';
import type { ModelCard } from './card';
import { SegmentError, abortError, reviveError } from './errors';
import { sliceWindow } from './preprocess';
import {
  type BackendInfo,
  type SegmentOptions,
  type Segmenter,
  ProgressTracker,
  checkRaster,
  emptySegmentation,
  regionFor,
  specFor,
} from './segmenter';
import { countTiles, jobSourceRows, planBands } from './tiling';
import type { WorkerInit, WorkerReady } from './worker-api';

export interface Member {
  worker: Worker;
  api: Remote<SegmentWorker>;
  init?: WorkerInit;
  ready?: WorkerReady;
  /** set when the worker died (uncaught error, WASM abort): replaced before the next scan */
  dead: Error | null;
  /** reject functions of this worker's jobs in flight, failed together if it dies */
  inFlight: Set<(e: unknown) => void>;
}

export function defaultWorker(): Worker {
  return new Worker(new URL('../../workers/segment.worker.ts', import.meta.url), { type: 'module', name: 'segment' });
}

export function spawn(create: () => Worker = defaultWorker): Member {
  const worker = create();
  const m: Member = { worker, api: wrap<SegmentWorker>(worker), dead: null, inFlight: new Set() };
  worker.addEventListener('error', (ev) => {
    m.dead = new SegmentError('runtime', `a segmentation worker stopped: ${ev.message || 'unknown error'}`);
    for (const reject of m.inFlight) reject(m.dead);
  });
  return m;
}

export async function initMember(m: Member, init: WorkerInit): Promise<WorkerReady> {
  m.init = init;
  try {
    m.ready = await m.api.init(init);
  } catch (e) {
    throw reviveError(e);
  }
  return m.ready;
}

export function terminate(m: Member | null | undefined): void {
  m?.worker.terminate();
}

let nextJobId = 1;

export class PoolSegmenter implements Segmenter {
  constructor(
    readonly card: ModelCard,
    readonly backend: BackendInfo,
    private members: Member[],
    private readonly create: () => Worker = defaultWorker,
  ) {}

  async segment(raster: Raster, options: SegmentOptions = {}): Promise<Segmentation> {
    checkRaster(raster);
    if (options.signal?.aborted) throw abortError();
    await this.replaceDead();
    const region = regionFor(raster, this.card, options.region);
    const spec = specFor(this.card, options.tileSize);
    const jobs = planBands(region, spec).map((b) => ({ id: nextJobId++, region: { ...region, y0: b.y.core.start, y1: b.y.core.end } }));
    const out = emptySegmentation(raster.width, raster.height);
    const progress = new ProgressTracker(countTiles(region, spec), options.onProgress);
    const onTile = proxy((computed: boolean) => progress.tile(computed));
    const onReplan = proxy((delta: number) => progress.replan(delta));

    return new Promise<Segmentation>((resolve, reject) => {
      let next = 0;
      let finished = false;
      const active = new Map<number, Member>();
      const finish = (error: unknown): void => {
        if (finished) return;
        finished = true;
        options.signal?.removeEventListener('abort', onAbort);
        // stop the other workers' jobs within a tile; their late results are dropped
        for (const [id, m] of active) void m.api.cancel(id).catch(() => undefined);
        if (error === null) resolve(out);
        else reject(error);
      };
      const onAbort = (): void => finish(abortError());
      options.signal?.addEventListener('abort', onAbort, { once: true });

      const pump = (m: Member): void => {
        if (finished) return;
        if (next >= jobs.length) {
          if (active.size === 0) finish(null);
          return;
        }
        const job = jobs[next++];
        const win = sliceWindow(raster, jobSourceRows(job.region.y0, job.region.y1, raster.height, spec));
        active.set(job.id, m);
        const fail = (e: unknown): void => finish(reviveError(e));
        m.inFlight.add(fail);
        m.api
          .run(transfer({ id: job.id, window: win, region: job.region, spec }, [win.data.buffer]), onTile, onReplan)
          .then((r) => {
            m.inFlight.delete(fail);
            active.delete(job.id);
            if (finished) return;
            out.classes.set(r.classes, r.y0 * raster.width);
            out.curveProb.set(r.curveProb, r.y0 * raster.width);
            pump(m);
          }, fail);
      };
      for (const m of this.members) pump(m);
    });
  }

  /** A worker that crashed is replaced with a fresh one set up the same way. */
  private async replaceDead(): Promise<void> {
    for (let i = 0; i < this.members.length; i++) {
      const m = this.members[i];
      if (!m.dead || !m.init) continue;
      terminate(m);
      const fresh = spawn(this.create);
      await initMember(fresh, m.init);
      this.members[i] = fresh;
    }
  }

  async dispose(): Promise<void> {
    for (const m of this.members) terminate(m);
    this.members = [];
  }
}
