/**
 * The accuracy benchmark: its cases never come from a training seed and cover the hard features,
 * its scoring of a LAS against the truth, and a smoke run of the script itself (3 short scans, the
 * tiny fixture model beside the classical baseline) ending in the machine-readable line.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLas, type LasDocument } from '../../src/core/las';
import { sampleSeed } from '../../src/core/synth/prng';
import { BENCH_DATASET_SEED, FEATURES, pickCases, trainingSeeds } from '../../src/node/accuracy/cases';
import { scoreLas } from '../../src/node/accuracy/score-las';
import { sampleTruth } from '../digitise/sample';
import { REPO, TINY_MODEL } from './helpers';

describe('accuracy benchmark cases', () => {
  const trained = trainingSeeds(REPO);

  it('knows the training seeds from the training configs, even without the data folder', () => {
    expect(trained.sources).toContain('training/configs/multiclass.json');
    for (let i = 0; i < 300; i += 37) expect(trained.seeds.has(sampleSeed(7, i))).toBe(true);
    expect(trained.datasetSeeds.has(BENCH_DATASET_SEED)).toBe(false);
  });

  it('picks 30 cases from untrained seeds with every feature in at least 5 of them', () => {
    const { cases } = pickCases(30, BENCH_DATASET_SEED, trained.seeds);
    expect(cases).toHaveLength(30);
    expect(cases.filter((c) => trained.seeds.has(c.seed))).toEqual([]);
    for (const f of FEATURES) expect(cases.filter((c) => c.features.includes(f)).length, f).toBeGreaterThanOrEqual(5);
  });

  it('skips a candidate whose seed was trained on', () => {
    const first = pickCases(1, BENCH_DATASET_SEED, new Set()).cases[0];
    const again = pickCases(1, BENCH_DATASET_SEED, new Set([first.seed]));
    expect(again.skippedTrained).toBe(1);
    expect(again.cases[0].seed).not.toBe(first.seed);
  });
});

describe('scoring a LAS against the truth', () => {
  const truth = sampleTruth();
  const depth = Float64Array.from(truth.curves[0].depth);
  const series = truth.curves.map((t) => ({ track: t.track, curve: t.curve, scale: t.scale, mnemonic: t.mnemonic, unit: t.unit }));
  const doc = (shift: (t: (typeof truth.curves)[number]) => number): LasDocument => ({
    well: {}, indexUnit: 'FT', index: depth,
    curves: truth.curves.map((t) => ({ mnemonic: t.mnemonic, unit: t.unit, description: '', values: Float64Array.from(t.value, (v) => (v === null ? NaN : v + shift(t))) })),
  });

  it('the truth written as LAS scores no error and full coverage', () => {
    for (const r of scoreLas(writeLas(doc(() => 0)), series, truth)) {
      expect(r.score.coverage, r.mnemonic).toBe(1);
      expect(r.score.maePct, r.mnemonic).toBeLessThan(0.01);
      expect(r.score.swapPoints, r.mnemonic).toBe(0);
    }
  });

  it('a linear curve off by 20% of its span counts every row as a swap', () => {
    const rhob = truth.curves[1];
    const text = writeLas(doc((t) => (t === rhob ? 0.2 * (t.right - t.left) : 0)));
    const r = scoreLas(text, series, truth)[1];
    expect(r.score.maePct).toBeCloseTo(20, 1);
    expect(r.score.swapPoints).toBe(r.score.truthPoints);
  });

  it('counts the swapped and the other depths the traced curves flag for review', () => {
    // one scan row per truth depth; RHOB's confidence is low on its first 10 rows and on rows 100-149,
    // and RHOB is off by 20% of its span on rows 100-199: half of its swapped rows are flagged
    const rows = depth.length, rhob = truth.curves[1];
    const las = doc(() => 0);
    for (let k = 100; k < 200; k++) las.curves[1].values[k] += 0.2 * (rhob.right - rhob.left);
    const text = writeLas(las);
    const conf = (low: (r: number) => boolean) => ({ y0: 0, confidence: Float32Array.from({ length: rows }, (_, r) => (low(r) ? 0.2 : 0.9)) });
    const curves = truth.curves.map((t) => conf((r) => t === rhob && (r < 10 || (r >= 100 && r < 150))));
    const yAt = (d: number) => ((d - depth[0]) / (depth[1] - depth[0])) + 0.5;
    const results = scoreLas(text, series, truth, { curves, yAt });
    const r = results[1];
    expect(r.score.swapPoints).toBe(100);
    expect(r.review).toEqual({ swapFlagged: 50, goodFlagged: 10, goodPoints: r.score.truthPoints * r.score.coverage - 100 });
    for (const other of results.filter((x) => x !== r)) expect(other.review!.swapFlagged + other.review!.goodFlagged, other.mnemonic).toBe(0);
    expect(scoreLas(text, series, truth)[1].review).toBeUndefined();
  });
});

function bench(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(join(REPO, 'node_modules/.bin/tsx'), ['scripts/bench-accuracy.ts', ...args], { cwd: REPO, timeout: 400_000, maxBuffer: 8 << 20 }, (e, stdout, stderr) =>
      done({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out: `${stdout}${stderr}` }));
  });
}

/** A run's last machine-readable `accuracy: ` line; its very last line; a machine line's key=value fields. */
const accuracyLine = (r: { out: string }) => r.out.trim().split('\n').filter((l) => l.startsWith('accuracy: ')).pop();
const lastLine = (r: { out: string }) => r.out.trim().split('\n').pop()!;
const fields = (line: string) => Object.fromEntries(line.split(' ').slice(1).map((kv) => kv.split('=')));

