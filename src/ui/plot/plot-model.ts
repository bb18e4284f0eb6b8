/**
 * The log plot's geometry (pure): tracks as columns like the paper, each curve's values placed on
 * its own scale, and depth ticks. Frames: plot x in CSS px of the plot; vertical position in scan
 * rows of the upright scan (the plot shares the viewer's vertical zoom, so a row of the plot sits
 * beside the same row of the scan); depth in the layout's depth unit; values in the curve's unit.
 */
import { scaleLinear } from 'd3';
import type { DepthMap } from '../../core/calibration/depth-map';
import type { CurveSpec, TrackSpec } from '../../core/calibration/layout';
import { valueMap } from '../../core/calibration/value-map';
import type { TracedCurve } from '../../core/types';

export interface Column {
  /** left edge and width in plot px */
  x: number;
  width: number;
}

/** One column per track, widths in proportion to the tracks on paper, after a depth axis of `axis` px. */
export function trackColumns(tracks: readonly TrackSpec[], width: number, axis: number, gap = 6): Column[] {
  const total = tracks.reduce((s, t) => s + Math.max(1, t.x1 - t.x0), 0);
  const free = Math.max(0, width - axis - gap * tracks.length);
  let x = axis + gap;
  return tracks.map((t) => {
    const w = (free * Math.max(1, t.x1 - t.x0)) / total;
    const col = { x, width: w };
    x += w + gap;
    return col;
  });
}

/** Position across the scale, 0 at `left` and 1 at `right` (log scales in log10), unwrapped. */
export function scaleFraction(value: number, spec: CurveSpec): number {
  if (spec.scale === 'log') return (Math.log10(value) - Math.log10(spec.left)) / (Math.log10(spec.right) - Math.log10(spec.left));
  return (value - spec.left) / (spec.right - spec.left);
}

/**
 * The curve as the plot draws it: per row, the plot x of its calibrated value (value map, then the
 * curve's scale across the column). A wrapped curve folds back into the column like the paper's
 * back-up scale, with `cycle` set so the line lifts where it folds; others may leave the column
 * (the plot clips them).
 */
export function plotCurve(c: TracedCurve, spec: CurveSpec, track: TrackSpec, col: Column): TracedCurve {
  const values = valueMap(spec, track);
  const n = c.x.length;
  const x = new Float64Array(n);
  const cycle = spec.wrap ? new Int8Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const px = c.x[i];
    if (Number.isNaN(px)) {
      x[i] = Number.NaN;
      continue;
    }
    const t = scaleFraction(values.valueAt(px, c.cycle ? c.cycle[i] : 0), spec);
    const k = cycle ? Math.floor(t) : 0;
    if (cycle) cycle[i] = k;
    x[i] = col.x + (t - k) * col.width;
  }
  return { ...c, x, cycle };
}

/** Vertical grid lines of a track column, plot px: tenths on a linear scale, 1–9 per decade on a log one. */
export function gridLines(spec: CurveSpec | undefined, col: Column): { x: number; major: boolean }[] {
  if (spec?.scale === 'log') {
    const lo = Math.min(spec.left, spec.right);
    const hi = Math.max(spec.left, spec.right);
    const out: { x: number; major: boolean }[] = [];
    for (let d = Math.floor(Math.log10(lo)); d <= Math.ceil(Math.log10(hi)); d++) {
      for (let m = 1; m <= 9; m++) {
        const v = m * 10 ** d;
        if (v < lo * 0.999 || v > hi * 1.001) continue;
        out.push({ x: col.x + scaleFraction(v, spec) * col.width, major: m === 1 });
      }
    }
    return out;
  }
  return Array.from({ length: 11 }, (_, i) => ({ x: col.x + (i / 10) * col.width, major: i % 5 === 0 }));
}

/** Depth ticks for the rows [rowTop, rowBottom]: round depths and the row each sits on. */
export function depthTicks(map: DepthMap, rowTop: number, rowBottom: number, count: number): { depth: number; row: number }[] {
  const a = map.depthAt(rowTop);
  const b = map.depthAt(rowBottom);
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === b) return [];
  return scaleLinear().domain([a, b]).ticks(Math.max(2, count)).map((depth) => ({ depth, row: map.yAt(depth) }));
}

/** Text for a scale: "0 – 150 GAPI", "0.2 – 2000 OHMM log". */
export function scaleLabel(spec: CurveSpec): string {
  return `${spec.left} \u2013 ${spec.right}${spec.unit ? ` ${spec.unit}` : ''}${spec.scale === 'log' ? ' log' : ''}${spec.wrap ? ' \u21bb' : ''}`;
}
