/**
 * The accuracy benchmark's error budget: each covered depth's error goes to one class by what the
 * truth does there, and the classes add up to the curve's MAE.
 */
import { describe, expect, it } from 'vitest';
import { errorBudget, BUDGET_CLASSES } from '../../src/node/accuracy/budget';
import { budgetLines } from '../../src/node/accuracy/report';
import type { SynthTruth, TruthCurve } from '../../src/core/synth/truth';
import type { CurveResult } from '../../src/node/accuracy/score-las';

const N = 60;
const curve = (c: number, value: (k: number) => number | null, extra: Partial<TruthCurve> = {}): TruthCurve => ({
  track: 0, curve: c, mnemonic: `C${c}`, unit: 'X', scale: 'linear', left: 0, right: 100, wrap: false, style: 'solid',
  depth: Array.from({ length: N }, (_, k) => 1000 + k * 0.5), value: Array.from({ length: N }, (_, k) => value(k)), ...extra,
});

describe('error budget', () => {
  // curve 0: flat at 20 for rows 0-19, up 5% a step to a tip at row 30, down 3% a step to row 40,
  // then up 1.5% a step; curve 1 falls 0.6% a step from 100 and crosses it on the way
  const own = curve(0, (k) => (k < 20 ? 20 : k < 30 ? 20 + (k - 20) * 5 : k < 40 ? 70 - (k - 30) * 3 : 40 + (k - 40) * 1.5));
  const other = curve(1, (k) => 100 - k * 0.6);
  const truth: SynthTruth = { depthUnit: 'FT', step: 0.5, curves: [own, other] };

  it('puts each error in the class of what the truth does there, and the classes add up to the MAE', () => {
    const errors = new Float64Array(N).fill(0.5); // fine everywhere
    errors[5] = 4; // flat, nothing near: other
    errors[24] = 4; // steep (5% a step)
    errors[30] = 4; // at the tip of the V: turn
    errors[50] = 4; // own 55, the other 70, a gentle slope: other
    errors[10] = 25; // a swap
    errors[12] = NaN; // not covered: counts nowhere
    // the first row where the two curves are within 3% of span: touch
    const meet = Array.from({ length: N }, (_, k) => k).filter((k) => Math.abs((own.value[k] as number) - (other.value[k] as number)) <= 3 && k !== 30);
    expect(meet.length).toBeGreaterThan(0);
    errors[meet[0]] = 6;
    const b = errorBudget(errors, own, truth);
    const covered = Array.from(errors).filter((e) => !Number.isNaN(e));
    const mae = covered.reduce((a, e) => a + e, 0) / covered.length;
    const sum = BUDGET_CLASSES.reduce((a, c) => a + b[c], 0);
    expect(sum).toBeCloseTo(mae, 10);
    expect(b.swap).toBeCloseTo(25 / covered.length, 10);
    expect(b.turn).toBeCloseTo(4 / covered.length, 10);
    expect(b.steep).toBeCloseTo(4 / covered.length, 10);
    expect(b.touch).toBeCloseTo(6 / covered.length, 10);
    // rows 5 and 50 (nothing near, no turn, not steep)
    expect(b.other).toBeCloseTo(8 / covered.length, 10);
    expect(b.fine).toBeCloseTo((0.5 * (covered.length - 6)) / covered.length, 10);
  });

  it('reads a wrapped curve on the track: its fold is neither a step nor a turn', () => {
    // a wrapped curve climbing steadily through 100 (fold at row 30), 1% a step
    const wrapped = curve(0, (k) => 70 + k, { wrap: true });
    const alone: SynthTruth = { depthUnit: 'FT', step: 0.5, curves: [wrapped] };
    const errors = new Float64Array(N).fill(2);
    const b = errorBudget(errors, wrapped, alone);
    expect(b.other).toBeCloseTo(2, 10);
    expect(b.turn + b.steep + b.touch).toBe(0);
  });

  it('a curve with nothing covered has an empty budget', () => {
    const b = errorBudget(new Float64Array(N).fill(NaN), own, truth);
    for (const c of BUDGET_CLASSES) expect(b[c]).toBe(0);
  });

  it('the report averages the budget over all curves and over those around the median', () => {
    const result = (mae: number): CurveResult => ({
      mnemonic: 'X', track: 0, curve: 0, scale: 'linear', wrap: false, style: 'solid',
      score: { truthPoints: 10, coverage: 1, maePct: mae, p95Pct: mae, swapPoints: 0, falsePoints: 0 },
      budget: { fine: mae / 2, touch: mae / 2, turn: 0, steep: 0, other: 0, swap: 0 },
    });
    const lines = budgetLines([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(result)]);
    expect(lines[1]).toMatch(/^all 11 curves\s+6\.000\s+3\.000\s+3\.000\s+0\.000/);
    // the middle fifth of 11 curves, at least 3: MAE 5, 6, 7
    expect(lines[2]).toMatch(/^3 around the median \(5\.00-7\.00%\)\s+6\.000\s+3\.000\s+3\.000/);
  });
});
