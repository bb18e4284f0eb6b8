/**
 * The WebGPU row of bench:segment where no Chromium exists (the lent GPU machine has no browser):
 * onnxruntime-web's WebGPU EP — the same JS/WASM runtime the app loads — on Dawn, the WebGPU
 * implementation inside Chromium, through dawn.node (npm "webgpu"). Same engine, same scan (synth seed
 * 4242, 12,800 × 2,000), same GFLOP/s definitions as bench:segment.
 *
 * Built into one file by scripts/prepare-gpu-bench.sh; run as
 *   node bench-segment-dawn.mjs --ort <onnxruntime-web dist> --webgpu <webgpu package> --model <card.json>...
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Ort from 'onnxruntime-web';
import { checkLibrary } from '../src/core/synth/library.ts';
import { renderSample } from '../src/core/synth/render.ts';
import libraryJson from '../src/core/synth/curve-library.json';
import { type ModelCard, parseModelCard } from '../src/ml/card.ts';
import { TiledEngine, type TileRunner } from '../src/ml/engine.ts';
import { wholeWindow } from '../src/ml/preprocess.ts';
import { emptySegmentation, regionFor, specFor } from '../src/ml/segmenter.ts';
import { PEAK_MACS_PER_PIXEL } from './bench-segment-report.ts';

const argOf = (k: string): string[] => process.argv.flatMap((a, i) => (process.argv[i - 1] === `--${k}` ? [a] : []));
/** --width, --height and --peak-side only shrink the work for a smoke test on a software adapter */
const WIDTH = Number(argOf('width')[0] ?? 2_000);
const HEIGHT = Number(argOf('height')[0] ?? 12_800);
const PEAK_SIDES = argOf('peak-side').map(Number);
const SEED = 4242;

async function installWebGpu(pkgDir: string): Promise<string> {
  const { create, globals } = await import(pathToFileURL(join(pkgDir, 'index.js')).href);
  Object.assign(globalThis, globals);
  // dawn.node refuses views of a SharedArrayBuffer (onnxruntime-web's WASM heap is shared): copy them
  const queue = (globalThis as unknown as { GPUQueue: { prototype: Record<string, unknown> } }).GPUQueue.prototype;
  const write = queue.writeBuffer as (...a: unknown[]) => void;
  queue.writeBuffer = function (this: unknown, buf: unknown, off: number, data: ArrayBufferView | ArrayBuffer, dataOff?: number, size?: number) {
    const view = ArrayBuffer.isView(data) ? data : new Uint8Array(data);
    if (view.buffer instanceof SharedArrayBuffer) {
      const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      const el = ArrayBuffer.isView(data) ? ((data as unknown as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1) : 1;
      const from = (dataOff ?? 0) * el;
      return write.call(this, buf, off, bytes.slice(from, size === undefined ? undefined : from + size * el));
    }
    const args = [buf, off, data, dataOff, size].filter((v, i) => i < 3 || v !== undefined);
    return write.apply(this, args);
  };
  const gpu = create([]);
  (globalThis as unknown as { navigator: unknown }).navigator = { gpu };
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('dawn.node: no WebGPU adapter (Vulkan driver missing?)');
  const i = adapter.info ?? {};
  return `${i.vendor ?? ''} ${i.architecture ?? ''} ${i.description ?? i.device ?? ''}`.trim();
}

function runner(ort: typeof Ort, session: Ort.InferenceSession, card: ModelCard): TileRunner {
  return {
    async run(input, n, h, w) {
      const out = await session.run({ [card.input.name]: new ort.Tensor('float32', input, [n, 1, h, w]) });
      const t = out[card.output.name];
      const data = (await t.getData()) as Float32Array;
      t.dispose();
      return data;
    },
    dispose: () => session.release(),
  };
}

async function benchModel(ort: typeof Ort, cardPath: string, scan: ReturnType<typeof renderSample>['image']): Promise<string[]> {
  const card = parseModelCard(JSON.parse(readFileSync(cardPath, 'utf8')), cardPath);
  const bytes = readFileSync(join(dirname(cardPath), card.file));
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['webgpu'], graphOptimizationLevel: 'all' });
  const lines: string[] = [];
  for (const [batch, size] of [[1, undefined], [4, undefined], [1, card.tile.size * 2]] as const) {
    const engine = new TiledEngine(runner(ort, session, card), card, { maxBatch: batch });
    const out = emptySegmentation(scan.width, scan.height);
    const target = { width: scan.width, y0: 0, classes: out.classes, curveProb: out.curveProb };
    const spec = specFor(card, size);
    await engine.segmentRegion(wholeWindow(scan), regionFor(scan, card, { x0: 0, y0: 0, x1: WIDTH, y1: Math.min(HEIGHT, 1024) }), spec, target); // warm-up
    let tiles = 0;
    const t0 = performance.now();
    await engine.segmentRegion(wholeWindow(scan), regionFor(scan, card), spec, target, { onTile: () => tiles++ });
    const s = (performance.now() - t0) / 1000;
    const gflops = (2 * card.macsPerPixel * WIDTH * HEIGHT) / s / 1e9;
    lines.push(`${card.name} webgpu batch ${batch} tile ${spec.size}: ${s.toFixed(2)} s, ${((WIDTH * HEIGHT) / 1e6 / s).toFixed(2)} MP/s, ${gflops.toFixed(2)} GFLOP/s, ${tiles} tiles`);
    process.stdout.write(`${lines.at(-1)}\n`);
  }
  await session.release();
  return lines;
}

