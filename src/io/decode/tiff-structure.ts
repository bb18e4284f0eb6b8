import { decodeError } from './errors';

/**
 * A bounds-checked walk of the TIFF IFD chain, done before utif2 sees the file: utif2 follows
 * the chain without checks, so a looping or out-of-range offset would hang it or make it read
 * garbage. Here a loop is `corrupt` and an offset past the end of the file is `truncated`.
 */
export const MAX_TIFF_PAGES = 10_000;

export function checkIfdChain(b: Uint8Array, fileName: string): number {
  const le = b[0] === 0x49;
  const u16 = (o: number) => (le ? b[o] | (b[o + 1] << 8) : (b[o] << 8) | b[o + 1]);
  const u32 = (o: number) =>
    (le ? (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) : ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3])) >>> 0;
  if (b.length < 8) throw decodeError('truncated', fileName, `the TIFF file is only ${b.length} bytes long; its header is incomplete.`);
  const seen = new Set<number>();
  let off = u32(4);
  if (off === 0) throw decodeError('no-pages', fileName, 'the TIFF file contains no image directory (no pages).');
  while (off !== 0) {
    if (seen.has(off)) throw decodeError('corrupt', fileName, `the TIFF page directory at byte ${off} loops back on itself.`);
    if (seen.size >= MAX_TIFF_PAGES) throw decodeError('unsupported', fileName, `the TIFF file has more than ${MAX_TIFF_PAGES} pages.`);
    if (off + 2 > b.length) throw decodeError('truncated', fileName, `the TIFF file ends before its page directory ${seen.size + 1} (at byte ${off}); it is incomplete.`);
    const count = u16(off);
    const next = off + 2 + 12 * count;
    if (next + 4 > b.length) throw decodeError('truncated', fileName, `the TIFF file ends inside page directory ${seen.size + 1}; it is incomplete.`);
    seen.add(off);
    off = u32(next);
    if (off >= b.length) throw decodeError('truncated', fileName, `the TIFF file ends before page ${seen.size + 1} (its directory is at byte ${off} of ${b.length}); it is incomplete.`);
  }
  return seen.size;
}

/** TIFF Compression tag values we can decode (through utif2), with the names a user knows. */
export const TIFF_COMPRESSION: Record<number, string> = {
  1: 'none',
  2: 'CCITT RLE',
  3: 'CCITT G3',
  4: 'CCITT G4',
  5: 'LZW',
  6: 'JPEG (old-style)',
  7: 'JPEG',
  8: 'Deflate',
  32946: 'Deflate',
  32773: 'PackBits',
};

/** Names of compressions we recognise but do not read, for the error message. */
export const TIFF_COMPRESSION_OTHER: Record<number, string> = {
  9: 'JBIG',
  34661: 'JBIG',
  34712: 'JPEG 2000',
  34887: 'LERC',
  34925: 'LZMA',
  50000: 'Zstandard',
  50001: 'WebP',
  34892: 'lossless JPEG',
};
