import { decode as decodePngLib } from 'fast-png';
import type { Raster } from '../../core/raster';
import { asDecodeError, decodeError } from './errors';
import { indexedToGray, interleavedToGray, paletteLut, unpackGray } from './gray';
import { checkImageSize } from './limits';
import type { PageInfo } from './types';

interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  dpi?: number;
}

/** Samples per pixel for each PNG colour type (0 gray, 2 RGB, 3 indexed, 4 gray+alpha, 6 RGBA). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

const be32 = (b: Uint8Array, o: number) => ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
const type4 = (b: Uint8Array, o: number) => String.fromCharCode(b[o], b[o + 1], b[o + 2], b[o + 3]);

/**
 * Walk the chunk list without inflating anything: finds IHDR and pHYs and proves the file is
 * complete (every chunk inside the file, IEND present) so a cut-off download fails here, by name.
 */
export function readPngHeader(bytes: Uint8Array, fileName: string): PngHeader {
  let off = 8;
  let header: PngHeader | null = null;
  let dpi: number | undefined;
  let sawData = false;
  while (off + 8 <= bytes.length) {
    const len = be32(bytes, off);
    const type = type4(bytes, off + 4);
    if (off + 12 + len > bytes.length) {
      throw decodeError('truncated', fileName, `the PNG file ends inside its ${type} chunk (at byte ${bytes.length} of ${off + 12 + len}); it is incomplete.`);
    }
    const d = off + 8;
    if (type === 'IHDR') {
      if (len < 13) throw decodeError('corrupt', fileName, 'the PNG header (IHDR) is too short.');
      header = { width: be32(bytes, d), height: be32(bytes, d + 4), bitDepth: bytes[d + 8], colorType: bytes[d + 9] };
    } else if (type === 'pHYs' && len >= 9 && bytes[d + 8] === 1) {
      dpi = Math.round(be32(bytes, d) * 0.0254); // pixels per metre → per inch
    } else if (type === 'IDAT') {
      sawData = true;
    } else if (type === 'IEND') {
      if (!header) break;
      if (!sawData) throw decodeError('corrupt', fileName, 'the PNG file has no image data (no IDAT chunk).');
      return { ...header, dpi };
    }
    off += 12 + len;
  }
  if (!header) throw decodeError('corrupt', fileName, 'the PNG file has no header (IHDR chunk).');
  throw decodeError('truncated', fileName, 'the PNG file ends before its IEND chunk; it is incomplete.');
}

export function probePng(bytes: Uint8Array, fileName: string): PageInfo[] {
  const h = readPngHeader(bytes, fileName);
  const channels = CHANNELS[h.colorType];
  if (channels === undefined) throw decodeError('corrupt', fileName, `the PNG colour type ${h.colorType} is not valid.`);
  checkImageSize(fileName, h.width, h.height);
  return [{ index: 0, width: h.width, height: h.height, channels, bitsPerSample: h.bitDepth, compression: 'PNG', dpi: h.dpi }];
}

/** Pure-JS PNG decoding (Node, and the browser's fallback for scans too large for a canvas). */
export function decodePng(bytes: Uint8Array, fileName: string): Raster {
  probePng(bytes, fileName);
  let png;
  try {
    png = decodePngLib(bytes, { checkCrc: true });
  } catch (e) {
    throw asDecodeError(e, fileName, 'PNG');
  }
  const { width, height, depth, channels } = png;
  const rowBytes = Math.ceil((width * channels * depth) / 8);
  let data: Uint8Array;
  if (png.palette) {
    data = indexedToGray(png.data as Uint8Array, width, height, depth as 1 | 2 | 4 | 8, rowBytes, paletteLut(png.palette));
  } else if (depth < 8) {
    data = unpackGray(png.data as Uint8Array, width, height, depth as 1 | 2 | 4, rowBytes, false);
  } else {
    data = interleavedToGray(png.data, width, height, channels, { hasAlpha: channels === 2 || channels === 4 });
  }
  return { width, height, channels: 1, data };
}
