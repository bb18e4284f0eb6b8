/**
 * Helpers for the calibrate step: the auto-layout proposal for a decoded scan, and snapping a click
 * to the depth line under it. Frames: the upright frame (px, +0.5 = pixel centre) of the layout.
 */
import type { Layout } from '../calibration/layout.ts';
import { detectLayout, type LayoutProposal } from '../layout-detect/index.ts';
import { rotate90, toGray } from '../raster/index.ts';
import type { Raster } from '../raster.ts';

/**
 * Auto-layout for a decoded scan turned by the layout's `rotate`: deskew, tracks, depth lines.
 * With a numeric `deskew` the proposal is placed in that frame; with 'auto' the angle is estimated
 * (proposal.deskew) and the positions are in the frame it gives.
 */
export function analyseScan(source: Raster, layout: Pick<Layout, 'rotate' | 'deskew'>): LayoutProposal {
  const rotated = rotate90(toGray(source), layout.rotate / 90);
  return detectLayout(rotated, layout.deskew === 'auto' ? {} : { deskew: layout.deskew });
}

export interface SnapOptions {
  /** rows searched above and below the click, px */
  radius: number;
  /** share of the span's columns that must be ink on the line's row */
  minCover: number;
}

const DEFAULT_SNAP: SnapOptions = { radius: 12, minCover: 0.5 };
/** darkness (255 − gray) at or above which a pixel counts as ink */
const INK = 96;

/**
 * The centre row (continuous y) of the horizontal line nearest `y` that crosses most of the columns
 * [x0, x1) of the upright scan, or null when no row near it is such a line. The centre is the
 * darkness-weighted mean of the line's rows (a 2 px line between rows 319 and 320 → 320.0).
 */
export function snapDepthLine(upright: Raster, y: number, x0: number, x1: number, options: Partial<SnapOptions> = {}): number | null {
  const o = { ...DEFAULT_SNAP, ...options };
  const { width, height, data } = upright;
  const c0 = Math.max(0, Math.floor(x0));
  const c1 = Math.min(width, Math.ceil(x1));
  if (c1 - c0 < 8 || upright.channels !== 1) return null;
  const r0 = Math.max(0, Math.floor(y - o.radius));
  const r1 = Math.min(height, Math.ceil(y + o.radius) + 1);
  const cover = new Float64Array(r1 - r0);
  const mass = new Float64Array(r1 - r0);
  for (let r = r0; r < r1; r++) {
    let on = 0, m = 0;
    for (let x = c0, p = r * width + c0; x < c1; x++, p++) {
      const d = 255 - data[p];
      m += d;
      if (d >= INK) on++;
    }
    cover[r - r0] = on / (c1 - c0);
    mass[r - r0] = m;
  }
  let best = -1;
  for (let i = 0; i < cover.length; i++) {
    if (cover[i] < o.minCover) continue;
    if (best < 0 || Math.abs(r0 + i + 0.5 - y) < Math.abs(r0 + best + 0.5 - y)) best = i;
  }
  if (best < 0) return null;
  // the line's rows: neighbours still mostly inked (a 2–3 px thick line), weighted by darkness
  let lo = best, hi = best;
  while (lo > 0 && cover[lo - 1] >= o.minCover / 2) lo--;
  while (hi < cover.length - 1 && cover[hi + 1] >= o.minCover / 2) hi++;
  // above the paper's own darkness (the faintest row searched), so a gray paper does not pull the centre
  const paper = Math.min(...mass);
  let sw = 0, sy = 0;
  for (let i = lo; i <= hi; i++) {
    sw += mass[i] - paper;
    sy += (mass[i] - paper) * (r0 + i + 0.5);
  }
  return sw > 0 ? sy / sw : r0 + best + 0.5;
}
