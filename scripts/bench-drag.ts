/**
 * npm run bench:drag — dragging a point of a 12,800 px curve in Debian's Chromium (headless,
 * --disable-gpu: software compositing, as the e2e tests run), the way e2e/edit.spec.ts does it:
 * the app is built, served, a 1,600 × 12,800 px scan dropped in with three traced curves, the
 * GR curve grabbed with the Drag tool in the middle of the log and moved by 120 pointer moves.
 *
 * Per run it prints the wall-clock frame rate (requestAnimationFrame deltas: what a user sees),
 * the main thread's CPU per drawn drag step (Chromium trace: what our code and Blink cost), and
 * the whole browser's CPU per step (every process: raster and compositing run off the main
 * thread), then medians over the runs and the 1-minute load per CPU (wall time on a shared
 * machine stretches with it). The last line is machine-readable.
 *
 * Options: --dist DIR   measure an already built app instead of building one: an older commit's
 *                       build gives a before/after comparison on the same machine, e.g.
 *                         git worktree add /tmp/before <commit> && ln -s $PWD/node_modules /tmp/before/
 *                         (cd /tmp/before && npx vite build --outDir $PWD/.e2e/drag-before)
 *                         npm run bench:drag -- --dist .e2e/drag-before
 *          --runs N     drags measured (default 3; one more, untimed, warms up first)
 *          --port P     preview port (default 4392)
 *          --threads    also print the CPU each busy browser thread used per run (where the time goes)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { descendants, statCpuSeconds, statFields, treeCpuSeconds } from './proc-stats.ts';
import { frameStats, openStep, placeTestDocument, screenOf, settle, startFrameRecorder, stopFrameRecorder, writeLongScan } from '../e2e/helpers/edit.ts';
import { dropFile, expectScan, startCpuTrace, stopCpuTrace } from '../e2e/helpers/load.ts';

const ROWS = 12_800;
const MOVES = 120;
const { values: opts } = parseArgs({
  options: { dist: { type: 'string' }, runs: { type: 'string', default: '3' }, port: { type: 'string', default: '4392' }, threads: { type: 'boolean' } },
});
const runs = Math.max(1, Number(opts.runs));
const port = Number(opts.port);

/** CPU seconds per thread of the tree, keyed "process type/thread name/tid" (for --threads). */
function threadCpu(root: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of descendants(root)) {
    let type = 'browser';
    try {
      type = /--type=(\S+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '))?.[1] ?? 'browser';
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        out.set(`${type}/${name}/${tid}`, statCpuSeconds(statFields(stat)));
      }
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

interface DragRun {
  steps: number;
  fps: number;
  medianFrameMs: number;
  p95FrameMs: number;
  mainCpuPerStepMs: number;
  browserCpuPerStepMs: number;
  wallMs: number;
}

/** Counts document updates (drawn drag steps) from now on. */
async function countUpdates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as any;
    w.__updates = 0;
    w.__unsub?.();
    w.__unsub = w.tracewell.store.subscribe((s: any, p: any) => { if (s.doc !== p.doc) w.__updates++; });
  });
}

/** One drag of GR's point on the middle row of the viewer, 60 screen px to the right, wavering. */
async function drag(browser: Browser, page: Page, rootPid: number): Promise<DragRun> {
  const t = await settle(page);
  const row = Math.round((450 - t.y) / t.k);
  const x = await page.evaluate((r) => { const c = (window as any).tracewell.store.getState().doc.curves[0]; return c.x[r - c.y0] as number; }, row);
  const from = await screenOf(page, x, row + 0.5);
  await countUpdates(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await startCpuTrace(browser, page);
  await startFrameRecorder(page);
  const cpu0 = treeCpuSeconds(rootPid);
  const threads0 = opts.threads ? threadCpu(rootPid) : null;
  const start = Date.now();
  for (let i = 1; i <= MOVES; i++) await page.mouse.move(from.x + i * 0.5, from.y + Math.sin(i / 10) * 3);
  const wallMs = Date.now() - start;
  const browserCpuS = treeCpuSeconds(rootPid) - cpu0;
  if (threads0) {
    const busy = [...threadCpu(rootPid)].map(([k, v]) => [k, v - (threads0.get(k) ?? 0)] as const).filter(([, v]) => v > 0);
    console.log(busy.sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `  ${k}: ${(1000 * v).toFixed(0)} ms`).join('\n'));
  }
  const frames = frameStats(await stopFrameRecorder(page));
  const main = await stopCpuTrace(browser);
  await page.mouse.up();
  const steps = await page.evaluate(() => (window as any).__updates as number);
  if (steps < 10) throw new Error(`the drag drew only ${steps} steps: the pointer missed the curve?`);
  // undo it: every run drags the same point of the same curve
  await page.keyboard.press('Control+z');
  await page.waitForFunction(([r, x0]) => { const c = (window as any).tracewell.store.getState().doc.curves[0]; return c.x[r - c.y0] === x0; }, [row, x]);
  const mainMs = main.reduce((a, e) => a + e.cpuMs, 0);
  return {
    steps, fps: frames.fps, medianFrameMs: frames.median, p95FrameMs: frames.p95,
    mainCpuPerStepMs: mainMs / steps, browserCpuPerStepMs: (1000 * browserCpuS) / steps, wallMs,
  };
}

