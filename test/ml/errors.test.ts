import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TiledEngine, type TileRunner } from '../../src/ml/engine';
import { SegmentError } from '../../src/ml/errors';
import { createLocalSegmenter, specFor } from '../../src/ml/segmenter';
import { countTiles } from '../../src/ml/tiling';
import { createNodeRunner, createNodeSegmenter, loadCard } from '../../src/node/segmenter-node';
import { FIXTURE_CARD, FIXTURE_ONNX, agreement } from './helpers';
import { fixtureScan } from './scan-fixture';

async function kindOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => null, (x: unknown) => x);
  if (!(e instanceof SegmentError)) throw new Error(`expected a SegmentError, got ${String(e)}`);
  return `${e.kind}: ${e.message}`;
}

function modelDir(onnx: Buffer, cardEdit: (c: Record<string, unknown>) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tw-model-'));
  writeFileSync(join(dir, 'tiny-unet.onnx'), onnx);
  const card = JSON.parse(readFileSync(FIXTURE_CARD, 'utf8')) as Record<string, unknown>;
  cardEdit(card);
  writeFileSync(join(dir, 'tiny-unet.json'), JSON.stringify(card));
  return join(dir, 'tiny-unet.json');
}

describe('model loading errors', () => {
  it('a missing model file names the path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-model-'));
    copyFileSync(FIXTURE_CARD, join(dir, 'tiny-unet.json'));
    expect(await kindOf(createNodeSegmenter(join(dir, 'tiny-unet.json')))).toMatch(/^model-missing: model file .*tiny-unet\.onnx cannot be read \(ENOENT\)/);
  });

  it('a truncated model whose card matches its bytes is reported as not loadable', async () => {
    const bytes = readFileSync(FIXTURE_ONNX).subarray(0, 5000);
    const { createHash } = await import('node:crypto');
    const card = modelDir(bytes, (c) => (c.id = `sha256:${createHash('sha256').update(bytes).digest('hex')}`));
    expect(await kindOf(createNodeSegmenter(card))).toMatch(/^model-corrupt: tiny-unet\.onnx is not a loadable ONNX model/);
  });

  it('bytes that do not match the card id are refused before loading', async () => {
    const bytes = Buffer.from(readFileSync(FIXTURE_ONNX));
    bytes[bytes.length - 10] ^= 0xff;
    expect(await kindOf(createNodeSegmenter(modelDir(bytes)))).toMatch(/^model-mismatch: tiny-unet\.onnx does not match its card/);
  });

  it('a card with an impossible tile spec is refused with the field named', async () => {
    const card = modelDir(readFileSync(FIXTURE_ONNX), (c) => (c.tile = { size: 64, overlap: 32 }));
    expect(await kindOf(createNodeSegmenter(card))).toMatch(/^model-corrupt: model card .*"tile.size" 64 leaves no centre/);
  });

  it('a card naming another input is refused', async () => {
    const card = modelDir(readFileSync(FIXTURE_ONNX), (c) => ((c.input as Record<string, unknown>).name = 'pixels'));
    expect(await kindOf(createNodeSegmenter(card))).toMatch(/^model-mismatch: .*expects "pixels"/);
  });

  it('a scan with inconsistent data is refused before any work', async () => {
    const seg = await createNodeSegmenter(FIXTURE_CARD);
    expect(await kindOf(seg.segment({ width: 10, height: 10, channels: 1, data: new Uint8Array(99) }))).toMatch(/^bad-input: scan data has 99 bytes/);
    await seg.dispose();
  });
});

/** The real runner, but tiles above `maxPixels` fail the way onnxruntime reports a failed allocation. */
function limited(runner: TileRunner, maxPixels: number, seen: number[]): TileRunner {
  return {
    run(input, n, h, w) {
      seen.push(h);
      if (n * h * w > maxPixels) return Promise.reject(new Error('Failed to allocate memory for requested buffer of size 8388608'));
      return runner.run(input, n, h, w);
    },
    dispose: () => runner.dispose(),
  };
}

describe('out of memory on a tile', () => {
  const scan = fixtureScan({ width: 900, height: 1200, seed: 8 });

  it('retries the rest of the scan with smaller tiles and gives the same mask', async () => {
    const card = await loadCard(FIXTURE_CARD);
    const base = await createNodeRunner(card, FIXTURE_ONNX, 1);
    const reference = await createLocalSegmenter(new TiledEngine(base, card), card, { runtime: 'onnxruntime-node', ep: 'cpu', workers: 1, threadsPerWorker: 1 }).segment(scan);
    const heights: number[] = [];
    const seg = createLocalSegmenter(new TiledEngine(limited(base, 160 * 160, heights), card), card, { runtime: 'onnxruntime-node', ep: 'cpu', workers: 1, threadsPerWorker: 1 });
    let last = { done: 0, total: 0 };
    const out = await seg.segment(scan, { onProgress: (p) => (last = p) });
    expect(heights[0]).toBeGreaterThan(160); // first try at the card size (equal cores: 240 here)
    expect(Math.max(...heights.slice(-5))).toBeLessThanOrEqual(160);
    // the progress total followed the re-plan to more, smaller tiles
    expect(last.total).toBeGreaterThan(countTiles({ x0: 0, y0: 0, x1: 900, y1: 1200 }, specFor(card)));
    expect(last.done).toBe(last.total);
    expect(agreement(out.classes, reference.classes)).toBeGreaterThanOrEqual(0.999);
  });

  it('gives a clear out-of-memory error when even the smallest tile fails', async () => {
    const card = await loadCard(FIXTURE_CARD);
    const base = await createNodeRunner(card, FIXTURE_ONNX, 1);
    const seg = createLocalSegmenter(new TiledEngine(limited(base, 10, []), card), card, { runtime: 'onnxruntime-node', ep: 'cpu', workers: 1, threadsPerWorker: 1 });
    expect(await kindOf(seg.segment(scan))).toMatch(/^out-of-memory: out of memory even on 72 px tiles/);
  });
});
