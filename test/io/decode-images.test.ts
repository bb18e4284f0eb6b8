import { describe, expect, it } from 'vitest';
import { decodeScan, probeScan } from '../../src/io/decode';
import { expected, fixture, meanAbsDiff, summarize } from './fixtures';

// Lossless fixtures must decode to exactly the gray image Pillow (libtiff, libpng) reads from them.
const LOSSLESS: Array<[string, string]> = [
  ['multipage-g4.tif', 'CCITT G4'],
  ['g3.tif', 'CCITT G3'],
  ['packbits-1bit.tif', 'PackBits'],
  ['lzw-8bit.tif', 'LZW'],
  ['raw-8bit.tif', 'none'],
  ['deflate-16bit.tif', 'Deflate'],
  ['lzw-rgb.tif', 'LZW'],
  ['lzw-palette.tif', 'LZW'],
  ['gray8.png', 'PNG'],
  ['bilevel.png', 'PNG'],
  ['gray16.png', 'PNG'],
  ['palette.png', 'PNG'],
  ['rgba.png', 'PNG'],
];

describe('lossless decoding matches the reference reading, page by page', () => {
  for (const [name, compression] of LOSSLESS) {
    it(name, async () => {
      const bytes = fixture(name);
      const probe = await probeScan(bytes, name);
      expect(probe.pages.map((p) => [p.width, p.height])).toEqual(expected[name].map((p) => [p.width, p.height]));
      expect(probe.pages[0].compression).toBe(compression);
      for (let page = 0; page < probe.pages.length; page++) {
        const { raster, meta } = await decodeScan(bytes, name, { page });
        expect(raster.channels).toBe(1);
        expect(meta.page).toBe(page);
        expect(meta.pageCount).toBe(probe.pages.length);
        expect(summarize(raster)).toEqual(expected[name][page]);
      }
    });
  }
});

describe('file facts kept next to the pixels', () => {
  it('a G4 TIFF is 1-bit single-channel at the resolution it states', async () => {
    const { meta } = await decodeScan(fixture('multipage-g4.tif'), 'multipage-g4.tif', { page: 2 });
    expect(meta).toMatchObject({ format: 'tiff', originalChannels: 1, bitsPerSample: 1, dpi: 200, width: 480, height: 1440 });
  });

  it('a 16-bit TIFF and an RGB TIFF say so', async () => {
    expect((await decodeScan(fixture('deflate-16bit.tif'), 'x.tif')).meta).toMatchObject({ bitsPerSample: 16, originalChannels: 1 });
    expect((await decodeScan(fixture('lzw-rgb.tif'), 'x.tif')).meta).toMatchObject({ bitsPerSample: 8, originalChannels: 3 });
  });

  it('reports progress stages in increasing order', async () => {
    const seen: number[] = [];
    await decodeScan(fixture('multipage-g4.tif'), 'g4.tif', { onProgress: (p) => seen.push(p.fraction) });
    expect(seen.length).toBeGreaterThan(2);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describe('JPEG (lossy): close to the image it was made from', () => {
  it('gray JPEG ≈ the gray PNG source', async () => {
    const jpg = await decodeScan(fixture('gray.jpg'), 'gray.jpg');
    const png = await decodeScan(fixture('gray8.png'), 'gray8.png');
    expect([jpg.raster.width, jpg.raster.height]).toEqual([300, 900]);
    expect(jpg.meta.originalChannels).toBe(1);
    expect(meanAbsDiff(jpg.raster.data, png.raster.data)).toBeLessThan(2.5);
  });

  it('colour JPEG ≈ the luma of its RGB source', async () => {
    const jpg = await decodeScan(fixture('rgb.jpg'), 'rgb.jpg');
    expect(jpg.meta.originalChannels).toBe(3);
    const ref = expected['rgb.source'][0];
    const mean = summarize(jpg.raster).sum / (300 * 900);
    expect(Math.abs(mean - ref.sum / (300 * 900))).toBeLessThan(1.5);
  });
});
