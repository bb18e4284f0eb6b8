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
import { darkness } from '../trace/classical.ts';
import { boxMean, isDithered } from './dither.ts';
import { paperSpans, type PaperSpans } from './background.ts';

/** A binary ink image: 1 = ink; `weight` (0..255, optional) says how dark above its paper each pixel is. */
export interface InkImage {
  width: number;
  height: number;
  ink: Uint8Array;
  weight?: Uint8Array;
  /** where lines are better seen apart from `ink` (a dithered scan smoothed along each direction) */
  lines?: { vertical: InkLayer; horizontal: InkLayer };
  /** per row, the span that is paper (background.ts); absent: all of it */
  paper?: PaperSpans;
}

export interface InkLayer {
  ink: Uint8Array;
  weight: Uint8Array;
}

export interface InkOptions {
  /** darkness above the local paper (0..255) at which a pixel is ink: low, so faint gray grids count */
  contrast: number;
  /** block size (px) over which the paper level is taken (its 20th percentile of darkness) */
  block: number;
}

export const DEFAULT_INK_OPTIONS: InkOptions = { contrast: 40, block: 64 };

/**
 * Paper darkness per block: the 20th percentile (most of any block is paper between grid lines), but
 * never lighter than the darker half of its 3 × 3 neighbourhood says: a block at the page's edge that
 * shows some bright scanner lid would otherwise take the lid for paper and the paper for ink.
 */
function paperLevels(dark: Uint8Array, w: number, h: number, B: number): Uint8Array {
  const own = blockPercentiles(dark, w, h, B);
  const bw = Math.ceil(w / B), bh = Math.ceil(h / B);
  const out = new Uint8Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      const around: number[] = [];
      for (let y = Math.max(0, by - 1); y <= Math.min(bh - 1, by + 1); y++) {
        for (let x = Math.max(0, bx - 1); x <= Math.min(bw - 1, bx + 1); x++) around.push(own[y * bw + x]);
      }
      around.sort((a, b) => b - a);
      out[by * bw + bx] = Math.max(own[by * bw + bx], around[Math.ceil(around.length / 2) - 1]);
    }
  }
  return out;
}

/** The 20th percentile of darkness per B × B block. */
function blockPercentiles(dark: Uint8Array, w: number, h: number, B: number): Uint8Array {
  const bw = Math.ceil(w / B), bh = Math.ceil(h / B);
  const out = new Uint8Array(bw * bh);
  const hist = new Int32Array(256);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      hist.fill(0);
      let n = 0;
      for (let y = by * B; y < Math.min(h, (by + 1) * B); y++) {
        for (let x = bx * B; x < Math.min(w, (bx + 1) * B); x++, n++) hist[dark[y * w + x]]++;
      }
      let acc = 0, v = 0;
      while (v < 255 && (acc += hist[v]) < 0.2 * n) v++;
      out[by * bw + bx] = v;
    }
  }
  return out;
}

/** Ink for layout detection: darker than the local paper by `contrast`, weighted by how much darker. */
export function inkFromRaster(scan: Raster, options: Partial<InkOptions> = {}): InkImage {
  const o = { ...DEFAULT_INK_OPTIONS, ...options };
  const { width: w, height: h } = scan;
  const raw = darkness(scan);
  if (!isDithered(raw, w, h)) return withoutBackground({ width: w, height: h, ...threshold(raw, w, h, o) }, raw);
  // a dithered scan's dots read as the gray they stand for: a 3 × 3 mean, and 1 × 9 (9 × 1) along lines
  const mean = boxMean(raw, w, h, 1);
  return withoutBackground({
    width: w, height: h, ...threshold(mean, w, h, o),
    lines: { vertical: threshold(boxMean(raw, w, h, 0, 4), w, h, o), horizontal: threshold(boxMean(raw, w, h, 4, 0), w, h, o) },
  }, mean);
}

/**
 * The ink image with the dark background beside the sheet (a torn edge, the scanner lid) cleared and
 * the paper spans attached. Background is far darker than the page's paper (its median darkness): by
 * at least `BACKGROUND_CONTRAST`, more than a faint gray grid's ink needs.
 */
const BACKGROUND_CONTRAST = 96;

