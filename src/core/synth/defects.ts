/**
 * Turning the ink sheet into a scanned gray image: paper tone, fading, illumination, stains, folds,
 * blur, skew, torn edge, noise, binarisation. Each pass is one tight loop over typed arrays (rows of
 * a 12,800 × 2,000 page must stay in the tens of milliseconds). Skew and tearing move the mask with
 * the image (nearest neighbour), so mask pixels stay aligned with the scan.
 */
import type { Rng } from './prng.ts';
import type { DefectPlan } from './defect-plan.ts';

/** A smooth random field in [-1, 1] on a coarse lattice, evaluated row by row with bilinear interpolation. */
class CoarseField {
  private readonly gw: number;
  private readonly vals: Float32Array;
  private readonly row: Float32Array;
  constructor(rng: Rng, private readonly width: number, height: number, private readonly cell: number) {
    this.gw = Math.ceil(width / cell) + 2;
    const gh = Math.ceil(height / cell) + 2;
    this.vals = new Float32Array(this.gw * gh);
    for (let i = 0; i < this.vals.length; i++) this.vals[i] = rng.range(-1, 1);
    this.row = new Float32Array(this.gw);
  }

  /** Fill out[x] (length width) with the field on row y. */
  rowInto(y: number, out: Float32Array): void {
    const fy = y / this.cell;
    const j = Math.floor(fy);
    const t = fy - j;
    const { gw, vals, row, cell, width } = this;
    for (let i = 0; i < gw; i++) row[i] = vals[j * gw + i] * (1 - t) + vals[(j + 1) * gw + i] * t;
    for (let i = 0, x = 0; x < width; i++) {
      const a = row[i];
      const step = (row[i + 1] - a) / cell;
      for (let k = 0; k < cell && x < width; k++, x++) out[x] = a + step * k;
    }
  }
}

/** Illumination factor per column (sides 0, 1) or per row (sides 2, 3): darker towards one side. */
function illumination(d: DefectPlan, w: number, h: number): { col: Float32Array; row: Float32Array } {
  const col = new Float32Array(w).fill(1);
  const row = new Float32Array(h).fill(1);
  if (d.illum) {
    const { amp, side } = d.illum;
    if (side < 2) for (let x = 0; x < w; x++) col[x] = 1 - amp * (side === 0 ? 1 - x / w : x / w) ** 2;
    else for (let y = 0; y < h; y++) row[y] = 1 - amp * (side === 2 ? 1 - y / h : y / h) ** 2;
  }
  return { col, row };
}

/**
 * Paper tone × ink (with fading) × illumination → gray, written to `out`.
 * gray = paper(x,y) · illum(x,y) · (1 − ink · strength(x,y)), ink = 1 − trans/255.
 */
export function tonePass(trans: Uint8Array, out: Uint8Array, w: number, h: number, d: DefectPlan, rng: Rng): void {
  const mottle = d.mottle > 0 ? new CoarseField(rng, w, h, 160) : null;
  const patch = d.fade && d.fade.patch > 0 ? new CoarseField(rng, w, h, 220) : null;
  const { col, row: rowIllum } = illumination(d, w, h);
  const base = d.fade ? d.fade.base : 1;
  const pamp = d.fade ? d.fade.patch : 0;
  const lut = new Float32Array(256); // (1 − ink·base) per transmittance level
  for (let t = 0; t < 256; t++) lut[t] = 1 - ((255 - t) * base) / 255;
  const field = new Float32Array(w);
  const amp = new Float32Array(w); // paper · illumination on this row
  for (let y = 0; y < h; y++) {
    if (mottle) mottle.rowInto(y, field);
    const ri = rowIllum[y];
    for (let x = 0; x < w; x++) amp[x] = (d.paper - (mottle ? d.mottle * (field[x] * 0.5 + 0.5) : 0)) * col[x] * ri;
    const row = y * w;
    if (patch) {
      patch.rowInto(y, field);
      // gray = amp − ink·amp·strength/255, with the per-column factor computed once per row
      for (let x = 0; x < w; x++) field[x] = (amp[x] * (base - pamp * (field[x] * 0.5 + 0.5))) / 255;
      for (let x = 0; x < w; x++) {
        const v = amp[x] - (255 - trans[row + x]) * field[x];
        out[row + x] = v < 0 ? 0 : (v + 0.5) | 0;
      }
    } else {
      for (let x = 0; x < w; x++) out[row + x] = (amp[x] * lut[trans[row + x]] + 0.5) | 0;
    }
  }
}

/**
 * Show-through: the back of the sheet (its ink mirrored left–right and shifted) faintly darkens
 * the paper. Reads the ink sheet, so it must run before anything moves pixels.
 */
