import { describe, expect, it } from 'vitest';
import { SWAP_PCT, scoreCurve } from '../../src/core/trace/score.ts';
import type { CurveSeries } from '../../src/core/types.ts';

function series(depth: number[], value: number[], scale: 'linear' | 'log' = 'linear'): CurveSeries {
  return { mnemonic: 'X', unit: '', depth: Float64Array.from(depth), value: Float64Array.from(value), scale };
}

describe('scoring a traced curve against the truth', () => {
  it('is exact for a trace equal to the truth, interpolating between rows', () => {
    const traced = series([100, 101, 102, 103], [10, 20, 30, 40]);
    const s = scoreCurve(traced, { depth: [100.5, 101.5, 102.5], value: [15, 25, 35], scale: 'linear', left: 0, right: 100 });
    expect(s).toEqual({ truthPoints: 3, coverage: 1, maePct: 0, p95Pct: 0, swapPoints: 0, falsePoints: 0 });
  });

  it('reports errors in % of span, coverage, swaps and values drawn through nothing', () => {
    const traced = series([0, 1, 2, 3, 4], [50, 52, NaN, 80, 10]);
    const truth = { depth: [0, 1, 2, 3, 4], value: [50, 50, 60, 60, null], scale: 'linear' as const, left: 0, right: 200 };
    const s = scoreCurve(traced, truth);
    expect(s.truthPoints).toBe(4);
    expect(s.coverage).toBe(0.75);
    expect(s.maePct).toBeCloseTo((0 + 1 + 10) / 3, 10);
    expect(s.swapPoints).toBe(0); // 10% is the threshold, not above it
    expect(s.falsePoints).toBe(1);
    expect(SWAP_PCT).toBe(10);
  });

  it('measures log curves in decades, and reads depth decreasing down the scan', () => {
    const traced = series([3, 2, 1], [1, 10, 100], 'log');
    const truth = { depth: [1.5, 2.5], value: [10 ** 1.5, 10 ** 0.5], scale: 'log' as const, left: 0.2, right: 2000 };
    const s = scoreCurve(traced, truth);
    expect(s.coverage).toBe(1);
    expect(s.maePct).toBeCloseTo(0, 10);
    const off = scoreCurve(series([1, 2], [10, 10], 'log'), { depth: [1.5], value: [100], scale: 'log', left: 1, right: 10000 });
    expect(off.maePct).toBeCloseTo(25, 10); // one decade of four
  });
});
