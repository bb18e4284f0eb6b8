/**
 * Drawing curves: values → unwrapped track fraction u (the calibration's value-map convention:
 * u = 0 at x0, 1 at x1, wrap cycle k shows u − k), clipped per cycle, dashed along arc length,
 * rasterised as anti-aliased thick polylines. Also records where each sample was drawn, which the
 * truth and the layout seeds are built from.
 */
import { SegClass } from '../types.ts';
import type { CurvePlan, SampleGrid } from './curve-plan.ts';
import type { LogPlan, TrackPlan } from './plan.ts';
import type { Sheet } from './sheet.ts';

/** Per data sample: cycle drawn (NaN = not drawn) and x (px) on that cycle. */
export interface DrawnCurve {
  cycle: Float64Array;
  x: Float64Array;
}

const MAX_CYCLES = 3;

/** Unwrapped fraction across the track (NaN where the value cannot be plotted). */
export function fractionOf(c: CurvePlan, v: number): number {
  if (!Number.isFinite(v)) return Number.NaN;
  if (c.scale === 'log') {
    if (v <= 0) return Number.NaN;
    return (Math.log10(v) - Math.log10(c.left)) / (Math.log10(c.right) - Math.log10(c.left));
  }
  return (v - c.left) / (c.right - c.left);
}

/** Wrap cycle of fraction u, as the calibration's value map assigns it (an edge takes the cycle nearer 0). */
function cycleOf(u: number): number {
  if (u > 1) return Math.ceil(u) - 1;
  if (u < 0) return Math.floor(u);
  return 0;
}

/** Walks pieces of polyline and emits the 'on' parts of a dash pattern (phase carried along). */
export class Dasher {
  private idx = 0;
  private left: number;
  constructor(private readonly sheet: Sheet, private readonly pattern: number[], private readonly hw: number) {
    this.left = pattern.length ? pattern[0] : Infinity;
  }

  /** advance the pattern by `len` px without drawing */
  skip(len: number): void {
    if (this.pattern.length === 0) return;
    let t = len;
    while (t > this.left) {
      t -= this.left;
      this.idx = (this.idx + 1) % this.pattern.length;
      this.left = this.pattern[this.idx];
    }
    this.left -= t;
  }

  segment(ax: number, ay: number, bx: number, by: number): void {
    if (this.pattern.length === 0) {
      this.sheet.segment(ax, ay, bx, by, this.hw);
      return;
    }
    const len = Math.hypot(bx - ax, by - ay);
    let t = 0;
    while (t < len) {
      const step = Math.min(this.left, len - t);
      if (this.idx % 2 === 0) {
        const f0 = t / len;
        const f1 = (t + step) / len;
        this.sheet.segment(ax + (bx - ax) * f0, ay + (by - ay) * f0, ax + (bx - ax) * f1, ay + (by - ay) * f1, this.hw);
      }
      t += step;
      this.left -= step;
      if (this.left <= 1e-9) {
        this.idx = (this.idx + 1) % this.pattern.length;
        this.left = this.pattern[this.idx];
      }
    }
  }
}

/** Draw one curve into the sheet's scratch and return where each sample landed. */
function drawCurve(sheet: Sheet, plan: LogPlan, grid: SampleGrid, track: TrackPlan, c: CurvePlan, phase: number): DrawnCurve {
  const n = grid.count;
  const u = new Float64Array(n);
  const y = new Float64Array(n);
  let umin = Infinity;
  let umax = -Infinity;
  for (let k = 0; k < n; k++) {
    u[k] = fractionOf(c, c.values[k]);
    y[k] = (grid.first + k * plan.depth.step - plan.depth.top) * plan.depth.ppu;
    if (u[k] < umin) umin = u[k];
    if (u[k] > umax) umax = u[k];
  }
  const drawn: DrawnCurve = { cycle: new Float64Array(n).fill(Number.NaN), x: new Float64Array(n).fill(Number.NaN) };
  const w = track.x1 - track.x0;
  const cycles: number[] = [];
  if (c.wrap) for (let k = Math.max(-MAX_CYCLES, Math.floor(umin)); k <= Math.min(MAX_CYCLES, Math.floor(umax)); k++) cycles.push(k);
  else cycles.push(0);
  const dasher = new Dasher(sheet, c.dash, c.width / 2);
  dasher.skip(phase * c.dash.reduce((sum, d) => sum + d, 0)); // each curve starts at its own dash phase
  const pin = !c.wrap && c.pin;
  for (let k = 0; k < n; k++) {
    if (Number.isNaN(u[k])) continue;
    const cyc = c.wrap ? cycleOf(u[k]) : 0;
    if (Math.abs(cyc) <= MAX_CYCLES && u[k] - cyc >= 0 && u[k] - cyc <= 1) {
      drawn.cycle[k] = cyc;
      drawn.x[k] = track.x0 + (u[k] - cyc) * w;
    } else if (pin) {
      drawn.x[k] = track.x0 + Math.min(1, Math.max(0, u[k])) * w; // drawn on the edge, value unknown
    }
  }
  for (const cyc of cycles) {
    for (let k = 1; k < n; k++) {
      if (Number.isNaN(u[k]) || Number.isNaN(u[k - 1])) continue;
      const ua = pin ? Math.min(1, Math.max(0, u[k - 1])) : u[k - 1];
      const ub = pin ? Math.min(1, Math.max(0, u[k])) : u[k];
      clipDraw(dasher, ua - cyc, y[k - 1], ub - cyc, y[k], track.x0, w);
    }
  }
  return drawn;
}

/** Draw the part of segment (ua,ya)→(ub,yb) with 0 ≤ u ≤ 1, mapped to x = x0 + u·w. */
function clipDraw(d: Dasher, ua: number, ya: number, ub: number, yb: number, x0: number, w: number): void {
  let t0 = 0;
  let t1 = 1;
  const du = ub - ua;
  if (du === 0) {
    if (ua < 0 || ua > 1) return;
  } else {
    const ta = (0 - ua) / du;
    const tb = (1 - ua) / du;
    t0 = Math.max(0, Math.min(ta, tb));
    t1 = Math.min(1, Math.max(ta, tb));
    if (t0 > t1) return;
  }
  const xa = x0 + (ua + du * t0) * w;
  const xb = x0 + (ua + du * t1) * w;
  d.segment(xa, ya + (yb - ya) * t0, xb, ya + (yb - ya) * t1);
}

/** Draw every curve of the plan (each committed as its own ink layer). */
export function drawCurves(sheet: Sheet, plan: LogPlan, grid: SampleGrid, phases: number[]): DrawnCurve[][] {
  let i = 0;
  return plan.tracks.map((track) =>
    track.curves.map((c) => {
      const drawn = drawCurve(sheet, plan, grid, track, c, phases[i++ % phases.length]);
      sheet.commit(c.darkness, c.style === 'solid' ? SegClass.SolidCurve : SegClass.BrokenCurve);
      return drawn;
    }),
  );
}