function withoutBackground(img: InkImage, dark: Uint8Array): InkImage {
  const step = Math.max(1, Math.floor(dark.length / 100_000));
  const sample: number[] = [];
  for (let i = 0; i < dark.length; i += step) sample.push(dark[i]);
  sample.sort((a, b) => a - b);
  const level = sample[Math.floor(sample.length / 2)] + BACKGROUND_CONTRAST;
  const paper = paperSpans((i) => dark[i] >= level, img.width, img.height);
  if (!paper) return img;
  const layers = [img.ink, img.weight, img.lines?.vertical.ink, img.lines?.vertical.weight, img.lines?.horizontal.ink, img.lines?.horizontal.weight];
  for (let y = 0; y < img.height; y++) {
    const row = y * img.width;
    for (const a of layers) {
      if (!a) continue;
      a.fill(0, row, row + paper.left[y]);
      a.fill(0, row + paper.right[y], row + img.width);
    }
  }
  return { ...img, paper };
}

function threshold(dark: Uint8Array, w: number, h: number, o: InkOptions): InkLayer {
  const paper = paperLevels(dark, w, h, o.block);
  const bw = Math.ceil(w / o.block);
  const ink = new Uint8Array(dark.length);
  const weight = new Uint8Array(dark.length);
  for (let y = 0; y < h; y++) {
    const row = Math.floor(y / o.block) * bw;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const d = dark[i] - paper[row + Math.floor(x / o.block)];
      if (d >= o.contrast) { ink[i] = 1; weight[i] = d; }
    }
  }
  return { ink, weight };
}

/** The grid class of a segmentation as ink: what the model calls grid lines and frames. */
export function inkFromGrid(seg: Segmentation): InkImage {
  const ink = new Uint8Array(seg.classes.length);
  for (let i = 0; i < ink.length; i++) ink[i] = seg.classes[i] === SegClass.Grid ? 1 : 0;
  return { width: seg.width, height: seg.height, ink };
}

/** Sparse cells (strip, position, weighted ink pixel count). */
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
  /** vertical-line pixels: strip = row strip, pos = column; weight = pixel count */
  vertical: Cells;
  /** the same cells weighted by darkness above paper (255 = one black pixel): how heavy a line is */
  verticalMass: Cells;
  /** horizontal-line pixels: strip = column strip, pos = row */
  horizontal: Cells;
  /** the vertical evidence dense, strip-major (rowStrips × width): looked up at known columns */
  verticalDense: Float32Array;
  /** the ink image's paper spans, when it has background beside the sheet */
  paper?: PaperSpans;
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
  const vm = new Float32Array(rowStrips * w);
  const hz = new Float32Array(colStrips * h);
  const start = new Int32Array(w).fill(-1);
  // counts say where lines are; mass (darkness above paper, 255 = 1 px of black) says how heavy:
  // a black frame outweighs a gray grid line of the same width
  const vInk = img.lines?.vertical.ink ?? ink, hInk = img.lines?.horizontal.ink ?? ink;
  const wt = img.lines?.vertical.weight ?? img.weight;
  const at = (x: number, y: number) => (wt ? wt[y * w + x] / 255 : 1);
  for (let y = 0; y <= h; y++) {
    let a = -1;
    for (let x = 0; x <= w; x++) {
      const on = y < h && x < w && vInk[y * w + x] === 1;
      if (x < w) {
        if (on && start[x] < 0) start[x] = y;
        else if (!on && start[x] >= 0) {
          if (y - start[x] >= o.minRun) {
            for (let k = start[x]; k < y; k++) {
              v[Math.floor(k / S) * w + x]++;
              vm[Math.floor(k / S) * w + x] += at(x, k);
            }
          }
          start[x] = -1;
        }
      }
      if (y === h) continue;
      const onH = x < w && hInk[y * w + x] === 1;
      if (onH && a < 0) a = x;
      else if (!onH && a >= 0) {
        if (x - a >= o.minRun) for (let k = a; k < x; k++) hz[Math.floor(k / S) * h + y]++;
        a = -1;
      }
    }
  }
  return { width: w, height: h, strip: S, vertical: sparse(v, w), verticalMass: sparse(vm, w), horizontal: sparse(hz, h), verticalDense: v, paper: img.paper };
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
