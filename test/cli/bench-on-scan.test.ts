/**
 * The accuracy benchmark leaves out of a case's layout and scores the curves its scan does not show
 * (src/node/accuracy/on-scan.ts): bench case 5, whose 1-bit pass erased the dotted GAM, and a clean
 * page where every curve is kept.
 */
import { describe, expect, it } from 'vitest';
import type { Layout } from '../../src/core/calibration/layout';
import { NO_DEFECTS } from '../../src/core/synth/defect-plan';
import { renderSample } from '../../src/core/synth/render';
import type { SynthTruth } from '../../src/core/synth/truth';
import { sampleSeed } from '../../src/core/synth/prng';
import { BENCH_CONFIG, BENCH_DATASET_SEED } from '../../src/node/accuracy/cases';
import { benchSample, curvesOnScan, ON_SCAN_MIN_SHARE, withoutCurves } from '../../src/node/accuracy/on-scan';

/** bench case 5 (sample index 5 of dataset seed 91001): 1-bit, its dotted GAM erased by the threshold */
const CASE_5_SEED = 1851568396;

describe('curves the scan does not show', () => {
  it('finds bench case 5 GAM, whose dots the 1-bit pass erased, and keeps the case other curves', () => {
    expect(sampleSeed(BENCH_DATASET_SEED, 5)).toBe(CASE_5_SEED);
    const { sample, layout, truth, offScan } = benchSample(CASE_5_SEED, BENCH_CONFIG);
    expect(sample.info.defects).toContain('1-bit');
    expect(offScan.map((c) => c.mnemonic)).toEqual(['GAM']);
    expect(offScan[0].share).toBeLessThan(0.3);
    // the layout digitised and the truth scored lack it, and their curve indices still agree
    const names = (l: Layout) => l.tracks.map((t) => t.curves.map((c) => c.mnemonic));
    expect(names(sample.layout)[1]).toEqual(['NPHI', 'GAM', 'SPBR']);
    expect(names(layout)[1]).toEqual(['NPHI', 'SPBR']);
    expect(truth.curves.map((c) => `${c.track}.${c.curve} ${c.mnemonic}`)).toEqual(
      names(layout).flatMap((cs, t) => cs.map((m, c) => `${t}.${c} ${m}`)),
    );
    // every curve kept shows ink near nearly all of its truth rows
    const shares = curvesOnScan(sample.mask, sample.image.width, sample.image.height, sample.layout, sample.truth);
    for (const c of shares) if (c.mnemonic !== 'GAM') expect(c.share, c.mnemonic).toBeGreaterThan(0.95);
  }, 60_000);

  it('keeps every curve of a page without defects', () => {
    const s = renderSample(CASE_5_SEED, { minLen: 1600, maxLen: 1600 }, undefined, { defects: NO_DEFECTS });
    const shares = curvesOnScan(s.mask, s.image.width, s.image.height, s.layout, s.truth);
    expect(shares.length).toBeGreaterThan(3);
    for (const c of shares) expect(c.share, c.mnemonic).toBeGreaterThan(ON_SCAN_MIN_SHARE + 0.4);
  }, 60_000);

  it('withoutCurves drops the named curves and renumbers the truth within each track', () => {
    const curve = (mnemonic: string) => ({ mnemonic, unit: '', scale: 'linear' as const, left: 0, right: 1, seed: { x: 5, y: 5 } });
    const layout = { tracks: [{ x0: 0, x1: 10, curves: [curve('A'), curve('B'), curve('C')] }, { x0: 10, x1: 20, curves: [curve('D')] }] } as unknown as Layout;
    const tc = (track: number, c: number, mnemonic: string) => ({ track, curve: c, mnemonic }) as SynthTruth['curves'][number];
    const truth = { depthUnit: 'FT', step: 1, curves: [tc(0, 0, 'A'), tc(0, 1, 'B'), tc(0, 2, 'C'), tc(1, 0, 'D')] } as SynthTruth;
    const out = withoutCurves(layout, truth, [{ track: 0, curve: 1 }, { track: 1, curve: 0 }]);
    expect(out.layout.tracks.map((t) => t.curves.map((c) => c.mnemonic))).toEqual([['A', 'C'], []]);
    expect(out.truth.curves.map((c) => [c.track, c.curve, c.mnemonic])).toEqual([[0, 0, 'A'], [0, 1, 'C']]);
    // the inputs are left as they were
    expect(layout.tracks[0].curves).toHaveLength(3);
    expect(truth.curves[2].curve).toBe(2);
  });
});
