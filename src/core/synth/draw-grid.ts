/**
 * Track grids, depth lines, frames and the depth track's numbers and pips. Grid ink is committed
 * one layer per line weight so crossings inside a layer do not darken twice (a printed grid has
 * no dark dots at its crossings).
 */
import { SegClass } from '../types.ts';
import type { Rng } from './prng.ts';
import type { LogPlan, TrackPlan } from './plan.ts';
import type { Sheet } from './sheet.ts';
import { inkAxisLayer, type HLine, type VLine } from './axis-layer.ts';
import { drawText, textWidth } from './text.ts';

/** Depths of the depth lines in the body, with their weight (0 minor, 1 heavy, 2 labelled). */
export function depthLines(plan: LogPlan): { depth: number; y: number; weight: number }[] {
  const { top, ppu, minorEvery, heavyEvery, labelEvery } = plan.depth;
  const y0 = Math.max(0, plan.bodyTop);
  const y1 = Math.min(plan.height, plan.bodyBottom);
  const out: { depth: number; y: number; weight: number }[] = [];
  const first = Math.ceil((top + y0 / ppu) / minorEvery);
  const last = Math.floor((top + y1 / ppu) / minorEvery);
  const isMultiple = (d: number, m: number) => Math.abs(d / m - Math.round(d / m)) < 1e-6;
  for (let i = first; i <= last; i++) {
    const depth = Number((i * minorEvery).toFixed(6));
    const weight = isMultiple(depth, labelEvery) ? 2 : isMultiple(depth, heavyEvery) ? 1 : 0;
    out.push({ depth, y: (depth - top) * ppu, weight });
  }
  return out;
}

/** Column positions (px) of a track's vertical grid lines with heavy flags. */
function gridColumns(t: TrackPlan): { x: number; heavy: boolean }[] {
  const w = t.x1 - t.x0;
  const cols: { x: number; heavy: boolean }[] = [];
  if (t.grid.kind === 'log') {
    for (let d = 0; d < t.grid.decades; d++) {
      for (let m = 1; m <= 9; m++) {
        if (d === 0 && m === 1) continue;
        cols.push({ x: t.x0 + ((d + Math.log10(m)) / t.grid.decades) * w, heavy: m === 1 });
      }
    }
  } else {
    for (let i = 1; i < t.grid.divisions; i++) {
      cols.push({ x: t.x0 + (i / t.grid.divisions) * w, heavy: t.grid.heavyEvery > 0 && i % t.grid.heavyEvery === 0 });
    }
  }
  return cols;
}

/** Grid lines of every value track, then the depth-track lines (broken around the numbers), then frames. */
/** Push line [x0, x1] at y minus the gap intervals (labels printed over the line). */
function pushGapped(hl: HLine[], y: number, x0: number, x1: number, w: number, gaps: [number, number][] | undefined): void {
  let start = x0;
  for (const [a, b] of [...(gaps ?? [])].sort((p, q) => p[0] - q[0])) {
    if (b <= start || a >= x1) continue;
    if (a > start) hl.push({ y, x0: start, x1: a, w });
    start = Math.max(start, b);
  }
  if (start < x1) hl.push({ y, x0: start, x1, w });
}

export type LineGaps = Map<number, [number, number][]>;

export function drawGrids(sheet: Sheet, plan: LogPlan, labelGaps: LineGaps): void {
  const yTop = Math.max(0, plan.bodyTop);
  const yBottom = Math.min(plan.height, plan.bodyBottom);
  const lines = depthLines(plan);
  const dt = plan.depthTrack;
  // one layer for all weights: a printed grid is one ink, heavier lines are only wider
  const vl: VLine[] = [];
  const hl: HLine[] = [];
  for (const t of plan.tracks) {
    const g = t.grid;
    for (const c of gridColumns(t)) vl.push({ x: c.x, w: c.heavy ? g.heavyW : g.lineW });
    for (const l of lines) pushGapped(hl, l.y, t.x0, t.x1, l.weight > 0 ? g.heavyW : g.lineW, labelGaps.get(l.depth));
  }
  if (dt.lines !== 'none') {
    const g = plan.tracks[0].grid;
    for (const l of lines) {
      if (dt.lines === 'heavy' && l.weight === 0) continue;
      pushGapped(hl, l.y, dt.x0, dt.x1, l.weight > 0 ? g.heavyW : g.lineW, labelGaps.get(l.depth));
    }
  }
  inkAxisLayer(sheet, vl, hl, yTop, yBottom, plan.ink.grid, SegClass.Grid);
  const edges = new Set<number>([dt.x0, dt.x1]);
  for (const t of plan.tracks) edges.add(t.x0).add(t.x1);
  const fw = plan.frameW;
  const xl = Math.min(...edges) - fw / 2;
  const xr = Math.max(...edges) + fw / 2;
  const frame: HLine[] = [];
  if (plan.bodyTop >= 0) frame.push({ y: plan.bodyTop, x0: xl, x1: xr, w: fw });
  if (plan.bodyBottom <= plan.height) frame.push({ y: plan.bodyBottom, x0: xl, x1: xr, w: fw });
  inkAxisLayer(sheet, [...edges].map((x) => ({ x, w: fw })), frame, yTop, yBottom, plan.ink.frame, SegClass.Grid);
}

