/**
 * npm run bench:segment [-- --runs 3] [--quick] [--no-build] [--big-tiles] [--port 4405]
 * Segments a generated 12,800 × 2,000 scan (src/core/synth, fixed seed) with the shipped default model
 * (public/models; the test fixture until one is installed) and prints, per configuration: seconds
 * (median), MP/s, achieved GFLOP/s (card MACs/px × 2 × pixels / s), the attainable GFLOP/s of the same
 * runtime and threads (one 64→64 3×3 conv layer), and peak memory (Node: max RSS of its own process;
 * Chromium: summed PSS of the browser's process tree). Configurations: onnxruntime-node on 1 and 2
 * threads; Chromium WASM as one 2-thread worker and as a pool of single-thread workers; WebGPU when
 * the browser offers a hardware adapter; and (unless --quick) a 50,000 × 2,000 scan through the pool
 * for peak memory. The last line is machine-readable.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { GENERATOR } from '../src/core/synth/config.ts';
import { checkLibrary } from '../src/core/synth/library.ts';
import { renderSample } from '../src/core/synth/render.ts';
import { defaultCardPath, loadCard } from '../src/node/segmenter-node.ts';
import { type Launched, adapterNote, browserPeak, browserRun, launch, startPreview } from './bench-segment-browser.ts';
import { PEAK_MACS_PER_PIXEL, PEAK_SHAPE, type Row, lastLine, printTable } from './bench-segment-report.ts';

const root = resolve(import.meta.dirname, '..');
const has = (f: string): boolean => process.argv.includes(`--${f}`);
const opt = (f: string, d: string): string => (process.argv.indexOf(`--${f}`) > 0 ? process.argv[process.argv.indexOf(`--${f}`) + 1] : d);
const RUNS = Number(opt('runs', '3'));
const PORT = Number(opt('port', process.env.TRACEWELL_BENCH_PORT ?? '4405'));
const DIST = join(root, '.e2e/bench-segment');
const WIDTH = 2_000;
const HEIGHT = 12_800;
const LONG = 50_000;
const SEED = 4242;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const peakPixels = PEAK_SHAPE[1] * PEAK_SHAPE[2];
const gflopsOf = (macsPerPixel: number, pixels: number, seconds: number): number => (2 * macsPerPixel * pixels) / seconds / 1e9;
const peakGflops = (ms: number): number => gflopsOf(PEAK_MACS_PER_PIXEL, peakPixels, ms / 1000);

function log(s: string): void {
  process.stderr.write(`${s}\n`);
}

function node(args: string[]): Record<string, number | number[]> {
  const out = execFileSync('npx', ['tsx', join(root, 'scripts/bench-segment-node.ts'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

/** The benchmark scan: raw 8-bit gray rows, written where the harness can fetch them. */
function makeScans(): { short: string; long: string | null } {
  const lib = join(root, 'src/core/synth/curve-library.json');
  const library = existsSync(lib) ? checkLibrary(JSON.parse(readFileSync(lib, 'utf8'))) : undefined;
  const s = renderSample(SEED, {}, library, { width: WIDTH, length: HEIGHT }).image;
  if (s.width !== WIDTH || s.height !== HEIGHT) throw new Error(`synth gave ${s.width} × ${s.height}, wanted ${WIDTH} × ${HEIGHT}`);
  const dir = join(DIST, 'bench');
  mkdirSync(dir, { recursive: true });
  const short = join(dir, 'scan-12800.raw');
  writeFileSync(short, s.data);
  if (has('quick')) return { short, long: null };
  // 50,000 rows: the same page repeated (memory behaviour, not accuracy, is what this run is for)
  const long = new Uint8Array(WIDTH * LONG);
  for (let y = 0; y < LONG; y += HEIGHT) long.set(s.data.subarray(0, Math.min(HEIGHT, LONG - y) * WIDTH), y * WIDTH);
  const longPath = join(dir, 'scan-50000.raw');
  writeFileSync(longPath, long);
  return { short, long: longPath };
}

async function nodeRows(cardPath: string, scan: string, macs: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const threads of [1, 2]) {
    log(`node, ${threads} thread(s)…`);
    const r = node(['unet', '--card', cardPath, '--scan', scan, '--width', `${WIDTH}`, '--height', `${HEIGHT}`, '--threads', `${threads}`, '--runs', `${RUNS}`]);
    const p = node(['peak', '--threads', `${threads}`, '--runs', '3']);
    const s = median(r.seconds as number[]);
    rows.push({
      name: `onnxruntime-node cpu, ${threads} thread${threads > 1 ? 's' : ''}`, kind: 'node', seconds: s, pixels: WIDTH * HEIGHT,
      gflops: gflopsOf(macs, WIDTH * HEIGHT, s), peakGflops: peakGflops(median(p.ms as number[])), memMb: r.peakRssMb as number,
      cpuS: median(r.cpuS as number[]),
      note: `${r.tiles} tiles, ${r.skipped} blank`,
    });
  }
  return rows;
}

