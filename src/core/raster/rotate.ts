/**
 * Turning a raster by quarter turns, clockwise (the layout's `rotate`, applied first).
 * Pixel (x, y) of a W × H raster lands at: 1 turn (90°) → (H−1−y, x); 2 turns → (W−1−x, H−1−y);
 * 3 turns (270°) → (y, W−1−x).
 */
import type { Raster } from '../raster';
import { checkRaster } from './gray';

/** Square blocks copied one at a time, so reads and writes both stay within a few cache lines. */
const TILE = 64;

/** The raster turned `turns` × 90° clockwise (negative turns go counter-clockwise). 0 turns returns `r` itself. */
export function rotate90(r: Raster, turns: number): Raster {
  if (!Number.isInteger(turns)) throw new Error(`rotate90: turns must be a whole number, not ${turns}`);
  checkRaster(r);
  const t = ((turns % 4) + 4) % 4;
  if (t === 0) return r;
  if (t === 2) return halfTurn(r);
  return quarterTurn(r, t === 1);
}

function halfTurn(r: Raster): Raster {
  const { data, channels: c } = r;
  const out = new Uint8Array(data.length);
  const n = r.width * r.height;
  for (let i = 0; i < n; i++) {
    const s = i * c;
    const d = (n - 1 - i) * c;
    for (let k = 0; k < c; k++) out[d + k] = data[s + k];
  }
  return { width: r.width, height: r.height, channels: c, data: out };
}

function quarterTurn(r: Raster, clockwise: boolean): Raster {
  const { width: w, height: h, channels: c, data } = r;
  const out = new Uint8Array(data.length);
  // output is h wide and w high
  for (let by = 0; by < h; by += TILE) {
    const yEnd = Math.min(by + TILE, h);
    for (let bx = 0; bx < w; bx += TILE) {
      const xEnd = Math.min(bx + TILE, w);
      for (let y = by; y < yEnd; y++) {
        for (let x = bx; x < xEnd; x++) {
          const dx = clockwise ? h - 1 - y : y;
          const dy = clockwise ? x : w - 1 - x;
          const s = (y * w + x) * c;
          const d = (dy * h + dx) * c;
          for (let k = 0; k < c; k++) out[d + k] = data[s + k];
        }
      }
    }
  }
  return { width: h, height: w, channels: c, data: out };
}
