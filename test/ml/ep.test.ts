import { describe, expect, it } from 'vitest';
import {
  type AdapterFacts,
  chooseWasmLayout,
  confirmEp,
  fallbackToWasm,
  isSoftwareAdapter,
  loadEpSetting,
  planEp,
  saveEpSetting,
} from '../../src/ml/ep';

const hardware: AdapterFacts = { isFallbackAdapter: false, vendor: 'nvidia', architecture: 'hopper', device: '', description: 'NVIDIA H100' };
// what headless Chromium with --enable-unsafe-webgpu reports on a machine without a GPU
const swiftshader: AdapterFacts = { isFallbackAdapter: true, vendor: 'google', architecture: 'swiftshader', device: 'swiftshader', description: '' };
const quietSoftware: AdapterFacts = { ...swiftshader, isFallbackAdapter: false };

describe('planEp', () => {
  it('auto takes WebGPU on a hardware adapter, pending a timing check', () => {
    expect(planEp('auto', hardware)).toMatchObject({ ep: 'webgpu', measure: true });
  });

  it('auto never takes a software adapter, flagged or not', () => {
    expect(planEp('auto', swiftshader)).toMatchObject({ ep: 'wasm', reason: expect.stringMatching(/software fallback/) });
    expect(isSoftwareAdapter(quietSoftware)).toBe(true);
    expect(planEp('auto', quietSoftware).ep).toBe('wasm');
  });

  it('auto without an adapter is WASM', () => {
    expect(planEp('auto', null)).toMatchObject({ ep: 'wasm', reason: 'no WebGPU adapter; using WASM' });
  });

  it('the setting forces WebGPU even on SwiftShader, and says it will be slow', () => {
    expect(planEp('webgpu', swiftshader)).toMatchObject({ ep: 'webgpu', measure: false, reason: expect.stringMatching(/software adapter/) });
  });

  it('a forced WebGPU without any adapter falls back to WASM and says so', () => {
    expect(planEp('webgpu', null)).toMatchObject({ ep: 'wasm', reason: expect.stringMatching(/no WebGPU adapter/) });
  });

  it('the setting forces WASM even on a hardware adapter', () => {
    expect(planEp('wasm', hardware).ep).toBe('wasm');
  });
});

describe('confirmEp', () => {
  it('drops an automatic WebGPU whose tile is slower than WASM', () => {
    expect(confirmEp(planEp('auto', hardware), { webgpu: 900, wasm: 700 })).toMatchObject({ ep: 'wasm', reason: expect.stringMatching(/900 ms.*700 ms/) });
  });

  it('keeps a faster WebGPU', () => {
    expect(confirmEp(planEp('auto', hardware), { webgpu: 40, wasm: 700 }).ep).toBe('webgpu');
  });

  it('never second-guesses a forced WebGPU', () => {
    expect(confirmEp(planEp('webgpu', swiftshader), { webgpu: 9000, wasm: 700 }).ep).toBe('webgpu');
  });

  it('an init failure falls back to WASM with the reason', () => {
    expect(fallbackToWasm(planEp('auto', hardware), new Error('device lost'))).toMatchObject({ ep: 'wasm', reason: expect.stringMatching(/WebGPU failed to start \(device lost\); using WASM/) });
  });
});

describe('chooseWasmLayout', () => {
  it('needs a measurement on an isolated multi-core page', () => {
    expect(chooseWasmLayout(2, true)).toBeNull();
  });

  it('picks the pool when N single-threaded tiles beat one N-threaded tile', () => {
    expect(chooseWasmLayout(2, true, { multiMs: 700, singleMs: 1200 })).toMatchObject({ workers: 2, threadsPerWorker: 1 });
  });

  it('picks one multi-threaded worker when threads scale well', () => {
    expect(chooseWasmLayout(2, true, { multiMs: 550, singleMs: 1200 })).toMatchObject({ workers: 1, threadsPerWorker: 2 });
  });

  it('without isolation there are no threads: a pool; one core: one worker; at most 4 workers', () => {
    expect(chooseWasmLayout(8, false)).toMatchObject({ workers: 4, threadsPerWorker: 1 });
    expect(chooseWasmLayout(1, true)).toMatchObject({ workers: 1, threadsPerWorker: 1 });
  });
});

describe('EP setting', () => {
  it('round-trips through the settings store and reads unknown values as auto', () => {
    const m = new Map<string, string>();
    const store = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    expect(loadEpSetting(store)).toBe('auto');
    saveEpSetting(store, 'webgpu');
    expect(loadEpSetting(store)).toBe('webgpu');
    m.set('tracewell.segment.ep', 'cuda');
    expect(loadEpSetting(store)).toBe('auto');
  });
});