/** Opens the app with the long scan and its three curves, in the edit step with GR and Drag chosen. */
async function openDragScene(page: Page, base: string, scanPath: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  // tsx (esbuild, keepNames) wraps named functions in __name(): the page evaluates the shared e2e
  // helpers' functions as this script compiled them, so it needs that helper too
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(base);
  await dropFile(page, scanPath, 'image/png');
  await expectScan(page, '1,600', ROWS.toLocaleString('en-US'));
  await placeTestDocument(page, ROWS);
  await openStep(page, /Edit/);
  await page.waitForSelector('[data-testid="curve-layer"] [data-curve="0.0"]');
  await page.getByRole('option', { name: /GR/ }).click();
  await page.getByRole('radio', { name: 'Drag' }).click();
  await page.getByTestId('scan-viewer').focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('PageDown');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dist = opts.dist ?? '.e2e/bench-drag';
if (!opts.dist) {
  console.log(`building the app into ${dist} …`);
  await build({ logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
}
const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port, strictPort: true }, build: { outDir: dist } });
const scanPath = join(dist, '..', `bench-drag-scan-${ROWS}.png`);
writeLongScan(scanPath, 1600, ROWS);
// the e2e tests' Chromium flags (playwright.config.ts): no GPU, so compositing and raster are software
const chromiumServer = await chromium.launchServer({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const browser = await chromium.connect(chromiumServer.wsEndpoint());
const results: DragRun[] = [];
const loads: number[] = [];
try {
  const page = await browser.newPage();
  await openDragScene(page, `http://127.0.0.1:${port}/`, scanPath);
  await drag(browser, page, chromiumServer.process().pid!); // warm-up: JIT, first paints
  for (let i = 0; i < runs; i++) {
    loads.push(loadavg()[0] / cpus().length);
    const r = await drag(browser, page, chromiumServer.process().pid!);
    results.push(r);
    console.log(
      `run ${i + 1}: ${r.steps} steps in ${r.wallMs} ms, ${r.fps.toFixed(1)} fps (median frame ${r.medianFrameMs.toFixed(1)} ms, p95 ${r.p95FrameMs.toFixed(1)} ms), ` +
      `CPU per step: main thread ${r.mainCpuPerStepMs.toFixed(1)} ms, whole browser ${r.browserCpuPerStepMs.toFixed(1)} ms (load ${loads[i].toFixed(2)}/CPU)`,
    );
  }
} finally {
  await browser.close();
  await chromiumServer.close();
  await new Promise<void>((r, j) => server.httpServer.close((e) => (e ? j(e) : r())));
}
const summary = {
  fps: median(results.map((r) => r.fps)),
  medianFrameMs: median(results.map((r) => r.medianFrameMs)),
  mainCpuPerStepMs: median(results.map((r) => r.mainCpuPerStepMs)),
  browserCpuPerStepMs: median(results.map((r) => r.browserCpuPerStepMs)),
  loadPerCpu: median(loads),
};
console.log(
  `drag on a ${ROWS.toLocaleString('en-US')} px curve, median of ${runs}: ${summary.fps.toFixed(1)} fps, median frame ${summary.medianFrameMs.toFixed(1)} ms, ` +
  `CPU per step ${summary.mainCpuPerStepMs.toFixed(1)} ms main thread, ${summary.browserCpuPerStepMs.toFixed(1)} ms whole browser (load ${summary.loadPerCpu.toFixed(2)}/CPU; 30 fps needs frames ≤ 33.3 ms)`,
);
console.log(JSON.stringify({ bench: 'drag', rows: ROWS, moves: MOVES, runs, dist, ...summary }));