describe('npm run bench:accuracy --trace and --seg-cache (1 short scan)', () => {
  it('a second run reads the segmentation from the cache and scores the same; --trace changes the trace', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'tw-bench-cache-'));
    try {
      const args = ['--cases', '1', '--len', '1600', '--model', TINY_MODEL, '--threads', '1', '--seg-cache', cache];
      const first = await bench(args);
      expect(first.code, first.out).toBe(0);
      expect(first.out).toContain('segmentations: 0 from the cache, 1 by the model');
      const again = await bench(args);
      expect(again.out).toContain('segmentations: 1 from the cache, 0 by the model');
      expect(accuracyLine(again)).toBe(accuracyLine(first));
      // a tracker that may bridge no row and must give up at once reads the curves differently
      const changed = await bench([...args, '--trace', '{"maxBridgeRows":0,"wLostEnter":0,"wLost":0.01}']);
      expect(changed.out).toContain('trace options on top of the defaults: {"maxBridgeRows":0');
      expect(accuracyLine(changed)).not.toBe(accuracyLine(first));
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }, 400_000);

  it('--sweep scores the model at each value; a value equal to the default scores as the plain run', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'tw-bench-cache-'));
    try {
      // the shipped model, so that the curves are traced at all on this short scan (the tiny one traces none)
      const args = ['--cases', '1', '--len', '1600', '--model', join(REPO, 'public/models/tw-unet-mc-gpu-v3.json'), '--threads', '1', '--seg-cache', cache];
      const plain = await bench(args);
      expect(plain.code, plain.out).toBe(0);
      const swept = await bench([...args, '--sweep', '{"maxBridgeRows":[24,0]}', '--trace', '{"wSkip":0.6}']);
      expect(swept.code, swept.out).toBe(0);
      const line = lastLine(swept);
      expect(line).toMatch(/^sweep: cases=1 option=maxBridgeRows values=24,0 median_mae_pct=\d+\.\d{3},\d+\.\d{3} mean_median_mae_pct=\d+\.\d{3} .* swaps=\d+,\d+ mean_swaps=\d+ .* model=tw-unet-mc-gpu-v3$/);
      expect(swept.out).toMatch(/\nmaxBridgeRows=24: median MAE [\d.]+%/);
      expect(swept.out).toMatch(/\nmean over the 2 settings \(range\): median MAE % /);
      // the sweep's settings sit on top of --trace: the same settings as a plain --trace run score the same
      const same = await bench([...args, '--trace', '{"wSkip":0.6,"maxBridgeRows":0}']);
      const acc = fields(accuracyLine(same)!), sw = fields(line);
      // a tracker that may bridge no row covers less: the two settings were traced differently
      const [cov24, cov0] = sw.median_coverage.split(',').map(Number);
      expect(cov0).toBeLessThan(cov24);
      expect(sw.median_mae_pct.split(',')[1]).toBe(acc.median_mae_pct);
      expect(sw.swaps.split(',')[1]).toBe(acc.swaps);
      expect(sw.median_coverage.split(',')[1]).toBe(acc.median_coverage);
      // and the default value of the swept option, with no --trace, scores as the plain run
      const dflt = await bench([...args, '--sweep', '{"maxBridgeRows":[24]}']);
      const pl = fields(accuracyLine(plain)!), d = fields(lastLine(dflt));
      expect(d.median_mae_pct).toBe(pl.median_mae_pct);
      expect(d.swaps).toBe(pl.swaps);
      expect(dflt.out).toContain('segmentations: 1 from the cache, 0 by the model');
      // without --seg-cache the sweep still runs the model once per scan, not once per setting
      const uncached = await bench([...args.slice(0, -2), '--sweep', '{"maxBridgeRows":[24,0]}']);
      expect(uncached.out).toContain('segmentations: 1 from the cache, 1 by the model');
      const u = fields(lastLine(uncached));
      expect(u.median_mae_pct.split(',')[0]).toBe(pl.median_mae_pct);
      expect(u.swaps.split(',')[0]).toBe(pl.swaps);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }, 400_000);

  it('refuses a --trace option the tracker does not have, or of the wrong type, naming it', async () => {
    const unknown = await bench(['--cases', '1', '--trace', '{"shareNarow":2}']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.out).toContain('--trace: shareNarow is not a tracker option');
    const typed = await bench(['--cases', '1', '--trace', '{"runs":{"probCurve":"high"}}']);
    expect(typed.code).not.toBe(0);
    expect(typed.out).toContain('--trace: runs.probCurve takes a number, not "high"');
  }, 60_000);
});

