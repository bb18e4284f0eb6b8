/**
 * Which execution provider runs the model in the browser, and how WASM is spread over workers.
 * Pure decisions over facts the caller gathers (adapter info, timings), so the rules are unit-tested
 * without a browser:
 * - the user's setting wins ("webgpu" forces WebGPU even on a software adapter; "wasm" forces WASM);
 * - "auto" takes WebGPU only on a hardware adapter, and only while its tile is not slower than WASM's;
 * - WASM: one worker with N threads or N single-threaded workers sharing the tiles, by measurement.
 */

/** The user's choice, stored in settings. */
export type EpSetting = 'auto' | 'webgpu' | 'wasm';
export const EP_SETTINGS: readonly EpSetting[] = ['auto', 'webgpu', 'wasm'];

/** What a GPUAdapter says about itself (adapter.info plus isFallbackAdapter). */
export interface AdapterFacts {
  isFallbackAdapter: boolean;
  vendor: string;
  architecture: string;
  device: string;
  description: string;
}

export interface EpPlan {
  ep: 'webgpu' | 'wasm';
  /** shown to the user beside the chosen EP */
  reason: string;
  /** WebGPU chosen automatically: compare its tile time with WASM's before trusting it */
  measure: boolean;
}

/** Software rasterisers expose WebGPU too; they are slower than WASM on the CPU they run on. */
export function isSoftwareAdapter(a: AdapterFacts): boolean {
  const text = `${a.vendor} ${a.architecture} ${a.device} ${a.description}`;
  return a.isFallbackAdapter || /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render|microsoft basic/i.test(text);
}

export function describeAdapter(a: AdapterFacts): string {
  return [a.vendor, a.architecture, a.description || a.device].filter(Boolean).join(' ') || 'unnamed adapter';
}

/** First decision, before any tile has run. `adapter` null: navigator.gpu absent or no adapter. */
export function planEp(setting: EpSetting, adapter: AdapterFacts | null): EpPlan {
  if (setting === 'wasm') return { ep: 'wasm', reason: 'WASM chosen in settings', measure: false };
  if (setting === 'webgpu') {
    if (!adapter) return { ep: 'wasm', reason: 'WebGPU chosen in settings, but this browser offers no WebGPU adapter; using WASM', measure: false };
    const soft = isSoftwareAdapter(adapter) ? ' (a software adapter: expect it to be slow)' : '';
    return { ep: 'webgpu', reason: `WebGPU chosen in settings on ${describeAdapter(adapter)}${soft}`, measure: false };
  }
  if (!adapter) return { ep: 'wasm', reason: 'no WebGPU adapter; using WASM', measure: false };
  if (isSoftwareAdapter(adapter))
    return { ep: 'wasm', reason: `WebGPU adapter ${describeAdapter(adapter)} is a software fallback; using WASM`, measure: false };
  return { ep: 'webgpu', reason: `WebGPU on ${describeAdapter(adapter)}`, measure: true };
}

/** Second decision for an automatic WebGPU choice: keep it only if its tile is not slower. */
export function confirmEp(plan: EpPlan, ms: { webgpu: number; wasm: number }): EpPlan {
  if (!plan.measure || plan.ep !== 'webgpu') return plan;
  if (ms.webgpu > ms.wasm)
    return { ep: 'wasm', reason: `WebGPU tile took ${Math.round(ms.webgpu)} ms, WASM ${Math.round(ms.wasm)} ms; using WASM`, measure: false };
  return { ep: 'webgpu', reason: `${plan.reason} (tile ${Math.round(ms.webgpu)} ms vs WASM ${Math.round(ms.wasm)} ms)`, measure: false };
}

/** WebGPU failed to start (no device, lost device, missing op): WASM takes over, and we say so. */
export function fallbackToWasm(plan: EpPlan, error: unknown): EpPlan {
  const why = error instanceof Error ? error.message : String(error);
  return { ep: 'wasm', reason: `WebGPU failed to start (${why.slice(0, 160)}); using WASM`, measure: false };
}

export interface WasmLayout {
  workers: number;
  threadsPerWorker: number;
  reason: string;
}

/** Upper bound on pool workers: each holds its own WASM heap and model copy. */
export const MAX_POOL_WORKERS = 4;

/**
 * `cores`: navigator.hardwareConcurrency; `isolated`: crossOriginIsolated (threads need
 * SharedArrayBuffer). `measured`: ms per tile of one worker with `cores` threads (multiMs) and of one
 * single-threaded worker (singleMs), on the same tile. Without a measurement: null (measure first).
 */
export function chooseWasmLayout(
  cores: number,
  isolated: boolean,
  measured?: { multiMs: number; singleMs: number },
): WasmLayout | null {
  const n = Math.max(1, Math.min(cores || 1, MAX_POOL_WORKERS));
  if (n === 1) return { workers: 1, threadsPerWorker: 1, reason: 'one core: one single-threaded worker' };
  if (!isolated) return { workers: n, threadsPerWorker: 1, reason: `page not cross-origin isolated (no WASM threads): ${n} single-threaded workers` };
  if (!measured) return null;
  // throughput in tiles per second: the pool runs n tiles at once
  const pool = (1000 / measured.singleMs) * n;
  const multi = 1000 / measured.multiMs;
  const figures = `${n}×1 thread: ${pool.toFixed(2)} tiles/s, 1×${n} threads: ${multi.toFixed(2)} tiles/s`;
  return pool > multi
    ? { workers: n, threadsPerWorker: 1, reason: `pool of ${n} single-threaded workers (${figures})` }
    : { workers: 1, threadsPerWorker: n, reason: `one worker with ${n} threads (${figures})` };
}

/** Where settings live: localStorage in the app, a Map in tests. */
export interface SettingsStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const EP_KEY = 'tracewell.segment.ep';

/** The user's EP setting; anything unknown reads as "auto". The UI shows and edits this value. */
export function loadEpSetting(store: SettingsStore | undefined): EpSetting {
  const v = store?.getItem(EP_KEY);
  return (EP_SETTINGS as readonly string[]).includes(v ?? '') ? (v as EpSetting) : 'auto';
}

export function saveEpSetting(store: SettingsStore | undefined, v: EpSetting): void {
  store?.setItem(EP_KEY, v);
}

/** Cached WASM layout measurement, so only the first segmentation on a machine pays for it. */
export function layoutKey(modelId: string, cores: number): string {
  return `tracewell.segment.layout.${modelId.slice(0, 20)}.${cores}`;
}