export function bleedPass(trans: Uint8Array, img: Uint8Array, w: number, h: number, d: DefectPlan): void {
  if (!d.bleed) return;
  const k = d.bleed.strength / 255;
  const off = Math.round(d.bleed.offset);
  for (let y = Math.max(0, -off); y < Math.min(h, h - off); y++) {
    const row = y * w;
    const back = (y + off) * w + (w - 1);
    for (let x = 0; x < w; x++) {
      const ink = 255 - trans[back - x];
      if (ink > 0) img[row + x] = (img[row + x] * (1 - ink * k) + 0.5) | 0;
    }
  }
}

/** Vertical streaks from dirt on the scanner glass, through the whole page. */
export function streakPass(img: Uint8Array, w: number, h: number, d: DefectPlan): void {
  for (const s of d.streaks) {
    const x0 = Math.max(0, Math.floor(s.x - s.w / 2));
    const x1 = Math.min(w - 1, Math.ceil(s.x + s.w / 2) - 1);
    for (let y = 0; y < h; y++) for (let x = x0; x <= x1; x++) img[y * w + x] = (img[y * w + x] * (1 - s.dark) + 0.5) | 0;
  }
}

/** Soft elliptical stains (coffee rings darker at the rim), multiplied into the image. */
export function stainPass(img: Uint8Array, w: number, h: number, d: DefectPlan): void {
  for (const s of d.stains) {
    const y0 = Math.max(0, Math.floor(s.y - s.ry));
    const y1 = Math.min(h - 1, Math.ceil(s.y + s.ry));
    const x0 = Math.max(0, Math.floor(s.x - s.rx));
    const x1 = Math.min(w - 1, Math.ceil(s.x + s.rx));
    for (let y = y0; y <= y1; y++) {
      const dy = (y + 0.5 - s.y) / s.ry;
      for (let x = x0; x <= x1; x++) {
        const dx = (x + 0.5 - s.x) / s.rx;
        const r = Math.sqrt(dx * dx + dy * dy);
        if (r >= 1) continue;
        const k = s.ring ? 0.35 + 0.65 * Math.exp(-((r - 0.92) ** 2) / 0.004) : 1 - r * r;
        const i = y * w + x;
        img[i] = (img[i] * (1 - s.dark * k) + 0.5) | 0;
      }
    }
  }
}

/** Crease lines: a dark line with a lighter band beside it. */
export function foldPass(img: Uint8Array, w: number, h: number, d: DefectPlan): void {
  for (const f of d.folds) {
    for (let o = -6; o <= 6; o++) {
      const k = o === 0 ? 1 - f.dark : o === 1 || o === -1 ? 1 - f.dark * 0.5 : 1 + 0.04 * Math.sign(o);
      const p = Math.round(f.pos) + o;
      if (f.vertical) {
        if (p < 0 || p >= w) continue;
        for (let y = 0; y < h; y++) img[y * w + p] = Math.min(255, img[y * w + p] * k + 0.5) | 0;
      } else {
        if (p < 0 || p >= h) continue;
        for (let x = 0; x < w; x++) img[p * w + x] = Math.min(255, img[p * w + x] * k + 0.5) | 0;
      }
    }
  }
}

/**
 * Gaussian-like blur in place: n passes of the binomial kernel [1 2 1]/4 along rows and columns
 * (σ ≈ 0.71·√n px; n = round(2σ²), at least 1). Integer-only and in place, a pass costs about
 * as much as a copy of the page — a general 7-tap gaussian cost 4× more.
 */
export function blurPass(img: Uint8Array, w: number, h: number, sigma: number): void {
  const passes = Math.max(1, Math.round(2 * sigma * sigma));
  const prev = new Uint8Array(w);
  const cur = new Uint8Array(w);
  for (let p = 0; p < passes; p++) {
    for (let y = 0; y < h; y++) {
      const row = y * w;
      let a = img[row];
      for (let x = 0; x < w; x++) {
        const b = img[row + x];
        const c = x + 1 < w ? img[row + x + 1] : b;
        img[row + x] = (a + 2 * b + c + 2) >> 2;
        a = b;
      }
    }
    prev.set(img.subarray(0, w));
    for (let y = 0; y < h; y++) {
      const row = y * w;
      cur.set(img.subarray(row, row + w));
      const next = y + 1 < h ? row + w : row;
      for (let x = 0; x < w; x++) img[row + x] = (prev[x] + 2 * cur[x] + img[next + x] + 2) >> 2;
      prev.set(cur);
    }
  }
}
