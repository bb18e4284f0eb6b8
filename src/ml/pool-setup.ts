/**
 * Sets up the browser Segmenter: asks a worker for the WebGPU adapter, applies the EP rules of ep.ts,
 * checks an automatic WebGPU against WASM on one tile, and for WASM measures one N-threaded worker
 * against N single-threaded ones (remembered per model and core count, so it is paid once).
 */
import type { ModelCard } from './card';
import {
  type EpPlan,
  type EpSetting,
  type SettingsStore,
  type WasmLayout,
  chooseWasmLayout,
  confirmEp,
  layoutKey,
  planEp,
} from './ep';
import { type Member, PoolSegmenter, defaultWorker, initMember, spawn, terminate } from './pool';
import type { Segmenter } from './segmenter';

export interface PoolOptions {
  card: ModelCard;
  /** URL of the .onnx, served by the app */
  modelUrl: string;
  setting?: EpSetting;
  /** remembers the WASM layout measurement (localStorage in the app) */
  store?: SettingsStore;
  /** default navigator.hardwareConcurrency / crossOriginIsolated */
  cores?: number;
  isolated?: boolean;
  /** force a WASM layout (benchmarks compare both) instead of measuring */
  layout?: { workers: number; threadsPerWorker: number };
  maxBatch?: number;
  createWorker?: () => Worker;
}

interface Ctx {
  o: PoolOptions;
  create: () => Worker;
  cores: number;
  isolated: boolean;
}

export async function createPoolSegmenter(o: PoolOptions): Promise<Segmenter> {
  const ctx: Ctx = {
    o,
    create: o.createWorker ?? defaultWorker,
    cores: o.cores ?? navigator.hardwareConcurrency ?? 1,
    isolated: o.isolated ?? globalThis.crossOriginIsolated === true,
  };
  const setting = o.setting ?? 'auto';
  let spare: Member | null = null;
  try {
    let plan: EpPlan = { ep: 'wasm', reason: 'WASM chosen in settings', measure: false };
    if (setting !== 'wasm') {
      spare = spawn(ctx.create);
      plan = planEp(setting, await spare.api.adapter());
    }
    if (plan.ep === 'webgpu') {
      const gpu = spare ?? spawn(ctx.create);
      spare = null;
      const got = await webgpuOrWasm(ctx, gpu, plan);
      if (got.segmenter) return got.segmenter;
      plan = got.plan;
      spare = got.wasmWorker;
    } else if (spare) {
      terminate(spare);
      spare = null;
    }
    return await wasmPool(ctx, plan, spare);
  } catch (e) {
    terminate(spare);
    throw e;
  }
}

const init = (ctx: Ctx, m: Member, ep: 'webgpu' | 'wasm', threads: number) =>
  initMember(m, { card: ctx.o.card, modelUrl: ctx.o.modelUrl, ep, threads, maxBatch: ctx.o.maxBatch });

/** WebGPU in one worker, unless it fails to start or (automatic choice) is slower than WASM. */
async function webgpuOrWasm(
  ctx: Ctx,
  gpu: Member,
  plan: EpPlan,
): Promise<{ segmenter?: Segmenter; plan: EpPlan; wasmWorker: Member | null }> {
  const ready = await init(ctx, gpu, 'webgpu', 1).catch((e: unknown) => {
    terminate(gpu);
    throw e;
  });
  if (ready.ep === 'wasm') {
    terminate(gpu); // its WASM has one thread; the layout step below picks threads properly
    return { plan: { ep: 'wasm', reason: ready.note ?? 'WebGPU unavailable; using WASM', measure: false }, wasmWorker: null };
  }
  let final = plan;
  let wasmWorker: Member | null = null;
  if (plan.measure) {
    wasmWorker = spawn(ctx.create);
    await init(ctx, wasmWorker, 'wasm', threadsFor(ctx));
    const size = ctx.o.card.tile.size;
    final = confirmEp(plan, { webgpu: await gpu.api.probe(size, size), wasm: await wasmWorker.api.probe(size, size) });
  }
  if (final.ep === 'webgpu') {
    terminate(wasmWorker);
    const backend = { runtime: 'onnxruntime-web', ep: 'webgpu', workers: 1, threadsPerWorker: 1, note: final.reason } as const;
    return { segmenter: new PoolSegmenter(ctx.o.card, backend, [gpu], ctx.create), plan: final, wasmWorker: null };
  }
  terminate(gpu);
  return { plan: final, wasmWorker };
}

function threadsFor(ctx: Ctx): number {
  return ctx.isolated ? Math.max(1, Math.min(ctx.cores, 8)) : 1;
}

/** `multi`: an initialised WASM worker with threadsFor(ctx) threads, reused if the layout wants it. */
async function wasmPool(ctx: Ctx, plan: EpPlan, multi: Member | null): Promise<Segmenter> {
  const key = layoutKey(ctx.o.card.id, ctx.cores);
  let layout: WasmLayout | null = ctx.o.layout ? { ...ctx.o.layout, reason: 'layout forced by the caller' } : null;
  layout ??= cachedLayout(ctx.o.store?.getItem(key)) ?? chooseWasmLayout(ctx.cores, ctx.isolated);
  let single: Member | null = null;
  if (!layout) {
    // measure: one tile on N threads, then on one thread, one after the other so they do not compete
    multi ??= spawn(ctx.create);
    if (!multi.ready) await init(ctx, multi, 'wasm', threadsFor(ctx));
    single = spawn(ctx.create);
    await init(ctx, single, 'wasm', 1);
    const size = ctx.o.card.tile.size;
    const multiMs = await multi.api.probe(size, size);
    const singleMs = await single.api.probe(size, size);
    layout = chooseWasmLayout(ctx.cores, ctx.isolated, { multiMs, singleMs })!;
    ctx.o.store?.setItem(key, JSON.stringify(layout));
  }
  const members: Member[] = [];
  const keep = (m: Member | null, threads: number): boolean => m !== null && m.init?.threads === threads && members.length < layout!.workers;
  if (keep(multi, layout.threadsPerWorker)) members.push(multi!);
  else terminate(multi);
  if (keep(single, layout.threadsPerWorker)) members.push(single!);
  else terminate(single);
  while (members.length < layout.workers) {
    const m = spawn(ctx.create);
    members.push(m);
    await init(ctx, m, 'wasm', layout.threadsPerWorker);
  }
  const note = [plan.reason, layout.reason].join('; ');
  const backend = { runtime: 'onnxruntime-web', ep: 'wasm', workers: layout.workers, threadsPerWorker: layout.threadsPerWorker, note } as const;
  return new PoolSegmenter(ctx.o.card, backend, members, ctx.create);
}

function cachedLayout(text: string | null | undefined): WasmLayout | null {
  if (!text) return null;
  try {
    const l = JSON.parse(text) as WasmLayout;
    return Number.isInteger(l.workers) && Number.isInteger(l.threadsPerWorker) ? { ...l, reason: `${l.reason} (measured earlier)` } : null;
  } catch {
    return null;
  }
}

export { defaultWorker };
