/**
 * The accuracy benchmark's --trace and --sweep arguments, and the sweep's report: each setting's
 * summary, the means over the settings, and the machine-readable `sweep:` line.
 */
import { describe, expect, it } from 'vitest';
import { parseSweep, parseTraceOptions } from '../../src/node/accuracy/trace-args';
import { sweepLines, sweepMachineLine, type Summary } from '../../src/node/accuracy/report';

describe('--sweep', () => {
  it('makes one setting per value, each on top of the --trace options', () => {
    const base = parseTraceOptions('{"wLost":2,"runs":{"probCurve":100}}');
    const sw = parseSweep('{"identityFitRows":[14,16,18]}', base);
    expect(sw.option).toBe('identityFitRows');
    expect(sw.values).toEqual([14, 16, 18]);
    expect(sw.settings).toEqual([14, 16, 18].map((v) => ({ wLost: 2, runs: { probCurve: 100 }, identityFitRows: v })));
    expect(base).toEqual({ wLost: 2, runs: { probCurve: 100 } });
  });

  it('sweeps a nested option, keeping the --trace options beside it', () => {
    const sw = parseSweep('{"runs":{"clusterGapPx":[8,12]}}', { runs: { probCurve: 100 } } as never);
    expect(sw.option).toBe('runs.clusterGapPx');
    expect(sw.settings).toEqual([{ runs: { probCurve: 100, clusterGapPx: 8 } }, { runs: { probCurve: 100, clusterGapPx: 12 } }]);
  });

  it('refuses anything but exactly one list of values of a tracker option, naming the problem', () => {
    expect(() => parseSweep('{"identityFitRows":16}')).toThrow('exactly one option with a list of values');
    expect(() => parseSweep('{"identityFitRows":[14],"wLost":[1,2]}')).toThrow('has 2');
    expect(() => parseSweep('{"identityFitRows":[]}')).toThrow('identityFitRows has no values');
    expect(() => parseSweep('{"identityFitRow":[14,16]}')).toThrow('--sweep: identityFitRow is not a tracker option');
    expect(() => parseSweep('{"identityFitRows":[14,"16"]}')).toThrow('--sweep: identityFitRows takes a number, not "16"');
    expect(() => parseSweep('[1,2]')).toThrow('--sweep takes a JSON object of tracker options');
    expect(() => parseSweep('{nope')).toThrow('--sweep is not JSON');
  });
});

describe('a sweep\'s report', () => {
  const summary = (medianMae: number, swapRows: number, swapCurves: number): Summary => ({
    curves: 10, medianMae, medianP95: 2 * medianMae, worstMae: 3 * medianMae, medianCoverage: 0.99, swapRows, swapCurves, failedCases: 0,
    flaggedSwapPct: NaN, flaggedGoodPct: NaN,
  });
  const runs = [{ value: 14, summary: summary(0.3, 100, 3) }, { value: 16, summary: summary(0.2, 130, 4) }, { value: 18, summary: summary(0.4, 70, 2) }];

  it('prints each setting, then the means over them with their range', () => {
    const lines = sweepLines('identityFitRows', runs);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^identityFitRows=16: median MAE 0\.200% .* swap rows 130 in 4 curves/);
    expect(lines[3]).toBe('mean over the 3 settings (range): median MAE % 0.300 (0.200–0.400) · median p95 % 0.600 (0.400–0.800) · ' +
      'median coverage 0.9900 (0.9900–0.9900) · swap rows 100 (70–130) · curves with swaps 3.0 (2.0–4.0)');
  });

  it('ends with one machine-readable line holding every setting\'s figures and their means', () => {
    expect(sweepMachineLine(60, 'identityFitRows', runs, 'tw-unet-mc-gpu-v3')).toBe(
      'sweep: cases=60 option=identityFitRows values=14,16,18 median_mae_pct=0.300,0.200,0.400 mean_median_mae_pct=0.300 ' +
      'p95_mae_pct=0.600,0.400,0.800 mean_p95_mae_pct=0.600 median_coverage=0.9900,0.9900,0.9900 mean_median_coverage=0.9900 ' +
      'swaps=100,130,70 mean_swaps=100 swap_curves=3,4,2 mean_swap_curves=3 failed=0,0,0 model=tw-unet-mc-gpu-v3');
  });
});
