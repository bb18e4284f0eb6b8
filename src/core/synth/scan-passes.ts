/**
 * The geometric and final scanner passes: skew (image bilinear, mask nearest neighbour, both by
 * the same inverse map), torn edge, sensor noise, dust specks and 1-bit binarisation.
 */
import { SegClass } from '../types.ts';
import type { Rng } from './prng.ts';
import type { DefectPlan } from './defect-plan.ts';

/**
 * Rotate the content clockwise by `deg` about the image centre (W/2, H/2), keeping the size.
 * Output pixel centre p' maps back to source p = c + R(−θ)(p' − c); outside the page shows
 * `background` in the image and class 0 in the mask.
 */
export function skewPass(img: Uint8Array, mask: Uint8Array, w: number, h: number, deg: number, background: number): { img: Uint8Array; mask: Uint8Array } {
  const outI = new Uint8Array(w * h).fill(Math.round(background));
  const outM = new Uint8Array(w * h);
  const th = (deg * Math.PI) / 180;
  const cos = Math.cos(th);
  const sin = Math.sin(th);
  const cx = w / 2;
  const cy = h / 2;
  // 16.16 fixed point keeps the inner loop in integers
  const ONE = 65536;
  const dxs = Math.round(cos * ONE);
  const dys = Math.round(-sin * ONE);
  const maxX = (w - 1) * ONE;
  const maxY = (h - 1) * ONE;
  for (let y = 0; y < h; y++) {
    const dy = y + 0.5 - cy;
    const dx0 = 0.5 - cx;
    // source position in pixel-index space (centre of pixel i at i + 0.5, hence − 0.5)
    let sx = Math.round((cx + cos * dx0 + sin * dy - 0.5) * ONE);
    let sy = Math.round((cy - sin * dx0 + cos * dy - 0.5) * ONE);
    const row = y * w;
    for (let x = 0; x < w; x++, sx += dxs, sy += dys) {
      if (sx < 0 || sy < 0 || sx >= maxX || sy >= maxY) continue;
      const ix = sx >> 16;
      const iy = sy >> 16;
      const fx = sx & 0xffff;
      const fy = sy & 0xffff;
      const i = iy * w + ix;
      const top = img[i] * (ONE - fx) + img[i + 1] * fx;
      const bot = img[i + w] * (ONE - fx) + img[i + w + 1] * fx;
      // top, bot < 2^24; blend in 8.16 to stay inside 32 bits
      outI[row + x] = ((top >>> 8) * (256 - (fy >>> 8)) + (bot >>> 8) * (fy >>> 8) + (1 << 15)) >>> 16;
      outM[row + x] = mask[(fy < 32768 ? i : i + w) + (fx < 32768 ? 0 : 1)];
    }
  }
  return { img: outI, mask: outM };
}

/** A ragged torn edge on one side: beyond it there is no paper (background, class 0). */
export function tornPass(img: Uint8Array, mask: Uint8Array, w: number, h: number, d: DefectPlan, rng: Rng): void {
  if (!d.torn) return;
  const bg = Math.round(d.background);
  let edge = d.torn.depth * rng.range(0.3, 1);
  let vel = 0;
  for (let y = 0; y < h; y++) {
    vel = vel * 0.9 + rng.normal() * 0.35;
    edge = Math.min(d.torn.depth * 1.5, Math.max(1, edge + vel));
    const e = Math.round(edge + (rng.chance(0.02) ? rng.range(0, 4) : 0));
    const row = y * w;
    const [a, b] = d.torn.side === 'left' ? [0, Math.min(w, e)] : [Math.max(0, w - e), w];
    img.fill(bg, row + a, row + b);
    mask.fill(0, row + a, row + b);
  }
}

