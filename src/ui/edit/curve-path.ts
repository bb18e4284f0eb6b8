/**
 * The visible part of a traced curve, decimated by zoom (pure): as points handed to a pen (the
 * curve canvases, curve-canvas.ts) or as SVG path data (the hit targets). Frames: points are in
 * scan px of the upright scan; a row's point is at its centre, y = r + 0.5.
 *
 * A 12,800-row curve seen whole at 10 % zoom has ten rows per screen pixel: drawing every row
 * would cost the same as drawing it at full size, for nothing. So rows are taken in buckets of
 * about two screen pixels and each bucket keeps its leftmost and rightmost point (in row order),
 * which keeps every spike a user must see while drawing about one point per screen pixel.
 */
import type { TracedCurve } from '../../core/types';
import type { ViewTransform } from '../../state/view';

/** Rows [from, to) to draw, in buckets of `step` rows. */
export interface RowWindow {
  from: number;
  to: number;
  step: number;
}

/**
 * The rows to draw for a view: the visible rows plus half a viewport above and below, snapped to
 * half-viewport chunks, and a power-of-two bucket near two screen px. Snapping makes the window
 * change only every half screen of panning, so panning re-renders paths rarely.
 */
export function rowWindow(t: ViewTransform, viewportHeight: number, scanHeight: number): RowWindow {
  const rowsVisible = Math.max(1, viewportHeight / t.k);
  const chunk = Math.max(64, 2 ** Math.ceil(Math.log2(rowsVisible / 2)));
  const top = -t.y / t.k;
  const from = Math.max(0, Math.floor((top - rowsVisible / 2) / chunk) * chunk);
  const to = Math.min(scanHeight, Math.ceil((top + 1.5 * rowsVisible) / chunk) * chunk);
  return { from, to: Math.max(from, to), step: bucketRows(t.k) };
}

/** Rows per bucket at zoom k (screen px per scan px): a power of two near two screen px, 1 from k = 2. */
export function bucketRows(k: number): number {
  return k >= 2 ? 1 : 2 ** Math.round(Math.log2(2 / k));
}

/**
 * Just the rows on screen, for a canvas redrawn every frame: whole buckets, one more bucket above
 * and below so the line runs off the edges instead of stopping short of them.
 */
export function visibleWindow(t: ViewTransform, viewportHeight: number, scanHeight: number): RowWindow {
  const step = bucketRows(t.k);
  const from = Math.max(0, (Math.floor(-t.y / t.k / step) - 1) * step);
  const to = Math.min(scanHeight, (Math.ceil((viewportHeight - t.y) / t.k / step) + 1) * step);
  return { from, to: Math.max(from, to), step };
}

export function windowKey(w: RowWindow): string {
  return `${w.from}:${w.to}:${w.step}`;
}

/** Receives a curve's decimated points, scan px (x, row centre y). */
export interface Pen {
  move(x: number, y: number): void;
  line(x: number, y: number): void;
}

/**
 * Walks rows of `c` inside the window, bucket by bucket, handing the points to `pen`. The pen
 * lifts at absent rows and where a wrapped curve changes cycle (it left one track edge and
 * re-entered at the other: no line across). Buckets are aligned to multiples of `step` rows of
 * the scan, so a window that moves keeps the same points where it overlaps (no shimmer on pans).
 */
export function traceCurve(c: TracedCurve, w: RowWindow, pen: Pen): void {
  const i0 = Math.max(0, w.from - c.y0);
  const i1 = Math.min(c.x.length, w.to - c.y0);
  let penDown = false;
  let lo = -1; // bucket's leftmost and rightmost rows (indices), -1 when the bucket is empty
  let hi = -1;
  const point = (i: number) => {
    if (penDown) pen.line(c.x[i], c.y0 + i + 0.5);
    else pen.move(c.x[i], c.y0 + i + 0.5);
    penDown = true;
  };
  const flush = () => {
    if (lo < 0) return;
    if (lo === hi) point(lo);
    else if (lo < hi) { point(lo); point(hi); }
    else { point(hi); point(lo); }
    lo = hi = -1;
  };
  for (let i = i0; i < i1; i++) {
    const x = c.x[i];
    const breaks = Number.isNaN(x) || (c.cycle !== undefined && i > i0 && c.cycle[i] !== c.cycle[i - 1] && !Number.isNaN(c.x[i - 1]));
    if (breaks) {
      flush();
      penDown = false;
      if (Number.isNaN(x)) continue;
    }
    if (lo < 0) lo = hi = i;
    else {
      if (x < c.x[lo]) lo = i;
      if (x > c.x[hi]) hi = i;
    }
    if ((c.y0 + i + 1) % w.step === 0) flush();
  }
  flush();
}

/** SVG path data for rows of `c` inside the window (see traceCurve). */
export function curvePath(c: TracedCurve, w: RowWindow): string {
  const parts: string[] = [];
  // one decimal (0.1 px is finer than any screen shows); Math.round is several times faster than toFixed
  traceCurve(c, w, {
    move: (x, y) => parts.push('M' + Math.round(x * 10) / 10 + ' ' + y),
    line: (x, y) => parts.push('L' + Math.round(x * 10) / 10 + ' ' + y),
  });
  return parts.join('');
}

/** The row of `c` nearest continuous y and its x, or null when absent there. */
export function pointAt(c: TracedCurve, y: number): { row: number; x: number } | null {
  const row = Math.floor(y);
  const i = row - c.y0;
  if (i < 0 || i >= c.x.length || Number.isNaN(c.x[i])) return null;
  return { row, x: c.x[i] };
}
