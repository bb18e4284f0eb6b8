/**
 * Writing a synthetic dataset (docs/dataset-format.md) with worker threads, resumably: the manifest
 * is rewritten as samples finish, and a rerun of the same command skips every sample whose files
 * are already there with the recorded hashes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { GENERATOR, type SynthConfig } from '../core/synth/config.ts';
import { filesIntact, sampleId, sha256, type DatasetKind, type FileRecord, type SampleRecord } from './synth-files.ts';
import type { WorkerSetup } from './synth-worker.ts';

export interface DatasetParams {
  out: string;
  n: number;
  seed: number;
  kind: DatasetKind;
  config: SynthConfig;
  jobs: number;
  libraryPath: string | null;
}

export interface Manifest {
  format: 'tracewell-dataset/1';
  /** source: SHA-256 of the generator's code (src/core/synth/*.ts), so code changes cannot mix into a resumed run */
  generator: { name: string; version: string; source: string };
  kind: DatasetKind;
  seed: number;
  n: number;
  config: SynthConfig;
  classes: string[];
  /** the real-curve library the samples drew on (null: bed model only) */
  curveLibrary: { path: string; sha256: string } | null;
  /** false while the run is still going or was interrupted */
  complete: boolean;
  samples: SampleRecord[];
  files: FileRecord[];
  datasetSha256: string;
}

export interface Progress {
  done: number;
  total: number;
  skipped: number;
  msPerSample: number;
}

const CLASSES = { multiclass: ['paper', 'grid', 'solid_curve', 'broken_curve', 'text'], binary: ['background', 'curve'] };

/** SHA-256 over the generator's TypeScript sources, in name order. */
let sourceHash: string | null = null;
export function generatorSourceHash(): string {
  if (sourceHash) return sourceHash;
  const dir = fileURLToPath(new URL('../core/synth/', import.meta.url));
  const names = readdirSync(dir).filter((n) => n.endsWith('.ts')).sort();
  const h = createHash('sha256');
  for (const n of names) h.update(n).update(readFileSync(join(dir, n)));
  sourceHash = h.digest('hex');
  return sourceHash;
}

function buildManifest(p: DatasetParams, lib: Manifest['curveLibrary'], done: Map<number, { sample: SampleRecord; files: FileRecord[] }>): Manifest {
  const keys = [...done.keys()].sort((a, b) => a - b);
  const files = keys.flatMap((k) => done.get(k)!.files).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    format: 'tracewell-dataset/1', generator: { ...GENERATOR, source: generatorSourceHash() }, kind: p.kind, seed: p.seed, n: p.n, config: p.config,
    classes: CLASSES[p.kind], curveLibrary: lib, complete: done.size === p.n,
    samples: keys.map((k) => done.get(k)!.sample), files, datasetSha256: sha256(JSON.stringify(files)),
  };
}

function writeManifest(out: string, m: Manifest): void {
  const path = join(out, 'manifest.json');
  writeFileSync(`${path}.tmp`, `${JSON.stringify(m, null, 1)}\n`);
  renameSync(`${path}.tmp`, path);
}

/**
 * A worker thread running a TypeScript module: a small eval'd bootstrap registers tsx's loader in
 * the worker, then imports the module (the main thread's loader does not carry over to workers).
 */
function tsWorker(relative: string, workerData: unknown): Worker {
  const url = new URL(relative, import.meta.url).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

/** Samples of an earlier run in `out` that can be kept; throws when `out` holds a different dataset. */
function reusable(p: DatasetParams, lib: Manifest['curveLibrary']): Map<number, { sample: SampleRecord; files: FileRecord[] }> {
  const kept = new Map<number, { sample: SampleRecord; files: FileRecord[] }>();
  const path = join(p.out, 'manifest.json');
  if (!existsSync(path)) return kept;
  let old: Manifest;
  try {
    old = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    throw new Error(`${path} is not valid JSON; move it away or choose another --out`);
  }
  const same = old.format === 'tracewell-dataset/1' && old.generator?.version === GENERATOR.version
    && old.generator?.source === generatorSourceHash() && old.kind === p.kind
    && old.seed === p.seed && JSON.stringify(old.config) === JSON.stringify(p.config)
    && JSON.stringify(old.curveLibrary) === JSON.stringify(lib);
  if (!same) {
    throw new Error(`${p.out} already holds a dataset made with another seed, kind, config, library or generator (version or code); choose another --out (nothing was overwritten)`);
  }
  for (const s of old.samples ?? []) {
    const index = Number(s.id);
    if (!(index < p.n)) continue;
    const files = old.files.filter((f) => f.path.startsWith(`${s.id}.`));
    if (files.length === 4 && filesIntact(p.out, files)) kept.set(index, { sample: s, files });
  }
  return kept;
}

/**
 * Write the dataset; resolves with the final manifest. `signal` aborts cleanly: the manifest keeps
 * what finished, and a rerun resumes from there.
 */
export async function writeDataset(p: DatasetParams, onProgress: (pr: Progress) => void, signal?: AbortSignal): Promise<Manifest> {
  mkdirSync(p.out, { recursive: true });
  // recorded relative to the working directory so manifests do not depend on where the repo lives
  const lib = p.libraryPath ? { path: relative(process.cwd(), p.libraryPath), sha256: sha256(readFileSync(p.libraryPath)) } : null;
  const done = reusable(p, lib);
  const skipped = done.size;
  const todo = Array.from({ length: p.n }, (_, i) => i).filter((i) => !done.has(i));
  const setup: WorkerSetup = { out: p.out, kind: p.kind, seed: p.seed, config: p.config, libraryPath: p.libraryPath };
  const t0 = performance.now();
  let lastFlush = 0;
  const flush = (force = false) => {
    if (!force && performance.now() - lastFlush < 2000) return;
    lastFlush = performance.now();
    writeManifest(p.out, buildManifest(p, lib, done));
  };
  const report = () => onProgress({ done: done.size, total: p.n, skipped, msPerSample: (performance.now() - t0) / Math.max(1, done.size - skipped) });
  report();
  const workers = Array.from({ length: Math.min(p.jobs, Math.max(1, todo.length)) }, () => tsWorker('./synth-worker.ts', setup));
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let busy = 0;
      const feed = (w: Worker) => {
        if (signal?.aborted || next >= todo.length) {
          if (busy === 0) resolve();
          return;
        }
        busy++;
        w.postMessage({ type: 'job', index: todo[next++] });
      };
      signal?.addEventListener('abort', () => { if (busy === 0) resolve(); });
      for (const w of workers) {
        w.on('message', (m: { type: string; index: number; sample: SampleRecord; files: FileRecord[]; message: string }) => {
          busy--;
          if (m.type === 'error') return reject(new Error(`sample ${sampleId(m.index)}: ${m.message}`));
          done.set(m.index, { sample: m.sample, files: m.files });
          report();
          flush();
          feed(w);
        });
        w.on('error', reject);
        feed(w);
      }
      if (todo.length === 0) resolve();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    flush(true);
  }
  return buildManifest(p, lib, done);
}
