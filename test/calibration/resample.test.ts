import { describe, expect, it } from 'vitest';
import { MAX_GRID_ROWS, depthGrid, resampleSeries } from '../../src/core/calibration';
import type { CurveSeries } from '../../src/core/types';

function series(depth: number[], value: number[], scale: 'linear' | 'log' = 'linear'): CurveSeries {
  return { mnemonic: 'T', unit: '', depth: Float64Array.from(depth), value: Float64Array.from(value), scale };
}

describe('depthGrid', () => {
  it('runs on multiples of step, STRT and STOP included when they are multiples', () => {
    expect([...depthGrid(5000, 5002, 0.5)]).toEqual([5000, 5000.5, 5001, 5001.5, 5002]);
  });

  it('starts and stops on the multiples inside [top, bottom]', () => {
    expect([...depthGrid(5000.2, 5001.7, 0.5)]).toEqual([5000.5, 5001, 5001.5]);
  });

  it('prints exactly: k·0.1 rounded to the step’s decimals (never 5000.100000000004)', () => {
    const grid = depthGrid(5000.1, 5000.5, 0.1);
    expect([...grid].map(String)).toEqual(['5000.1', '5000.2', '5000.3', '5000.4', '5000.5']);
    // 0.1524 m = 0.5 ft; the first multiple at or after 1500 is 9843 × 0.1524
    const metric = depthGrid(1500, 1501, 0.1524);
    expect([...metric].map(String)).toEqual(['1500.0732', '1500.2256', '1500.378', '1500.5304', '1500.6828', '1500.8352', '1500.9876']);
  });

  it('runs downwards when top > bottom, whatever the sign of step', () => {
    expect([...depthGrid(1002, 1000.5, 0.5)]).toEqual([1002, 1001.5, 1001, 1000.5]);
    expect([...depthGrid(1002, 1000.5, -0.5)]).toEqual([1002, 1001.5, 1001, 1000.5]);
  });

  it('is one row when top = bottom on a multiple, empty when no multiple fits', () => {
    expect([...depthGrid(100, 100, 0.5)]).toEqual([100]);
    expect(depthGrid(100.1, 100.2, 0.5)).toHaveLength(0);
  });

  it('refuses a zero or non-finite step and a grid too long to hold', () => {
    expect(() => depthGrid(0, 10, 0)).toThrow(/step must not be 0/);
    expect(() => depthGrid(0, Number.NaN, 0.5)).toThrow(/finite/);
    expect(() => depthGrid(0, 10_000, 0.0001)).toThrow(new RegExp(`100000001 rows .* more than ${MAX_GRID_ROWS}`));
  });
});

describe('resampleSeries', () => {
  it('interpolates linearly in value between the neighbouring samples', () => {
    const out = resampleSeries(series([10, 11, 12], [0, 10, 30]), Float64Array.from([10, 10.5, 11, 11.25, 12]));
    expect([...out]).toEqual([0, 5, 10, 15, 30]);
  });

  it('interpolates a log curve in log10(value)', () => {
    const out = resampleSeries(series([0, 1], [1, 100], 'log'), Float64Array.from([0.5, 0.25]));
    expect(out[0]).toBeCloseTo(10, 12);
    expect(out[1]).toBeCloseTo(10 ** 0.5, 12);
  });

  it('is NaN outside the series', () => {
    const out = resampleSeries(series([10, 11], [1, 2]), Float64Array.from([9.5, 10, 11, 11.5]));
    expect([...out]).toEqual([Number.NaN, 1, 2, Number.NaN]);
  });

  it('never bridges a gap: NaN wherever either neighbour is NaN', () => {
    const s = series([0, 1, 2, 3, 4], [1, 2, Number.NaN, 4, 5]);
    const out = resampleSeries(s, Float64Array.from([0.5, 1, 1.5, 2, 2.5, 3, 3.5]));
    expect([...out]).toEqual([1.5, 2, Number.NaN, Number.NaN, Number.NaN, 4, 4.5]);
  });

  it('treats a value ≤ 0 on a log curve as absent', () => {
    const out = resampleSeries(series([0, 1, 2], [10, 0, 10], 'log'), Float64Array.from([0.5, 2]));
    expect(Number.isNaN(out[0])).toBe(true);
    expect(out[1]).toBeCloseTo(10, 12);
  });

  it('reads a series with decreasing depth onto an increasing grid and back', () => {
    const s = series([12, 11, 10], [30, 10, 0]);
    expect([...resampleSeries(s, Float64Array.from([10.5, 11.5]))]).toEqual([5, 20]);
    expect([...resampleSeries(s, Float64Array.from([11.5, 10.5]))]).toEqual([20, 5]);
  });

  it('rejects depths that are not strictly monotonic, and mismatched lengths', () => {
    expect(() => resampleSeries(series([0, 1, 1, 2], [1, 2, 3, 4]), new Float64Array(1))).toThrow(/strictly.*1 → 1 at sample 2/);
    expect(() => resampleSeries(series([0, 1], [1]), new Float64Array(1))).toThrow(/2 depths but 1 values/);
  });

  it('handles an empty series and a single-sample series', () => {
    expect([...resampleSeries(series([], []), Float64Array.from([1]))]).toEqual([Number.NaN]);
    expect([...resampleSeries(series([5], [7]), Float64Array.from([5, 6]))]).toEqual([7, Number.NaN]);
  });
});