describe('npm run bench:accuracy (smoke: 3 short scans)', () => {
  it('digitises each case with the model and without, and ends with the accuracy line', async () => {
    const out = await new Promise<string>((done, fail) => {
      execFile(join(REPO, 'node_modules/.bin/tsx'), ['scripts/bench-accuracy.ts', '--cases', '3', '--len', '1600', '--model', TINY_MODEL, '--threads', '1'], { cwd: REPO, timeout: 400_000, maxBuffer: 8 << 20 }, (e, stdout, stderr) =>
        e ? fail(new Error(`${e.message}\n${stderr}`)) : done(stdout));
    });
    const lines = out.trim().split('\n');
    expect(lines.filter((l) => /^case \d+ \(seed \d+;/.test(l))).toHaveLength(3);
    const last = lines[lines.length - 1];
    expect(last).toMatch(/^accuracy: cases=3 median_mae_pct=(\d+\.\d{3}|nan) p95_mae_pct=(\d+\.\d{3}|nan) median_coverage=\d\.\d{4} swaps=\d+ /);
    expect(last).toMatch(/ swaps_flagged_pct=(\d+\.\d|nan) others_flagged_pct=\d+\.\d off_scan_curves=\d+ model=tiny-unet$/);
    expect(out).toMatch(/\ncurves the scans do not show \(curve ink near under 50% of their truth rows\), left out of the layouts and the scores: /);
    expect(out).toMatch(/\ncurves kept that the scans show only in part \(under 95%\): (none|case \d+ \S+ \(\d+%\))/);
    const base = fields(last);
    // the classical baseline follows most of each curve on these short scans
    expect(Number(base.baseline_median_coverage)).toBeGreaterThan(0.8);
    expect(Number(base.baseline_median_mae_pct)).toBeLessThan(30);
    expect(out).toContain('training seeds checked against: ');
    // the model's error budget: its classes add up to the mean MAE it prints beside them
    const all = lines.find((l) => /^all \d+ curves /.test(l));
    expect(all, 'error budget line').toBeDefined();
    const [mae, ...parts] = all!.replace(/^all \d+ curves\s+/, '').trim().split(/\s+/).map(Number);
    expect(parts).toHaveLength(6);
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(mae, 1);
    // the line-style block splits the curves and both runs' swapped rows by the truth's line style
    const head = lines.indexOf('line style  curves | model: swap rows  median MAE%  coverage | classical: swap rows');
    expect(head, 'line style block').toBeGreaterThan(0);
    const styles: { style: string; curves: number; model: number; classical: number }[] = [];
    for (let i = head + 1; lines[i]?.trim(); i++) {
      const [left, model, classical] = lines[i].split('|');
      const [style, curves] = left.trim().split(/\s+/);
      styles.push({ style, curves: Number(curves), model: Number(model.trim().split(/\s+/)[0]), classical: Number(classical) });
    }
    expect(styles.length).toBeGreaterThan(0);
    for (const st of styles) expect(['solid', 'dashed', 'dotted', 'dashdot', 'longdash']).toContain(st.style);
    expect(styles.reduce((n, st) => n + st.model, 0)).toBe(Number(base.swaps));
    expect(styles.reduce((n, st) => n + st.classical, 0)).toBe(Number(base.baseline_swaps));
  }, 400_000);
});
