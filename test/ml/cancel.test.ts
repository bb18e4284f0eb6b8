import { describe, expect, it } from 'vitest';
import { TiledEngine, type TileRunner } from '../../src/ml/engine';
import { isAbortError } from '../../src/ml/errors';
import { createLocalSegmenter } from '../../src/ml/segmenter';
import { createNodeRunner, loadCard } from '../../src/node/segmenter-node';
import { FIXTURE_CARD, FIXTURE_ONNX } from './helpers';
import { fixtureScan } from './scan-fixture';

/** Wraps the real runner to count the model calls started after the abort. */
function counting(runner: TileRunner, signal: AbortSignal): TileRunner & { after: number; calls: number } {
  const r = {
    after: 0,
    calls: 0,
    async run(input: Float32Array, n: number, h: number, w: number) {
      r.calls++;
      if (signal.aborted) r.after++;
      return runner.run(input, n, h, w);
    },
    dispose: () => runner.dispose(),
  };
  return r;
}

describe('cancellation', () => {
  const scan = fixtureScan({ width: 1500, height: 3000, seed: 5 });

  it('an abort during a run stops before the next tile and rejects with AbortError', async () => {
    const card = await loadCard(FIXTURE_CARD);
    const ctrl = new AbortController();
    const runner = counting(await createNodeRunner(card, FIXTURE_ONNX, 1), ctrl.signal);
    const seg = createLocalSegmenter(new TiledEngine(runner, card), card, { runtime: 'onnxruntime-node', ep: 'cpu', workers: 1, threadsPerWorker: 1 });
    let total = 0;
    const run = seg.segment(scan, {
      signal: ctrl.signal,
      onProgress: (p) => {
        total = p.total;
        if (p.done === 3) setTimeout(() => ctrl.abort(), 0); // from outside the engine's call stack
      },
    });
    const err = await run.then(() => null, (e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    expect(runner.after).toBeLessThanOrEqual(1); // "within one tile"
    expect(runner.calls).toBeLessThan(total);
    // still usable afterwards: the same segmenter runs the next scan to completion
    const small = fixtureScan({ width: 300, height: 300, seed: 6 });
    await expect(seg.segment(small)).resolves.toMatchObject({ width: 300, height: 300 });
    await seg.dispose();
  });

  it('an already aborted signal rejects at once, before any tile', async () => {
    const card = await loadCard(FIXTURE_CARD);
    const ctrl = new AbortController();
    ctrl.abort();
    const runner = counting(await createNodeRunner(card, FIXTURE_ONNX, 1), ctrl.signal);
    const seg = createLocalSegmenter(new TiledEngine(runner, card), card, { runtime: 'onnxruntime-node', ep: 'cpu', workers: 1, threadsPerWorker: 1 });
    const err = await seg.segment(scan, { signal: ctrl.signal }).then(() => null, (e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    expect(runner.calls).toBe(0);
    await seg.dispose();
  });
});
