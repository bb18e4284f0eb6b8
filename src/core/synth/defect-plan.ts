/**
 * Which scan defects a sample gets, each with its own probability, and their parameters.
 * Geometry (skew, torn edge) also moves the mask; photometric ones leave it as it is.
 */
import type { Rng } from './prng.ts';

export interface Stain {
  x: number;
  y: number;
  rx: number;
  ry: number;
  /** darkness at the darkest point, 0..1 */
  dark: number;
  /** coffee-ring: darker rim than centre */
  ring: boolean;
}

export interface DefectPlan {
  /** bare paper gray 0..255 */
  paper: number;
  /** amplitude (gray levels) of blotchy low-frequency paper tone (yellowing, ageing) */
  mottle: number;
  /** uneven illumination: max fractional darkening, and its direction (0 left … 3 bottom) */
  illum: { amp: number; side: number } | null;
  /** faded ink: mean ink strength and patchiness (0..1) */
  fade: { base: number; patch: number } | null;
  stains: Stain[];
  /** crease lines: position px, vertical or not, darkness 0..1 */
  folds: { pos: number; vertical: boolean; dark: number }[];
  /** show-through of the back of the sheet: strength 0..1 (0 = none) and vertical offset px */
  bleed: { strength: number; offset: number } | null;
  /** scanner streaks: vertical lines from dirt on the scan glass (x px, width px, darkness 0..1) */
  streaks: { x: number; w: number; dark: number }[];
  /** gaussian blur sigma, px (0 = none) */
  blur: number;
  /** degrees; positive = content rotated clockwise (the layout's deskew) */
  skew: number;
  torn: { side: 'left' | 'right'; depth: number } | null;
  /** gray level of whatever shows where there is no paper (scanner lid), 0..255 */
  background: number;
  /** gaussian noise sigma, gray levels */
  noise: number;
  /** fraction of pixels hit by dust specks / dropouts */
  saltPepper: number;
  /** 1-bit binarisation threshold, or null */
  binarize: number | null;
  /** binarise by ordered dithering (gray areas become dot patterns, as in many fax scans) */
  dither: boolean;
  /** JPEG quality (applied by the dataset writer), or null */
  jpeg: number | null;
}

export const NO_DEFECTS: DefectPlan = {
  paper: 255, mottle: 0, illum: null, fade: null, stains: [], folds: [], bleed: null, streaks: [], blur: 0, skew: 0, torn: null,
  background: 255, noise: 0, saltPepper: 0, binarize: null, dither: false, jpeg: null,
};

/**
 * Plan defects for a page of width × height px. With probability 1 − rate the sample is a clean
 * render; otherwise each defect fires independently. About a third of defective samples are 1-bit
 * (fax/G4 style, like many archive scans): those get no JPEG.
 */
export function planDefects(rng: Rng, width: number, height: number, rate: number, dpi: number): DefectPlan {
  if (!rng.chance(rate)) return { ...NO_DEFECTS };
  const d: DefectPlan = { ...NO_DEFECTS, stains: [], folds: [], streaks: [] };
  // a crisp 1-bit digital print, like a print made straight from the logging computer's plot file
  if (rng.chance(0.2)) return { ...d, binarize: rng.range(110, 170) };
  const oneBit = rng.chance(0.35);
  d.paper = rng.chance(0.5) ? rng.range(238, 255) : rng.range(205, 240);
  d.mottle = rng.chance(0.5) ? rng.range(2, 14) : 0;
  if (rng.chance(0.4)) d.illum = { amp: rng.range(0.04, 0.25), side: rng.int(0, 3) };
  if (rng.chance(0.35)) d.fade = { base: rng.range(0.55, 0.95), patch: rng.range(0, 0.35) };
  for (let i = rng.chance(0.25) ? rng.int(1, 4) : 0; i > 0; i--) {
    const r = rng.range(40, 400);
    d.stains.push({ x: rng.range(0, width), y: rng.range(0, height), rx: r * rng.range(0.6, 1.6), ry: r * rng.range(0.6, 1.6), dark: rng.range(0.05, 0.3), ring: rng.chance(0.4) });
  }
  for (let i = rng.chance(0.2) ? rng.int(1, 2) : 0; i > 0; i--) {
    const vertical = rng.chance(0.3);
    d.folds.push({ pos: rng.range(0.1, 0.9) * (vertical ? width : height), vertical, dark: rng.range(0.1, 0.45) });
  }
  if (rng.chance(0.12)) {
    // fan-fold prints: a crease across the page every 11–12 in
    const period = rng.range(11, 12) * dpi;
    const dark = rng.range(0.08, 0.35);
    for (let y = rng.range(0, period); y < height; y += period) d.folds.push({ pos: y, vertical: false, dark });
  }
  if (rng.chance(0.1)) d.bleed = { strength: rng.range(0.04, 0.15), offset: rng.range(-0.02, 0.02) * height };
  for (let i = rng.chance(0.08) ? rng.int(1, 3) : 0; i > 0; i--) d.streaks.push({ x: rng.range(0, width), w: rng.range(1, 3), dark: rng.range(0.1, 0.5) });
  d.blur = rng.chance(0.45) ? rng.range(0.4, 1.3) : 0;
  d.skew = rng.chance(0.6) ? rng.range(-1.5, 1.5) : 0;
  d.background = rng.chance(0.6) ? rng.range(230, 255) : rng.range(20, 90);
  if (rng.chance(0.12)) d.torn = { side: rng.chance(0.5) ? 'left' : 'right', depth: rng.range(8, 0.05 * width) };
  d.noise = rng.chance(0.6) ? rng.range(1.5, 12) : 0;
  d.saltPepper = rng.chance(0.3) ? rng.range(0.00005, 0.002) : 0;
  if (oneBit) {
    d.binarize = rng.range(100, 185);
    d.dither = rng.chance(0.25);
  }
  else if (rng.chance(0.5)) d.jpeg = rng.int(30, 90);
  return d;
}
