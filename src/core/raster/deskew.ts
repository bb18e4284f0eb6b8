/**
 * Deskew: turn a raster by a small angle about its centre (the layout's `deskew`, after `rotate`).
 *
 * Sign (as in layout.ts): `degrees` > 0 means the content of the input is tilted clockwise on
 * screen, so it is turned back counter-clockwise. In the continuous pixel frame (y down, pixel
 * centres at +0.5, centre c = (W/2, H/2)) the output point u shows the input point
 *   r = c + R(u − c),  R = [cos a  −sin a; sin a  cos a]   (clockwise on screen, y down).
 * The output has the input's size; what comes from outside the input is white paper.
 * Works one output row at a time into one new Uint8Array: no float copy of the scan.
 */
import type { Raster } from '../raster';
import { checkRaster } from './gray';

const WHITE = 255;

/** The raster turned back by `degrees` (see above), bilinear. 0° returns `r` itself. */
export function deskew(r: Raster, degrees: number): Raster {
  if (!Number.isFinite(degrees)) throw new Error(`deskew: angle must be a finite number of degrees, not ${degrees}`);
  checkRaster(r);
  if (degrees === 0) return r;
  const out = new Uint8Array(r.data.length);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = r.width / 2;
  const cy = r.height / 2;
  for (let j = 0; j < r.height; j++) {
    // input sample position (index space: pixel centre at integer + 0.5 → subtract 0.5) of output
    // pixel (0, j); each step right in the output moves (cos, sin) in the input
    const ux = 0.5 - cx;
    const uy = j + 0.5 - cy;
    const sx0 = cx + ux * cos - uy * sin - 0.5;
    const sy0 = cy + ux * sin + uy * cos - 0.5;
    if (r.channels === 1) sampleGrayRow(r, out, j, sx0, sy0, cos, sin);
    else sampleRow(r, out, j, sx0, sy0, cos, sin);
  }
  return { width: r.width, height: r.height, channels: r.channels, data: out };
}

/** sampleRow for one channel, the common case, without the per-channel loop (about 3× faster). */
function sampleGrayRow(r: Raster, out: Uint8Array, j: number, sx0: number, sy0: number, dx: number, dy: number): void {
  const { width: w, height: h, data } = r;
  const rowStart = j * w;
  for (let i = 0; i < w; i++) {
    const sx = sx0 + i * dx;
    const sy = sy0 + i * dy;
    const x0 = Math.floor(sx);
    const y0 = Math.floor(sy);
    if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
      const fx = sx - x0;
      const p = y0 * w + x0;
      const top = data[p] + fx * (data[p + 1] - data[p]);
      const bottom = data[p + w] + fx * (data[p + w + 1] - data[p + w]);
      out[rowStart + i] = (top + (sy - y0) * (bottom - top) + 0.5) | 0;
    } else if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) {
      out[rowStart + i] = WHITE;
    } else {
      const fx = sx - x0;
      const top = at(r, x0, y0, 0) + fx * (at(r, x0 + 1, y0, 0) - at(r, x0, y0, 0));
      const bottom = at(r, x0, y0 + 1, 0) + fx * (at(r, x0 + 1, y0 + 1, 0) - at(r, x0, y0 + 1, 0));
      out[rowStart + i] = (top + (sy - y0) * (bottom - top) + 0.5) | 0;
    }
  }
}

/** Bilinear samples along one output row; neighbours outside the input count as white. */
function sampleRow(r: Raster, out: Uint8Array, j: number, sx0: number, sy0: number, dx: number, dy: number): void {
  const { width: w, height: h, channels: c, data } = r;
  const rowStart = j * w * c;
  for (let i = 0; i < w; i++) {
    const sx = sx0 + i * dx;
    const sy = sy0 + i * dy;
    const x0 = Math.floor(sx);
    const y0 = Math.floor(sy);
    const fx = sx - x0;
    const fy = sy - y0;
    const o = rowStart + i * c;
    if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) {
      for (let k = 0; k < c; k++) out[o + k] = WHITE;
      continue;
    }
    const inside = x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h;
    const p00 = (y0 * w + x0) * c;
    for (let k = 0; k < c; k++) {
      let v00: number, v10: number, v01: number, v11: number;
      if (inside) {
        v00 = data[p00 + k];
        v10 = data[p00 + c + k];
        v01 = data[p00 + w * c + k];
        v11 = data[p00 + w * c + c + k];
      } else {
        v00 = at(r, x0, y0, k);
        v10 = at(r, x0 + 1, y0, k);
        v01 = at(r, x0, y0 + 1, k);
        v11 = at(r, x0 + 1, y0 + 1, k);
      }
      const top = v00 + fx * (v10 - v00);
      const bottom = v01 + fx * (v11 - v01);
      out[o + k] = (top + fy * (bottom - top) + 0.5) | 0;
    }
  }
}

/** Channel k of pixel (x, y), white outside the raster. */
function at(r: Raster, x: number, y: number, k: number): number {
  if (x < 0 || y < 0 || x >= r.width || y >= r.height) return WHITE;
  return r.data[(y * r.width + x) * r.channels + k];
}
