/// <reference lib="webworker" />
// Tracing off the main thread: the classical segmentation when there is no model, the tracer over
// the layout, and the mask overlay's levels. Results come back as transferred buffers.
import { expose, transfer } from 'comlink';
import { runTrace, type TraceJob, type TraceStage } from '../src/core/digitise/job';

const api = {
  run(job: TraceJob, onStage?: (stage: TraceStage) => void) {
    const r = runTrace(job, onStage);
    const buffers = new Set<ArrayBuffer>();
    for (const c of r.curves) [c.x, c.confidence, c.cycle].forEach((a) => a && buffers.add(a.buffer as ArrayBuffer));
    for (const l of r.maskLevels) buffers.add(l.data.buffer as ArrayBuffer);
    for (const g of [r.segmentation, r.fillSegmentation]) if (g) [g.classes, g.curveProb].forEach((a) => buffers.add(a.buffer as ArrayBuffer));
    return transfer(r, [...buffers]);
  },
};

export type TraceWorkerApi = typeof api;
expose(api);
