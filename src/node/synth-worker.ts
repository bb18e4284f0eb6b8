/**
 * Dataset worker thread: renders and writes the samples the main thread hands it, one at a time.
 * Messages in: {type:'job', index}. Out: {type:'done', index, sample, files, ms} | {type:'error', index, message}.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { SynthConfig } from '../core/synth/config.ts';
import { checkLibrary, type CurveLibrary } from '../core/synth/library.ts';
import { sampleSeed } from '../core/synth/prng.ts';
import { renderSample } from '../core/synth/render.ts';
import { writeSample, type DatasetKind } from './synth-files.ts';

export interface WorkerSetup {
  out: string;
  kind: DatasetKind;
  seed: number;
  config: SynthConfig;
  libraryPath: string | null;
}

const setup = workerData as WorkerSetup;
const library: CurveLibrary | undefined = setup.libraryPath
  ? checkLibrary(JSON.parse(readFileSync(setup.libraryPath, 'utf8')))
  : undefined;

parentPort?.on('message', (msg: { type: 'job'; index: number }) => {
  const t0 = performance.now();
  try {
    const s = renderSample(sampleSeed(setup.seed, msg.index), setup.config, library);
    const { sample, files } = writeSample(setup.out, msg.index, s, setup.kind);
    parentPort?.postMessage({ type: 'done', index: msg.index, sample, files, ms: performance.now() - t0 });
  } catch (e) {
    parentPort?.postMessage({ type: 'error', index: msg.index, message: (e as Error).stack ?? String(e) });
  }
});
