/**
 * Profiles of the line evidence once the skew is known, in "straightened" coordinates: the scan sheared
 * so lines are axis-parallel (x_s = x + (y − cy)·tanθ, y_s = y − (x − cx)·tanθ). To first order this is
 * the deskew rotation; detect.ts converts results to the rotated frame (a cosθ scale about the centre).
 * Positions are px with +0.5 = pixel centre.
 */
import type { InkImage, LineEvidence } from './evidence.ts';
import { paperRows } from './background.ts';

/** A straight line found in a profile: centre (px), total evidence, and its extent in bins. */
export interface ProfileLine {
  centre: number;
  /** sum of the profile over the line's bins (line profiles: coverage × width in px) */
  weight: number;
  /** the same sum over a second profile when given (vertical lines: darkness-weighted, how heavy) */
  mass: number;
  /** peak height of the profile (same unit as the profile) */
  peak: number;
}

/** Scan pixel (column, row) of a straightened point. */
export function toScan(xs: number, ys: number, tan: number, w: number, h: number): [number, number] {
  return [xs - (ys - h / 2) * tan, ys + (xs - w / 2) * tan];
}

/**
 * Share of the rows of strips [s0, s1) in which straightened column x_s has vertical-line ink, per column.
 * Index = column; values 0..1. Only the rows where x_s falls inside the scan count: on a skewed scan a
 * frame on the page's edge leaves the image halfway down, and is as much a frame for it (at least a
 * quarter of the rows always count, so a sliver at a corner cannot make a line). Where the scan has
 * background beside the sheet (a torn edge), only the rows on paper count likewise.
 */
export function verticalProfile(e: LineEvidence, tan: number, s0 = 0, s1 = Math.ceil(e.height / e.strip), mass = false): Float64Array {
  const out = new Float64Array(e.width);
  const c = mass ? e.verticalMass : e.vertical;
  const y0 = s0 * e.strip, y1 = Math.min(e.height, s1 * e.strip);
  const rows = Math.max(1, y1 - y0);
  for (let k = 0; k < c.count; k++) {
    if (c.strip[k] < s0 || c.strip[k] >= s1) continue;
    const p = c.pos[k] + ((c.strip[k] + 0.5) * e.strip - e.height / 2) * tan;
    const i = Math.floor(p), f = p - i;
    if (i >= 0 && i < e.width) out[i] += c.weight[k] * (1 - f);
    if (i + 1 >= 0 && i + 1 < e.width) out[i + 1] += c.weight[k] * f;
  }
  const seen = (xs: number) => (e.paper ? paperRows(e.paper, xs, y0, y1, tan, e.height) : visibleRows(xs, y0, y1, tan, e.width, e.height));
  for (let x = 0; x < e.width; x++) out[x] /= Math.max(0.25 * rows, seen(x + 0.5));
  return out;
}

/** Rows y in [y0, y1) where straightened column xs maps inside the scan: 0 ≤ xs − (y + 0.5 − h/2)·tan < w. */
export function visibleRows(xs: number, y0: number, y1: number, tan: number, w: number, h: number): number {
  if (Math.abs(tan) < 1e-12) return xs >= 0 && xs < w ? y1 - y0 : 0;
  // x(y) is linear in y: solve for the rows where it is inside [0, w)
  const ya = xs / tan + h / 2, yb = (xs - w) / tan + h / 2; // x = 0 and x = w, as y + 0.5
  const lo = Math.max(y0, Math.min(ya, yb) - 0.5), hi = Math.min(y1, Math.max(ya, yb) - 0.5);
  return Math.max(0, hi - lo);
}

/** Horizontal-line ink per straightened row (px of line per row). Index = row. */
export function horizontalProfile(e: LineEvidence, tan: number): Float64Array {
  const out = new Float64Array(e.height);
  const c = e.horizontal;
  for (let k = 0; k < c.count; k++) {
    const p = c.pos[k] - ((c.strip[k] + 0.5) * e.strip - e.width / 2) * tan;
    const i = Math.floor(p), f = p - i;
    if (i >= 0 && i < e.height) out[i] += c.weight[k] * (1 - f);
    if (i + 1 >= 0 && i + 1 < e.height) out[i + 1] += c.weight[k] * f;
  }
  return out;
}

/**
 * Lines in a profile: each peak with the bins falling away from it on both sides
 * down to a quarter of the peak (a line split between two bins), never climbing again (a curve's
 * stroke next to a grid line is not part of it), kept when their total reaches `min`.
 * Centre weighted; bin i ↔ centre i + 0.5.
 */
export function linesInProfile(profile: Float64Array, min: number, second?: Float64Array): ProfileLine[] {
  const lines: ProfileLine[] = [];
  const n = profile.length;
  let i = 0;
  while (i < n) {
    // a line split between bins has a lower peak: start at a third of `min`, judge the line's total
    if (profile[i] < min / 3) { i++; continue; }
    let top = i;
    while (top + 1 < n && profile[top + 1] >= profile[top]) top++;
    const peak = profile[top], floor = peak / 4;
    let a = top, b = top + 1;
    while (a > 0 && profile[a - 1] >= floor && profile[a - 1] <= profile[a]) a--;
    while (b < n && profile[b] >= floor && profile[b] <= profile[b - 1]) b++;
    let w = 0, wx = 0, m = 0;
    for (let k = a; k < b; k++) {
      w += profile[k];
      wx += profile[k] * (k + 0.5);
      m += second ? second[k] : 0;
    }
    if (w >= min) lines.push({ centre: wx / w, weight: w, peak, mass: m });
    // the rest of the falling side belongs to this line, not to a new one
    i = Math.max(b, i + 1);
    while (i < n && profile[i] <= profile[i - 1]) i++;
  }
  return lines;
}

/**
 * Lines whose centres are closer than `gap` px joined into one (centre weighted by weight; weight, mass
 * and peak summed or kept): a frame blurred or dithered into two side-by-side peaks is one line.
 */
export function mergeClose(lines: ProfileLine[], gap: number): ProfileLine[] {
  const out: ProfileLine[] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    if (!last || l.centre - last.centre >= gap) { out.push({ ...l }); continue; }
    const w = last.weight + l.weight;
    out[out.length - 1] = { centre: (last.centre * last.weight + l.centre * l.weight) / w, weight: w, mass: last.mass + l.mass, peak: Math.max(last.peak, l.peak) };
  }
  return out;
}

/** Is there ink within a row of straightened point (x_s, y_s)? */
export function inkNear(img: InkImage, xs: number, ys: number, tan: number): boolean {
  const [x, y] = toScan(xs, ys, tan, img.width, img.height);
  const c = Math.floor(x), r = Math.floor(y);
  if (c < 0 || c >= img.width) return false;
  for (let k = Math.max(0, r - 1); k <= Math.min(img.height - 1, r + 1); k++) if (img.ink[k * img.width + c]) return true;
  return false;
}

/** Per straightened column, the share of `rows` (straightened line centres) that have ink there. */
export function horizontalCoverage(img: InkImage, rows: number[], tan: number): Float64Array {
  const out = new Float64Array(img.width);
  if (rows.length === 0) return out;
  for (const y of rows) for (let x = 0; x < img.width; x++) if (inkNear(img, x + 0.5, y, tan)) out[x]++;
  for (let x = 0; x < img.width; x++) out[x] /= rows.length;
  return out;
}
