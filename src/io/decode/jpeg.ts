import jpeg from 'jpeg-js';
import { MAX_SCAN_PIXELS } from '../../core/raster';
import type { Raster } from '../../core/raster';
import { asDecodeError, decodeError } from './errors';
import { interleavedToGray } from './gray';
import { checkImageSize } from './limits';
import type { PageInfo } from './types';

interface JpegHeader {
  width: number;
  height: number;
  components: number;
  precision: number;
  sof: number;
  dpi?: number;
}

const be16 = (b: Uint8Array, o: number) => (b[o] << 8) | b[o + 1];
/** SOF markers jpeg-js decodes: baseline, extended and progressive Huffman. */
const DECODABLE_SOF = new Set([0xc0, 0xc1, 0xc2]);
const SOF_NAMES: Record<number, string> = { 0xc3: 'lossless', 0xc5: 'hierarchical', 0xc9: 'arithmetic-coded', 0xca: 'arithmetic-coded progressive' };

function isSof(m: number): boolean {
  return m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
}

/** JFIF density: units 1 = dots per inch, 2 = dots per cm. */
function jfifDpi(b: Uint8Array, d: number, len: number): number | undefined {
  if (len < 14 || String.fromCharCode(b[d], b[d + 1], b[d + 2], b[d + 3]) !== 'JFIF') return undefined;
  const units = b[d + 7];
  const x = be16(b, d + 8);
  if (units === 1 && x > 1) return x;
  if (units === 2 && x > 1) return Math.round(x * 2.54);
  return undefined;
}

/** Walk the markers up to the first scan; prove the entropy data ends with an EOI marker. */
export function readJpegHeader(b: Uint8Array, fileName: string): JpegHeader {
  let off = 2;
  let header: JpegHeader | null = null;
  let dpi: number | undefined;
  while (off + 4 <= b.length) {
    if (b[off] !== 0xff) throw decodeError('corrupt', fileName, `the JPEG marker structure is broken at byte ${off}.`);
    const m = b[off + 1];
    if (m === 0xff) { off++; continue; } // fill byte
    if (m === 0xd8 || (m >= 0xd0 && m <= 0xd7) || m === 0x01) { off += 2; continue; }
    const len = be16(b, off + 2);
    if (off + 2 + len > b.length) throw decodeError('truncated', fileName, 'the JPEG file ends inside its header; it is incomplete.');
    const d = off + 4;
    if (isSof(m)) header = { precision: b[d], height: be16(b, d + 1), width: be16(b, d + 3), components: b[d + 5], sof: m };
    else if (m === 0xe0) dpi ??= jfifDpi(b, d, len);
    else if (m === 0xda) {
      if (!header) throw decodeError('corrupt', fileName, 'the JPEG file has no frame header (SOF) before its image data.');
      // 0xFF 0xD9 cannot occur inside entropy-coded data (0xFF is always stuffed), so its absence
      // after the scan start means the file was cut short.
      if (!hasEoiAfter(b, off)) throw decodeError('truncated', fileName, 'the JPEG file ends before its end-of-image marker; it is incomplete.');
      return { ...header, dpi };
    }
    off += 2 + len;
  }
  throw decodeError(header ? 'truncated' : 'corrupt', fileName, header ? 'the JPEG file has no image data; it is incomplete.' : 'the JPEG file has no frame header (SOF).');
}

function hasEoiAfter(b: Uint8Array, from: number): boolean {
  for (let i = b.length - 2; i > from; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return true;
  return false;
}

export function probeJpeg(bytes: Uint8Array, fileName: string): PageInfo[] {
  const h = readJpegHeader(bytes, fileName);
  if (!DECODABLE_SOF.has(h.sof)) {
    throw decodeError('unsupported', fileName, `the JPEG is ${SOF_NAMES[h.sof] ?? `an unusual kind (SOF ${h.sof.toString(16)})`}; only baseline and progressive JPEGs are read. Save it as PNG or TIFF.`);
  }
  if (h.precision !== 8) throw decodeError('unsupported', fileName, `the JPEG has ${h.precision}-bit samples; only 8-bit JPEGs are read.`);
  checkImageSize(fileName, h.width, h.height);
  return [{ index: 0, width: h.width, height: h.height, channels: h.components, bitsPerSample: 8, compression: 'JPEG', dpi: h.dpi }];
}

/** Pure-JS JPEG decoding (Node, and the browser's fallback for scans too large for a canvas). */
export function decodeJpeg(bytes: Uint8Array, fileName: string): Raster {
  const [page] = probeJpeg(bytes, fileName);
  let img;
  try {
    img = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      tolerantDecoding: false,
      maxResolutionInMP: MAX_SCAN_PIXELS / 1e6 + 1,
      // RGB output (3 bytes/px) plus the decoder's own component planes for the largest scan we accept.
      maxMemoryUsageInMB: Math.ceil((MAX_SCAN_PIXELS * 8) / 2 ** 20),
    });
  } catch (e) {
    throw asDecodeError(e, fileName, 'JPEG');
  }
  // jpeg-js expands gray to RGB; luma of equal channels is the gray value again.
  const data = page.channels === 1
    ? interleavedToGray(img.data, img.width, img.height, 1, { stride: 3 })
    : interleavedToGray(img.data, img.width, img.height, 3);
  return { width: img.width, height: img.height, channels: 1, data };
}
