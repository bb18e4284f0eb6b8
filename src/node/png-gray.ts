/**
 * A small 8-bit grayscale PNG encoder on Node's native zlib: the dataset writer emits ~25 MP scans
 * and masks, and native deflate is several times faster than a pure-JS one. Output is deterministic
 * for a given zlib build (fixed level, fixed per-row filter choice).
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

const absByte = (v: number) => (v < 128 ? v : 256 - v);

/** PNG's Paeth predictor. */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Filtered bytes of row y with filter type f (0 None, 1 Sub, 2 Up, 4 Paeth) into out at o + 1. */
function filterRow(data: Uint8Array, width: number, y: number, f: number, out: Uint8Array, o: number): number {
  const row = y * width;
  const up = y > 0 ? row - width : -1;
  let cost = 0;
  out[o] = f;
  for (let x = 0; x < width; x++) {
    const v = data[row + x];
    const a = x > 0 ? data[row + x - 1] : 0;
    const b = up >= 0 ? data[up + x] : 0;
    const c = x > 0 && up >= 0 ? data[up + x - 1] : 0;
    const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : paeth(a, b, c);
    const r = (v - pred) & 0xff;
    out[o + 1 + x] = r;
    cost += absByte(r);
  }
  return cost;
}

/** Row y filtered with Up or None, whichever has the smaller sum of absolute residuals (one pass to choose). */
function upOrNone(data: Uint8Array, width: number, y: number, out: Uint8Array, o: number): void {
  const row = y * width;
  let costNone = 0;
  let costUp = 0;
  if (y > 0) {
    for (let x = 0; x < width; x++) {
      const v = data[row + x];
      costNone += v < 128 ? v : 256 - v;
      const u = (v - data[row - width + x]) & 0xff;
      costUp += u < 128 ? u : 256 - u;
    }
  }
  if (y > 0 && costUp < costNone) {
    out[o] = 2;
    for (let x = 0; x < width; x++) out[o + 1 + x] = (data[row + x] - data[row - width + x]) & 0xff;
  } else {
    out[o] = 0;
    out.set(data.subarray(row, row + width), o + 1);
  }
}

/**
 * Filter rows for deflate. 'fast' (dataset writer): Up or None, whichever has the smaller sum of
 * absolute residuals — line art is mostly vertical lines and flat paper. 'best' (committed assets):
 * the same choice among None, Sub, Up and Paeth, the usual PNG heuristic.
 */
function filterRows(data: Uint8Array, width: number, height: number, mode: 'fast' | 'best'): Uint8Array {
  const stride = width + 1;
  const out = new Uint8Array(stride * height);
  if (mode === 'fast') {
    for (let y = 0; y < height; y++) upOrNone(data, width, y, out, y * stride);
    return out;
  }
  const trial = new Uint8Array(stride);
  const types = [0, 1, 2, 4];
  for (let y = 0; y < height; y++) {
    const o = y * stride;
    let best = filterRow(data, width, y, types[0], out, o);
    for (let k = 1; k < types.length && y > 0; k++) {
      const cost = filterRow(data, width, y, types[k], trial, 0);
      if (cost < best) {
        best = cost;
        out.set(trial, o);
      }
    }
  }
  return out;
}

/** Encode an 8-bit single-channel image as PNG bytes. */
export function encodeGrayPng(data: Uint8Array, width: number, height: number, level = 6, mode: 'fast' | 'best' = 'fast'): Uint8Array {
  if (data.length !== width * height) throw new Error(`encodeGrayPng: ${data.length} bytes for ${width}×${height}`);
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // colour type: grayscale
  const idat = deflateSync(filterRows(data, width, height, mode), { level });
  const sig = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
  const parts = [sig, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
