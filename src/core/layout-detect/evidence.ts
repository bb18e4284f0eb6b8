/**
 * Evidence of long straight lines, the raw material of deskew and layout detection.
 *
 * Ink pixels in long vertical runs are summed per row strip and column (vertical lines: track frames and
 * grid); ink pixels in long horizontal runs per column strip and row (depth lines). Curves and text make
 * short runs and mostly drop out. Kept sparse: a few percent of cells are non-zero.
 * Coordinates: pixel space of the scan as given (not yet deskewed); a strip's position is its centre.
 */
import { SegClass, type Segmentation } from '../types.ts';
import type { Raster } from '../raster.ts';
import { darkness, otsuThreshold } from '../trace/classical.ts';

/** A binary ink image: 1 = ink. */
export interface InkImage {
  width: number;
  height: number;
  ink: Uint8Array;
}

export function inkFromRaster(scan: Raster, threshold?: number): InkImage {
  const dark = darkness(scan);
  const t = threshold ?? otsuThreshold(dark);
  const ink = new Uint8Array(dark.length);
  for (let i = 0; i < dark.length; i++) ink[i] = dark[i] >= t ? 1 : 0;
  return { width: scan.width, height: scan.height, ink };
}

/** The grid class of a segmentation as ink: what the model calls grid lines and frames. */
export function inkFromGrid(seg: Segmentation): InkImage {
  const ink = new Uint8Array(seg.classes.length);
  for (let i = 0; i < ink.length; i++) ink[i] = seg.classes[i] === SegClass.Grid ? 1 : 0;
  return { width: seg.width, height: seg.height, ink };
}

/** Sparse cells (strip, position, ink pixel count). */
export interface Cells {
  strip: Int32Array;
  pos: Int32Array;
  weight: Float32Array;
  count: number;
}

export interface LineEvidence {
  width: number;
  height: number;
  /** strip size in px (rows for vertical evidence, columns for horizontal) */
  strip: number;
  /** vertical-line pixels: strip = row strip, pos = column */
  vertical: Cells;
  /** horizontal-line pixels: strip = column strip, pos = row */
  horizontal: Cells;
  /** the vertical evidence dense, strip-major (rowStrips × width): looked up at known columns */
  verticalDense: Float32Array;
}

export interface EvidenceOptions {
  /** shortest run (px) that counts as part of a line; a 1 px line skewed 1.5° still has 38 px runs */
  minRun: number;
  strip: number;
}

export const DEFAULT_EVIDENCE_OPTIONS: EvidenceOptions = { minRun: 32, strip: 32 };

export function lineEvidence(img: InkImage, options: Partial<EvidenceOptions> = {}): LineEvidence {
  const o = { ...DEFAULT_EVIDENCE_OPTIONS, ...options };
  const { width: w, height: h, ink } = img;
  const S = o.strip;
  const rowStrips = Math.ceil(h / S), colStrips = Math.ceil(w / S);
  const v = new Float32Array(rowStrips * w);
  const hz = new Float32Array(colStrips * h);
  const start = new Int32Array(w).fill(-1);
  for (let y = 0; y <= h; y++) {
    let a = -1;
    for (let x = 0; x <= w; x++) {
      const on = y < h && x < w && ink[y * w + x] === 1;
      if (x < w) {
        if (on && start[x] < 0) start[x] = y;
        else if (!on && start[x] >= 0) {
          if (y - start[x] >= o.minRun) spread(v, w, x, start[x], y, S);
          start[x] = -1;
        }
      }
      if (y === h) continue;
      if (on && a < 0) a = x;
      else if (!on && a >= 0) {
        if (x - a >= o.minRun) spread(hz, h, y, a, x, S);
        a = -1;
      }
    }
  }
  return { width: w, height: h, strip: S, vertical: sparse(v, w), horizontal: sparse(hz, h), verticalDense: v };
}

/** Adds a run [a, b) along the strip axis to the dense grid (strip-major, `len` cells per strip). */
function spread(grid: Float32Array, len: number, pos: number, a: number, b: number, S: number): void {
  for (let s = Math.floor(a / S); s * S < b; s++) {
    const overlap = Math.min(b, (s + 1) * S) - Math.max(a, s * S);
    grid[s * len + pos] += overlap;
  }
}

function sparse(grid: Float32Array, len: number): Cells {
  let count = 0;
  for (let i = 0; i < grid.length; i++) if (grid[i] > 0) count++;
  const c: Cells = { strip: new Int32Array(count), pos: new Int32Array(count), weight: new Float32Array(count), count };
  let k = 0;
  for (let i = 0; i < grid.length; i++) {
    if (grid[i] <= 0) continue;
    c.strip[k] = Math.floor(i / len);
    c.pos[k] = i % len;
    c.weight[k] = grid[i];
    k++;
  }
  return c;
}
