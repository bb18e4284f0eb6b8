/**
 * One onnxruntime-node configuration of bench:segment, in its own process so its peak RSS is its own:
 *   tsx scripts/bench-segment-node.ts unet --card C --scan RAW --width W --height H --threads N --runs R [--tile S]
 *   tsx scripts/bench-segment-node.ts peak --threads N --runs R
 * Prints one JSON line: seconds per run (after an untimed warm-up), tiles, peak RSS in MB.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { SegmentProgress } from '../src/ml/segmenter.ts';
import { createNodeSegmenter } from '../src/node/segmenter-node.ts';
import { PEAK_SHAPE } from './bench-segment-report.ts';

const PEAK_MODEL = resolve(import.meta.dirname, '../test/fixtures/models/conv3x3-peak.onnx');

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i > 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`bench-segment-node: --${name} is required`);
  return v;
}

const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

async function unet(): Promise<object> {
  const width = Number(arg('width'));
  const height = Number(arg('height'));
  const data = new Uint8Array(readFileSync(arg('scan')));
  const scan = { width, height, channels: 1 as const, data };
  const tileSize = process.argv.includes('--tile') ? Number(arg('tile')) : undefined;
  const seg = await createNodeSegmenter(arg('card'), { threads: Number(arg('threads')) });
  await seg.segment(scan, { tileSize, region: { x0: 0, y0: 0, x1: width, y1: 1024 } }); // warm-up
  const seconds: number[] = [];
  const cpuS: number[] = [];
  let last: SegmentProgress | null = null;
  for (let r = 0; r < Number(arg('runs', '3')); r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await seg.segment(scan, { tileSize, onProgress: (p) => (last = p) });
    seconds.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpuS.push((c.user + c.system) / 1e6);
  }
  await seg.dispose();
  const p = last as SegmentProgress | null;
  return { seconds, cpuS, tiles: p?.total ?? 0, skipped: p?.skipped ?? 0, peakRssMb: peakRssMb() };
}

async function peak(): Promise<object> {
  const session = await ort.InferenceSession.create(PEAK_MODEL, { intraOpNumThreads: Number(arg('threads')), interOpNumThreads: 1 });
  const [c, h, w] = PEAK_SHAPE;
  const x = new ort.Tensor('float32', new Float32Array(c * h * w).fill(0.5), [1, c, h, w]);
  await session.run({ x });
  const ms: number[] = [];
  for (let r = 0; r < Number(arg('runs', '3')); r++) {
    const t0 = performance.now();
    await session.run({ x });
    ms.push(performance.now() - t0);
  }
  await session.release();
  return { ms, peakRssMb: peakRssMb() };
}

const mode = process.argv[2];
const result = mode === 'peak' ? await peak() : mode === 'unet' ? await unet() : null;
if (!result) throw new Error('bench-segment-node: first argument is "unet" or "peak"');
process.stdout.write(`${JSON.stringify(result)}\n`);
