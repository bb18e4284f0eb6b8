/**
 * Viewer geometry, pure: which pyramid level to draw at a zoom, which tiles are visible, and the
 * transform that fits a scan. Frames: scan px (upright scan, level 0), level px (scan px / 2^L),
 * screen px (CSS px of the viewer; device px = CSS px × devicePixelRatio).
 */
import type { ViewTransform } from '../../state/view';

export const TILE = 512;
export const MAX_ZOOM = 16;

/** Sizes of the pyramid levels, level 0 first. */
export interface LevelSize {
  width: number;
  height: number;
}

/**
 * The coarsest level whose resolution still covers the screen's: device px per scan px = k × dpr,
 * so level L (2^L scan px per level px) is sharp enough while 2^-L ≥ k × dpr.
 */
export function chooseLevel(k: number, dpr: number, levelCount: number): number {
  const s = k * dpr;
  if (s >= 1) return 0;
  return Math.max(0, Math.min(levelCount - 1, Math.floor(Math.log2(1 / s))));
}

export interface TileRef {
  level: number;
  ix: number;
  iy: number;
}

/** Tiles of `level` that intersect the viewport, nearest the centre first (they load first). */
export function visibleTiles(t: ViewTransform, viewport: LevelSize, level: number, size: LevelSize): TileRef[] {
  const scale = 2 ** level; // scan px per level px
  const span = TILE * scale; // scan px per tile
  const x0 = -t.x / t.k;
  const y0 = -t.y / t.k;
  const x1 = (viewport.width - t.x) / t.k;
  const y1 = (viewport.height - t.y) / t.k;
  const nx = Math.ceil(size.width / TILE);
  const ny = Math.ceil(size.height / TILE);
  const ix0 = Math.max(0, Math.floor(x0 / span));
  const iy0 = Math.max(0, Math.floor(y0 / span));
  const ix1 = Math.min(nx - 1, Math.floor(x1 / span));
  const iy1 = Math.min(ny - 1, Math.floor(y1 / span));
  const out: TileRef[] = [];
  for (let iy = iy0; iy <= iy1; iy++) for (let ix = ix0; ix <= ix1; ix++) out.push({ level, ix, iy });
  const cx = (x0 + x1) / 2 / span - 0.5;
  const cy = (y0 + y1) / 2 / span - 0.5;
  return out.sort((a, b) => Math.hypot(a.ix - cx, a.iy - cy) - Math.hypot(b.ix - cx, b.iy - cy));
}

/** Fit the scan's width in the viewport (logs are read top to bottom), top edge showing. */
export function fitWidth(scan: LevelSize, viewport: LevelSize): ViewTransform {
  const margin = 16;
  const k = Math.min(4, Math.max(1e-3, (viewport.width - 2 * margin) / scan.width));
  return { k, x: (viewport.width - scan.width * k) / 2, y: margin };
}

/** Zoom limits: out until the whole scan fits with room to spare, in to MAX_ZOOM screen px per scan px. */
export function zoomExtent(scan: LevelSize, viewport: LevelSize): [number, number] {
  const whole = Math.min(viewport.width / scan.width, viewport.height / scan.height);
  return [Math.min(whole * 0.5, 1), MAX_ZOOM];
}

/** How far the scan may be panned: its own area plus a margin (scan px). */
export function panExtent(scan: LevelSize): [[number, number], [number, number]] {
  const m = Math.max(32, 0.06 * Math.min(scan.width, scan.height));
  return [[-m, -m], [scan.width + m, scan.height + m]];
}

/** Screen px → scan px. */
export function toScan(t: ViewTransform, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - t.x) / t.k, y: (sy - t.y) / t.k };
}
