/**
 * The start screen's picture of a session: the head of the log (where the header and the first
 * tracks are), scaled down by area averaging. Works in a worker too (OffscreenCanvas, no DOM), so
 * the decode worker can make it while it has the raster.
 */
import type { Raster } from '../core/raster';

export interface Thumbnail {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row-major */
  rgba: Uint8ClampedArray<ArrayBuffer>;
}

/**
 * Fits the top of `raster` into maxWidth × maxHeight px: the full width, and as many rows from the
 * top as keep the thumbnail's proportions (a 50,000-row log would be a thin line otherwise).
 */
export function thumbnailPixels(raster: Raster, maxWidth = 160, maxHeight = 240): Thumbnail {
  const { width: w, channels } = raster;
  const scale = Math.min(1, maxWidth / w);
  const width = Math.max(1, Math.round(w * scale));
  const rows = headRows(raster, maxWidth, maxHeight);
  const height = Math.max(1, Math.round(rows * scale));
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let ty = 0; ty < height; ty++) {
    const y0 = Math.floor((ty * rows) / height);
    const y1 = Math.max(y0 + 1, Math.floor(((ty + 1) * rows) / height));
    for (let tx = 0; tx < width; tx++) {
      const x0 = Math.floor((tx * w) / width);
      const x1 = Math.max(x0 + 1, Math.floor(((tx + 1) * w) / width));
      const sum = [0, 0, 0];
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = (y * w + x) * channels;
          sum[0] += raster.data[i];
          sum[1] += raster.data[channels >= 3 ? i + 1 : i];
          sum[2] += raster.data[channels >= 3 ? i + 2 : i];
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (ty * width + tx) * 4;
      rgba.set([sum[0] / n, sum[1] / n, sum[2] / n, 255], o);
    }
  }
  return { width, height, rgba };
}

/** Rows from the top that a thumbnail of `raster` reads (it never looks further down). */
function headRows(raster: Pick<Raster, 'width' | 'height'>, maxWidth: number, maxHeight: number): number {
  return Math.min(raster.height, Math.floor(maxHeight / Math.min(1, maxWidth / raster.width)));
}

/**
 * A copy of just the rows a thumbnail reads: what to send to a worker instead of a whole log
 * (a few MB rather than up to 120 MB), transferable because it owns its buffer.
 */
export function thumbnailHead(raster: Raster, maxWidth = 160, maxHeight = 240): Raster {
  const rows = headRows(raster, maxWidth, maxHeight);
  const data = raster.data.slice(0, rows * raster.width * raster.channels);
  return { width: raster.width, height: rows, channels: raster.channels, data };
}

/** The thumbnail as a small WebP (PNG where WebP encoding is missing), ready for saveSession. */
export async function makeThumbnail(raster: Raster, maxWidth = 160, maxHeight = 240): Promise<Blob> {
  const t = thumbnailPixels(raster, maxWidth, maxHeight);
  const canvas = new OffscreenCanvas(t.width, t.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas to draw the thumbnail on.');
  ctx.putImageData(new ImageData(t.rgba, t.width, t.height), 0, 0);
  return canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
}
