import * as UTIFModule from 'utif2';
import type { IFD } from 'utif2';
import type { Raster } from '../../core/raster';
import { asDecodeError, decodeError } from './errors';
import { indexedToGray, interleavedToGray, unpackGray } from './gray';
import { checkImageSize } from './limits';
import { checkIfdChain, TIFF_COMPRESSION, TIFF_COMPRESSION_OTHER } from './tiff-structure';
import type { PageInfo } from './types';

// utif2 is CommonJS assigned to module.exports at run time: Node's ESM loader exposes it only as
// `default`, bundlers as the namespace itself.
const UTIF = ((UTIFModule as unknown as { default?: typeof UTIFModule }).default ?? UTIFModule) as typeof UTIFModule;

type Tags = Record<string, unknown>;
const tag = (ifd: Tags, t: number, i = 0): number | undefined => (ifd[`t${t}`] as number[] | undefined)?.[i];

/** utif2 wants a whole ArrayBuffer, starting at byte 0. */
function wholeBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer;
}

function parsePages(bytes: Uint8Array, fileName: string): { buffer: ArrayBuffer; ifds: IFD[] } {
  checkIfdChain(bytes, fileName);
  const buffer = wholeBuffer(bytes);
  let all: IFD[];
  try {
    all = (UTIF.decode as (b: ArrayBuffer, p: object) => IFD[])(buffer, { parseMN: false, debug: false });
  } catch (e) {
    throw asDecodeError(e, fileName, 'TIFF directory');
  }
  const images = all.filter((ifd) => tag(ifd, 256) !== undefined && tag(ifd, 257) !== undefined);
  // Reduced-resolution copies (NewSubfileType bit 0) are previews, not pages, unless nothing else is there.
  const full = images.filter((ifd) => ((tag(ifd, 254) ?? 0) & 1) === 0);
  const pages = full.length > 0 ? full : images;
  if (pages.length === 0) throw decodeError('no-pages', fileName, 'the TIFF file contains no image.');
  return { buffer, ifds: pages };
}

function resolutionDpi(ifd: Tags): number | undefined {
  const r = (ifd.t282 as Array<[number, number]> | undefined)?.[0];
  if (!r || !r[1] || r[0] <= 0) return undefined;
  const perUnit = r[0] / r[1];
  const unit = tag(ifd, 296) ?? 2; // 1 none, 2 inch, 3 cm
  if (unit === 2) return Math.round(perUnit);
  if (unit === 3) return Math.round(perUnit * 2.54);
  return undefined;
}

function pageInfo(ifd: Tags, index: number): PageInfo {
  const cmpr = tag(ifd, 259) ?? 1;
  return {
    index,
    width: tag(ifd, 256) ?? 0,
    height: tag(ifd, 257) ?? 0,
    channels: tag(ifd, 277) ?? 1,
    bitsPerSample: tag(ifd, 258) ?? 1,
    compression: TIFF_COMPRESSION[cmpr] ?? TIFF_COMPRESSION_OTHER[cmpr] ?? `code ${cmpr}`,
    dpi: resolutionDpi(ifd),
  };
}

export function probeTiff(bytes: Uint8Array, fileName: string): PageInfo[] {
  return parsePages(bytes, fileName).ifds.map((ifd, i) => pageInfo(ifd, i));
}

/** Every strip or tile must lie inside the file; otherwise the file was cut short. */
function checkSegments(ifd: Tags, length: number, fileName: string, page: number): void {
  const tiled = ifd.t322 !== undefined;
  const offsets = (tiled ? ifd.t324 : ifd.t273) as number[] | undefined;
  const counts = (tiled ? ifd.t325 : ifd.t279) as number[] | undefined;
  const where = `page ${page + 1}`;
  if (!offsets || offsets.length === 0) throw decodeError('corrupt', fileName, `${where} of the TIFF has no image data offsets.`);
  for (let i = 0; i < offsets.length; i++) {
    const end = offsets[i] + (counts?.[i] ?? 0);
    if (offsets[i] > length || end > length) {
      throw decodeError('truncated', fileName, `${where}: ${tiled ? 'tile' : 'strip'} ${i + 1} of ${offsets.length} ends at byte ${end}, past the end of the file (${length} bytes); the file is incomplete.`);
    }
  }
}

