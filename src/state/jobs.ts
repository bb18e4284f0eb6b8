/**
 * The jobs slice: long work in progress (decoding, rotating, and later segmenting and tracing),
 * with progress for the progress bar. The state holds plain data; cancel functions are kept
 * beside it, by job id, so the store stays cloneable.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export type JobKind = 'decode' | 'rotate' | 'segment' | 'trace';

export interface Job {
  id: string;
  kind: JobKind;
  label: string;
  /** what it is doing now, in words ("Decoding", "Building the zoom levels") */
  stage: string;
  /** 0..1, or null while the amount of work is unknown */
  progress: number | null;
  /** ms since the epoch */
  startedAt: number;
  cancellable: boolean;
}

export interface JobsSlice {
  jobs: Record<string, Job>;
  startJob(kind: JobKind, label: string, cancel?: () => void): string;
  updateJob(id: string, progress: number | null, stage?: string): void;
  endJob(id: string): void;
  cancelJob(id: string): void;
}

const cancelHandles = new Map<string, () => void>();
let counter = 0;

export const createJobsSlice: StateCreator<AppState, [], [], JobsSlice> = (set, get) => ({
  jobs: {},
  startJob(kind, label, cancel) {
    const id = `${kind}-${++counter}-${Date.now().toString(36)}`;
    if (cancel) cancelHandles.set(id, cancel);
    const job: Job = { id, kind, label, stage: 'Starting', progress: 0, startedAt: Date.now(), cancellable: !!cancel };
    set((s) => ({ jobs: { ...s.jobs, [id]: job } }));
    return id;
  },
  updateJob(id, progress, stage) {
    const job = get().jobs[id];
    if (!job) return;
    set((s) => ({ jobs: { ...s.jobs, [id]: { ...job, progress, stage: stage ?? job.stage } } }));
  },
  endJob(id) {
    cancelHandles.delete(id);
    if (!get().jobs[id]) return;
    set((s) => {
      const { [id]: _, ...rest } = s.jobs;
      return { jobs: rest };
    });
  },
  cancelJob(id) {
    const cancel = cancelHandles.get(id);
    get().endJob(id);
    cancel?.();
  },
});

/** The job the progress bar shows: the most recent one still running. */
export function currentJob(jobs: Record<string, Job>): Job | null {
  let latest: Job | null = null;
  for (const j of Object.values(jobs)) if (!latest || j.startedAt >= latest.startedAt) latest = j;
  return latest;
}
