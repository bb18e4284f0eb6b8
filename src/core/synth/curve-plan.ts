/**
 * Curves of a page: which kinds go in which track, their scales, line styles, inks, and their
 * values on the data grid (bed model or real-curve library), with the awkward cases real logs have:
 * spikes, flat runs (some exactly on a grid line), curves starting late, leaving the scale
 * (clipped, or pinned to the edge) and backup (wrap) scales.
 */
import { CURVE_KINDS, LINEAR_KIND_WEIGHTS, type KindId } from './curve-kinds.ts';
import { makeGeology, respond, type Geology } from './geology.ts';
import { libraryValues, type CurveLibrary } from './library.ts';
import type { Rng } from './prng.ts';
import type { GridPlan, LogPlan, TrackPlan } from './plan.ts';

export type DashStyle = 'solid' | 'dashed' | 'dotted' | 'dashdot' | 'longdash';

export interface CurvePlan {
  kind: KindId;
  mnemonic: string;
  unit: string;
  title: string;
  scale: 'linear' | 'log';
  left: number;
  right: number;
  wrap: boolean;
  style: DashStyle;
  /** on/off lengths in px along the curve (empty = solid) */
  dash: number[];
  /** line width, px */
  width: number;
  darkness: number;
  /** off-scale values of a non-wrap curve run along the track edge instead of vanishing */
  pin: boolean;
  /** values on the data grid (LogPlan.samples), curve unit, NaN = not drawn */
  values: Float64Array;
  source: string;
}

/** The data grid: depth of sample k is first + k·step, k < count. */
export interface SampleGrid {
  first: number;
  count: number;
}

export function sampleGrid(plan: Omit<LogPlan, 'defects'>): SampleGrid {
  const { top, ppu, step } = plan.depth;
  const yTop = Math.max(0, plan.bodyTop);
  const yBottom = Math.min(plan.height, plan.bodyBottom);
  const first = Math.ceil((top + yTop / ppu) / step - 1e-9) * step;
  const last = top + yBottom / ppu;
  return { first, count: Math.max(0, Math.floor((last - first) / step + 1e-9) + 1) };
}

function dashFor(rng: Rng, style: DashStyle, px: number, width: number): number[] {
  const s = rng.range(0.75, 1.35) * px;
  const gap = (g: number) => Math.max(g * s, width + 2.5); // round caps eat into gaps
  switch (style) {
    case 'solid': return [];
    case 'dashed': return [14 * s, gap(7)];
    case 'dotted': return [0.01, gap(Math.max(3, width * 1.6))];
    case 'dashdot': return [14 * s, gap(5), 0.01, gap(5)];
    default: return [28 * s, gap(9)];
  }
}

function pickKinds(rng: Rng, grid: GridPlan, count: number, used: Set<KindId>): KindId[] {
  const kinds: KindId[] = [];
  for (let i = 0; i < count; i++) {
    if (grid.kind === 'log') kinds.push('RES');
    else {
      const options = LINEAR_KIND_WEIGHTS.filter(([k]) => k === 'RES' || !used.has(k) || rng.chance(0.1));
      const k = rng.weighted(options.length ? options : LINEAR_KIND_WEIGHTS);
      kinds.push(k);
      used.add(k);
    }
  }
  return kinds;
}

/** Shift a standard scale by whole spans when most of the data would be off it (a logger would). */
function fitScale(values: Float64Array, left: number, right: number, log: boolean): [number, number] {
  const f = (v: number) => (log ? Math.log10(v) : v);
  const a = f(left);
  const span = f(right) - a;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i += 7) {
    if (!Number.isFinite(values[i]) || (log && values[i] <= 0)) continue;
    sum += (f(values[i]) - a) / span;
    n++;
  }
  const shift = n ? Math.floor(sum / n) : 0;
  if (shift === 0) return [left, right];
  return log ? [left * 10 ** (shift * span), right * 10 ** (shift * span)] : [left + shift * span, right + shift * span];
}

