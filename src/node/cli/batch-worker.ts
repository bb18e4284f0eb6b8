/**
 * Batch worker thread: digitises the scans the main thread hands it, one at a time, with one model
 * session made on first use. In: BatchJob messages. Out: one BatchResult per job.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lazySegmenter, runJob, type BatchJob, type BatchSetup } from './batch';

const setup = workerData as BatchSetup;
const segmenter = lazySegmenter(setup);

parentPort?.on('message', async (job: BatchJob) => {
  parentPort?.postMessage(await runJob(job, setup, segmenter));
});
