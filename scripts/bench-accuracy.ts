/**
 * npm run bench:accuracy — how close digitised curves come to the truth, on generated scans whose
 * seeds no training run used (src/node/accuracy/cases.ts says how that is checked). Each case is
 * written as the files a user would have (PNG or JPEG scan + layout JSON), digitised by the CLI's own
 * function (src/node/cli/digitise-file.ts: decode → upright → segment → trace → LAS text) with the
 * model and again without it (the classical baseline), and the LAS is scored against the truth.
 *
 *   npm run bench:accuracy [-- --cases 30] [--seed 91001] [--model CARD.json] [--keep DIR] [--threads N] [--len PX]
 *                          [--trace '{"shareNarrow":2.5}'] [--sweep '{"identityFitRows":[14,16,18]}'] [--seg-cache DIR]
 *
 * --trace sets tracker options (src/core/trace/options.ts) on top of the defaults, for the model and
 * the baseline alike: a change can be measured before it is made the default. --seg-cache keeps the
 * model's segmentations in DIR (keyed by model and scan), so a second run with other --trace options
 * skips the model's inference (30 cases here: 7 min 36 s, then 6 min 10 s from the cache; tracing
 * and the baseline take the rest).
 *
 * --sweep runs one tracker option at several values (on top of --trace), the model only, and prints
 * each setting's summary and their means: tracer changes are judged by such means, one run being noisy
 * (docs/accuracy-benchmark.md). Its last line: `sweep: cases=… option=… values=… swaps=… mean_swaps=…`.
 *
 * --len fixes every scan's length in px (the CI smoke run uses short scans); default 3200–6400 px.
 *
 * Without --model the app's default model (public/models/index.json) is used; when none is installed
 * only the baseline is scored and the model's figures read "nan". Docs: docs/accuracy-benchmark.md.
 * The last line is machine-readable: `accuracy: cases=… median_mae_pct=… … baseline_median_mae_pct=…`.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { depthMap } from '../src/core/calibration/depth-map.ts';
import { layoutToJson } from '../src/core/calibration/serialize.ts';
import { BENCH_CONFIG, BENCH_DATASET_SEED, FEATURES, pickCases, trainingSeeds, type BenchCase } from '../src/node/accuracy/cases.ts';
import { budgetLines, byFeature, byStyle, machineLine, summarise, summaryLine, sweepLines, sweepMachineLine, table, type CaseResult } from '../src/node/accuracy/report.ts';
import { missedCurves, scoreLas, type CurveResult } from '../src/node/accuracy/score-las.ts';
import { digitiseFile, readLayoutFile } from '../src/node/cli/digitise-file.ts';
import { oneLine } from '../src/node/cli/errors.ts';
import { DEFAULT_MODELS_DIR } from '../src/node/cli/model.ts';
import { createNodeSegmenter, defaultCardPath } from '../src/node/segmenter-node.ts';
import { cachingSegmenter, type CachingSegmenter } from '../src/node/accuracy/seg-cache.ts';
import { benchSample, ON_SCAN_MIN_SHARE, type CurveOnScan } from '../src/node/accuracy/on-scan.ts';
import { parseSweep, parseTraceOptions, type Sweep } from '../src/node/accuracy/trace-args.ts';
import { encodeGrayJpeg } from '../src/node/synth-files.ts';
import { encodeGrayPng } from '../src/node/png-gray.ts';
import type { Segmenter } from '../src/ml/segmenter.ts';
import type { SynthTruth } from '../src/core/synth/truth.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values: opt } = parseArgs({
  options: {
    cases: { type: 'string' }, seed: { type: 'string' }, model: { type: 'string' }, keep: { type: 'string' }, threads: { type: 'string' }, len: { type: 'string' },
    trace: { type: 'string' }, sweep: { type: 'string' }, 'seg-cache': { type: 'string' },
  },
});
const N = Number(opt.cases ?? 30);
const SEED = Number(opt.seed ?? BENCH_DATASET_SEED);
const THREADS = Number(opt.threads ?? availableParallelism());
const CONFIG = opt.len ? { ...BENCH_CONFIG, minLen: Number(opt.len), maxLen: Number(opt.len) } : BENCH_CONFIG;
if (!(Number.isInteger(N) && N > 0) || !Number.isInteger(SEED) || !(THREADS > 0)) throw new Error('--cases, --seed and --threads take whole numbers');
const TRACE = opt.trace === undefined ? undefined : parseTraceOptions(opt.trace);
const SWEEP = opt.sweep === undefined ? undefined : parseSweep(opt.sweep, TRACE);

/**
 * The case as files on disk, as the dataset writer would write its scan (JPEG when the JPEG defect
 * fired); the layout and truth without the curves the scan does not show (on-scan.ts).
 */
