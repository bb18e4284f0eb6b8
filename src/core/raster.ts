/**
 * A decoded image as plain typed arrays, identical in the browser, in workers and in Node.
 * Row-major, top row first; `channels` interleaved samples per pixel, 8 bits each.
 * Grayscale (channels 1) is what the pipeline works on after decoding.
 */
export interface Raster {
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  data: Uint8Array;
}

/** Largest side we accept; longer scans are rejected with a clear message rather than exhausting memory. */
export const MAX_SCAN_SIDE_PX = 50_000;
/** Largest pixel count we accept (50,000 × 2,400). */
export const MAX_SCAN_PIXELS = 50_000 * 2_400;

// The operations on rasters live in src/core/raster/; re-exported so `core/raster` offers both.
export * from './raster/index';
