/**
 * A segmentation from darkness alone, without the model: the classical baseline the accuracy benchmark
 * compares the U-Net against, and a fallback when no model is loaded.
 *
 * Ink = darker than a global (Otsu) threshold. Grid = ink in vertical runs longer than `minVerticalRun`
 * rows in columns inked over `gridColumnShare` of the page (grid lines run the whole log; a curve's
 * flat stretch does not), and in horizontal runs that span most of a track (depth lines run edge to edge; a curve's
 * near-horizontal stroke covers only part of a track in any one row). Without track edges, horizontal
 * runs of at least a quarter of the page width whose length repeats row after row. Everything else
 * that is ink is solid curve: darkness cannot tell solid from dashed, so trace it with
 * CLASSICAL_TRACE_OPTIONS (line style off). curveProb = darkness for curve ink, a tenth of it for grid.
 */
import { SegClass, type Segmentation } from '../types.ts';
import type { Raster } from '../raster.ts';
import type { TraceOptions } from './options.ts';

export interface ClassicalOptions {
  /** darkness (0 paper .. 255 black) at or above which a pixel is ink; default: Otsu, kept within 64..192 */
  threshold?: number;
  /** vertical ink runs at least this long (rows) are grid lines */
  minVerticalRun: number;
  /** share of all rows a column must be inked in to hold a vertical grid line */
  gridColumnShare: number;
  /** horizontal runs shorter than this are never grid (px) */
  minHorizontalRun: number;
  /** a long run length counts as "frequent" when at least this many rows have it (±2 px); default max(5, height/400) */
  minLineRows?: number;
  /** track edges (px), as in the layout: a horizontal run over ≥ trackCover of a track is a depth line */
  tracks?: { x0: number; x1: number }[];
  trackCover: number;
}

export const DEFAULT_CLASSICAL_OPTIONS: ClassicalOptions = { minVerticalRun: 32, gridColumnShare: 0.4, minHorizontalRun: 64, trackCover: 0.85 };

/** Tracer settings for a classical segmentation: it has no line-style classes. */
export const CLASSICAL_TRACE_OPTIONS: Partial<TraceOptions> = { useStyle: false };

export function darkness(scan: Raster): Uint8Array {
  const n = scan.width * scan.height;
  const c = scan.channels;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = i * c;
    const v = c === 1 ? scan.data[k] : 0.299 * scan.data[k] + 0.587 * scan.data[k + 1] + 0.114 * scan.data[k + 2];
    out[i] = 255 - Math.round(v);
  }
  return out;
}

/** Otsu's threshold on the darkness histogram, clamped so a blank or all-black page still behaves. */
export function otsuThreshold(dark: Uint8Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < dark.length; i++) hist[dark[i]]++;
  const total = dark.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * hist[v];
  let wB = 0, sumB = 0, best = 0, bestT = 128;
  for (let t = 0; t < 255; t++) {
    wB += hist[t];
    if (wB === 0 || wB === total) continue;
    sumB += t * hist[t];
    const mB = sumB / wB, mF = (sumAll - sumB) / (total - wB);
    const between = wB * (total - wB) * (mB - mF) ** 2;
    if (between > best) { best = between; bestT = t + 1; }
  }
  return Math.max(64, Math.min(192, bestT));
}

// plain numbers in the hot loops (SegClass is an object whose members the JIT may not fold)
const PAPER = SegClass.Paper;
const GRID = SegClass.Grid;
const CURVE = SegClass.SolidCurve;

export function classicalSegmentation(scan: Raster, options: Partial<ClassicalOptions> = {}): Segmentation {
  const o = { ...DEFAULT_CLASSICAL_OPTIONS, ...options };
  const { width: w, height: h } = scan;
  const dark = darkness(scan);
  const thr = o.threshold ?? otsuThreshold(dark);
  const classes = new Uint8Array(w * h);
  for (let i = 0; i < dark.length; i++) if (dark[i] >= thr) classes[i] = CURVE;
  markVerticalLines(classes, w, h, o.minVerticalRun, o.gridColumnShare);
  const minLen = o.tracks?.length
    ? Math.max(o.minHorizontalRun, o.trackCover * Math.min(...o.tracks.map((t) => t.x1 - t.x0)))
    : frequentLineLength(classes, w, h, { ...o, minHorizontalRun: Math.max(o.minHorizontalRun, w / 4) });
  markHorizontalLines(classes, w, h, minLen);
  const curveProb = new Uint8Array(w * h);
  for (let i = 0; i < dark.length; i++) {
    if (classes[i] === CURVE) curveProb[i] = dark[i];
    else if (classes[i] === GRID) curveProb[i] = dark[i] / 10;
    // paper below the threshold keeps a little probability: anti-aliased edges weight the centre
    else curveProb[i] = Math.min(dark[i], thr - 1) >> 1;
  }
  return { width: w, height: h, classes, curveProb };
}

function markVerticalLines(cls: Uint8Array, w: number, h: number, minRun: number, share: number): void {
  const inked = new Int32Array(w);
  for (let i = 0; i < cls.length; i++) if (cls[i] !== PAPER) inked[i % w]++;
  const start = new Int32Array(w).fill(-1);
  for (let y = 0; y <= h; y++) {
    for (let x = 0; x < w; x++) {
      const ink = y < h && cls[y * w + x] !== PAPER;
      if (ink && start[x] < 0) start[x] = y;
      if (!ink && start[x] >= 0) {
        if (y - start[x] >= minRun && inked[x] >= share * h) for (let k = start[x]; k < y; k++) cls[k * w + x] = GRID;
        start[x] = -1;
      }
    }
  }
}

/** The shortest horizontal run length (≥ minHorizontalRun) shared by at least minLineRows rows, or Infinity. */
function frequentLineLength(cls: Uint8Array, w: number, h: number, o: ClassicalOptions): number {
  const counts = new Int32Array(w + 2);
  for (let y = 0; y < h; y++) {
    const base = y * w;
    let a = -1;
    for (let x = 0; x <= w; x++) {
      const ink = x < w && cls[base + x] !== PAPER;
      if (ink && a < 0) a = x;
      else if (!ink && a >= 0) {
        if (x - a >= o.minHorizontalRun) counts[x - a]++;
        a = -1;
      }
    }
  }
  const minRows = o.minLineRows ?? Math.max(5, Math.round(h / 400));
  for (let len = o.minHorizontalRun; len <= w; len++) {
    let n = 0;
    for (let d = -2; d <= 2; d++) n += counts[Math.max(0, Math.min(w, len + d))];
    if (n >= minRows) return Math.max(o.minHorizontalRun, Math.floor(0.9 * len));
  }
  return Infinity;
}

function markHorizontalLines(cls: Uint8Array, w: number, h: number, minLen: number): void {
  if (!Number.isFinite(minLen)) return;
  for (let y = 0; y < h; y++) {
    const base = y * w;
    let a = -1;
    for (let x = 0; x <= w; x++) {
      const ink = x < w && cls[base + x] !== PAPER;
      if (ink && a < 0) a = x;
      else if (!ink && a >= 0) {
        if (x - a >= minLen) cls.fill(GRID, base + a, base + x);
        a = -1;
      }
    }
  }
}
