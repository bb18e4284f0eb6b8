/**
 * The batch command: many scans, one layout, one LAS per scan in --out-dir (named after the scan).
 * `--jobs N` digitises N scans at once in worker threads (each with its own model session); one
 * progress line (rewritten in place on a terminal, one line per scan otherwise), a summary, and a
 * failed scan never stops the others.
 */
import { basename, extname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Layout } from '../../core/calibration';
import { CliError, oneLine } from './errors';
import { ensureDir } from './files';
import { expandGlob, hasWildcard } from './glob';
import { openSegmenter, type ModelChoice } from './model';
import { describeOutput, digitiseToFiles } from './one-scan';

export interface BatchSetup {
  layout: Layout;
  model: ModelChoice;
  page: number;
  dpi?: number;
  threads: number;
}

export interface BatchJob {
  scan: string;
  las: string;
}

/** warnings: what a written LAS lacks (a curve left out, its column null), in words */
export type BatchResult = { scan: string; ok: true; summary: string; warnings: string[] } | { scan: string; ok: false; message: string };

export interface BatchReport {
  results: BatchResult[];
  seconds: number;
}

/** The scans of the command line: patterns expanded, literal names kept (a missing one fails as that scan). */
export function batchJobs(patterns: string[], outDir: string): BatchJob[] {
  const scans: string[] = [];
  for (const p of patterns) {
    if (!hasWildcard(p)) scans.push(p);
    else {
      const found = expandGlob(p);
      if (found.length === 0) throw new CliError(`no file matches ${p}`);
      scans.push(...found);
    }
  }
  // one file named twice (a pattern and its plain name, `a/../b`) is digitised once
  const seen = new Set<string>();
  const unique = scans.filter((s) => !seen.has(resolve(s)) && seen.add(resolve(s)));
  const byOut = new Map<string, string>();
  return unique.map((scan) => {
    const las = join(outDir, `${basename(scan, extname(scan))}.las`);
    const other = byOut.get(las);
    if (other) throw new CliError(`${other} and ${scan} would both be written to ${las}; digitise them in separate batches`);
    byOut.set(las, scan);
    return { scan, las };
  });
}

/** Runs the jobs (in this thread when jobs = 1), calling `onDone` as each scan finishes. */
export async function runBatch(jobs: BatchJob[], setup: BatchSetup, workers: number, outDir: string, onDone: (r: BatchResult, done: number) => void): Promise<BatchReport> {
  await ensureDir(outDir);
  const t0 = performance.now();
  const results: BatchResult[] = [];
  const finish = (r: BatchResult) => {
    results.push(r);
    onDone(r, results.length);
  };
  if (workers <= 1 || jobs.length <= 1) await runHere(jobs, setup, finish);
  else await runInWorkers(jobs, setup, Math.min(workers, jobs.length), finish);
  const order = new Map(jobs.map((j, i) => [j.scan, i]));
  results.sort((a, b) => order.get(a.scan)! - order.get(b.scan)!);
  return { results, seconds: (performance.now() - t0) / 1000 };
}

/** One scan in the thread that calls it: what each worker (and jobs = 1) does. */
export async function runJob(job: BatchJob, setup: BatchSetup, segmenter: () => Promise<Awaited<ReturnType<typeof openSegmenter>>>): Promise<BatchResult> {
  try {
    const seg = await segmenter();
    const out = await digitiseToFiles(job.scan, setup.layout, { las: job.las }, { segmenter: seg, page: setup.page, dpi: setup.dpi });
    return { scan: job.scan, ok: true, summary: describeOutput(out, seg?.card.name), warnings: out.problems };
  } catch (e) {
    return { scan: job.scan, ok: false, message: oneLine(e) };
  }
}

/** The segmenter made once, on first use, and reused; a failure to make it fails each scan with the reason. */
export function lazySegmenter(setup: BatchSetup): () => ReturnType<typeof openSegmenter> {
  let made: ReturnType<typeof openSegmenter> | null = null;
  return () => (made ??= openSegmenter(setup.model, setup.threads));
}

async function runHere(jobs: BatchJob[], setup: BatchSetup, finish: (r: BatchResult) => void): Promise<void> {
  const segmenter = lazySegmenter(setup);
  for (const job of jobs) finish(await runJob(job, setup, segmenter));
  const s = await segmenter().catch(() => null);
  await s?.dispose();
}

/**
 * A worker thread running batch-worker.ts: a small eval'd bootstrap registers tsx's loader in the
 * worker (the main thread's loader does not carry over to workers), then imports the module.
 */
function startWorker(setup: BatchSetup): Worker {
  const url = new URL('./batch-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); })`;
  return new Worker(boot, { eval: true, workerData: setup });
}

async function runInWorkers(jobs: BatchJob[], setup: BatchSetup, n: number, finish: (r: BatchResult) => void): Promise<void> {
  let next = 0;
  const one = (w: Worker) =>
    new Promise<void>((resolve) => {
      const feed = () => {
        if (next >= jobs.length) return resolve();
        const job = jobs[next++];
        const onMessage = (r: BatchResult) => {
          cleanup();
          finish(r);
          feed();
        };
        const onError = (e: Error) => {
          cleanup();
          finish({ scan: job.scan, ok: false, message: `the worker digitising it stopped: ${oneLine(e)}` });
          resolve(); // this worker is gone; the others take the rest
        };
        const cleanup = () => {
          w.off('message', onMessage);
          w.off('error', onError);
        };
        w.on('message', onMessage);
        w.on('error', onError);
        w.postMessage(job);
      };
      feed();
    });
  const workers = Array.from({ length: n }, () => startWorker(setup));
  try {
    await Promise.all(workers.map(one));
    // jobs a dead worker left unstarted run here, so every scan is tried
    if (next < jobs.length) await runHere(jobs.slice(next), setup, finish);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
