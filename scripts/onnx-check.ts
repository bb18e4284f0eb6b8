/**
 * Runs an exported segmentation model with the real onnxruntime (onnxruntime-node), for the
 * training pipeline, which has no Python onnxruntime:
 *
 *   npx tsx scripts/onnx-check.ts run --model M.onnx --cases DIR [--threads 2]
 *     DIR/cases.json = [{ "input": "case0.in.f32", "shape": [N, 1, H, W] }, ...] (raw float32 LE);
 *     writes DIR/case0.out.f32 ... and DIR/results.json (output shape, ms per case, I/O names).
 *   npx tsx scripts/onnx-check.ts bench --model M.onnx [--size 512] [--runs 10] [--threads 2]
 *     prints one JSON line: median / min ms per size x size tile (batch 1, random content).
 *   npx tsx scripts/onnx-check.ts serve --model M.onnx [--threads 2]
 *     a session kept open for the evaluation of whole scans (training/twtrain/ortclient.py): reads
 *     requests from stdin, each a 16-byte header (4 x uint32 LE: N, 1, H, W) and N*H*W float32 LE;
 *     answers each with N*H*W uint8 = argmax class per pixel. Ends at end of input.
 *
 * Exits non-zero with a message when the model does not honour the I/O contract of
 * docs/model-card.md (input "image", output "logits", float32 NCHW).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';

interface Case { input: string; shape: number[] }

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  if (fallback === undefined) throw new Error(`missing --${name}`);
  return fallback;
}

async function open(model: string, threads: number): Promise<ort.InferenceSession> {
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionProviders: ['cpu'],
  });
  if (session.inputNames.join() !== 'image' || session.outputNames.join() !== 'logits') {
    throw new Error(`${model}: I/O is [${session.inputNames}] -> [${session.outputNames}], expected [image] -> [logits]`);
  }
  return session;
}

/** Raw little-endian float32 file -> Float32Array (copied: Buffer offsets need not be aligned). */
function readF32(path: string, count: number): Float32Array {
  const buf = readFileSync(path);
  if (buf.byteLength !== count * 4) throw new Error(`${path}: ${buf.byteLength} bytes, expected ${count * 4}`);
  const out = new Float32Array(count);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

async function runCases(session: ort.InferenceSession, dir: string): Promise<void> {
  const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as Case[];
  const results = [];
  for (const [k, c] of cases.entries()) {
    const input = new ort.Tensor('float32', readF32(join(dir, c.input), c.shape.reduce((a, b) => a * b, 1)), c.shape);
    const t0 = performance.now();
    const out = (await session.run({ image: input })).logits;
    const ms = performance.now() - t0;
    if (out.type !== 'float32') throw new Error(`logits are ${out.type}, expected float32`);
    const data = out.data as Float32Array;
    writeFileSync(join(dir, `case${k}.out.f32`), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    results.push({ output: `case${k}.out.f32`, shape: out.dims, ms });
  }
  writeFileSync(join(dir, 'results.json'), JSON.stringify({
    inputNames: session.inputNames, outputNames: session.outputNames, results,
  }, null, 1));
}

async function bench(session: ort.InferenceSession, size: number, runs: number): Promise<void> {
  const data = new Float32Array(size * size);
  let seed = 12345;   // small LCG: random paper-and-ink content, the same every run
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    data[i] = (seed >>> 16) / 65536 > 0.05 ? 1 : 0;
  }
  const input = new ort.Tensor('float32', data, [1, 1, size, size]);
  await session.run({ image: input });   // warm-up: first run allocates
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await session.run({ image: input });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ size, runs, medianMs: times[Math.floor(runs / 2)], minMs: times[0] }));
}

/** Reads exactly n bytes from an async byte stream (null at a clean end before any byte). */
class Reader {
  private chunks: Buffer[] = [];
  private have = 0;
  constructor(private readonly it: AsyncIterator<Buffer>) {}

  async take(n: number): Promise<Buffer | null> {
    while (this.have < n) {
      const next = await this.it.next();
      if (next.done) {
        if (this.have === 0) return null;
        throw new Error(`input ended inside a request (${this.have} of ${n} bytes)`);
      }
      this.chunks.push(next.value);
      this.have += next.value.length;
    }
    const all = Buffer.concat(this.chunks);
    this.chunks = [all.subarray(n)];
    this.have = all.length - n;
    return all.subarray(0, n);
  }
}

function argmaxClasses(logits: Float32Array, dims: readonly number[]): Uint8Array {
  const [n, c, h, w] = dims;
  const plane = h * w;
  const out = new Uint8Array(n * plane);
  for (let b = 0; b < n; b++) {
    const base = b * c * plane;
    for (let i = 0; i < plane; i++) {
      let best = 0;
      let bestV = logits[base + i];
      for (let k = 1; k < c; k++) {
        const v = logits[base + k * plane + i];
        if (v > bestV) { bestV = v; best = k; }
      }
      out[b * plane + i] = best;
    }
  }
  return out;
}

async function serve(session: ort.InferenceSession): Promise<void> {
  const reader = new Reader(process.stdin[Symbol.asyncIterator]());
  for (;;) {
    const head = await reader.take(16);
    if (head === null) return;
    const shape = [0, 1, 2, 3].map((i) => head.readUInt32LE(4 * i));
    const count = shape.reduce((a, b) => a * b, 1);
    const body = await reader.take(count * 4);
    if (body === null) throw new Error('input ended inside a request');
    const data = new Float32Array(count);
    new Uint8Array(data.buffer).set(body);
    const out = (await session.run({ image: new ort.Tensor('float32', data, shape) })).logits;
    const classes = argmaxClasses(out.data as Float32Array, out.dims);
    if (!process.stdout.write(classes)) await new Promise((r) => process.stdout.once('drain', r));
  }
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  const threads = Number(arg('threads', '2'));
  const session = await open(arg('model'), threads);
  if (mode === 'run') await runCases(session, arg('cases'));
  else if (mode === 'serve') await serve(session);
  else if (mode === 'bench') await bench(session, Number(arg('size', '512')), Number(arg('runs', '10')));
  else throw new Error(`unknown mode ${mode}; use run, bench or serve`);
}

main().catch((e: unknown) => {
  console.error(`onnx-check: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
