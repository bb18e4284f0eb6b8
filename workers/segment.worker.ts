/**
 * Segmentation worker: the engine of src/ml/worker-api.ts exposed through comlink. Results go back as
 * transferred buffers (the job's row window came in the same way).
 */
import { expose, transfer } from 'comlink';
import { type Job, type ReplanCallback, type TileCallback, createWorkerApi } from '../src/ml/worker-api';

const api = createWorkerApi();

const exposed = {
  ...api,
  async run(job: Job, onTile: TileCallback, onReplan: ReplanCallback) {
    const r = await api.run(job, onTile, onReplan);
    return transfer(r, [r.classes.buffer, r.curveProb.buffer]);
  },
};

export type SegmentWorker = typeof exposed;
expose(exposed);
