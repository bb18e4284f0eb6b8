/**
 * Scoring a digitised LAS (the text the CLI writes) against a generated scan's truth, per curve,
 * with the tracer's scoring (src/core/trace/score.ts): coverage, MAE and p95 in % of the track span
 * (log tracks: log10 units as % of the decades spanned), swap rows (error > 10% of span).
 */
import { readLas } from '../../core/las';
import type { LayoutSeries } from '../../core/digitise';
import type { SynthTruth } from '../../core/synth/truth.ts';
import { curveErrors, scoreErrors, type CurveScore } from '../../core/trace/score.ts';
import { emptyBudget, errorBudget, type ErrorBudget } from './budget.ts';

export interface CurveResult {
  mnemonic: string;
  track: number;
  curve: number;
  scale: 'linear' | 'log';
  wrap: boolean;
  style: string;
  score: CurveScore;
  /** where the MAE comes from (budget.ts); its classes add up to score.maePct (all 0 when nothing was covered) */
  budget: ErrorBudget;
}

/** `series`: what the LAS columns were written from, in column order (index excluded). */
export function scoreLas(lasText: string, series: readonly Pick<LayoutSeries, 'track' | 'curve' | 'scale' | 'mnemonic' | 'unit'>[], truth: SynthTruth): CurveResult[] {
  const las = readLas(lasText);
  const depth = las.data[0];
  return series.map((s, i) => {
    const t = truth.curves.find((c) => c.track === s.track && c.curve === s.curve);
    if (!t) throw new Error(`the truth has no curve ${s.curve + 1} in track ${s.track + 1} (${s.mnemonic})`);
    const traced = { mnemonic: s.mnemonic, unit: s.unit, depth, value: las.data[i + 1], scale: s.scale };
    const { errors, falsePoints } = curveErrors(traced, t);
    const score = scoreErrors(errors, falsePoints, t);
    const budget = errorBudget(errors, t, truth);
    return { mnemonic: t.mnemonic, track: t.track, curve: t.curve, scale: t.scale, wrap: t.wrap, style: t.style, score, budget };
  });
}

/** A curve that could not be digitised at all: nothing covered. */
export function missedCurves(truth: SynthTruth): CurveResult[] {
  return truth.curves.map((t) => {
    const points = t.value.filter((v) => v !== null).length;
    return {
      mnemonic: t.mnemonic, track: t.track, curve: t.curve, scale: t.scale, wrap: t.wrap, style: t.style,
      score: { truthPoints: points, coverage: 0, maePct: NaN, p95Pct: NaN, swapPoints: 0, falsePoints: 0 },
      budget: emptyBudget(),
    };
  });
}
