/**
 * A deterministic log-like test scan (grayscale, 0 = ink, 255 = paper): a ruled track area with
 * sinuous solid and dashed curves and text-like blocks, inside pure-white margins. It stands in for a
 * real scan in tiling tests: what matters there is structure everywhere plus genuinely blank areas.
 */
import type { Raster } from '../../src/core/raster';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface FixtureScanOptions {
  width: number;
  height: number;
  seed?: number;
  /** white margin around the ruled area, px */
  margin?: number;
  /** sensor noise amplitude in grey levels on the ruled area (0 = none) */
  noise?: number;
}

export function fixtureScan({ width, height, seed = 1, margin = 96, noise = 6 }: FixtureScanOptions): Raster {
  const rand = lcg(seed);
  const data = new Uint8Array(width * height).fill(255);
  const x0 = margin;
  const x1 = width - margin;
  const ink = (x: number, y: number, v: number): void => {
    if (x >= x0 && x < x1 && y >= margin && y < height - margin) data[y * width + x] = Math.min(data[y * width + x], v);
  };
  for (let y = margin; y < height - margin; y++) {
    for (let x = x0; x < x1; x++) data[y * width + x] = 255 - Math.floor(rand() * noise);
  }
  for (let y = margin; y < height - margin; y += 20) for (let x = x0; x < x1; x++) ink(x, y, y % 100 === margin % 100 ? 60 : 110);
  for (let x = x0; x < x1; x += 70) for (let y = margin; y < height - margin; y++) ink(x, y, 110);
  for (let c = 0; c < 4; c++) {
    const cx = x0 + rand() * (x1 - x0);
    const amp = 20 + rand() * (x1 - x0) * 0.2;
    const period = 40 + rand() * 150;
    const dashed = c % 2 === 1;
    for (let y = margin; y < height - margin; y++) {
      if (dashed && Math.floor(y / 6) % 2 === 1) continue;
      const x = Math.round(cx + amp * Math.sin(y / period + c));
      for (let t = 0; t < 3; t++) ink(x + t, y, 10);
    }
  }
  for (let b = 0; b < Math.floor(height / 150); b++) {
    const bx = Math.floor(x0 + rand() * (x1 - x0 - 40));
    const by = Math.floor(margin + rand() * (height - 2 * margin - 16));
    for (let k = 0; k < 5; k++) for (let y = by + 4; y < by + 12; y++) for (let x = bx + 2 + 7 * k; x < bx + 6 + 7 * k; x++) ink(x, y, 20);
  }
  return { width, height, channels: 1, data };
}
