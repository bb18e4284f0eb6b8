import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRunner, createNodeSegmenter, loadCard } from '../../src/node/segmenter-node';
import type { ModelCard } from '../../src/ml/card';
import type { Segmenter } from '../../src/ml/segmenter';
import { FIXTURE_CARD, FIXTURE_ONNX, agreement, classShares, wholeImage } from './helpers';
import { fixtureScan } from './scan-fixture';

// The real fixture U-Net (test/fixtures/models) through the real onnxruntime-node.
describe('tiled inference with onnxruntime-node', () => {
  let card: ModelCard;
  let seg: Segmenter;
  beforeAll(async () => {
    card = await loadCard(FIXTURE_CARD);
    seg = await createNodeSegmenter(FIXTURE_CARD, { threads: 1 });
  });
  afterAll(() => seg.dispose());

  it('agrees with whole-image inference on ≥ 99.9% of a 2,048 × 1,024 scan', async () => {
    const scan = fixtureScan({ width: 2048, height: 1024, seed: 11 });
    const tiled = await seg.segment(scan);
    const ref = await wholeImage(await createNodeRunner(card, FIXTURE_ONNX, 1), card, scan);
    const shares = classShares(ref.classes);
    // the map must have structure for agreement to mean anything: grid and curve pixels, not all paper
    expect(shares[1]).toBeGreaterThan(0.01);
    expect(shares[2]).toBeGreaterThan(0.001);
    expect(agreement(tiled.classes, ref.classes)).toBeGreaterThanOrEqual(0.999);
    // paper dominates a log, so also check the ink pixels alone
    const ink = (c: Uint8Array): Uint8Array => c.filter((_, i) => tiled.classes[i] !== 0 || ref.classes[i] !== 0);
    expect(agreement(ink(tiled.classes), ink(ref.classes))).toBeGreaterThanOrEqual(0.99);
    expect(agreement(tiled.curveProb, ref.curveProb)).toBeGreaterThanOrEqual(0.99);
  });

  it('reports progress tile by tile, ending at total', async () => {
    const scan = fixtureScan({ width: 700, height: 500, seed: 2 });
    const seen: { done: number; total: number }[] = [];
    await seg.segment(scan, { onProgress: (p) => seen.push({ done: p.done, total: p.total }) });
    expect(seen.length).toBe(seen[0].total);
    expect(seen.map((p) => p.done)).toEqual(seen.map((_, i) => i + 1));
  });

  it('blank tiles are taken from an identical computed tile: same bytes, fewer model calls', async () => {
    // wide white margins: whole tiles (core and context) are pure 255
    const scan = fixtureScan({ width: 1400, height: 1400, seed: 4, margin: 420 });
    let last = { done: 0, total: 0, skipped: 0 };
    const skipping = await seg.segment(scan, { onProgress: (p) => (last = p) });
    const plain = await createNodeSegmenter(FIXTURE_CARD, { skipBlank: false });
    const full = await plain.segment(scan);
    await plain.dispose();
    expect(Buffer.compare(skipping.classes, full.classes)).toBe(0);
    expect(Buffer.compare(skipping.curveProb, full.curveProb)).toBe(0);
    expect(last.done).toBe(last.total);
    expect(last.skipped).toBeGreaterThanOrEqual(4);
  });
});
