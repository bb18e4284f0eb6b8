/**
 * A comlink worker kept warm between calls, whose calls can be cancelled. Cancelling terminates the
 * worker (a tracer or an auto-layout in the middle of a loop cannot be interrupted any other way);
 * the next call starts a fresh one, and calls in flight reject with a CancelledError, never hang.
 */
import { wrap, type Remote } from 'comlink';
import { CancelledError } from './decode/client';

export interface WorkerJob<T> {
  promise: Promise<T>;
  cancel(): void;
}

export class CancellableWorker<Api> {
  private worker: Worker | null = null;
  private api: Remote<Api> | null = null;
  private pending = new Set<(e: Error) => void>();

  constructor(
    private readonly create: () => Worker,
    /** what the worker does, for the message when it cannot start ("The tracer") */
    private readonly what: string,
  ) {}

  private ensure(): Remote<Api> {
    if (!this.api) {
      const worker = this.create();
      worker.addEventListener('error', (e) => this.fail(new Error(`${this.what} stopped (${e.message || 'worker error'}). Try again; reload the page if it keeps failing.`)));
      this.worker = worker;
      this.api = wrap<Api>(worker);
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

  run<T>(call: (api: Remote<Api>) => Promise<T>): WorkerJob<T> {
    let reject!: (e: Error) => void;
    const stop = new Promise<never>((_, r) => (reject = r));
    this.pending.add(reject);
    const promise = Promise.race([call(this.ensure()), stop]).finally(() => this.pending.delete(reject));
    return {
      promise,
      cancel: () => {
        if (this.pending.has(reject)) this.fail(new CancelledError());
      },
    };
  }

  dispose(): void {
    this.fail(new CancelledError());
  }
}
