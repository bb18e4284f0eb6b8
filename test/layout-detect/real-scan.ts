/**
 * The real scan 273101 (a 200 dpi Log-Tech print; licence not cleared, so it lives in ../shared, never in
 * the repo). Tests that need it skip with a printed reason where it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode } from 'fast-png';
import type { Raster } from '../../src/core/raster.ts';

export const REAL_SCAN = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/raster/273101.png');

/** Why the real scan cannot be used here, or null when it can. */
export function realScanMissing(): string | null {
  return existsSync(REAL_SCAN) ? null : `skipped: ${REAL_SCAN} is absent (the real scan stays outside the repo)`;
}

/** Decodes a grayscale PNG (1, 2, 4, 8 or 16 bit; alpha ignored) to an 8-bit gray raster. */
export function readGrayPng(path: string): Raster {
  const png = decode(readFileSync(path));
  const { width, height, depth } = png;
  const ch = png.channels;
  const data = new Uint8Array(width * height);
  const src = png.data;
  if (depth < 8) {
    const rowBytes = Math.ceil((width * depth * ch) / 8);
    const max = (1 << depth) - 1;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const bit = x * depth * ch;
        const v = ((src[y * rowBytes + (bit >> 3)] as number) >> (8 - depth - (bit & 7))) & max;
        data[y * width + x] = Math.round((v * 255) / max);
      }
    }
  } else {
    const shift = depth === 16 ? 8 : 0;
    for (let i = 0; i < width * height; i++) data[i] = (src[i * ch] as number) >> shift;
  }
  return { width, height, channels: 1, data };
}
