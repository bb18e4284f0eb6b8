/**
 * npm run synth -- --out DIR --n N --seed S --kind binary|multiclass [--min-len 3200 --max-len 12800]
 *   [--jobs 2] [--defect-rate 0.75] [--library PATH|none]
 * Writes a synthetic dataset (docs/dataset-format.md). Ctrl-C stops after the samples in flight;
 * running the same command again resumes.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { resolveConfig, type SynthConfig } from '../src/core/synth/config.ts';
import { writeDataset, type Progress } from '../src/node/synth-dataset.ts';
import type { DatasetKind } from '../src/node/synth-files.ts';

const DEFAULT_LIBRARY = resolve(import.meta.dirname, '../src/core/synth/curve-library.json');

function fail(message: string): never {
  process.stderr.write(`synth: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) fail(`unexpected argument '${a}'`);
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) fail(`${a} needs a value`);
    out[a.slice(2)] = v;
    i++;
  }
  return out;
}

function int(args: Record<string, string>, key: string, fallback?: number): number {
  if (args[key] === undefined) {
    if (fallback === undefined) fail(`--${key} is required`);
    return fallback;
  }
  const v = Number(args[key]);
  if (!Number.isInteger(v) || v < 0) fail(`--${key} must be a whole number ≥ 0, not '${args[key]}'`);
  return v;
}

function progressLine(p: Progress): string {
  const left = p.total - p.done;
  const eta = p.done > p.skipped ? Math.round((left * p.msPerSample) / 1000) : NaN;
  const etaText = Number.isNaN(eta) ? '' : ` · ETA ${Math.floor(eta / 60)}m${String(eta % 60).padStart(2, '0')}s`;
  const speed = p.done > p.skipped ? ` · ${(p.msPerSample / 1000).toFixed(2)} s/sample` : '';
  const skip = p.skipped ? ` (${p.skipped} kept from an earlier run)` : '';
  return `synth ${p.done}/${p.total}${skip}${speed}${etaText}`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const known = ['out', 'n', 'seed', 'kind', 'min-len', 'max-len', 'jobs', 'defect-rate', 'library'];
  for (const k of Object.keys(args)) if (!known.includes(k)) fail(`unknown option --${k}; known: ${known.map((x) => `--${x}`).join(' ')}`);
  if (!args.out) fail('--out DIR is required');
  const kind = args.kind as DatasetKind;
  if (kind !== 'binary' && kind !== 'multiclass') fail(`--kind must be binary or multiclass, not '${args.kind ?? ''}'`);
  const partial: Partial<SynthConfig> = {};
  if (args['min-len'] !== undefined) partial.minLen = int(args, 'min-len');
  if (args['max-len'] !== undefined) partial.maxLen = int(args, 'max-len');
  if (args['defect-rate'] !== undefined) partial.defectRate = Number(args['defect-rate']);
  let config: SynthConfig;
  try {
    config = resolveConfig(partial);
  } catch (e) {
    fail((e as Error).message);
  }
  const lib = args.library ?? DEFAULT_LIBRARY;
  const libraryPath = lib === 'none' ? null : existsSync(lib) ? resolve(lib) : args.library ? fail(`--library ${lib} does not exist`) : null;
  const n = int(args, 'n');
  if (n < 1) fail('--n must be at least 1');
  const jobs = Math.max(1, int(args, 'jobs', Math.min(2, availableParallelism())));
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    if (++interrupts > 1) process.exit(130);
    process.stderr.write('\nsynth: stopping after the samples in flight (Ctrl-C again to quit now)…\n');
    controller.abort();
  });
  const tty = process.stderr.isTTY;
  let lastLogged = -1;
  const manifest = await writeDataset({ out: resolve(args.out), n, seed: int(args, 'seed'), kind, config, jobs, libraryPath }, (p) => {
    if (tty) process.stderr.write(`\r${progressLine(p)}   `);
    else if (p.done === p.total || Math.floor((10 * p.done) / p.total) !== lastLogged) {
      lastLogged = Math.floor((10 * p.done) / p.total);
      process.stderr.write(`${progressLine(p)}\n`);
    }
  }, controller.signal);
  if (tty) process.stderr.write('\n');
  if (!manifest.complete) {
    process.stderr.write(`synth: interrupted with ${manifest.samples.length} of ${n} samples written; run the same command to resume\n`);
    process.exit(130);
  }
  process.stdout.write(`wrote ${n} samples to ${args.out} · datasetSha256 ${manifest.datasetSha256}\n`);
}

main().catch((e: Error) => fail(e.message));
