/**
 * The page's handles on the auto-layout and trace workers (workers/analyse.worker.ts,
 * workers/trace.worker.ts). Rasters are copied in (the page keeps its own for display); results
 * come back transferred.
 */
import { proxy, transfer } from 'comlink';
import type { Layout } from '../core/calibration/layout';
import type { TraceJob, TraceResult, TraceStage } from '../core/digitise/job';
import type { LayoutProposal } from '../core/layout-detect';
import type { Raster } from '../core/raster';
import type { AnalyseWorkerApi } from '../../workers/analyse.worker';
import type { TraceWorkerApi } from '../../workers/trace.worker';
import { CancellableWorker, type WorkerJob } from './worker-job';

export class AnalyseClient {
  private readonly w = new CancellableWorker<AnalyseWorkerApi>(
    () => new Worker(new URL('../../workers/analyse.worker.ts', import.meta.url), { type: 'module', name: 'tracewell-analyse' }),
    'Auto-layout',
  );

  analyse(source: Raster, layout: Pick<Layout, 'rotate' | 'deskew'>): WorkerJob<LayoutProposal> {
    return this.w.run((api) => api.analyse(source, { rotate: layout.rotate, deskew: layout.deskew }) as Promise<LayoutProposal>);
  }

  dispose(): void {
    this.w.dispose();
  }
}

export class TraceClient {
  private readonly w = new CancellableWorker<TraceWorkerApi>(
    () => new Worker(new URL('../../workers/trace.worker.ts', import.meta.url), { type: 'module', name: 'tracewell-trace' }),
    'The tracer',
  );

  /**
   * The model's segmentation is transferred, not copied (two scan-sized planes: copying them blocked the
   * page for ~65 ms CPU on the 1527 × 6000 sample, and would for three times that on a 12,800-row scan).
   * It comes back in the result; until then, and for good if the job is cancelled, the caller's copy
   * is detached. The upright scan is copied: the page keeps showing it.
   */
  run(job: TraceJob, onStage?: (stage: TraceStage) => void): WorkerJob<TraceResult> {
    const moved = new Set<ArrayBuffer>();
    if (job.segmentation) [job.segmentation.classes, job.segmentation.curveProb].forEach((a) => moved.add(a.buffer as ArrayBuffer));
    return this.w.run((api) => api.run(transfer(job, [...moved]), onStage ? proxy(onStage) : undefined) as Promise<TraceResult>);
  }

  dispose(): void {
    this.w.dispose();
  }
}
