/**
 * The first step of digitising: the decoded scan turned upright as the layout says — `rotate` (90°
 * steps, clockwise) then `deskew` (small angle, about the image centre) — the frame every layout
 * coordinate, segmentation, trace and display level refers to. The browser's display levels and the
 * CLI both build their upright raster here, so both read the same pixels.
 */
import type { Layout, Rotation } from '../calibration/layout.ts';
import { estimateSkew } from '../layout-detect/index.ts';
import { rotate90, toGray, toUpright } from '../raster/index.ts';
import type { Raster } from '../raster.ts';

export interface Upright {
  /** the upright scan, 8-bit gray */
  upright: Raster;
  /** deskew applied, degrees (layout.deskew convention); estimated when the layout says 'auto' */
  deskew: number;
}

/** Most skew the estimate looks for, degrees; more is a wrong `rotate`, not skew. */
const MAX_ESTIMATED_SKEW_DEG = 3;

/**
 * The deskew angle to apply to a scan already turned by `rotate`: the layout's number, or the
 * estimate from its long grid lines when it says 'auto' (deterministic: same scan, same angle).
 */
export function resolveDeskew(rotated: Raster, deskew: number | 'auto'): number {
  if (deskew !== 'auto') return deskew;
  return estimateSkew(rotated, { maxDegrees: MAX_ESTIMATED_SKEW_DEG });
}

/** The upright raster of a decoded scan (gray), and the deskew angle used. */
export function prepareUpright(source: Raster, layout: Pick<Layout, 'rotate' | 'deskew'>): Upright {
  const gray = toGray(source);
  const rotated = rotate90(gray, quarterTurns(layout.rotate));
  const deskew = resolveDeskew(rotated, layout.deskew);
  // toUpright on the rotated raster with rotate 0: the quarter turn is done once, not twice.
  return { upright: toUpright(rotated, { rotate: 0, deskew }), deskew };
}

function quarterTurns(rotate: Rotation): number {
  return rotate / 90;
}