/** Gaussian sensor noise from a table (indexed by an inline xorshift) and dust specks / dropouts. */
export function noisePass(img: Uint8Array, w: number, h: number, d: DefectPlan, rng: Rng): void {
  if (d.noise > 0) {
    const table = new Float32Array(4096);
    for (let i = 0; i < table.length; i++) table[i] = rng.normal() * d.noise;
    let s = rng.u32() | 1;
    const n = w * h;
    for (let i = 0; i < n; i++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      const v = img[i] + table[s & 4095];
      img[i] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
  if (d.saltPepper > 0) {
    const count = Math.round(d.saltPepper * w * h);
    for (let k = 0; k < count; k++) {
      const x = rng.int(0, w - 2);
      const y = rng.int(0, h - 2);
      const v = rng.chance(0.7) ? rng.int(0, 80) : 255;
      const big = rng.chance(0.3);
      img[y * w + x] = v;
      if (big) {
        img[y * w + x + 1] = v;
        img[(y + 1) * w + x] = v;
      }
    }
  }
}

/**
 * A bilevel page counts as unreadable when fewer than this share of the curve's row runs keep any
 * black. Measured on the 1-bit samples of data/synth-mc-v3 and the accuracy bench (runs kept at the
 * planned threshold): erased pages keep at most 12%, every readable one at least 49%.
 */
const MIN_RUNS_KEPT = 0.25;

/**
 * The threshold a 1-bit pass uses: the planned one, unless it would erase most of the curves, as on
 * a faded, blurred page whose darkest curve ink is lighter than the threshold. A scanner operator
 * would not keep that scan; an auto-threshold sets it halfway between the ink and the paper instead.
 * Measured on the gray page after the white point (0 black … 255 white) with the mask's labels:
 * a "run" is a horizontal stretch of curve pixels (classes 2 and 3) on one row, the curve's cross-
 * section, and it survives when its darkest pixel is below the threshold. The ink level is the
 * median of the runs' darkest pixels, the paper level the median of class-0 pixels; the midpoint
 * keeps every run darker than the ink median, so at least half. Never lower than the plan: where
 * the plan keeps the curves, its threshold (and so the page) is left exactly as it was.
 */
export function bilevelThreshold(img: Uint8Array, mask: Uint8Array, w: number, h: number, planned: number): number {
  const t = Math.round(planned);
  const { runDarkest, paper, runs } = inkHistograms(img, mask, w, h);
  let kept = 0;
  for (let v = 0; v < t && v < 256; v++) kept += runDarkest[v];
  if (runs === 0 || kept >= MIN_RUNS_KEPT * runs) return t;
  const auto = Math.round((histMedian(runDarkest) + histMedian(paper)) / 2);
  return Math.max(t, auto);
}

/** Histograms (per gray level) of each curve run's darkest pixel and of paper (class 0) pixels. */
function inkHistograms(img: Uint8Array, mask: Uint8Array, w: number, h: number): { runDarkest: Uint32Array; paper: Uint32Array; runs: number } {
  const runDarkest = new Uint32Array(256);
  const paper = new Uint32Array(256);
  let runs = 0;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let darkest = -1; // −1: not inside a run
    for (let x = 0; x <= w; x++) {
      const c = x < w ? mask[row + x] : SegClass.Paper; // a virtual paper pixel past the edge closes the last run
      if (c === SegClass.SolidCurve || c === SegClass.BrokenCurve) {
        const v = img[row + x];
        darkest = darkest < 0 || v < darkest ? v : darkest;
        continue;
      }
      if (darkest >= 0) {
        runDarkest[darkest]++;
        runs++;
        darkest = -1;
      }
      if (x < w && c === SegClass.Paper) paper[img[row + x]]++;
    }
  }
  return { runDarkest, paper, runs };
}

/** Lower median of a histogram (the gray level where half the count is reached); 255 when empty. */
function histMedian(hist: Uint32Array): number {
  let total = 0;
  for (let v = 0; v < 256; v++) total += hist[v];
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v];
    if (acc * 2 >= total && total > 0) return v;
  }
  return 255;
}

/** Global threshold to black/white, as a fax or G4 TIFF scan stores it. */
export function binarizePass(img: Uint8Array, threshold: number): void {
  const t = Math.round(threshold);
  for (let i = 0; i < img.length; i++) img[i] = img[i] < t ? 0 : 255;
}

/** Stretch gray so that `white` (the paper level) maps to 255. */
export function whitePointPass(img: Uint8Array, white: number): void {
  if (white >= 254.5) return;
  const lut = Uint8Array.from({ length: 256 }, (_, v) => Math.min(255, Math.round((v * 255) / white)));
  for (let i = 0; i < img.length; i++) img[i] = lut[img[i]];
}

const BAYER4 = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];

/** Ordered (4 × 4 Bayer) dithering to black/white: light gray grids turn into dot patterns. */
export function ditherPass(img: Uint8Array, w: number, h: number): void {
  const thresholds = BAYER4.map((b) => ((b + 0.5) / 16) * 255);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const trow = (y & 3) * 4;
    for (let x = 0; x < w; x++) img[row + x] = img[row + x] < thresholds[trow + (x & 3)] ? 0 : 255;
  }
}

/**
 * After a 1-bit pass, drop the labels of ink the pass erased: a labelled pixel keeps its class only if
 * some black pixel lies within `radius` px (Chebyshev) of it, else it becomes paper (class 0). Light
 * grids and faded curve edges often vanish entirely when thresholded; a mask that still marks them
 * asks the model to see lines that are not in the scan. Radius 1 keeps a surviving line's 1-px
 * anti-aliased rim; a dithered scan needs 2, since its light lines survive only as scattered dots.
 */
export function bilevelMaskPass(img: Uint8Array, mask: Uint8Array, w: number, h: number, radius: number): void {
  // near[i] = 1 where a black pixel lies within `radius` columns on the same row (sliding count)
  const near = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let count = 0;
    for (let x = 0; x < Math.min(radius, w); x++) if (img[row + x] === 0) count++;
    for (let x = 0; x < w; x++) {
      if (x + radius < w && img[row + x + radius] === 0) count++;
      if (x - radius - 1 >= 0 && img[row + x - radius - 1] === 0) count--;
      near[row + x] = count > 0 ? 1 : 0;
    }
  }
  // then the same along each column, over `near`, clearing labels with no ink in the window
  for (let x = 0; x < w; x++) {
    let count = 0;
    for (let y = 0; y < Math.min(radius, h); y++) count += near[y * w + x];
    for (let y = 0; y < h; y++) {
      if (y + radius < h) count += near[(y + radius) * w + x];
      if (y - radius - 1 >= 0) count -= near[(y - radius - 1) * w + x];
      if (count === 0) mask[y * w + x] = 0;
    }
  }
}
