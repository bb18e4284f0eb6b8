/**
 * Tile bitmaps for the viewer, made on demand from the gray pyramid levels and kept in a bounded
 * LRU. Making one 512 × 512 tile (gray → RGBA, then createImageBitmap) takes about a millisecond of
 * main-thread time; at most a few milliseconds' worth are made per frame, so panning through a
 * 50,000 px log never blocks input. The whole of the coarsest level is one tile, always made first,
 * so there is always something to draw under a tile still being made.
 */
import type { Raster } from '../../core/raster';
import { TILE, type TileRef } from './geometry';

/** ~1 MB each (RGBA): 160 tiles ≈ 160 MB, several screens of the sharpest level. */
const MAX_TILES = 160;
/** main-thread budget per frame for making tiles, ms */
const FRAME_BUDGET_MS = 6;

const keyOf = (t: TileRef) => `${t.level}/${t.ix}/${t.iy}`;

/** Colours a w × h window of a level at (x0, y0) as RGBA pixels (little-endian 0xAABBGGRR words). */
export type TilePainter = (level: Raster, x0: number, y0: number, w: number, h: number, out: Uint32Array) => void;

/** The scan: opaque gray. */
export const grayPainter: TilePainter = (level, x0, y0, w, h, px) => {
  const src = level.data;
  for (let y = 0; y < h; y++) {
    const s = (y0 + y) * level.width + x0;
    const d = y * w;
    for (let x = 0; x < w; x++) {
      const g = src[s + x];
      px[d + x] = 0xff000000 | (g << 16) | (g << 8) | g; // opaque gray, byte order independent
    }
  }
};

export class TileCache {
  private bitmaps = new Map<string, ImageBitmap>();
  private inFlight = new Set<string>();
  private queue: TileRef[] = [];
  private frame = 0;
  private disposed = false;

  constructor(
    readonly levels: Raster[],
    private readonly onReady: (tile: TileRef) => void,
    private readonly paint: TilePainter = grayPainter,
  ) {
    this.request([{ level: levels.length - 1, ix: 0, iy: 0 }]);
  }

  /** The bitmap of a tile if it is made (and mark it recently used). */
  get(t: TileRef): ImageBitmap | null {
    const key = keyOf(t);
    const b = this.bitmaps.get(key);
    if (!b) return null;
    this.bitmaps.delete(key);
    this.bitmaps.set(key, b);
    return b;
  }

  /** Replace the wanted list with these tiles (in priority order); stale requests are dropped. */
  request(tiles: TileRef[]): void {
    if (this.disposed) return;
    this.queue = tiles.filter((t) => !this.bitmaps.has(keyOf(t)) && !this.inFlight.has(keyOf(t)));
    if (this.queue.length > 0 && !this.frame) this.frame = requestAnimationFrame(() => this.work());
  }

  private work(): void {
    this.frame = 0;
    const start = performance.now();
    while (this.queue.length > 0 && performance.now() - start < FRAME_BUDGET_MS) this.make(this.queue.shift()!);
    if (this.queue.length > 0) this.frame = requestAnimationFrame(() => this.work());
  }

  private make(t: TileRef): void {
    const key = keyOf(t);
    const level = this.levels[t.level];
    const x0 = t.ix * TILE;
    const y0 = t.iy * TILE;
    const w = Math.min(TILE, level.width - x0);
    const h = Math.min(TILE, level.height - y0);
    if (w <= 0 || h <= 0) return;
    const image = new ImageData(w, h);
    this.paint(level, x0, y0, w, h, new Uint32Array(image.data.buffer));
    this.inFlight.add(key);
    createImageBitmap(image).then(
      (bitmap) => {
        this.inFlight.delete(key);
        if (this.disposed) return bitmap.close();
        this.bitmaps.set(key, bitmap);
        this.evict();
        this.onReady(t);
      },
      () => this.inFlight.delete(key),
    );
  }

  private evict(): void {
    const coarsest = keyOf({ level: this.levels.length - 1, ix: 0, iy: 0 });
    for (const [key, b] of this.bitmaps) {
      if (this.bitmaps.size <= MAX_TILES) break;
      if (key === coarsest) continue;
      b.close();
      this.bitmaps.delete(key);
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.frame) cancelAnimationFrame(this.frame);
    for (const b of this.bitmaps.values()) b.close();
    this.bitmaps.clear();
    this.queue = [];
  }
}
