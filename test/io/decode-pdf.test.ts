import { describe, expect, it } from 'vitest';
import { DecodeError, decodeScan, probeScan } from '../../src/io/decode';
import { nodeDecodeEnv } from '../../src/node/decode';
import { fixture } from './fixtures';

// log.pdf (scripts/fixtures/make-decode-fixtures.py): page 1 is 612 × 1584 pt with an embedded gray
// log image at x 72..540 pt, y 72..1512 pt (from the bottom) and a black bar at y 1540..1560 pt;
// page 2 is 300 × 900 pt, vector only.
describe('PDF in Node (pdf.js legacy build + @napi-rs/canvas)', () => {
  it('lists the pages with their sizes in points', async () => {
    const probe = await probeScan(fixture('log.pdf'), 'log.pdf', nodeDecodeEnv);
    expect(probe.format).toBe('pdf');
    expect(probe.pages.map((p) => [p.widthPt, p.heightPt])).toEqual([[612, 1584], [300, 900]]);
    expect(probe.pages[0]).toMatchObject({ width: 1700, height: 4400 }); // at the default 200 dpi
  });

  it('renders a chosen page at a chosen resolution, content where the file puts it', async () => {
    const { raster, meta } = await decodeScan(fixture('log.pdf'), 'log.pdf', { page: 0, dpi: 100 }, nodeDecodeEnv);
    expect([raster.width, raster.height]).toEqual([850, 2200]);
    expect(meta).toMatchObject({ format: 'pdf', page: 0, pageCount: 2, dpi: 100 });
    const at = (xPt: number, yFromTopPt: number) => raster.data[Math.round((yFromTopPt * 100) / 72) * raster.width + Math.round((xPt * 100) / 72)];
    expect(at(300, 1584 - 1550)).toBeLessThan(40); // the black bar
    expect(at(300, 10)).toBeGreaterThan(240); // paper above it
    expect(at(30, 800)).toBeGreaterThan(240); // left margin
    // the embedded log image: a frame and curves, so a good share of dark pixels inside its box
    let dark = 0;
    let n = 0;
    for (let y = 150; y < 2050; y += 3) for (let x = 110; x < 740; x += 3, n++) if (raster.data[y * raster.width + x] < 128) dark++;
    expect(dark / n).toBeGreaterThan(0.02);
    expect(dark / n).toBeLessThan(0.5);
  });

  it('renders the second page at its own size', async () => {
    const { raster } = await decodeScan(fixture('log.pdf'), 'log.pdf', { page: 1, dpi: 144 }, nodeDecodeEnv);
    expect([raster.width, raster.height]).toEqual([600, 1800]);
  });

  it('rejects an empty PDF, a truncated one, a missing page and a silly resolution, by name', async () => {
    const fail = (name: string, o = {}) => decodeScan(fixture(name), name, o, nodeDecodeEnv).then(() => null, (e: DecodeError) => e);
    expect(await fail('empty.pdf')).toMatchObject({ kind: 'no-pages', message: 'empty.pdf: the PDF has no pages.' });
    expect(await fail('truncated.pdf')).toMatchObject({ kind: 'truncated', message: expect.stringMatching(/no end-of-file marker/) });
    expect(await fail('log.pdf', { page: 2 })).toMatchObject({ kind: 'bad-page', message: expect.stringMatching(/page 3 does not exist; the PDF has 2 pages/) });
    expect(await fail('log.pdf', { dpi: 5000 })).toMatchObject({ kind: 'bad-option' });
  });

  it('without a PDF renderer, says so instead of failing obscurely', async () => {
    await expect(probeScan(fixture('log.pdf'), 'log.pdf')).rejects.toMatchObject({ kind: 'unsupported', message: expect.stringMatching(/no PDF renderer/) });
  });
});
