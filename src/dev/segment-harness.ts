/**
 * window.__tracewellSegment: drives the browser Segmenter for e2e/segment.spec.ts and
 * scripts/bench-segment.ts. Scans arrive as PNG bytes (base64) and masks leave as base64 bytes.
 */
import type { Raster } from '../core/raster';
import type { Segmentation } from '../core/types';
import { loadModel } from '../ml/browser';
import { type ModelCard, parseModelCard } from '../ml/card';
import { createPoolSegmenter } from '../ml/pool-setup';
import type { Segmenter } from '../ml/segmenter';
import fixtureCard from '../../test/fixtures/models/tiny-unet.json';
import fixtureModelUrl from '../../test/fixtures/models/tiny-unet.onnx?url';
import convPeakUrl from '../../test/fixtures/models/conv3x3-peak.onnx?url';
import { spawn, terminate } from '../ml/pool';
import type { HarnessRun, HarnessRunResult, HarnessSetup, SegmentHarness } from './harness-types';
import { fromBase64, pngToRaster, toBase64 } from './png';

let seg: Segmenter | null = null;
let scan: Raster | null = null;
let last: Segmentation | null = null;

async function model(name?: string): Promise<{ card: ModelCard; modelUrl: string }> {
  if (name === 'fixture') return { card: parseModelCard(fixtureCard, 'tiny-unet.json'), modelUrl: fixtureModelUrl };
  return loadModel(name);
}

async function run(o: HarnessRun = {}): Promise<HarnessRunResult> {
  if (!seg || !scan) throw new Error('call setup() and load() first');
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  const ctrl = new AbortController();
  let abortedAt = 0;
  let progress = { done: 0, total: 0, skipped: 0 };
  const t0 = performance.now();
  let error: { name: string; message: string } | null = null;
  try {
    last = await seg.segment(scan, {
      tileSize: o.tileSize,
      region: o.region,
      signal: ctrl.signal,
      onProgress: (p) => {
        progress = p;
        if (o.abortAfterTiles && p.done >= o.abortAfterTiles && !abortedAt) {
          abortedAt = performance.now();
          ctrl.abort();
        }
      },
    });
  } catch (e) {
    error = { name: (e as Error).name, message: (e as Error).message };
  }
  const ms = performance.now() - t0;
  const settleMs = abortedAt ? performance.now() - abortedAt : 0;
  await new Promise((r) => setTimeout(r, 100)); // let the observer deliver the last entries
  observer.disconnect();
  return { ms, error, settleMs, ...progress, longTasks };
}

const harness: SegmentHarness = {
  async setup(o: HarnessSetup = {}) {
    await seg?.dispose();
    seg = null;
    const { card, modelUrl } = await model(o.model);
    const t0 = performance.now();
    seg = await createPoolSegmenter({ card, modelUrl, setting: o.setting, layout: o.layout, maxBatch: o.maxBatch });
    return { ...seg.backend, model: card.name, macsPerPixel: card.macsPerPixel, tile: card.tile, setupMs: performance.now() - t0 };
  },
  load(pngBase64: string) {
    scan = pngToRaster(fromBase64(pngBase64));
    return { width: scan.width, height: scan.height };
  },
  async loadRaw(url, width, height) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    const data = new Uint8Array(await res.arrayBuffer());
    if (data.length !== width * height) throw new Error(`${url}: ${data.length} bytes, expected ${width} × ${height}`);
    scan = { width, height, channels: 1, data };
    return { width, height };
  },
  async peak(o) {
    const m = spawn();
    try {
      return await m.api.peak(new URL(convPeakUrl, location.href).href, o.ep, o.threads, o.shape, o.runs);
    } finally {
      terminate(m);
    }
  },
  run,
  classes: () => toBase64(last?.classes ?? new Uint8Array(0)),
  curveProb: () => toBase64(last?.curveProb ?? new Uint8Array(0)),
  async dispose() {
    await seg?.dispose();
    seg = null;
  },
};

window.__tracewellSegment = harness;
document.getElementById('status')!.textContent = crossOriginIsolated ? 'ready (cross-origin isolated)' : 'ready (NOT isolated)';
