/**
 * Checking rasters and reducing them to one gray channel, the form the pipeline works on.
 */
import { MAX_SCAN_PIXELS, type Raster } from '../raster';

/** Throws a clear error for a raster whose fields disagree (wrong data length, bad sizes). */
export function checkRaster(r: Raster): void {
  const { width, height, channels, data } = r;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`raster: size ${width} × ${height} px must be whole numbers ≥ 1`);
  }
  if (channels !== 1 && channels !== 3 && channels !== 4) {
    throw new Error(`raster: ${channels} channels; expected 1 (gray), 3 (RGB) or 4 (RGBA)`);
  }
  if (width * height > MAX_SCAN_PIXELS) {
    throw new Error(`raster: ${width} × ${height} px is more than the ${MAX_SCAN_PIXELS} pixels Tracewell accepts`);
  }
  if (!(data instanceof Uint8Array) || data.length !== width * height * channels) {
    throw new Error(`raster: ${width} × ${height} × ${channels} needs ${width * height * channels} bytes, got ${data?.length}`);
  }
}

/**
 * One gray channel, 0 = black ink, 255 = white paper. RGB uses Rec. 601 luma in integers
 * ((77 R + 150 G + 29 B + 128) >> 8, weights summing to 256 so white stays 255); RGBA is composited
 * over white paper first, so transparent areas read as paper. A gray raster is returned as is
 * (the same object, not a copy: a 120-megapixel scan is not copied for nothing).
 */
export function toGray(r: Raster): Raster {
  checkRaster(r);
  if (r.channels === 1) return r;
  const n = r.width * r.height;
  const src = r.data;
  const out = new Uint8Array(n);
  if (r.channels === 3) {
    for (let i = 0, s = 0; i < n; i++, s += 3) out[i] = (77 * src[s] + 150 * src[s + 1] + 29 * src[s + 2] + 128) >> 8;
  } else {
    for (let i = 0, s = 0; i < n; i++, s += 4) {
      const luma = (77 * src[s] + 150 * src[s + 1] + 29 * src[s + 2] + 128) >> 8;
      const a = src[s + 3];
      out[i] = ((luma * a + 255 * (255 - a) + 127) / 255) | 0;
    }
  }
  return { width: r.width, height: r.height, channels: 1, data: out };
}
