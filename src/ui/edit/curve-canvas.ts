/**
 * Traced curves stroked on a canvas the size of what is on screen: the scan viewer's curves and the
 * log plot's. A long curve as an SVG <path> costs the browser a re-parse, re-layout and a re-raster
 * of every tile it crosses whenever any of its points moves (each drag step). Here only the rows on
 * screen are stroked, decimated (curve-path.ts), and when only some rows of some curves changed (a
 * drag step moves the rows within the drag radius) only the band of the canvas those rows cover is
 * cleared and redrawn: stroking a whole screen of wide anti-aliased lines takes milliseconds in a
 * software canvas, a band of it a fraction of that.
 *
 * Frames: points come in the curve's own frame (scan px; or plot px across and scan rows down), are
 * mapped to CSS px of the canvas by an axis map, and the context is scaled by devicePixelRatio so
 * lines stay sharp. Row windows and bands are in scan rows.
 */
import type { TracedCurve } from '../../core/types';
import { traceCurve, type RowWindow } from './curve-path';

/** What stroking curves needs of a canvas 2D context (a recording fake in tests). */
export type StrokeContext = Pick<
  CanvasRenderingContext2D,
  'save' | 'restore' | 'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'rect' | 'clip' | 'setTransform' | 'clearRect' | 'strokeStyle' | 'lineWidth' | 'globalAlpha' | 'lineJoin' | 'miterLimit'
>;

/** Curve frame → CSS px of the canvas, per axis: sx = ax·x + bx, sy = ay·y + by (ay > 0). */
export interface AxisMap {
  ax: number;
  bx: number;
  ay: number;
  by: number;
}

/** The scan viewer's map: d3-zoom's transform (screen = scan × k + (x, y)). */
export function viewMap(t: { k: number; x: number; y: number }): AxisMap {
  return { ax: t.k, bx: t.x, ay: t.k, by: t.y };
}

export interface CurveStroke {
  curve: TracedCurve;
  colour: string;
  /** line width, CSS px */
  width: number;
  alpha: number;
  /** keep the line inside this column (CSS px), as the log plot's tracks do */
  clip?: { x: number; width: number };
}

/** The canvas: its size in CSS px and device px per CSS px. */
export interface CanvasFrame {
  width: number;
  height: number;
  dpr: number;
}

/** Rows [from, to) of the scan. */
export interface RowSpan {
  from: number;
  to: number;
}

const xAt = (c: TracedCurve, row: number) => (row >= c.y0 && row < c.y0 + c.x.length ? c.x[row - c.y0] : Number.NaN);
const cycleAt = (c: TracedCurve, row: number) => (c.cycle && row >= c.y0 && row < c.y0 + c.x.length ? c.cycle[row - c.y0] : 0);
const sameStyle = (a: CurveStroke, b: CurveStroke) =>
  a.colour === b.colour && a.width === b.width && a.alpha === b.alpha && a.clip?.x === b.clip?.x && a.clip?.width === b.clip?.width &&
  a.curve.track === b.curve.track && a.curve.curve === b.curve.curve;

/**
 * Rows inside `w` whose points differ between two drawings of the same curves: null when none do,
 * 'all' when more than points changed (a curve added, removed, reordered or restyled).
 */
export function changedRows(prev: readonly CurveStroke[], next: readonly CurveStroke[], w: RowWindow): RowSpan | 'all' | null {
  if (prev.length !== next.length) return 'all';
  let from = Infinity;
  let to = -Infinity;
  for (let i = 0; i < next.length; i++) {
    const a = prev[i];
    const b = next[i];
    if (!sameStyle(a, b)) return 'all';
    if (a.curve === b.curve) continue;
    for (let row = w.from; row < w.to; row++) {
      const xa = xAt(a.curve, row);
      const xb = xAt(b.curve, row);
      const same = (xa === xb || (Number.isNaN(xa) && Number.isNaN(xb))) && cycleAt(a.curve, row) === cycleAt(b.curve, row);
      if (same) continue;
      from = Math.min(from, row);
      to = Math.max(to, row + 1);
    }
  }
  return from < to ? { from, to } : null;
}

/**
 * What to clear and what to stroke when rows `band` changed. A changed row moves its bucket's
 * points and the segments to the neighbouring buckets' points, and a stroke reaches `padRows`
 * beyond its points (half its width, in rows): so the cleared band is the changed buckets, one
 * bucket either side and the pad; the stroked window reaches one bucket and a pad further, so
 * every segment that touches the cleared band is stroked again, whole.
 */
