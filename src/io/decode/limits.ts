import { MAX_SCAN_PIXELS, MAX_SCAN_SIDE_PX } from '../../core/raster';
import { decodeError } from './errors';

/**
 * Size checks made from headers, before any pixel memory is allocated: a hostile or mistaken
 * header (a 100,000 × 100,000 image) must fail fast with a message, not exhaust memory.
 */
export function checkImageSize(fileName: string, width: number, height: number, what = 'The image'): void {
  if (!Number.isFinite(width) || !Number.isFinite(height)) {
    throw decodeError('corrupt', fileName, `${what.toLowerCase()} has no valid size in its header.`);
  }
  if (width <= 0 || height <= 0) {
    throw decodeError('zero-size', fileName, `${what.toLowerCase()} is ${width} × ${height} px: it has no pixels.`);
  }
  const side = Math.max(width, height);
  if (side > MAX_SCAN_SIDE_PX) {
    throw decodeError(
      'too-large',
      fileName,
      `${what.toLowerCase()} is ${fmt(width)} × ${fmt(height)} px; the longest side Tracewell accepts is ` +
        `${fmt(MAX_SCAN_SIDE_PX)} px. Split the log or scan it at a lower resolution.`,
    );
  }
  if (width * height > MAX_SCAN_PIXELS) {
    throw decodeError(
      'too-large',
      fileName,
      `${what.toLowerCase()} is ${fmt(width)} × ${fmt(height)} px = ${(width * height / 1e6).toFixed(0)} megapixels; ` +
        `the most Tracewell accepts is ${MAX_SCAN_PIXELS / 1e6} megapixels. Crop it or scan at a lower resolution.`,
    );
  }
}

export function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
