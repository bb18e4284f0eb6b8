/**
 * The two pixel frames of a scan and the maps between them:
 *   source  — the scan as decoded (W × H);
 *   upright — rotated clockwise by `rotate`, then deskewed by `deskew` about its centre
 *             (the frame every layout coordinate, trace and mask refers to).
 * Points are continuous (x, y) in px, y down, pixel (i, j) covering [i, i+1) × [j, j+1).
 * The maps are exact inverses of each other and agree with rotate90 and deskew pixel for pixel.
 */
import type { PixelPoint, Rotation } from '../calibration/layout';
import type { Raster } from '../raster';
import { deskew } from './deskew';
import { rotate90 } from './rotate';

/** The part of a layout that places the upright frame; `deskew` already resolved from "auto". */
export interface UprightParams {
  rotate: Rotation;
  deskew: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Size of the upright frame: a quarter turn swaps the sides; deskew keeps them. */
export function uprightSize(src: Size, rotate: Rotation): Size {
  return rotate === 90 || rotate === 270 ? { width: src.height, height: src.width } : { ...src };
}

/** The upright raster of a decoded scan (rotate90 then deskew; either is skipped when 0). */
export function toUpright(r: Raster, params: UprightParams): Raster {
  return deskew(rotate90(r, quarterTurns(params.rotate)), params.deskew);
}

/** source frame → upright frame */
export function sourceToUpright(p: PixelPoint, params: UprightParams, src: Size): PixelPoint {
  const { width: w, height: h } = src;
  const rotated = ((): PixelPoint => {
    switch (quarterTurns(params.rotate)) {
      case 1: return { x: h - p.y, y: p.x };
      case 2: return { x: w - p.x, y: h - p.y };
      case 3: return { x: p.y, y: w - p.x };
      default: return { x: p.x, y: p.y };
    }
  })();
  // deskew turns the content back counter-clockwise: the inverse of R in deskew.ts
  return turn(rotated, uprightSize(src, params.rotate), -params.deskew);
}

/** upright frame → source frame: where on the original scan an upright point lies */
export function uprightToSource(p: PixelPoint, params: UprightParams, src: Size): PixelPoint {
  const { width: w, height: h } = src;
  const r = turn(p, uprightSize(src, params.rotate), params.deskew);
  switch (quarterTurns(params.rotate)) {
    case 1: return { x: r.y, y: h - r.x };
    case 2: return { x: w - r.x, y: h - r.y };
    case 3: return { x: w - r.y, y: r.x };
    default: return r;
  }
}

/** p turned clockwise on screen (y down) by `degrees` about the centre of a frame of `size`. */
function turn(p: PixelPoint, size: Size, degrees: number): PixelPoint {
  if (degrees === 0) return { x: p.x, y: p.y };
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = size.width / 2;
  const cy = size.height / 2;
  const dx = p.x - cx;
  const dy = p.y - cy;
  return { x: cx + dx * cos - dy * sin, y: cy + dx * sin + dy * cos };
}

function quarterTurns(rotate: Rotation): number {
  if (rotate !== 0 && rotate !== 90 && rotate !== 180 && rotate !== 270) {
    throw new Error(`rotate must be 0, 90, 180 or 270 degrees, not ${rotate}`);
  }
  return rotate / 90;
}