export function damage(band: RowSpan, w: RowWindow, padRows: number): { clear: RowSpan; draw: RowWindow } {
  const s = w.step;
  const clear = { from: (Math.floor(band.from / s) - 1) * s - padRows, to: (Math.ceil(band.to / s) + 1) * s + padRows };
  const from = Math.max(w.from, (Math.floor((clear.from - padRows) / s) - 1) * s);
  const to = Math.min(w.to, (Math.ceil((clear.to + padRows) / s) + 1) * s);
  return { clear, draw: { from, to: Math.max(from, to), step: s } };
}

/** Stroke each curve's rows inside `w`, in order (the last is on top); returns the points stroked. */
function strokeCurves(ctx: StrokeContext, frame: CanvasFrame, map: AxisMap, w: RowWindow, strokes: readonly CurveStroke[]): number {
  let points = 0;
  const pen = {
    move: (x: number, y: number) => {
      ctx.moveTo(map.ax * x + map.bx, map.ay * y + map.by);
      points++;
    },
    line: (x: number, y: number) => {
      ctx.lineTo(map.ax * x + map.bx, map.ay * y + map.by);
      points++;
    },
  };
  ctx.setTransform(frame.dpr, 0, 0, frame.dpr, 0, 0);
  // mitred joins, bevelled where sharper than 60° (limit 2): at these widths they look like round
  // joins, and a software canvas strokes them in about 60 % of the time round joins take
  ctx.lineJoin = 'miter';
  ctx.miterLimit = 2;
  for (const s of strokes) {
    ctx.save();
    if (s.clip) {
      ctx.beginPath();
      ctx.rect(s.clip.x, 0, s.clip.width, frame.height);
      ctx.clip();
    }
    ctx.beginPath();
    traceCurve(s.curve, w, pen);
    ctx.strokeStyle = s.colour;
    ctx.lineWidth = s.width;
    ctx.globalAlpha = s.alpha;
    ctx.stroke();
    ctx.restore();
  }
  return points;
}

const sameView = (a: CanvasFrame, b: CanvasFrame, m: AxisMap, n: AxisMap, v: RowWindow, u: RowWindow) =>
  a.width === b.width && a.height === b.height && a.dpr === b.dpr &&
  m.ax === n.ax && m.bx === n.bx && m.ay === n.ay && m.by === n.by && v.from === u.from && v.to === u.to && v.step === u.step;

/** What a paint did: redrew the canvas, a band of it (device px rows [y0, y1)), or nothing. */
export type Painted = { kind: 'all'; points: number } | { kind: 'band'; y0: number; y1: number; points: number } | { kind: 'none' };

/** Paints one canvas, remembering what it drew so that a change of a few rows redraws a band. */
export class CurvePainter {
  private last: { frame: CanvasFrame; map: AxisMap; w: RowWindow; strokes: readonly CurveStroke[] } | null = null;

  /** Forget what was drawn (the canvas was resized or cleared): the next paint redraws it all. */
  reset(): void {
    this.last = null;
  }

  paint(ctx: StrokeContext, frame: CanvasFrame, map: AxisMap, w: RowWindow, strokes: readonly CurveStroke[]): Painted {
    const last = this.last;
    this.last = { frame, map, w, strokes };
    const dw = Math.round(frame.width * frame.dpr);
    const changed = last && sameView(last.frame, frame, last.map, map, last.w, w) ? changedRows(last.strokes, strokes, w) : 'all';
    if (changed === null) return { kind: 'none' };
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (changed === 'all') {
      ctx.clearRect(0, 0, dw, Math.round(frame.height * frame.dpr));
      return { kind: 'all', points: strokeCurves(ctx, frame, map, w, strokes) };
    }
    const widest = Math.max(0, ...strokes.map((s) => s.width));
    const { clear, draw } = damage(changed, w, Math.ceil(widest / 2 / map.ay) + 1);
    // whole device px rows, so the cleared band and the clip meet the pixel grid exactly
    const y0 = Math.max(0, Math.floor((map.ay * clear.from + map.by) * frame.dpr));
    const y1 = Math.min(Math.round(frame.height * frame.dpr), Math.ceil((map.ay * clear.to + map.by) * frame.dpr));
    if (y1 <= y0) return { kind: 'none' }; // the change is off screen
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, y0, dw, y1 - y0);
    ctx.clip();
    ctx.clearRect(0, y0, dw, y1 - y0);
    const points = strokeCurves(ctx, frame, map, draw, strokes);
    ctx.restore();
    return { kind: 'band', y0, y1, points };
  }
}

/** Size a canvas's backing store to its CSS size × dpr; true when that changed it (and so cleared it). */
export function fitCanvas(canvas: { width: number; height: number }, frame: CanvasFrame): boolean {
  const w = Math.max(1, Math.round(frame.width * frame.dpr));
  const h = Math.max(1, Math.round(frame.height * frame.dpr));
  if (canvas.width === w && canvas.height === h) return false;
  canvas.width = w;
  canvas.height = h;
  return true;
}
