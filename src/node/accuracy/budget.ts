/**
 * Where a curve's error comes from (the accuracy benchmark's "error budget"): each covered truth
 * depth's error, % of span, is put in one class, and a class's share is its errors summed over the
 * curve's covered depths divided by their count, so the classes of a curve add up to its MAE.
 * - fine: error under FINE_PCT: how precisely the line itself is read;
 * - swap: error over SWAP_PCT: the trace is on another curve (or another cycle);
 * - between the two, by what the truth is doing at that depth:
 *   - touch: another curve of the track is within TOUCH_PCT (crossings, kisses, curves run together);
 *   - turn: the truth turns back within TURN_STEPS depth steps (the tip of a spike or swing);
 *   - steep: the truth moves more than STEEP_PCT a step (a near-horizontal stroke);
 *   - other.
 * Data space; positions of wrapped curves are taken on the track (modulo one span).
 */
import type { SynthTruth, TruthCurve } from '../../core/synth/truth.ts';
import { SWAP_PCT } from '../../core/trace/score.ts';

export const BUDGET_CLASSES = ['fine', 'touch', 'turn', 'steep', 'other', 'swap'] as const;
export type BudgetClass = (typeof BUDGET_CLASSES)[number];
export type ErrorBudget = Record<BudgetClass, number>;

export const FINE_PCT = 1;
export const TOUCH_PCT = 3;
export const TURN_STEPS = 3;
export const STEEP_PCT = 2;

/** Every class at 0: a curve with nothing covered. */
export function emptyBudget(): ErrorBudget {
  return { fine: 0, touch: 0, turn: 0, steep: 0, other: 0, swap: 0 };
}

/** Position across the track, % of span (log scales in decades); wrapped curves folded onto the track. */
function positions(t: TruthCurve): Float64Array {
  const out = new Float64Array(t.value.length).fill(NaN);
  const log = t.scale === 'log';
  const l = log ? Math.log10(t.left) : t.left, span = (log ? Math.log10(t.right) : t.right) - l;
  for (let k = 0; k < t.value.length; k++) {
    const v = t.value[k];
    if (v === null || Number.isNaN(v) || (log && !(v > 0))) continue;
    let f = ((log ? Math.log10(v) : v) - l) / span;
    if (t.wrap) f -= Math.floor(f);
    out[k] = 100 * f;
  }
  return out;
}

/**
 * The budget of one curve from its errors at the truth's depths (curveErrors: % of span, NaN where
 * not covered). Every curve of `truth` on the same depths, as the generator writes them.
 */
export function errorBudget(errors: ArrayLike<number>, curve: TruthCurve, truth: SynthTruth): ErrorBudget {
  const budget = emptyBudget();
  const own = positions(curve);
  const others = truth.curves.filter((c) => c.track === curve.track && c !== curve).map(positions);
  let n = 0;
  for (let k = 0; k < errors.length; k++) if (!Number.isNaN(errors[k])) n++;
  if (n === 0) return budget;
  for (let k = 0; k < errors.length; k++) {
    const e = errors[k];
    if (Number.isNaN(e)) continue;
    budget[classify(e, k, own, others)] += e / n;
  }
  return budget;
}

function classify(e: number, k: number, own: Float64Array, others: Float64Array[]): BudgetClass {
  if (e < FINE_PCT) return 'fine';
  if (e > SWAP_PCT) return 'swap';
  if (others.some((o) => Math.abs(o[k] - own[k]) <= TOUCH_PCT)) return 'touch';
  if (turns(own, k)) return 'turn';
  const a = own[k - 1], b = own[k + 1];
  // a wrapped curve's fold is not a step
  if (Math.abs(b - a) / 2 > STEEP_PCT && Math.abs(b - a) < 50) return 'steep';
  return 'other';
}

/** Does the truth change direction within TURN_STEPS steps of k (by more than noise, 0.2% a step)? */
function turns(p: Float64Array, k: number): boolean {
  let last = 0;
  for (let i = Math.max(1, k - TURN_STEPS); i <= Math.min(p.length - 1, k + TURN_STEPS); i++) {
    const d = p[i] - p[i - 1];
    if (!(Math.abs(d) > 0.2) || Math.abs(d) > 50) continue;
    if (last !== 0 && Math.sign(d) !== last) return true;
    last = Math.sign(d);
  }
  return false;
}