async function peak(ort: typeof Ort, modelPath: string, side: number): Promise<number> {
  const session = await ort.InferenceSession.create(readFileSync(modelPath), { executionProviders: ['webgpu'] });
  const x = new ort.Tensor('float32', new Float32Array(64 * side * side).fill(0.5), [1, 64, side, side]);
  const once = async (): Promise<number> => {
    const t0 = performance.now();
    const out = await session.run({ x });
    await out.y.getData();
    out.y.dispose();
    return performance.now() - t0;
  };
  await once();
  const ms = [await once(), await once(), await once()].sort((a, b) => a - b)[1];
  await session.release();
  return (2 * PEAK_MACS_PER_PIXEL * side * side) / (ms / 1000) / 1e9;
}

async function main(): Promise<void> {
  const device = await installWebGpu(argOf('webgpu')[0]);
  process.stdout.write(`adapter: ${device}\n`);
  const ort = (await import(pathToFileURL(join(argOf('ort')[0], 'ort.webgpu.mjs')).href)) as typeof Ort;
  ort.env.wasm.numThreads = 1;
  ort.env.logLevel = 'error';
  const page = renderSample(SEED, {}, checkLibrary(libraryJson), { width: 2_000, length: 12_800 }).image;
  // a smoke test takes the top-left corner
  const data = new Uint8Array(WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) data.set(page.data.subarray(y * page.width, y * page.width + WIDTH), y * WIDTH);
  const scan = { ...page, width: WIDTH, height: HEIGHT, data };
  const rows: string[] = [];
  for (const card of argOf('model')) rows.push(...(await benchModel(ort, card, scan)));
  const peaks = [];
  const sides = PEAK_SIDES.length ? PEAK_SIDES : [512, 1024];
  for (const side of sides) peaks.push(await peak(ort, argOf('peak')[0], side));
  process.stdout.write(`conv3x3 64→64 peak: ${peaks.map((g, i) => `${g.toFixed(1)} GFLOP/s at ${sides[i]}²`).join(', ')}\n`);
  const best = rows.map((r) => Number(/: ([\d.]+) s/.exec(r)?.[1])).sort((a, b) => a - b)[0];
  process.stdout.write(`segment-webgpu: webgpu_s=${best.toFixed(2)} peak_gflops=${Math.max(...peaks).toFixed(1)} scan=${WIDTH}x${HEIGHT} device="${device}"\n`);
  process.exit(0); // dawn.node keeps the loop alive while a GPU object is referenced
}

await main();
