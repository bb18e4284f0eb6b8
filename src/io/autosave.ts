/**
 * Autosave: every change is saved within a second, without the store waiting on it. Changes are
 * coalesced (only the latest snapshot is written), saves never overlap, and a failed save is
 * retried with back-off while the status says plainly what went wrong.
 *
 * Timing: a save starts `debounceMs` after the last change, but never later than `maxWaitMs`
 * after the first unsaved one, so a user who keeps dragging is still saved at least every
 * `maxWaitMs`. With the defaults (250 / 750 ms) and an incremental write of a few ms, a change is
 * on disk well inside 1 s.
 */
import { StorageFullError } from './db/errors';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'error'; message: string; storageFull: boolean; error: unknown };

export interface AutosaveOptions<T> {
  save: (snapshot: T) => Promise<unknown>;
  onStatus?: (status: SaveStatus) => void;
  debounceMs?: number;
  maxWaitMs?: number;
  /** first retry after a failed save; doubles up to 60 s */
  retryMs?: number;
}

export interface Autosave<T> {
  /** A change happened; `snapshot` is the whole state to save. Returns at once. */
  change(snapshot: T): void;
  /** Saves any pending change now (page hidden, session closing); resolves when done or failed. */
  flush(): Promise<void>;
  /** Flushes, then ignores further changes. */
  dispose(): Promise<void>;
  status(): SaveStatus;
  hasUnsaved(): boolean;
}

export function createAutosave<T>(options: AutosaveOptions<T>): Autosave<T> {
  const debounceMs = options.debounceMs ?? 250;
  const maxWaitMs = options.maxWaitMs ?? 750;
  const baseRetryMs = options.retryMs ?? 5000;
  let pending: { snapshot: T } | undefined;
  let firstChangeAt = 0;
  let lastChangeAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  let retryMs = baseRetryMs;
  let failed = false;
  let disposed = false;
  let status: SaveStatus = { kind: 'idle' };

  const setStatus = (s: SaveStatus) => {
    status = s;
    options.onStatus?.(s);
  };

  function schedule(delay?: number): void {
    clearTimeout(timer);
    timer = undefined;
    if (!pending || inFlight) return; // a running save reschedules when it ends
    const now = Date.now();
    const due = delay !== undefined ? now + delay : Math.min(lastChangeAt + debounceMs, firstChangeAt + maxWaitMs);
    timer = setTimeout(() => void run(), Math.max(0, due - now));
  }

  function run(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (inFlight) return inFlight;
    if (!pending) return Promise.resolve();
    const { snapshot } = pending;
    pending = undefined;
    setStatus({ kind: 'saving' });
    inFlight = options
      .save(snapshot)
      .then(
        () => {
          failed = false;
          retryMs = baseRetryMs;
          setStatus(pending ? { kind: 'pending' } : { kind: 'saved', at: Date.now() });
        },
        (error: unknown) => {
          // Keep the unsaved snapshot unless a newer change already replaced it.
          pending ??= { snapshot };
          failed = true;
          const message = error instanceof Error ? error.message : String(error);
          setStatus({ kind: 'error', message, storageFull: error instanceof StorageFullError, error });
        },
      )
      .finally(() => {
        inFlight = undefined;
        if (!pending || disposed) return;
        if (!failed) return schedule();
        schedule(retryMs);
        retryMs = Math.min(retryMs * 2, 60_000);
      });
    return inFlight;
  }

  return {
    change(snapshot) {
      if (disposed) return;
      const now = Date.now();
      if (!pending) firstChangeAt = now;
      lastChangeAt = now;
      pending = { snapshot };
      if (!inFlight && status.kind !== 'error') setStatus({ kind: 'pending' });
      // After a failure a new change is a natural moment to try again, at the normal pace.
      if (!inFlight) schedule();
    },
    async flush() {
      while (inFlight || pending) {
        await (inFlight ?? run());
        if (failed) return;
      }
    },
    async dispose() {
      await this.flush();
      disposed = true;
      clearTimeout(timer);
    },
    status: () => status,
    hasUnsaved: () => pending !== undefined || inFlight !== undefined,
  };
}
