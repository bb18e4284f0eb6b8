/**
 * PNG bytes → Raster with fast-png, for the segmentation harness, its e2e test and the benchmark:
 * the page and Node decode the same bytes with the same code, so masks compare pixel for pixel.
 * (The app itself decodes through src/io/decode.)
 */
import { decode } from 'fast-png';
import type { Raster } from '../core/raster';

export function pngToRaster(bytes: Uint8Array): Raster {
  const png = decode(bytes);
  const { width, height, depth, channels } = png;
  const src = png.data;
  if (depth === 8 && (channels === 1 || channels === 3 || channels === 4))
    return { width, height, channels, data: new Uint8Array(src.buffer, src.byteOffset, src.byteLength) };
  if (depth === 1 && channels === 1) {
    const data = new Uint8Array(width * height);
    const stride = Math.ceil(width / 8);
    const packed = src as Uint8Array;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) data[y * width + x] = (packed[y * stride + (x >> 3)] >> (7 - (x & 7))) & 1 ? 255 : 0;
    return { width, height, channels: 1, data };
  }
  throw new Error(`harness PNG: ${channels} channels at ${depth} bits are not handled (use 8-bit gray/RGB or 1-bit)`);
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
