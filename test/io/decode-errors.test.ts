import { describe, expect, it } from 'vitest';
import { DecodeError, decodeScan, probeScan, type DecodeErrorKind } from '../../src/io/decode';
import { fixture } from './fixtures';

async function failure(name: string, options = {}): Promise<DecodeError> {
  try {
    await decodeScan(fixture(name), name, options);
  } catch (e) {
    expect(e).toBeInstanceOf(DecodeError);
    return e as DecodeError;
  }
  throw new Error(`${name} decoded without an error`);
}

// Each bad file gets its own kind and a message that names the file and the problem.
const CASES: Array<[string, DecodeErrorKind, RegExp]> = [
  ['empty.png', 'empty', /empty \(0 bytes\)/],
  ['not-a-scan.txt', 'unsupported', /LAS text file, not a scan format.*PNG, JPEG, TIFF or PDF/],
  ['image.gif', 'unsupported', /GIF image, not a scan format/],
  ['zero-width.png', 'zero-size', /0 × 100 px: it has no pixels/],
  ['too-long.png', 'too-large', /100 × 60,000 px; the longest side Tracewell accepts is 50,000 px/],
  ['too-many-pixels.png', 'too-large', /30,000 × 5,000 px = 150 megapixels; the most Tracewell accepts is 120 megapixels/],
  ['truncated.png', 'truncated', /PNG file ends inside its IDAT chunk/],
  ['bad-crc.png', 'corrupt', /PNG data is damaged/],
  ['truncated.jpg', 'truncated', /JPEG file ends before its end-of-image marker/],
  ['truncated-g4.tif', 'truncated', /TIFF file ends before page 3|past the end of the file/],
  ['loop.tif', 'corrupt', /loops back on itself/],
];

describe('bad files fail with a typed error naming the file and the problem', () => {
  for (const [name, kind, message] of CASES) {
    it(`${name} → ${kind}`, async () => {
      const e = await failure(name);
      expect(e.kind).toBe(kind);
      expect(e.fileName).toBe(name);
      expect(e.message.startsWith(`${name}: `)).toBe(true);
      expect(e.message).toMatch(message);
    });
  }

  it('probing fails the same way as decoding', async () => {
    await expect(probeScan(fixture('loop.tif'), 'loop.tif')).rejects.toMatchObject({ kind: 'corrupt' });
    await expect(probeScan(fixture('too-long.png'), 'too-long.png')).rejects.toMatchObject({ kind: 'too-large' });
  });

  it('a page past the end of a multi-page TIFF is named', async () => {
    const e = await failure('multipage-g4.tif', { page: 3 });
    expect(e.kind).toBe('bad-page');
    expect(e.message).toMatch(/page 4 does not exist; the TIFF has 3 pages/);
  });

  it('sniffs by content, not by name: a PNG called .tif decodes as PNG', async () => {
    const { meta } = await decodeScan(fixture('gray8.png'), 'mislabelled.tif');
    expect(meta.format).toBe('png');
  });

  it('a TIFF whose strip runs past the end of the file is truncated, and says which strip', async () => {
    const e = await failure('strip-past-end.tif');
    expect(e.kind).toBe('truncated');
    expect(e.message).toMatch(/page 1: strip 1 of \d+ ends at byte \d+, past the end of the file/);
  });
});
