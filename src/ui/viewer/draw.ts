/**
 * One frame of the scan: background, then every visible tile of the chosen level, each from the
 * nearest coarser tile while its own is still being made. Tile edges are rounded to whole device
 * pixels so neighbouring tiles meet without hairline seams.
 */
import type { Raster } from '../../core/raster';
import type { ViewTransform } from '../../state/view';
import { chooseLevel, TILE, visibleTiles, type TileRef } from './geometry';
import type { TileCache } from './tiles';

export interface FrameInput {
  ctx: CanvasRenderingContext2D;
  /** canvas size in device px */
  width: number;
  height: number;
  dpr: number;
  t: ViewTransform;
  levels: Raster[];
  tiles: TileCache;
}

const PAPER_EDGE = '#c9c4b8';

export function drawFrame(input: FrameInput): void {
  const { ctx, width, height, dpr, t, levels } = input;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  if (levels.length === 0) return;
  const full = levels[0];
  const edge = deviceRect(t, dpr, 0, 0, full.width, full.height);
  ctx.fillStyle = PAPER_EDGE;
  ctx.fillRect(edge.x - 1, edge.y - 1, edge.w + 2, edge.h + 2);
  drawTiles(input);
}

/**
 * Every visible tile of the level the zoom needs (requested from the cache, nearest the centre
 * first), each from the nearest coarser tile while its own is being made. Also draws layers over
 * the scan (the mask overlay) with their own levels and cache; `crisp` keeps class colours unblended.
 */
export function drawTiles({ ctx, width, height, dpr, t, levels, tiles }: FrameInput, crisp = false): void {
  if (levels.length === 0) return;
  const level = chooseLevel(t.k, dpr, levels.length);
  // Magnified past 2 device px per scan px: show pixels crisp, as they are in the file.
  ctx.imageSmoothingEnabled = !crisp && t.k * dpr < 2;
  // Bilinear is enough: the level drawn is never more than 2× the screen resolution.
  ctx.imageSmoothingQuality = 'low';
  const wanted = visibleTiles(t, { width: width / dpr, height: height / dpr }, level, levels[level]);
  tiles.request(wanted);
  for (const tile of wanted) drawTile(ctx, t, dpr, levels, tiles, tile);
}

/**
 * Draw only tiles that just arrived, over the fallback drawn under them before (the transform has
 * not changed since). Returns false when a full frame is needed instead: an arrival at another
 * level can change the fallback of tiles still missing.
 */
export function drawArrived({ ctx, dpr, t, levels, tiles }: FrameInput, arrived: TileRef[]): boolean {
  const level = chooseLevel(t.k, dpr, levels.length);
  if (arrived.some((a) => a.level !== level)) return false;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.imageSmoothingEnabled = t.k * dpr < 2;
  ctx.imageSmoothingQuality = 'low';
  for (const tile of arrived) drawTile(ctx, t, dpr, levels, tiles, tile);
  return true;
}

function drawTile(ctx: CanvasRenderingContext2D, t: ViewTransform, dpr: number, levels: Raster[], tiles: TileCache, tile: TileRef): void {
  const scale = 2 ** tile.level;
  const lv = levels[tile.level];
  // The tile's area in scan px (clipped to the scan: the last level px may overhang it).
  const sx = tile.ix * TILE * scale;
  const sy = tile.iy * TILE * scale;
  const sw = Math.min(TILE * scale, levels[0].width - sx);
  const sh = Math.min(TILE * scale, levels[0].height - sy);
  const dest = deviceRect(t, dpr, sx, sy, sw, sh);
  const own = tiles.get(tile);
  if (own) {
    ctx.drawImage(own, 0, 0, Math.min(TILE, lv.width - tile.ix * TILE), Math.min(TILE, lv.height - tile.iy * TILE), dest.x, dest.y, dest.w, dest.h);
    return;
  }
  for (let up = tile.level + 1; up < levels.length; up++) {
    const f = 2 ** (up - tile.level);
    const parent = { level: up, ix: Math.floor(tile.ix / f), iy: Math.floor(tile.iy / f) };
    const b = tiles.get(parent);
    if (!b) continue;
    const upScale = 2 ** up;
    // Source rect inside the parent tile, in its level px.
    const px = sx / upScale - parent.ix * TILE;
    const py = sy / upScale - parent.iy * TILE;
    ctx.drawImage(b, px, py, sw / upScale, sh / upScale, dest.x, dest.y, dest.w, dest.h);
    return;
  }
}

/** Scan-px rectangle → device-px rectangle with rounded edges. */
function deviceRect(t: ViewTransform, dpr: number, x: number, y: number, w: number, h: number) {
  const x0 = Math.round((t.x + x * t.k) * dpr);
  const y0 = Math.round((t.y + y * t.k) * dpr);
  const x1 = Math.round((t.x + (x + w) * t.k) * dpr);
  const y1 = Math.round((t.y + (y + h) * t.k) * dpr);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
