/**
 * Conversions from the sample layouts found in scan files to 8-bit grayscale (0 black … 255 white).
 * All take row-major interleaved samples; none allocate more than the output.
 */

/** Rec. 601 luma in fixed point (weights 77/150/29 of 256): the usual gray of a colour scan. */
export function luma(r: number, g: number, b: number): number {
  return (r * 77 + g * 150 + b * 29 + 128) >> 8;
}

/** Composite a gray value over white paper with alpha 0..255 (transparent = paper). */
function overWhite(v: number, a: number): number {
  return (v * a + 255 * (255 - a) + 127) / 255 | 0;
}

/**
 * Gray samples packed 1, 2 or 4 bits per pixel, rows padded to whole bytes (PNG, TIFF).
 * `minIsWhite` flips the scale (TIFF WhiteIsZero, the usual fax/G4 convention: bit 1 = black).
 */
export function unpackGray(
  packed: Uint8Array,
  width: number,
  height: number,
  bits: 1 | 2 | 4,
  rowBytes: number,
  minIsWhite: boolean,
): Uint8Array {
  const max = (1 << bits) - 1;
  const lut = new Uint8Array(max + 1);
  for (let v = 0; v <= max; v++) lut[v] = Math.round(((minIsWhite ? max - v : v) * 255) / max);
  return unpackThroughLut(packed, width, height, bits, rowBytes, lut);
}

/**
 * Expand packed samples through a value LUT. A byte → pixels table (256 × pixels-per-byte) turns
 * the per-pixel shift and mask into one lookup: a 30-megapixel G4 page unpacks in tens of ms.
 */
function unpackThroughLut(packed: Uint8Array, width: number, height: number, bits: 1 | 2 | 4 | 8, rowBytes: number, lut: Uint8Array): Uint8Array {
  const out = new Uint8Array(width * height);
  const per = 8 / bits;
  const max = (1 << bits) - 1;
  const table = new Uint8Array(256 * per);
  for (let b = 0; b < 256; b++) for (let k = 0; k < per; k++) table[b * per + k] = lut[(b >> (8 - bits * (k + 1))) & max];
  const whole = Math.floor(width / per);
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes;
    let o = y * width;
    for (let i = 0; i < whole; i++) {
      const t = packed[row + i] * per;
      for (let k = 0; k < per; k++) out[o++] = table[t + k];
    }
    const rest = width - whole * per;
    if (rest > 0) {
      const t = packed[row + whole] * per;
      for (let k = 0; k < rest; k++) out[o++] = table[t + k];
    }
  }
  return out;
}

/**
 * Interleaved 8- or 16-bit samples to gray. `channels` is samples per pixel in the source:
 * 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA (extra samples beyond 4 are ignored via `stride`).
 * 16-bit samples are rounded to 8 bits (v / 257), never truncated.
 */
export function interleavedToGray(
  data: Uint8Array | Uint8ClampedArray | Uint16Array,
  width: number,
  height: number,
  channels: number,
  options: { hasAlpha?: boolean; minIsWhite?: boolean; stride?: number } = {},
): Uint8Array {
  const n = width * height;
  const out = new Uint8Array(n);
  const stride = options.stride ?? channels;
  const to8 = data instanceof Uint16Array ? (v: number) => ((v + 128) / 257) | 0 : (v: number) => v;
  const color = channels >= 3;
  const alphaAt = options.hasAlpha ? (color ? 3 : 1) : -1;
  for (let i = 0, s = 0; i < n; i++, s += stride) {
    let v = color ? luma(to8(data[s]), to8(data[s + 1]), to8(data[s + 2])) : to8(data[s]);
    if (options.minIsWhite) v = 255 - v;
    out[i] = alphaAt >= 0 ? overWhite(v, to8(data[s + alphaAt])) : v;
  }
  return out;
}

/** Indexed colour (palette entries [r, g, b] or [r, g, b, a], 0..255) to gray via a lookup table. */
export function paletteLut(palette: ArrayLike<ArrayLike<number>>): Uint8Array {
  const lut = new Uint8Array(256).fill(255);
  for (let i = 0; i < Math.min(256, palette.length); i++) {
    const p = palette[i];
    const v = luma(p[0], p[1], p[2]);
    lut[i] = p.length > 3 ? overWhite(v, p[3]) : v;
  }
  return lut;
}

/** Indices packed at 1, 2, 4 or 8 bits per pixel, rows padded to bytes, through a gray LUT. */
export function indexedToGray(
  packed: Uint8Array,
  width: number,
  height: number,
  bits: 1 | 2 | 4 | 8,
  rowBytes: number,
  lut: Uint8Array,
): Uint8Array {
  return unpackThroughLut(packed, width, height, bits, rowBytes, lut);
}