function decorate(rng: Rng, v: Float64Array, c: CurvePlan, grid: GridPlan, stepsPerFoot: number): void {
  const n = v.length;
  const span = c.scale === 'log' ? 0 : c.right - c.left;
  if (rng.chance(0.45)) {
    for (let s = rng.int(1, Math.max(1, Math.round(n / 1500))); s > 0; s--) {
      const at = rng.int(0, n - 1);
      const amp = c.scale === 'log' ? 10 ** rng.range(-1, 1.5) : rng.range(-0.9, 0.9) * span;
      for (let k = at; k < Math.min(n, at + rng.int(1, 3)); k++) v[k] = c.scale === 'log' ? v[k] * amp : v[k] + amp;
    }
  }
  if (rng.chance(0.25)) {
    // a flat run; half of them exactly on a division line (a curve hiding under the grid)
    const len = Math.round(rng.range(8, 80) * stepsPerFoot);
    const at = rng.int(0, Math.max(0, n - len));
    let flat = v[at];
    if (rng.chance(0.5) && grid.kind === 'linear' && c.scale === 'linear') {
      flat = c.left + (rng.int(1, grid.divisions - 1) / grid.divisions) * (c.right - c.left);
    }
    v.fill(flat, at, Math.min(n, at + len));
  }
  if (rng.chance(0.25)) v.fill(Number.NaN, 0, rng.int(0, Math.floor(n * 0.3)));
  if (rng.chance(0.12)) v.fill(Number.NaN, n - rng.int(1, Math.floor(n * 0.2)), n);
}

/** A mnemonic of the kind not yet used on this page (real logs never repeat one). */
function freshMnemonic(rng: Rng, kind: KindId, used: Set<string>): string {
  const free = CURVE_KINDS[kind].mnemonics.filter((m) => !used.has(m));
  let m = free.length ? rng.pick(free) : CURVE_KINDS[kind].mnemonics[0];
  for (let n = 2; used.has(m); n++) m = `${CURVE_KINDS[kind].mnemonics[0]}${n}`;
  used.add(m);
  return m;
}

function planCurve(rng: Rng, kind: KindId, index: number, plan: Omit<LogPlan, 'defects'>, track: TrackPlan, values: Float64Array, source: string, mnemonic: string): CurvePlan {
  const k = CURVE_KINDS[kind];
  const px = plan.dpi / 200;
  const log = track.grid.kind === 'log';
  const base = rng.pick(k.scales);
  const logLeft = track.grid.decades >= 4 ? rng.pick([0.2, 0.2, 0.1, 1]) : rng.pick([0.2, 0.2, 0.1, 1, 2]);
  let [left, right] = log ? [logLeft, Number((logLeft * 10 ** track.grid.decades).toPrecision(6))] : [base.left, base.right];
  const shared = log ? track.curves[0] : undefined; // curves of a log track share its scale
  if (!log && kind === 'RES') [left, right] = [0, rng.pick([20, 50, 10])];
  if (!log && rng.chance(0.08)) [left, right] = [right, left];
  const wrap = !log && (k.wrapFriendly ? rng.chance(0.5) : rng.chance(0.06));
  if (shared) [left, right] = [shared.left, shared.right];
  else if (!wrap) [left, right] = fitScale(values, left, right, log);
  const style: DashStyle = index === 0 && rng.chance(0.75) ? 'solid'
    : rng.weighted([['solid', 3], ['dashed', 4], ['dotted', 2], ['dashdot', 1.5], ['longdash', 1.5]] as const);
  // most prints use 2–3.5 px (at 200 dpi); old galvanometer traces are thinner
  const width = Math.max(1.5, (rng.chance(0.25) ? rng.range(1.2, 1.9) : rng.range(1.9, 3.6)) * px);
  const coloured = rng.chance(0.15);
  return {
    kind, mnemonic, unit: k.unit, title: k.title, scale: log ? 'log' : 'linear',
    left, right, wrap, style, dash: dashFor(rng, style, px, width), width,
    darkness: coloured ? rng.range(0.55, 0.75) : rng.range(0.85, 0.98), pin: rng.chance(0.3), values, source,
  };
}

/** Fill every track with 1–4 curves. */
export function planCurves(rng: Rng, plan: Omit<LogPlan, 'defects'>, grid: SampleGrid, libraryRate: number, library?: CurveLibrary): void {
  const stepFt = plan.depth.step * (plan.depth.unit === 'M' ? 3.2808 : 1);
  const geo: Geology = makeGeology(rng.fork(11), grid.count, 1 / stepFt);
  const used = new Set<KindId>();
  const mnemonics = new Set<string>();
  for (const track of plan.tracks) {
    const count = rng.weighted([[1, 3], [2, 4], [3, 3], [4, 1]] as const);
    pickKinds(rng, track.grid, count, used).forEach((kind, i) => {
      let values: Float64Array | null = null;
      let source = 'bed-model';
      if (library && rng.chance(libraryRate)) {
        values = libraryValues(rng, library, kind, grid.count, stepFt);
        if (values) source = 'library';
      }
      values ??= respond(kind, geo, rng.fork(100 + i), 1 / stepFt);
      const curve = planCurve(rng, kind, i, plan, track, values, source, freshMnemonic(rng, kind, mnemonics));
      decorate(rng, values, curve, track.grid, 1 / stepFt);
      track.curves.push(curve);
    });
  }
}
