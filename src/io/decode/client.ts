/**
 * The page's handle on the decode worker. One worker is kept warm between files; cancelling a job
 * terminates it (a G4 strip or a pdf.js render cannot be interrupted any other way) and the next
 * job starts a fresh one. Pending calls then reject with a CancelledError instead of hanging.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { Raster } from '../../core/raster';
import type { DecodeWorkerApi } from '../../../workers/decode.worker';
import '../worker-errors';
import type { DecodeRequest, DecodeResult, ProgressFn, UprightLevels, UprightRequest } from './service';
import type { ScanProbe } from './types';

export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('Cancelled.');
  }
}

export interface DecodeJob<T> {
  promise: Promise<T>;
  cancel(): void;
}

export class DecodeClient {
  private worker: Worker | null = null;
  private api: Remote<DecodeWorkerApi> | null = null;
  /** rejecters of calls in flight on the current worker */
  private pending = new Set<(e: Error) => void>();

  private ensure(): Remote<DecodeWorkerApi> {
    if (!this.api) {
      const worker = new Worker(new URL('../../../workers/decode.worker.ts', import.meta.url), { type: 'module', name: 'tracewell-decode' });
      worker.addEventListener('error', (e) => this.fail(new Error(`The decoder could not start (${e.message || 'worker error'}). Reload the page and try again.`)));
      this.worker = worker;
      this.api = wrap<DecodeWorkerApi>(worker);
    }
    return this.api;
  }

  private fail(e: Error): void {
    for (const reject of this.pending) reject(e);
    this.pending.clear();
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }

  private run<T>(call: (api: Remote<DecodeWorkerApi>) => Promise<T>): DecodeJob<T> {
    let reject!: (e: Error) => void;
    const stop = new Promise<never>((_, r) => (reject = r));
    this.pending.add(reject);
    const promise = Promise.race([call(this.ensure()), stop]).finally(() => this.pending.delete(reject));
    return {
      promise: promise as Promise<T>,
      cancel: () => {
        if (this.pending.has(reject)) this.fail(new CancelledError());
      },
    };
  }

  probe(file: Blob, fileName: string): DecodeJob<ScanProbe> {
    return this.run((api) => api.probe(file, fileName));
  }

  decode(file: Blob, fileName: string, request: DecodeRequest, onProgress?: ProgressFn): DecodeJob<DecodeResult> {
    return this.run((api) => api.decode(file, fileName, request, onProgress ? proxy(onProgress) : undefined) as Promise<DecodeResult>);
  }

  /** Display levels for `turns`; the source raster is copied to the worker (the page keeps its own). */
  view(source: Raster, turns: number, onProgress?: ProgressFn): DecodeJob<Raster[]> {
    return this.run((api) => api.view(source, turns, onProgress ? proxy(onProgress) : undefined) as Promise<Raster[]>);
  }

  /** Display levels for a rotation and deskew; the source raster is copied to the worker. */
  upright(source: Raster, request: UprightRequest, onProgress?: ProgressFn): DecodeJob<UprightLevels> {
    return this.run((api) => api.upright(source, request, onProgress ? proxy(onProgress) : undefined) as Promise<UprightLevels>);
  }

  dispose(): void {
    this.fail(new CancelledError());
  }
}
