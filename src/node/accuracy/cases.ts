/**
 * The accuracy benchmark's cases: generated scans from a dataset seed that no training run used,
 * chosen (deterministically) so every hard feature appears in several of them. Seeds used for
 * training are read from the datasets' manifests (data/* /manifest.json) and from the training
 * configs (training/configs/*.json: dataset seed and n → per-sample seeds), so a new training
 * dataset is noticed without editing this file; a collision is skipped and counted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planSample, type PlannedSample } from '../../core/synth/render.ts';
import { sampleSeed } from '../../core/synth/prng.ts';
import type { SynthConfig } from '../../core/synth/config.ts';

/**
 * The benchmark's dataset seed. Training datasets so far use dataset seed 7 (data/synth-mc-v1,
 * data/synth-mc-v2, the smoke config); 91_000 + k is kept for evaluation only (docs/accuracy-benchmark.md).
 */
export const BENCH_DATASET_SEED = 91_001;

/** Generator settings of the benchmark's scans: the training range of lengths and widths. */
export const BENCH_CONFIG: Partial<SynthConfig> = { minLen: 3200, maxLen: 6400 };

export const FEATURES = ['crossings', 'wrap', 'log', 'dashed', 'skew', 'jpeg', '1-bit'] as const;
export type Feature = (typeof FEATURES)[number];

export interface BenchCase {
  index: number;
  seed: number;
  features: Feature[];
  /** curve crossings on paper (pairs of curves of one track changing sides), counted on the plan */
  crossings: number;
}

/** Crossings between curves of one track: sign changes of their x-order along the data grid. */
function crossings(p: PlannedSample): number {
  let n = 0;
  for (const t of p.plan.tracks) {
    const u = t.curves.map((c) => {
      const lg = c.scale === 'log';
      const span = lg ? Math.log10(c.right / c.left) : c.right - c.left;
      return Array.from(c.values, (v) => {
        if (Number.isNaN(v)) return NaN;
        const f = ((lg ? Math.log10(v / c.left) : v - c.left) / span);
        return c.wrap ? f - Math.floor(f) : f; // wrapped curves are drawn where their cycle puts them
      });
    });
    for (let a = 0; a < u.length; a++) for (let b = a + 1; b < u.length; b++) n += signChanges(u[a], u[b]);
  }
  return n;
}

function signChanges(a: number[], b: number[]): number {
  let last = 0, n = 0;
  for (let k = 0; k < a.length; k++) {
    const d = a[k] - b[k];
    if (Number.isNaN(d) || d === 0) continue;
    const s = Math.sign(d);
    if (last !== 0 && s !== last && Math.abs(d) < 0.5) n++; // a jump of half the track is a wrap, not a crossing
    last = s;
  }
  return n;
}

export function featuresOf(p: PlannedSample): { features: Feature[]; crossings: number } {
  const curves = p.plan.tracks.flatMap((t) => t.curves);
  const d = p.plan.defects;
  const x = crossings(p);
  const has: Record<Feature, boolean> = {
    crossings: x > 0,
    wrap: curves.some((c) => c.wrap),
    log: curves.some((c) => c.scale === 'log'),
    dashed: curves.some((c) => c.style !== 'solid'),
    skew: Math.abs(d.skew) >= 0.1,
    jpeg: d.jpeg !== null,
    '1-bit': d.binarize !== null,
  };
  return { features: FEATURES.filter((f) => has[f]), crossings: x };
}

/** Per-sample seeds of every training dataset this checkout knows of. */
export function trainingSeeds(root: string): { seeds: Set<number>; datasetSeeds: Set<number>; sources: string[] } {
  const seeds = new Set<number>(), datasetSeeds = new Set<number>(), sources: string[] = [];
  const dataDir = join(root, 'data');
  for (const name of existsSync(dataDir) ? readdirSync(dataDir) : []) {
    const path = join(dataDir, name, 'manifest.json');
    if (!existsSync(path)) continue;
    const m = JSON.parse(readFileSync(path, 'utf8')) as { seed: number; samples?: { seed: number }[] };
    datasetSeeds.add(m.seed);
    for (const s of m.samples ?? []) seeds.add(s.seed);
    sources.push(`data/${name}`);
  }
  const cfgDir = join(root, 'training', 'configs');
  for (const name of existsSync(cfgDir) ? readdirSync(cfgDir).filter((f) => f.endsWith('.json')) : []) {
    const c = JSON.parse(readFileSync(join(cfgDir, name), 'utf8')) as { dataset?: { seed?: number; n?: number } };
    if (typeof c.dataset?.seed !== 'number' || typeof c.dataset.n !== 'number') continue;
    datasetSeeds.add(c.dataset.seed);
    for (let i = 0; i < c.dataset.n; i++) seeds.add(sampleSeed(c.dataset.seed, i));
    sources.push(`training/configs/${name}`);
  }
  return { seeds, datasetSeeds, sources };
}

/**
 * `n` cases from the benchmark's dataset seed, in index order: each feature is wanted in at least
 * `quota` cases; a candidate is taken when it brings a feature still short of its quota, or when
 * enough places are left for the features still short.
 */
export function pickCases(n: number, datasetSeed: number, trained: Set<number>, config = BENCH_CONFIG): { cases: BenchCase[]; skippedTrained: number } {
  const quota = Math.max(1, Math.round(0.15 * n));
  const count = new Map<Feature, number>(FEATURES.map((f) => [f, 0]));
  const cases: BenchCase[] = [];
  let skippedTrained = 0;
  for (let index = 0; cases.length < n && index < 50 * n + 100; index++) {
    const seed = sampleSeed(datasetSeed, index);
    if (trained.has(seed)) {
      skippedTrained++;
      continue;
    }
    const { features, crossings: x } = featuresOf(planSample(seed, config));
    const short = FEATURES.filter((f) => count.get(f)! < quota);
    const shortfall = short.reduce((s, f) => s + quota - count.get(f)!, 0);
    if (!features.some((f) => short.includes(f)) && n - cases.length <= shortfall) continue;
    for (const f of features) count.set(f, count.get(f)! + 1);
    cases.push({ index, seed, features, crossings: x });
  }
  return { cases, skippedTrained };
}
