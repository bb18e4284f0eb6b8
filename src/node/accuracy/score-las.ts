/**
 * Scoring a digitised LAS (the text the CLI writes) against a generated scan's truth, per curve,
 * with the tracer's scoring (src/core/trace/score.ts): coverage, MAE and p95 in % of the track span
 * (log tracks: log10 units as % of the decades spanned), swap rows (error > 10% of span).
 */
import { readLas } from '../../core/las';
import type { LayoutSeries } from '../../core/digitise';
import type { SynthTruth } from '../../core/synth/truth.ts';
import { REVIEW_CONFIDENCE } from '../../core/trace/options.ts';
import { SWAP_PCT, curveErrors, scoreErrors, type CurveScore } from '../../core/trace/score.ts';
import type { TracedCurve } from '../../core/types.ts';
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
  /** what the review flags catch (reviewCounts); absent when the traced curves were not given */
  review?: ReviewCounts;
}

/** Of the truth depths a curve covers, the swapped ones the tracer flags for review, and the others: how many, how many flagged. */
export interface ReviewCounts {
  swapFlagged: number;
  goodFlagged: number;
  goodPoints: number;
}

/** The traced curves behind a LAS (in its column order) and the layout's depth → scan row. */
export interface ReviewSource {
  curves: readonly Pick<TracedCurve, 'y0' | 'confidence'>[];
  yAt: (depth: number) => number;
}

/**
 * A depth is flagged where the traced curve's confidence on its scan row is below REVIEW_CONFIDENCE
 * (the rows the workbench's review walk is built from); swapped: error > SWAP_PCT. Flags that point at
 * the errors catch most swapped depths and few others.
 */
export function reviewCounts(errors: ArrayLike<number>, depths: ArrayLike<number>, c: Pick<TracedCurve, 'y0' | 'confidence'>, yAt: (depth: number) => number): ReviewCounts {
  const out: ReviewCounts = { swapFlagged: 0, goodFlagged: 0, goodPoints: 0 };
  for (let k = 0; k < errors.length; k++) {
    const e = errors[k];
    if (!Number.isFinite(e)) continue;
    const r = Math.floor(yAt(depths[k])) - c.y0;
    const flagged = r >= 0 && r < c.confidence.length && c.confidence[r] < REVIEW_CONFIDENCE;
    if (e > SWAP_PCT) out.swapFlagged += flagged ? 1 : 0;
    else {
      out.goodPoints++;
      out.goodFlagged += flagged ? 1 : 0;
    }
  }
  return out;
}

/** `series`: what the LAS columns were written from, in column order (index excluded); `review`: the traced curves behind them. */
export function scoreLas(
  lasText: string, series: readonly Pick<LayoutSeries, 'track' | 'curve' | 'scale' | 'mnemonic' | 'unit'>[], truth: SynthTruth, review?: ReviewSource,
): CurveResult[] {
  const las = readLas(lasText);
  const depth = las.data[0];
  return series.map((s, i) => {
    const t = truth.curves.find((c) => c.track === s.track && c.curve === s.curve);
    if (!t) throw new Error(`the truth has no curve ${s.curve + 1} in track ${s.track + 1} (${s.mnemonic})`);
    const traced = { mnemonic: s.mnemonic, unit: s.unit, depth, value: las.data[i + 1], scale: s.scale };
    const { errors, falsePoints } = curveErrors(traced, t);
    const score = scoreErrors(errors, falsePoints, t);
    const budget = errorBudget(errors, t, truth);
    const counts = review && reviewCounts(errors, t.depth, review.curves[i], review.yAt);
    return { mnemonic: t.mnemonic, track: t.track, curve: t.curve, scale: t.scale, wrap: t.wrap, style: t.style, score, budget, ...(counts && { review: counts }) };
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
