/**
 * The page's handles on the auto-layout and trace workers (workers/analyse.worker.ts,
 * workers/trace.worker.ts). Rasters are copied in (the page keeps its own for display); results
 * come back transferred.
 */
import { proxy } from 'comlink';
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

  run(job: TraceJob, onStage?: (stage: TraceStage) => void): WorkerJob<TraceResult> {
    return this.w.run((api) => api.run(job, onStage ? proxy(onStage) : undefined) as Promise<TraceResult>);
  }

  dispose(): void {
    this.w.dispose();
  }
}
