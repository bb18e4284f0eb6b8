/**
 * WebGPU in headless Chromium on a machine without a GPU: --enable-unsafe-webgpu exposes SwiftShader's
 * software adapter. The automatic choice must not take it; forced in settings it must run and agree
 * with WASM. (The WebGPU speed is benchmarked where a GPU exists: npm run bench:segment.)
 */
import { expect, test } from '@playwright/test';
import { fixtureScan } from '../test/ml/scan-fixture';
import { agreement, modelName, openHarness, pngOf } from './segment-helpers';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--no-first-run'],
  },
});

// one 64 × 64 core (one tile, 64 px + the card's overlap each side): SwiftShader compiles shaders slowly
const tinyPng = pngOf(fixtureScan({ width: 64, height: 64, seed: 13, margin: 0 })).toString('base64');

test('automatic choice does not take the software adapter', async ({ page }) => {
  await openHarness(page);
  const backend = await page.evaluate((m) => window.__tracewellSegment.setup({ model: m, layout: { workers: 1, threadsPerWorker: 1 } }), modelName);
  expect(backend.ep).toBe('wasm');
  expect(backend.note).toMatch(/software fallback; using WASM/);
});

test('forced in settings, WebGPU runs and gives the same classes as WASM', async ({ page }) => {
  await openHarness(page);
  await page.evaluate((b) => window.__tracewellSegment.load(b), tinyPng);
  const gpu = await page.evaluate((m) => window.__tracewellSegment.setup({ model: m, setting: 'webgpu' }), modelName);
  expect(gpu).toMatchObject({ ep: 'webgpu', workers: 1, note: expect.stringMatching(/swiftshader/i) });
  const tileSize = 64 + 2 * gpu.tile.overlap;
  const g = await page.evaluate((t) => window.__tracewellSegment.run({ tileSize: t }), tileSize);
  expect(g.error).toBeNull();
  expect(g.total).toBe(1);
  const gpuClasses = Buffer.from(await page.evaluate(() => window.__tracewellSegment.classes()), 'base64');
  await page.evaluate((m) => window.__tracewellSegment.setup({ model: m, setting: 'wasm', layout: { workers: 1, threadsPerWorker: 1 } }), modelName);
  await page.evaluate((t) => window.__tracewellSegment.run({ tileSize: t }), tileSize);
  const wasmClasses = Buffer.from(await page.evaluate(() => window.__tracewellSegment.classes()), 'base64');
  expect(new Set(wasmClasses).size).toBeGreaterThan(1);
  const share = agreement(gpuClasses, wasmClasses);
  console.log(`webgpu (swiftshader) vs wasm: ${(share * 100).toFixed(3)}% of ${gpuClasses.length} px, ${(g.ms / 1000).toFixed(1)} s`);
  expect(share).toBeGreaterThanOrEqual(0.999);
});
