/**
 * Segmentation in Debian Chromium through the worker pool (src/dev/segment.html harness), compared
 * with onnxruntime-node on the same scan and model. Model: the shipped default (public/models) when
 * present, else the fixture U-Net. Scan: the bundled sample (public/samples/*.png) when present, else a
 * generated fixture scan.
 */
import { expect, test } from '@playwright/test';
import { pngToRaster } from '../src/dev/png';
import { createNodeSegmenter, loadCard } from '../src/node/segmenter-node';
import { fixtureScan } from '../test/ml/scan-fixture';
import { agreement, cardPath, modelName, openHarness, pngOf, samplePng } from './segment-helpers';

test('the sample segmented by the Chromium worker pool matches Node, and the main thread stays free', async ({ page }) => {
  const png = samplePng() ?? pngOf(fixtureScan({ width: 1600, height: 2400, seed: 31 }));
  const [nodeSeg] = await Promise.all([createNodeSegmenter(await cardPath(), { threads: 1 }), openHarness(page)]);
  const backend = await page.evaluate((m) => window.__tracewellSegment.setup({ model: m, setting: 'wasm', layout: { workers: 2, threadsPerWorker: 1 } }), modelName);
  expect(backend).toMatchObject({ runtime: 'onnxruntime-web', ep: 'wasm', workers: 2, threadsPerWorker: 1 });
  const size = await page.evaluate((b) => window.__tracewellSegment.load(b), png.toString('base64'));
  const run = await page.evaluate(() => window.__tracewellSegment.run());
  expect(run.error).toBeNull();
  expect(run.done).toBe(run.total);
  // PerformanceObserver('longtask') on the page during the whole segmentation
  expect(run.longTasks.filter((d) => d > 100)).toEqual([]);

  const web = Buffer.from(await page.evaluate(() => window.__tracewellSegment.classes()), 'base64');
  const node = await nodeSeg.segment(pngToRaster(png));
  await nodeSeg.dispose();
  expect(web.length).toBe(size.width * size.height);
  const share = agreement(web, node.classes);
  console.log(`segment e2e: ${size.width}×${size.height}, ${run.total} tiles (${run.skipped} blank), ${(run.ms / 1000).toFixed(1)} s, agreement ${(share * 100).toFixed(4)}%`);
  expect(share).toBeGreaterThanOrEqual(0.999);
  expect(node.classes.some((c) => c !== 0)).toBe(true);
});

test('cancel stops the pool within a tile and it segments again afterwards', async ({ page }) => {
  await openHarness(page);
  await page.evaluate((m) => window.__tracewellSegment.setup({ model: m, setting: 'wasm', layout: { workers: 2, threadsPerWorker: 1 } }), modelName);
  // at least 2 × 3 tiles whatever the model's tile size, so aborting after 3 leaves work undone
  const { size, overlap } = (await loadCard(await cardPath())).tile;
  const core = size - 2 * overlap;
  const scan = pngOf(fixtureScan({ width: core + 64, height: 2 * core + 64, seed: 9, margin: 0 }));
  await page.evaluate((b) => window.__tracewellSegment.load(b), scan.toString('base64'));
  const cancelled = await page.evaluate(() => window.__tracewellSegment.run({ abortAfterTiles: 3 }));
  expect(cancelled.error?.name).toBe('AbortError');
  expect(cancelled.done).toBeLessThan(cancelled.total);
  expect(cancelled.settleMs).toBeLessThan(1000); // the promise settles at once; workers stop at their next tile
  const again = await page.evaluate(() => window.__tracewellSegment.run());
  expect(again.error).toBeNull();
  expect(again.done).toBe(again.total);
});

test('a model file that is not there fails setup with a message naming it', async ({ page }) => {
  await openHarness(page);
  const err = await page.evaluate(() => window.__tracewellSegment.setup({ model: 'no-such-model' }).then(() => null, (e: Error) => `${e.name}: ${e.message}`));
  expect(err).toMatch(/^SegmentError\[model-(missing|corrupt)\]: .*models\/(index|no-such-model)\.json/);
});
