/**
 * Tiny synthetic scans drawn in tests: anti-aliased lines with known geometry, their class mask and a
 * curve probability, so the tracer and layout detection can be checked against exact truth.
 * Continuous coordinates: pixel (i, j) covers [i, i+1) × [j, j+1), its centre is (i + 0.5, j + 0.5).
 */
import { SegClass, type Segmentation } from '../../src/core/types.ts';
import type { Raster } from '../../src/core/raster.ts';
import type { CurveSpec } from '../../src/core/calibration/layout.ts';
import { extractRuns, type RunTable } from '../../src/core/trace/runs.ts';
import { measureLooks, type CurveLook } from '../../src/core/trace/appearance.ts';
import { probCost, type TraceOptions } from '../../src/core/trace/options.ts';
import { DpWorkspace } from '../../src/core/trace/viterbi.ts';

export interface Stroke {
  width?: number;
  cls?: SegClass;
  /** curve probability at full coverage, 0..1 (curves default 0.95; scaled by coverage at the edges) */
  prob?: number;
  /** dash pattern along the arc, px: [on, off] */
  dash?: [number, number];
  /** darkness 0..1 */
  ink?: number;
}

export class Sheet {
  readonly ink: Float32Array;
  readonly cls: Uint8Array;
  readonly prob: Float32Array;
  constructor(readonly width: number, readonly height: number) {
    this.ink = new Float32Array(width * height);
    this.cls = new Uint8Array(width * height);
    this.prob = new Float32Array(width * height);
  }

  /** One segment; `phase` is the arc length already drawn (for dashes). Returns the new phase. */
  segment(ax: number, ay: number, bx: number, by: number, s: Stroke = {}, phase = 0): number {
    const width = s.width ?? 2;
    const cls = s.cls ?? SegClass.SolidCurve;
    const isCurve = cls === SegClass.SolidCurve || cls === SegClass.BrokenCurve;
    const prob = s.prob ?? (isCurve ? 0.95 : 0);
    const dx = bx - ax, dy = by - ay;
    const len = Math.hypot(dx, dy) || 1e-9;
    const r = width / 2 + 1;
    const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - r)), x1 = Math.min(this.width - 1, Math.ceil(Math.max(ax, bx) + r));
    const y0 = Math.max(0, Math.floor(Math.min(ay, by) - r)), y1 = Math.min(this.height - 1, Math.ceil(Math.max(ay, by) + r));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const px = x + 0.5 - ax, py = y + 0.5 - ay;
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (len * len)));
        if (s.dash) {
          const along = phase + t * len;
          if (along % (s.dash[0] + s.dash[1]) >= s.dash[0]) continue;
        }
        const d = Math.hypot(px - t * dx, py - t * dy);
        const cover = Math.max(0, Math.min(1, width / 2 + 0.5 - d)) * (s.ink ?? 1);
        if (cover <= 0) continue;
        const i = y * this.width + x;
        this.ink[i] = Math.max(this.ink[i], cover);
        // a soft probability edge, like a model's: full inside the line, in proportion at its border
        if (cover >= 0.5) this.cls[i] = cls;
        if (isCurve) this.prob[i] = Math.max(this.prob[i], prob * cover);
        else if (cover >= 0.5) this.prob[i] = prob;
      }
    }
    return phase + len;
  }

  polyline(pts: [number, number][], s: Stroke = {}): void {
    let phase = 0;
    for (let k = 1; k < pts.length; k++) phase = this.segment(pts[k - 1][0], pts[k - 1][1], pts[k][0], pts[k][1], s, phase);
  }

  /** A curve x = f(y) (continuous coordinates) from y = ya to yb, sampled every `step` rows. */
  curve(f: (y: number) => number, ya: number, yb: number, s: Stroke = {}, step = 1): void {
    const pts: [number, number][] = [];
    for (let y = ya; y < yb; y += step) pts.push([f(y), y]);
    pts.push([f(yb), yb]);
    this.polyline(pts, s);
  }

  vLine(x: number, ya = 0, yb = this.height, width = 1, ink = 1): void {
    this.segment(x, ya, x, yb, { width, cls: SegClass.Grid, ink });
  }

  hLine(y: number, xa = 0, xb = this.width, width = 1, ink = 1): void {
    this.segment(xa, y, xb, y, { width, cls: SegClass.Grid, ink });
  }

  /** Overrides class and probability in a rectangle where there is ink (a model that mislabels). */
  relabel(xa: number, ya: number, xb: number, yb: number, cls: SegClass, prob: number): void {
    for (let y = Math.max(0, ya); y < Math.min(this.height, yb); y++) {
      for (let x = Math.max(0, xa); x < Math.min(this.width, xb); x++) {
        const i = y * this.width + x;
        if (this.ink[i] >= 0.5) { this.cls[i] = cls; this.prob[i] = prob; }
      }
    }
  }

  /** Scales curve probability in a band of rows (a model that is unsure there). */
  dimProb(ya: number, yb: number, factor: number): void {
    for (let i = ya * this.width; i < yb * this.width; i++) this.prob[i] *= factor;
  }

  segmentation(): Segmentation {
    const n = this.width * this.height;
    const curveProb = new Uint8Array(n);
    for (let i = 0; i < n; i++) curveProb[i] = Math.round(this.prob[i] * 255);
    return { width: this.width, height: this.height, classes: this.cls.slice(), curveProb };
  }

  raster(): Raster {
    const data = new Uint8Array(this.width * this.height);
    for (let i = 0; i < data.length; i++) data[i] = Math.round(255 * (1 - this.ink[i]));
    return { width: this.width, height: this.height, channels: 1, data };
  }
}