/** Depth numbers centred in the depth track on labelled lines; returns the x gap each leaves. */
export function drawDepthLabels(sheet: Sheet, plan: LogPlan): LineGaps {
  const gaps: LineGaps = new Map();
  const dt = plan.depthTrack;
  const style = { size: dt.labelSize, weight: Math.max(1.1, dt.labelSize * 0.09) };
  for (const l of depthLines(plan)) {
    if (l.weight < 2) continue;
    const text = String(Math.round(l.depth * 100) / 100);
    const w = textWidth(text, style);
    const x = (dt.x0 + dt.x1) / 2 - w / 2;
    const baseline = l.y + dt.labelSize / 2;
    if (baseline - dt.labelSize < 0 || baseline > plan.height) continue;
    drawText(sheet, text, x, baseline, style);
    gaps.set(l.depth, [[x - dt.labelSize * 0.4, x + w + dt.labelSize * 0.4]]);
  }
  sheet.commit(plan.ink.text, SegClass.Text);
  return gaps;
}

/** Small triangular pips at the depth track's right edge (integrated-time ticks on sonic logs). */
export function drawPips(sheet: Sheet, plan: LogPlan, rng: Rng): void {
  const dt = plan.depthTrack;
  if (!dt.pips) return;
  const px = plan.dpi / 200;
  const yTop = Math.max(0, plan.bodyTop) + 10;
  const yBottom = Math.min(plan.height, plan.bodyBottom) - 10;
  const mean = rng.range(60, 200) * px;
  for (let y = yTop + rng.range(0, mean); y < yBottom; y += mean * rng.range(0.5, 1.5)) {
    const big = rng.chance(0.15);
    const len = (big ? 32 : 16) * px;
    const half = (big ? 5 : 3) * px;
    const xe = dt.x1;
    sheet.polyline([xe, xe - len, xe, xe], [y - half, y, y + half, y - half], Math.max(0.7, 0.7 * px));
  }
  sheet.commit(plan.ink.text, SegClass.Text);
}

/**
 * Small numbers printed on labelled depth lines inside a track, near its right edge (as on logs
 * that annotate a reading every 50/100 units), with the line left out behind them.
 */
export function drawTrackNotes(sheet: Sheet, plan: LogPlan, rng: Rng, gaps: LineGaps): void {
  const size = Math.max(8, plan.dpi * rng.range(0.06, 0.09));
  const style = { size, weight: Math.max(1.1, size * 0.09) };
  for (const t of plan.tracks) {
    // not beside the depth numbers, where a note would read as a depth
    if (!rng.chance(0.15) || Math.abs(t.x1 - plan.depthTrack.x0) < 1) continue;
    let value = rng.int(-40, 400);
    const drift = rng.int(-3, 3);
    for (const l of depthLines(plan)) {
      if (l.weight < 2) continue;
      value += drift + rng.int(-1, 1);
      const text = String(value);
      const w = textWidth(text, style);
      const x = t.x1 - w - size * 0.8;
      drawText(sheet, text, x, l.y + size / 2, style);
      const list = gaps.get(l.depth) ?? [];
      list.push([x - size * 0.3, x + w + size * 0.3]);
      gaps.set(l.depth, list);
    }
  }
  sheet.commit(plan.ink.text, SegClass.Text);
}
