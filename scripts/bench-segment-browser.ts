/**
 * Chromium side of bench:segment: serve the built harness (src/dev/segment.html), launch Debian's
 * Chromium headless, run one configuration per page, and sample the memory of the whole browser
 * (every process of its tree: browser, renderer, GPU, workers live in the renderer) meanwhile.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { type Browser, type BrowserServer, chromium } from '@playwright/test';
import type {} from '../src/dev/harness-types.ts';
import type { BackendInfo } from '../src/ml/segmenter.ts';
import { descendants, pssMb, treeCpuSeconds } from './proc-stats.ts';

/**
 * Peak of the summed PSS of a process tree, sampled every 200 ms, and the CPU seconds it used
 * meanwhile (on a shared machine wall time includes waiting for a core; CPU time does not).
 */
export class MemorySampler {
  private peak = 0;
  private timer: NodeJS.Timeout | null = null;
  private cpu0 = 0;

  constructor(private readonly root: number) {}

  /** CPU seconds of the tree since start(), excluding processes that exited meanwhile */
  cpu(): number {
    return treeCpuSeconds(this.root) - this.cpu0;
  }

  start(): void {
    this.peak = 0;
    this.cpu0 = 0;
    this.cpu0 = this.cpu();
    const sample = (): void => {
      const mb = descendants(this.root).reduce((s, pid) => s + pssMb(pid), 0);
      if (mb > this.peak) this.peak = mb;
    };
    sample();
    this.timer = setInterval(sample, 200);
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return this.peak;
  }
}

/** `vite preview` of the built harness; resolves once it answers. Returns a stop function. */
export async function startPreview(dist: string, port: number): Promise<() => void> {
  const child: ChildProcess = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], {
    stdio: 'ignore',
    detached: true, // its own process group, so stopping it takes npx's node child too
  });
  const stop = (): void => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/src/dev/segment.html`)).ok) return stop;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`vite preview on port ${port} did not start (port taken?)`);
}

export interface Launched {
  browser: Browser;
  server: BrowserServer;
  memory: MemorySampler;
}

/** WebGPU runs need the GPU enabled and the unsafe-webgpu flag (headless Chromium hides WebGPU otherwise). */
export async function launch(webgpu: boolean): Promise<Launched> {
  const args = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
  args.push(...(webgpu ? ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--ignore-gpu-blocklist'] : ['--disable-gpu']));
  const server = await chromium.launchServer({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
  const browser = await chromium.connect(server.wsEndpoint());
  return { browser, server, memory: new MemorySampler(server.process().pid!) };
}

export interface BrowserRunConfig {
  model?: string;
  setting: 'auto' | 'wasm' | 'webgpu';
  layout?: { workers: number; threadsPerWorker: number };
  tileSize?: number;
  scan: { url: string; width: number; height: number };
  /** rows segmented untimed first (compiles, allocates) */
  warmRows: number;
}

export interface BrowserRunResult {
  backend: BackendInfo & { model: string };
  setupS: number;
  seconds: number;
  tiles: number;
  skipped: number;
  peakMemMb: number;
  /** CPU seconds of the browser during the timed run */
  cpuS: number;
  longTasks: number;
  error: string | null;
}

/** One configuration in a fresh page; memory is sampled from before setup to after the run. */
export async function browserRun(l: Launched, base: string, c: BrowserRunConfig): Promise<BrowserRunResult> {
  const page = await l.browser.newPage();
  try {
    await page.goto(`${base}/src/dev/segment.html`);
    await page.waitForFunction(() => window.__tracewellSegment !== undefined);
    l.memory.start();
    const backend = await page.evaluate((o) => window.__tracewellSegment.setup(o), { model: c.model, setting: c.setting, layout: c.layout });
    await page.evaluate((s) => window.__tracewellSegment.loadRaw(s.url, s.width, s.height), c.scan);
    const region = { x0: 0, y0: 0, x1: c.scan.width, y1: c.warmRows };
    await page.evaluate((o) => window.__tracewellSegment.run(o), { tileSize: c.tileSize, region });
    const cpu0 = l.memory.cpu();
    const r = await page.evaluate((o) => window.__tracewellSegment.run(o), { tileSize: c.tileSize });
    const cpuS = l.memory.cpu() - cpu0;
    const peakMemMb = l.memory.stop();
    return {
      backend,
      setupS: backend.setupMs / 1000,
      seconds: r.ms / 1000,
      tiles: r.total,
      skipped: r.skipped,
      peakMemMb,
      cpuS,
      longTasks: r.longTasks.filter((d) => d > 100).length,
      error: r.error ? `${r.error.name}: ${r.error.message}` : null,
    };
  } finally {
    l.memory.stop();
    await page.close();
  }
}

/** Median ms of the 3×3 conv layer on this EP and thread count, in a fresh worker. */
export async function browserPeak(l: Launched, base: string, ep: 'wasm' | 'webgpu', threads: number, shape: [number, number, number]): Promise<number> {
  const page = await l.browser.newPage();
  try {
    await page.goto(`${base}/src/dev/segment.html`);
    await page.waitForFunction(() => window.__tracewellSegment !== undefined);
    return await page.evaluate((o) => window.__tracewellSegment.peak(o), { ep, threads, shape, runs: 3 });
  } finally {
    await page.close();
  }
}

/** What WebGPU adapter the automatic choice sees in this browser (null: none). */
export async function adapterNote(l: Launched, base: string, model?: string): Promise<BackendInfo> {
  const page = await l.browser.newPage();
  try {
    await page.goto(`${base}/src/dev/segment.html`);
    await page.waitForFunction(() => window.__tracewellSegment !== undefined);
    return await page.evaluate((m) => window.__tracewellSegment.setup({ model: m, setting: 'auto', layout: { workers: 1, threadsPerWorker: 1 } }), model);
  } finally {
    await page.close();
  }
}