/** Largest |traced − truth| over rows where both exist, px; truth given at row centres (y + 0.5). */
export function maxError(x: Float64Array, y0: number, truth: (y: number) => number, from = 0, to = x.length): number {
  let m = 0;
  for (let r = from; r < to; r++) {
    const t = truth(y0 + r + 0.5);
    if (Number.isNaN(x[r]) || Number.isNaN(t)) continue;
    m = Math.max(m, Math.abs(x[r] - t));
  }
  return m;
}

/** Mean |traced − truth| over rows where both exist, px. */
export function meanError(x: Float64Array, y0: number, truth: (y: number) => number, from = 0, to = x.length): number {
  let sum = 0, n = 0;
  for (let r = from; r < to; r++) {
    const t = truth(y0 + r + 0.5);
    if (Number.isNaN(x[r]) || Number.isNaN(t)) continue;
    sum += Math.abs(x[r] - t);
    n++;
  }
  return n ? sum / n : NaN;
}

/** Rows in [from, to) where the traced x is nearer the other curve than its own truth (by > 2 px). */
export function swappedRows(x: Float64Array, own: (y: number) => number, other: (y: number) => number, from: number, to: number): number {
  let n = 0;
  for (let r = from; r < to; r++) {
    if (Number.isNaN(x[r])) continue;
    if (Math.abs(x[r] - other(r + 0.5)) + 2 < Math.abs(x[r] - own(r + 0.5))) n++;
  }
  return n;
}

/** Rows in [from, to) where the traced x is NaN. */
export function absentRows(x: Float64Array, from = 0, to = x.length): number {
  let n = 0;
  for (let r = from; r < to; r++) if (Number.isNaN(x[r])) n++;
  return n;
}

/** A curve of the layout with only what the tracer reads filled in. */
export function curveSpec(mnemonic: string, seed: { x: number; y: number }, extra: Partial<CurveSpec> = {}): CurveSpec {
  return { mnemonic, unit: '', scale: 'linear', left: 0, right: 100, seed, wrap: false, ...extra };
}

/** Two curves that meet at a turn and go back, a touch rather than a crossing: a turns back at x 126, b at x 128.5, both at row 200. */
const bump = (y: number) => Math.exp(-(((y - 200) / 40) ** 2));
export const touchA = (y: number): number => 100 + 26 * bump(y);
export const touchB = (y: number): number => 160 - 31.5 * bump(y);

/** The run nearest (x, y) within 4 rows: a seed clicked there. */
function runNear(table: RunTable, x: number, y: number): number {
  let best = -1, bestD = Infinity;
  for (let r = y - 4; r <= y + 4; r++) {
    for (let j = table.rowStart[r]; j < table.rowStart[r + 1]; j++) {
      const d = Math.abs(table.centre[j] - x) + Math.abs(r - y);
      if (d < bestD) { bestD = d; best = j; }
    }
  }
  if (best < 0 || bestD > 6) throw new Error(`no run near ${x}, ${y}`);
  return best;
}

/**
 * Each curve's look (appearance.ts measureLooks) on a segmentation, for seeds clicked at the given
 * points (x, y), in a track from x 10 to 10 px short of the right edge; no wrap scales, emissions
 * from the curve probability alone.
 */
export function looksAt(
  seg: Segmentation, points: [number, number][], o: TraceOptions, extra: { dark?: Uint8Array; broken?: boolean[] } = {},
): (CurveLook | null)[] {
  const table = extractRuns(seg, 10, seg.width - 10, 0, seg.height, o.runs);
  const seeds = points.map(([x, y]) => runNear(table, x, y));
  const emits = seeds.map(() => Float32Array.from(table.prob, (p) => probCost(p, o)));
  const ws = new DpWorkspace(table, o.carried + o.carriedGrid, 0);
  return measureLooks(seg, table, ws, seeds.map(() => null), emits, seeds, o, extra.dark, extra.broken).looks;
}