function writeCase(dir: string, c: BenchCase): { scan: string; layout: string; truth: SynthTruth; shares: CurveOnScan[] } {
  const { sample: s, layout, truth, shares } = benchSample(c.seed, CONFIG);
  const { width, height, data } = s.image;
  const base = join(dir, `case-${String(c.index).padStart(4, '0')}`);
  const scan = `${base}.${s.jpegQuality !== null ? 'jpg' : 'png'}`;
  writeFileSync(scan, s.jpegQuality !== null ? encodeGrayJpeg(data, width, height, s.jpegQuality) : encodeGrayPng(data, width, height));
  writeFileSync(`${base}.layout.json`, layoutToJson(layout));
  writeFileSync(`${base}.truth.json`, JSON.stringify(truth));
  return { scan, layout: `${base}.layout.json`, truth, shares };
}

async function score(scan: string, layoutPath: string, truth: SynthTruth, segmenter: Segmenter | null, trace = TRACE): Promise<{ curves: CurveResult[]; error?: string; seconds: number }> {
  const t0 = performance.now();
  try {
    const layout = await readLayoutFile(layoutPath);
    const out = await digitiseFile(scan, layout, { segmenter, trace });
    const review = { curves: out.curves, yAt: depthMap(layout.depth).yAt };
    return { curves: scoreLas(out.las, out.series, truth, review), seconds: (performance.now() - t0) / 1000 };
  } catch (e) {
    return { curves: missedCurves(truth), error: oneLine(e), seconds: (performance.now() - t0) / 1000 };
  }
}

async function openModel(): Promise<{ segmenter: Segmenter | null; cache: CachingSegmenter | null; name: string }> {
  const card = opt.model ? resolve(opt.model) : existsSync(join(DEFAULT_MODELS_DIR, 'index.json')) ? await defaultCardPath(DEFAULT_MODELS_DIR) : null;
  if (!card) {
    console.log(`model: none installed (${join(DEFAULT_MODELS_DIR, 'index.json')} is missing) — scoring the classical baseline only`);
    return { segmenter: null, cache: null, name: 'none' };
  }
  const model = await createNodeSegmenter(card, { threads: THREADS });
  console.log(`model: ${model.card.name} (${model.card.id.slice(0, 19)}…) from ${card}, onnxruntime-node ${THREADS} threads`);
  const cacheDir = opt['seg-cache'];
  const cache = cacheDir ? cachingSegmenter(model, resolve(cacheDir)) : null;
  if (cache) console.log(`segmentations cached in ${resolve(cacheDir!)}`);
  return { segmenter: cache ?? model, cache, name: model.card.name };
}

async function main(): Promise<void> {
  const trained = trainingSeeds(ROOT);
  if (trained.datasetSeeds.has(SEED)) throw new Error(`dataset seed ${SEED} was used for training (${trained.sources.join(', ')}); choose another --seed`);
  const { cases, skippedTrained } = pickCases(N, SEED, trained.seeds, CONFIG);
  console.log(`cases: ${cases.length} generated scans ${CONFIG.minLen}–${CONFIG.maxLen} px long from dataset seed ${SEED} (sample indices ${cases.map((c) => c.index).join(',')})`);
  console.log(`training seeds checked against: ${trained.sources.join(', ') || 'none found'} (${trained.seeds.size} sample seeds; ${skippedTrained} candidates skipped as trained)`);
  console.log(`features: ${FEATURES.map((f) => `${f} ${cases.filter((c) => c.features.includes(f)).length}`).join(', ')}; crossings ${cases.reduce((s, c) => s + c.crossings, 0)} in all`);
  if (TRACE) console.log(`trace options on top of the defaults: ${JSON.stringify(TRACE)}`);
  const { segmenter, cache, name } = await openModel();
  if (SWEEP) return sweep(SWEEP, cases, segmenter, cache, name);
  const dir = opt.keep ? resolve(opt.keep) : mkdtempSync(join(tmpdir(), 'tracewell-accuracy-'));
  mkdirSync(dir, { recursive: true });
  const results: CaseResult[] = [];
  try {
    for (const c of cases) {
      const files = writeCase(dir, c);
      const m = segmenter ? await score(files.scan, files.layout, files.truth, segmenter) : null;
      const k = await score(files.scan, files.layout, files.truth, null);
      results.push({ index: c.index, seed: c.seed, features: c.features, model: m?.curves ?? null, classical: k.curves, modelError: m?.error, classicalError: k.error, onScan: files.shares });
      console.log(`case ${c.index} (seed ${c.seed}; ${c.features.join(', ') || 'plain'}): ${m ? `model ${m.seconds.toFixed(1)} s${m.error ? ' FAILED' : ''}, ` : ''}classical ${k.seconds.toFixed(1)} s${k.error ? ' FAILED' : ''}`);
    }
  } finally {
    if (cache) console.log(`segmentations: ${cache.hits} from the cache, ${cache.misses} by the model`);
    await segmenter?.dispose();
    if (!opt.keep) rmSync(dir, { recursive: true, force: true });
  }
  report(results, name);
}

