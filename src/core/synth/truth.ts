/**
 * Truth of a synthetic sample: the true curves on the data grid and the tracewell layout a user
 * would produce. Layout pixel coordinates refer to the upright, deskewed page (the frame the page was
 * drawn in); the scan itself is skewed by `layout.deskew` degrees (positive = content rotated
 * clockwise about the image centre), so deskewing it by that angle brings it back to this frame.
 */
import type { BackupSide, Layout, TrackSpec } from '../calibration/layout.ts';
import { SegClass } from '../types.ts';
import type { CurvePlan, DashStyle, SampleGrid } from './curve-plan.ts';
import type { DrawnCurve } from './draw-curves.ts';
import { depthLines } from './draw-grid.ts';
import type { LogPlan } from './plan.ts';
import type { Rng } from './prng.ts';

export interface TruthCurve {
  track: number;
  curve: number;
  mnemonic: string;
  unit: string;
  scale: 'linear' | 'log';
  left: number;
  right: number;
  wrap: boolean;
  /** printed line style (the layout only says solid or broken) */
  style: DashStyle;
  /** fixed step, the layout's depth unit */
  depth: number[];
  /** true value, null where the curve is not drawn or is off scale (clipped or pinned to the edge) */
  value: (number | null)[];
}

export interface SynthTruth {
  depthUnit: 'FT' | 'M';
  step: number;
  curves: TruthCurve[];
}

const round = (v: number, digits: number) => Number(v.toPrecision(digits));

export function buildTruth(plan: LogPlan, grid: SampleGrid, drawn: DrawnCurve[][]): SynthTruth {
  const depth = Array.from({ length: grid.count }, (_, k) => round(grid.first + k * plan.depth.step, 10));
  const curves: TruthCurve[] = [];
  plan.tracks.forEach((t, ti) => t.curves.forEach((c, ci) => {
    const d = drawn[ti][ci];
    curves.push({
      track: ti, curve: ci, mnemonic: c.mnemonic, unit: c.unit, scale: c.scale, left: c.left, right: c.right,
      wrap: c.wrap, style: c.style, depth,
      value: Array.from(c.values, (v, k) => (Number.isNaN(d.cycle[k]) ? null : round(v, 7))),
    });
  }));
  return { depthUnit: plan.depth.unit, step: plan.depth.step, curves };
}

/**
 * A pixel a user would click to seed the tracer: on the main (cycle 0) trace, on ink of the curve's
 * own class, away from other curves and on a gentle slope. Looked up in the unskewed mask.
 */
function pickSeed(rng: Rng, plan: LogPlan, grid: SampleGrid, drawn: DrawnCurve[][], ti: number, ci: number, mask: Uint8Array): { x: number; y: number } {
  const d = drawn[ti][ci];
  const c = plan.tracks[ti].curves[ci];
  const cls = c.style === 'solid' ? SegClass.SolidCurve : SegClass.BrokenCurve;
  const others = drawn[ti].filter((_, j) => j !== ci);
  const strict: number[] = [];
  const loose: number[] = [];
  for (let k = 2; k < grid.count - 2; k++) {
    if (d.cycle[k] !== 0) continue;
    const y = (grid.first + k * plan.depth.step - plan.depth.top) * plan.depth.ppu;
    const px = Math.floor(d.x[k]);
    const py = Math.floor(y);
    if (py < 0 || py >= plan.height || mask[py * plan.width + px] !== cls) continue;
    loose.push(k);
    const clear = others.every((o) => !(Math.abs(o.x[k] - d.x[k]) < 3 * c.width + 6));
    if (clear && Math.abs(d.x[k + 2] - d.x[k - 2]) < 6) strict.push(k);
  }
  const pool = strict.length ? strict : loose;
  const t = plan.tracks[ti];
  if (pool.length === 0) return { x: (t.x0 + t.x1) / 2, y: Math.max(0, plan.bodyTop) + 1 };
  const k = rng.pick(pool);
  const y = (grid.first + k * plan.depth.step - plan.depth.top) * plan.depth.ppu;
  return { x: Math.floor(d.x[k]) + 0.5, y: Math.floor(y) + 0.5 };
}

/** Two depth references on printed depth lines, as a user would read them off the depth track. */
function depthRefs(plan: LogPlan): { y: number; depth: number }[] {
  const lines = depthLines(plan);
  const labelled = lines.filter((l) => l.weight === 2);
  const pool = labelled.length >= 2 ? labelled : lines.filter((l) => l.weight >= 1).length >= 2 ? lines.filter((l) => l.weight >= 1) : lines;
  const a = pool[0];
  const b = pool[pool.length - 1];
  return [{ y: round(a.y, 10), depth: a.depth }, { y: round(b.y, 10), depth: b.depth }];
}

/**
 * The backup side a wrapped curve's log heading prints: the side(s) its drawn cycles go to. A wrapped
 * curve that never leaves its track gets the side its high values lie on (GR 0–150: right).
 */
function backupOf(c: CurvePlan, d: DrawnCurve): { backup?: BackupSide } {
  if (!c.wrap) return {};
  let lo = 0, hi = 0;
  for (const k of d.cycle) {
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  if (lo < 0 && hi > 0) return { backup: 'both' };
  if (lo < 0 || hi > 0) return { backup: lo < 0 ? 'left' : 'right' };
  return { backup: c.right > c.left ? 'right' : 'left' };
}

export function buildLayout(plan: LogPlan, grid: SampleGrid, drawn: DrawnCurve[][], mask: Uint8Array, rng: Rng, well: Record<string, string>): Layout {
  const tracks: TrackSpec[] = plan.tracks.map((t, ti) => ({
    x0: round(t.x0, 10),
    x1: round(t.x1, 10),
    curves: t.curves.map((c, ci) => ({
      mnemonic: c.mnemonic, unit: c.unit, description: c.title, scale: c.scale, left: c.left, right: c.right,
      seed: pickSeed(rng, plan, grid, drawn, ti, ci, mask), wrap: c.wrap, ...backupOf(c, drawn[ti][ci]),
      style: c.style === 'solid' ? 'solid' : 'broken',
    })),
  }));
  return {
    version: 1, rotate: 0, deskew: plan.defects.skew,
    depth: { unit: plan.depth.unit, refs: depthRefs(plan) },
    step: plan.depth.step, well, tracks,
  };
}
