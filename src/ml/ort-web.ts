/**
 * The onnxruntime-web session factory (runs inside a worker). The runtime's .mjs/.wasm files are
 * imported as URLs, so Vite copies them into the build and they are served by the app itself: no CDN,
 * works offline. WASM uses the plain SIMD+threads build; WebGPU the build that carries the WebGPU EP.
 */
import type * as Ort from 'onnxruntime-web';
import gpuMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import gpuWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import cpuMjs from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import cpuWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import type { ModelCard } from './card';
import type { AdapterFacts } from './ep';
import type { TileRunner } from './engine';
import { SegmentError } from './errors';
import { checkModelId, checkSessionIo, corruptModel, hex } from './model';

export type WebEp = 'webgpu' | 'wasm';

/** The slice of the WebGPU API we touch (TypeScript's libs do not declare WebGPU yet). */
interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
  limits: Record<string, number>;
  requestDevice(d?: { requiredLimits?: Record<string, number> }): Promise<unknown>;
}
interface GpuLike {
  requestAdapter(o?: { forceFallbackAdapter?: boolean; powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

function gpu(): GpuLike | undefined {
  return (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
}

/** `fallback`: ask for the software adapter (only when the user forced WebGPU and nothing else exists). */
export async function requestAdapter(fallback = false): Promise<GpuAdapterLike | null> {
  const g = gpu();
  if (!g) return null;
  try {
    return await g.requestAdapter(fallback ? { forceFallbackAdapter: true } : { powerPreference: 'high-performance' });
  } catch {
    return null;
  }
}

export function adapterFacts(a: GpuAdapterLike): AdapterFacts {
  const i = a.info ?? {};
  return {
    isFallbackAdapter: Boolean(a.isFallbackAdapter ?? i.isFallbackAdapter),
    vendor: i.vendor ?? '',
    architecture: i.architecture ?? '',
    device: i.device ?? '',
    description: i.description ?? '',
  };
}

async function loadOrt(ep: WebEp, threads: number): Promise<typeof Ort> {
  const ort = ep === 'webgpu' ? await import('onnxruntime-web/webgpu') : await import('onnxruntime-web/wasm');
  ort.env.wasm.wasmPaths = ep === 'webgpu' ? { mjs: gpuMjs, wasm: gpuWasm } : { mjs: cpuMjs, wasm: cpuWasm };
  ort.env.wasm.numThreads = threads; // fixed for this worker's WASM instance once a session exists
  ort.env.wasm.proxy = false; // we are already in a worker
  ort.env.logLevel = 'error';
  return ort;
}

/** Fetches the model and checks it is the one its card describes. */
export async function fetchModel(card: ModelCard, url: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new SegmentError('model-missing', `model ${url} could not be fetched (${(e as Error).message})`, { cause: e });
  }
  if (!res.ok) throw new SegmentError('model-missing', `model ${url} is missing (HTTP ${res.status}); reinstall the app's models`);
  const bytes = await res.arrayBuffer();
  checkModelId(card, hex(await crypto.subtle.digest('SHA-256', bytes)), card.file);
  return new Uint8Array(bytes);
}

/**
 * An onnxruntime-web session on `ep`. WebGPU: `adapter` is the one chosen by the caller (possibly a
 * fallback adapter when the user forced WebGPU); its device is handed to onnxruntime so it does not
 * pick another one. Throws SegmentError 'ep-init' when the EP cannot start, 'model-corrupt' when the
 * runtime cannot parse the bytes.
 */
export async function createOrtSession(
  bytes: Uint8Array,
  file: string,
  ep: WebEp,
  threads: number,
  adapter?: GpuAdapterLike | null,
): Promise<{ ort: typeof Ort; session: Ort.InferenceSession }> {
  try {
    const ort = await loadOrt(ep, threads);
    const provider: Ort.InferenceSession.ExecutionProviderConfig =
      ep === 'webgpu' ? { name: 'webgpu', device: await webgpuDevice(adapter) } : 'wasm';
    const session = await ort.InferenceSession.create(bytes, { executionProviders: [provider], graphOptimizationLevel: 'all' });
    return { ort, session };
  } catch (e) {
    if (e instanceof SegmentError) throw e;
    const text = e instanceof Error ? e.message : String(e);
    // a model the runtime cannot parse fails the same way on every EP: report it as the model's fault
    if (/protobuf|parse|invalid model|load model/i.test(text)) throw corruptModel(file, e);
    throw new SegmentError('ep-init', `${ep === 'webgpu' ? 'WebGPU' : 'WASM'} could not start: ${text.slice(0, 200)}`, { cause: e });
  }
}

/** A TileRunner on onnxruntime-web for a model checked against its card. */
export async function createWebRunner(
  card: ModelCard,
  bytes: Uint8Array,
  ep: WebEp,
  threads: number,
  adapter?: GpuAdapterLike | null,
): Promise<TileRunner> {
  const { ort, session } = await createOrtSession(bytes, card.file, ep, threads, adapter);
  checkSessionIo(card, session.inputNames, session.outputNames, card.file);
  return {
    async run(input, n, h, w) {
      const out = await session.run({ [card.input.name]: new ort.Tensor('float32', input, [n, 1, h, w]) });
      const t = out[card.output.name];
      // WebGPU results may live on the GPU; getData() downloads them, CPU tensors return as they are
      const data = (await t.getData()) as Float32Array;
      t.dispose();
      return data;
    },
    dispose: () => session.release(),
  };
}

/**
 * Attainable speed of this runtime (benchmarks): median ms of `runs` calls of a one-layer model whose
 * input is [1, channels, h, w] (the 3×3 conv of test/fixtures/models/conv3x3-peak.onnx), after a warm-up.
 */
export async function timeSingleLayer(url: string, ep: WebEp, threads: number, shape: [number, number, number], runs: number): Promise<number> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const adapter = ep === 'webgpu' ? await requestAdapter() : null;
  const { ort, session } = await createOrtSession(bytes, url, ep, threads, adapter);
  const [c, h, w] = shape;
  const x = new ort.Tensor('float32', new Float32Array(c * h * w).fill(0.5), [1, c, h, w]);
  const once = async (): Promise<number> => {
    const t0 = performance.now();
    const out = await session.run({ [session.inputNames[0]]: x });
    await out[session.outputNames[0]].getData(); // include the download on WebGPU
    return performance.now() - t0;
  };
  await once();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(await once());
  await session.release();
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/** Limits onnxruntime raises to the adapter's maximum when it creates a device itself; we do the same. */
const RAISED_LIMITS = [
  'maxBufferSize',
  'maxStorageBufferBindingSize',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
  'maxComputeWorkgroupSizeZ',
  'maxComputeWorkgroupsPerDimension',
];

async function webgpuDevice(adapter?: GpuAdapterLike | null): Promise<Ort.InferenceSession.WebGpuExecutionProviderOption['device']> {
  const a = adapter ?? (await requestAdapter());
  if (!a) throw new SegmentError('ep-init', 'WebGPU could not start: this browser offers no WebGPU adapter');
  const requiredLimits: Record<string, number> = {};
  for (const k of RAISED_LIMITS) if (typeof a.limits[k] === 'number') requiredLimits[k] = a.limits[k];
  return (await a.requestDevice({ requiredLimits })) as Ort.InferenceSession.WebGpuExecutionProviderOption['device'];
}