/**
 * --sweep: each case digitised with the model once per setting (no baseline: the sweep compares tracer
 * settings), then one summary per setting, their means and the machine-readable `sweep:` line.
 */
async function sweep(sw: Sweep, cases: BenchCase[], segmenter: Segmenter | null, cache: CachingSegmenter | null, name: string): Promise<void> {
  if (!segmenter) throw new Error('--sweep needs a model (--model CARD.json, or one installed in public/models)');
  console.log(`sweeping ${sw.option} at ${sw.values.map((v) => JSON.stringify(v)).join(', ')}, model only`);
  const dir = opt.keep ? resolve(opt.keep) : mkdtempSync(join(tmpdir(), 'tracewell-accuracy-'));
  mkdirSync(dir, { recursive: true });
  // without --seg-cache each scan is still segmented once, not once per setting
  const seg = cache ?? cachingSegmenter(segmenter, join(dir, 'segmentations'));
  const results = sw.settings.map(() => [] as CurveResult[][]);
  const failed = sw.settings.map(() => 0);
  try {
    for (const c of cases) {
      const files = writeCase(dir, c);
      const times: string[] = [];
      for (let i = 0; i < sw.settings.length; i++) {
        const m = await score(files.scan, files.layout, files.truth, seg, sw.settings[i]);
        results[i].push(m.curves);
        if (m.error) failed[i]++;
        times.push(`${m.seconds.toFixed(1)} s${m.error ? ' FAILED' : ''}`);
      }
      console.log(`case ${c.index} (seed ${c.seed}; ${c.features.join(', ') || 'plain'}): ${times.join(', ')}`);
    }
  } finally {
    console.log(`segmentations: ${seg.hits} from the cache, ${seg.misses} by the model`);
    await segmenter.dispose();
    if (!opt.keep) rmSync(dir, { recursive: true, force: true });
  }
  const runs = sw.values.map((value, i) => ({ value, summary: summarise(results[i], failed[i]) }));
  console.log(`\n${sweepLines(sw.option, runs).join('\n')}`);
  console.log(sweepMachineLine(cases.length, sw.option, runs, name));
}

/** curves kept whose truth rows the scan shows ink near in under this share are named in the report */
const PARTLY_SHOWN = 0.95;

function report(results: CaseResult[], modelName: string): void {
  console.log(`\n${table(results).join('\n')}`);
  console.log('\nmarks: * backup (wrap) scale, ~ dashed/dotted, L log scale; errors in % of the track span (log: of the decades)');
  console.log(`\n${byFeature(results, FEATURES).join('\n')}`);
  console.log('(wrap, log, dashed: those curves; the others: every curve of the cases with that feature)\n');
  console.log(`${byStyle(results).join('\n')}\n`);
  const model = results[0]?.model ? summarise(results.map((r) => r.model!), results.filter((r) => r.modelError).length) : null;
  const base = summarise(results.map((r) => r.classical), results.filter((r) => r.classicalError).length);
  if (model) console.log(`${budgetLines(results.map((r) => r.model!)).join('\n')}\n`);
  if (model) console.log(summaryLine(`model ${modelName}`, model));
  console.log(summaryLine('classical baseline', base));
  if (model && model.medianMae > 0) console.log(`the model's median MAE is ${(base.medianMae / model.medianMae).toFixed(2)}× smaller than the baseline's`);
  if (TRACE) console.log(`(traced with --trace ${JSON.stringify(TRACE)}, not the defaults)`);
  const named = (lo: number, hi: number) =>
    results.flatMap((r) => (r.onScan ?? []).filter((c) => c.share >= lo && c.share < hi).map((c) => `case ${r.index} ${c.mnemonic} (${Math.round(100 * c.share)}%)`));
  const off = named(0, ON_SCAN_MIN_SHARE), partly = named(ON_SCAN_MIN_SHARE, PARTLY_SHOWN);
  console.log(
    `curves the scans do not show (curve ink near under ${100 * ON_SCAN_MIN_SHARE}% of their truth rows), left out of the layouts and the scores: ` +
      (off.length > 0 ? off.join(', ') : 'none'),
  );
  console.log(`curves kept that the scans show only in part (under ${100 * PARTLY_SHOWN}%): ${partly.length > 0 ? partly.join(', ') : 'none'}`);
  console.log(machineLine(results.length, model, base, modelName, off.length));
}

await main();