async function chromiumRows(l: Launched, base: string, model: string | undefined, macs: number, tileSize: number): Promise<Row[]> {
  const rows: Row[] = [];
  const scan = { url: `${base}/bench/scan-12800.raw`, width: WIDTH, height: HEIGHT };
  const single = peakGflops(await browserPeak(l, base, 'wasm', 1, PEAK_SHAPE));
  const double = peakGflops(await browserPeak(l, base, 'wasm', 2, PEAK_SHAPE));
  const layouts = [
    { name: 'Chromium wasm, 1 worker × 2 threads', layout: { workers: 1, threadsPerWorker: 2 }, peak: double },
    { name: 'Chromium wasm, pool 2 workers × 1 thread', layout: { workers: 2, threadsPerWorker: 1 }, peak: 2 * single },
  ];
  for (const c of layouts) {
    for (const size of has('big-tiles') ? [undefined, tileSize * 2] : [undefined]) {
      log(`${c.name}${size ? `, ${size} px tiles` : ''}…`);
      const runs = [];
      for (let i = 0; i < Math.max(1, Math.min(RUNS, 2)); i++)
        runs.push(await browserRun(l, base, { model, setting: 'wasm', layout: c.layout, tileSize: size, scan, warmRows: 1024 }));
      const r = runs.sort((a, b) => a.seconds - b.seconds)[0];
      if (r.error) throw new Error(`${c.name}: ${r.error}`);
      rows.push({
        name: `${c.name}${size ? `, ${size} px tiles` : ''}`, kind: 'wasm', seconds: r.seconds, pixels: WIDTH * HEIGHT,
        gflops: gflopsOf(macs, WIDTH * HEIGHT, r.seconds), peakGflops: c.peak, memMb: Math.max(...runs.map((x) => x.peakMemMb)), cpuS: r.cpuS,
        note: `${r.tiles} tiles, ${r.skipped} blank, setup ${r.setupS.toFixed(1)} s, ${r.longTasks} long tasks`,
      });
    }
  }
  return rows;
}

async function webgpuRows(base: string, model: string | undefined, macs: number): Promise<{ rows: Row[]; note: string }> {
  const l = await launch(true);
  try {
    const auto = await adapterNote(l, base, model);
    if (auto.ep !== 'webgpu') return { rows: [], note: `WebGPU: not benchmarked — ${auto.note}` };
    log('Chromium webgpu…');
    const scan = { url: `${base}/bench/scan-12800.raw`, width: WIDTH, height: HEIGHT };
    const r = await browserRun(l, base, { model, setting: 'webgpu', scan, warmRows: 1024 });
    if (r.error) throw new Error(`webgpu: ${r.error}`);
    const peak = peakGflops(await browserPeak(l, base, 'webgpu', 1, PEAK_SHAPE));
    const row: Row = {
      name: 'Chromium webgpu, 1 worker', kind: 'webgpu', seconds: r.seconds, pixels: WIDTH * HEIGHT, gflops: gflopsOf(macs, WIDTH * HEIGHT, r.seconds),
      peakGflops: peak, memMb: r.peakMemMb, cpuS: r.cpuS, note: `${r.backend.note}; ${r.tiles} tiles`,
    };
    return { rows: [row], note: `WebGPU: ${auto.note}` };
  } finally {
    await l.browser.close();
    await l.server.close();
  }
}

async function main(): Promise<void> {
  const shipped = existsSync(join(root, 'public/models/index.json'));
  const cardPath = shipped ? await defaultCardPath(join(root, 'public/models')) : join(root, 'test/fixtures/models/tiny-unet.json');
  const card = await loadCard(cardPath);
  const model = shipped ? undefined : 'fixture';
  log(`model ${card.name} (${shipped ? 'shipped default' : 'test fixture: no model in public/models yet'}), ${card.macsPerPixel} MACs/px, tile ${card.tile.size}/${card.tile.overlap}`);
  const load0 = loadavg()[0];
  if (!has('no-build')) execFileSync('npx', ['vite', 'build', '--outDir', DIST, '--logLevel', 'error'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const scans = makeScans();
  const rows = await nodeRows(cardPath, scans.short, card.macsPerPixel);
  const stop = await startPreview(DIST, PORT);
  const base = `http://127.0.0.1:${PORT}`;
  let gpuNote = '';
  try {
    const l = await launch(false);
    try {
      rows.push(...(await chromiumRows(l, base, model, card.macsPerPixel, card.tile.size)));
      if (scans.long) {
        const best = rows.filter((r) => r.kind === 'wasm').sort((a, b) => a.seconds - b.seconds)[0];
        const layout = best.name.includes('pool') ? { workers: 2, threadsPerWorker: 1 } : { workers: 1, threadsPerWorker: 2 };
        log(`Chromium wasm ${layout.workers}×${layout.threadsPerWorker}, ${LONG} × ${WIDTH}…`);
        const r = await browserRun(l, base, { model, setting: 'wasm', layout, scan: { url: `${base}/bench/scan-50000.raw`, width: WIDTH, height: LONG }, warmRows: 512 });
        if (r.error) throw new Error(`long scan: ${r.error}`);
        rows.push({
          name: `Chromium wasm ${layout.workers}×${layout.threadsPerWorker}, ${LONG.toLocaleString('en')} rows`, kind: 'long', seconds: r.seconds,
          pixels: WIDTH * LONG, gflops: gflopsOf(card.macsPerPixel, WIDTH * LONG, r.seconds), peakGflops: best.peakGflops, memMb: r.peakMemMb, cpuS: r.cpuS,
          note: `${r.tiles} tiles, ${r.skipped} blank`,
        });
      }
    } finally {
      await l.browser.close();
      await l.server.close();
    }
    const gpu = await webgpuRows(base, model, card.macsPerPixel);
    rows.push(...gpu.rows);
    gpuNote = gpu.note;
  } finally {
    stop();
  }
  printTable(rows, {
    scan: `${WIDTH} × ${HEIGHT} px from ${GENERATOR.name} ${GENERATOR.version} seed ${SEED}`,
    model: `${card.name}${shipped ? '' : ' (test fixture)'}, ${card.macsPerPixel} MACs/px, tile ${card.tile.size} px, overlap ${card.tile.overlap} px`,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)} (shared machine)`,
    gpu: gpuNote,
  });
  process.stdout.write(`${lastLine(rows, shipped ? 'shipped' : 'fixture')}\n`);
}

await main();