function checkDecodable(ifd: Tags, info: PageInfo, fileName: string): void {
  const where = `page ${info.index + 1}`;
  const cmpr = tag(ifd, 259) ?? 1;
  if (!(cmpr in TIFF_COMPRESSION)) {
    throw decodeError('unsupported', fileName, `${where} uses ${info.compression} compression, which Tracewell does not read. Save it as G4, LZW, Deflate or PackBits TIFF, or PNG.`);
  }
  if (![1, 2, 4, 8, 16].includes(info.bitsPerSample)) {
    throw decodeError('unsupported', fileName, `${where} has ${info.bitsPerSample}-bit samples; Tracewell reads 1, 2, 4, 8 and 16-bit TIFFs.`);
  }
  if (tag(ifd, 284) === 2 && info.channels > 1) {
    throw decodeError('unsupported', fileName, `${where} stores colour planes separately (PlanarConfiguration 2), which Tracewell does not read.`);
  }
  checkImageSize(fileName, info.width, info.height, `Page ${info.index + 1}`);
}

export function decodeTiff(bytes: Uint8Array, fileName: string, page = 0, onStage?: (s: 'decode' | 'convert') => void): Raster {
  const { buffer, ifds } = parsePages(bytes, fileName);
  if (page < 0 || page >= ifds.length || !Number.isInteger(page)) {
    throw decodeError('bad-page', fileName, `page ${page + 1} does not exist; the TIFF has ${ifds.length} page${ifds.length === 1 ? '' : 's'}.`);
  }
  const ifd = ifds[page];
  const info = pageInfo(ifd, page);
  checkDecodable(ifd, info, fileName);
  checkSegments(ifd, bytes.length, fileName, page);
  onStage?.('decode');
  try {
    UTIF.decodeImage(buffer, ifd);
  } catch (e) {
    throw asDecodeError(e, fileName, `TIFF page ${page + 1}`);
  }
  const expected = info.height * Math.ceil((info.width * info.bitsPerSample * info.channels) / 8);
  if (!ifd.data || ifd.data.length < expected) {
    throw decodeError('corrupt', fileName, `page ${page + 1} of the TIFF decoded to less data than its size says; the file is damaged.`);
  }
  onStage?.('convert');
  return { width: info.width, height: info.height, channels: 1, data: toGray(ifd, info, fileName) };
}

/** utif2 leaves samples as stored (16-bit already little-endian); map them to 8-bit gray. */
function toGray(ifd: IFD, info: PageInfo, fileName: string): Uint8Array {
  const { width, height, channels: spp, bitsPerSample: bps } = info;
  const photometric = tag(ifd, 262) ?? (bps === 1 ? 0 : 1);
  const rowBytes = Math.ceil((width * bps * spp) / 8);
  const data = ifd.data;
  if ((photometric === 0 || photometric === 1) && spp === 1 && bps < 8) {
    return unpackGray(data, width, height, bps as 1 | 2 | 4, rowBytes, photometric === 0);
  }
  if (photometric === 3 && spp === 1 && bps <= 8) return indexedToGray(data, width, height, bps as 1 | 2 | 4 | 8, rowBytes, colormapLut(ifd, bps));
  if (bps < 8) return viaRgba(ifd, info, photometric, fileName);
  const samples = bps === 16 ? new Uint16Array(data.buffer, data.byteOffset, width * height * spp) : data;
  if (bps === 16 && data.byteOffset % 2 !== 0) throw decodeError('corrupt', fileName, 'the 16-bit TIFF data is misaligned.');
  if (photometric === 0 || photometric === 1) {
    return interleavedToGray(samples, width, height, 1, { stride: spp, minIsWhite: photometric === 0, hasAlpha: spp === 2 && tag(ifd, 338) !== undefined });
  }
  if (photometric === 2 && spp >= 3) {
    const extra = tag(ifd, 338);
    return interleavedToGray(samples, width, height, 3, { stride: spp, hasAlpha: spp >= 4 && (extra === 1 || extra === 2) });
  }
  return viaRgba(ifd, info, photometric, fileName);
}

/** CMYK, Lab and other rare layouts: let utif2 make RGBA (4 bytes/px) and take its luma. */
function viaRgba(ifd: IFD, info: PageInfo, photometric: number, fileName: string): Uint8Array {
  const { width, height } = info;
  try {
    const rgba = UTIF.toRGBA8(ifd);
    return interleavedToGray(rgba, width, height, 4, { hasAlpha: true });
  } catch {
    throw decodeError('unsupported', fileName, `page ${info.index + 1} uses a colour model (PhotometricInterpretation ${photometric}) Tracewell does not read.`);
  }
}

/** TIFF colormaps hold 3 × 2^bps 16-bit entries: all reds, then greens, then blues. */
function colormapLut(ifd: Tags, bps: number): Uint8Array {
  const map = (ifd.t320 as number[] | undefined) ?? [];
  const n = 1 << bps;
  const lut = new Uint8Array(256).fill(255);
  for (let i = 0; i < n && 2 * n + i < map.length; i++) {
    lut[i] = ((map[i] >> 8) * 77 + (map[n + i] >> 8) * 150 + (map[2 * n + i] >> 8) * 29 + 128) >> 8;
  }
  return lut;
}
