/** Helpers for the load/view journeys: dropping files, long-task watching, reading the app state. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type JSHandle, type Page } from '@playwright/test';

const here = dirname(fileURLToPath(import.meta.url));
export const DECODE_FIXTURES = resolve(here, '../../test/fixtures/decode');
export const E2E_FIXTURES = resolve(here, '../fixtures');

/** Records every main-thread long task (> 50 ms) from page start, for the 100 ms budget. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: Array<{ start: number; duration: number }> };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

export async function now(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** Long tasks that started at or after `since` (page clock, ms). */
export async function longTasksSince(page: Page, since: number): Promise<Array<{ start: number; duration: number }>> {
  return page.evaluate((t) => (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks.filter((e) => e.start >= t), since);
}

/**
 * A file as a DataTransfer in the page, made before the drop so that building it (test harness
 * work) is not counted among the app's long tasks.
 */
export async function fileTransfer(page: Page, path: string, mime = ''): Promise<JSHandle<DataTransfer>> {
  const data = readFileSync(path).toString('base64');
  return page.evaluateHandle(
    ({ data, name, mime }) => {
      const text = atob(data);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type: mime }));
      return dt;
    },
    { data, name: basename(path), mime },
  );
}

/**
 * CPU time of the page's main-thread tasks, from a Chromium trace: what our code costs, apart from
 * the waiting a busy machine adds to wall-clock time (which PerformanceObserver reports).
 */
export async function startCpuTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: ['toplevel'] });
}

export async function stopCpuTrace(browser: Browser): Promise<Array<{ wallMs: number; cpuMs: number }>> {
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  const events: Array<{ name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }> = trace.traceEvents ?? trace;
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mainThreads.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }));
}

/**
 * Resolves once a service worker controls the page; it activates only after precaching everything.
 * Timed journeys wait for it first: on the very first visit the worker downloads and stores the
 * whole app (about 45 MB, the onnxruntime .wasm files most of it), and on this 2-core host that,
 * with the test's own server sending it, starves the page's main thread (tasks of 20–30 ms CPU took
 * 60–140 ms wall). A user meets it once per version; every later visit is what these tests time.
 */
export async function serviceWorkerInstalled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 90_000 });
}

/**
 * Loading and digitising must never block the main thread for more than 100 ms. Two measures:
 *  - CPU time of every main-thread task (Chromium trace): what our code costs; always checked.
 *  - wall-clock long tasks (PerformanceObserver 'longtask'): what a user feels. On an oversubscribed
 *    machine (this build host is shared; load average per CPU > 1.5) wall time is mostly waiting
 *    for a CPU, so that check is reported but not asserted, with the reason printed.
 * Ends the CPU trace begun with startCpuTrace.
 */
export async function expectNoLongTask(page: Page, browser: Browser, since: number, what = 'load'): Promise<void> {
  await page.waitForTimeout(400); // let tile making finish its frames
  const cpu = await stopCpuTrace(browser);
  const tasks = await longTasksSince(page, since);
  const worstWall = Math.max(0, ...tasks.map((t) => t.duration));
  const worstCpu = Math.max(0, ...cpu.map((t) => t.cpuMs));
  const load = machineLoad();
  test.info().annotations.push({ type: `longest main-thread task (${what})`, description: `${worstWall.toFixed(0)} ms wall, ${worstCpu.toFixed(0)} ms CPU (load ${load.toFixed(1)}/CPU)` });
  expect(cpu.filter((t) => t.cpuMs > 0).length, 'the trace holds main-thread tasks with CPU times').toBeGreaterThan(0);
  expect(worstCpu, `${what}: main-thread task CPU times over 20 ms: ${cpu.filter((t) => t.cpuMs > 20).map((t) => t.cpuMs.toFixed(0)).join(', ')}`).toBeLessThan(100);
  if (load > 1.5) {
    console.log(`${test.info().title} (${what}): wall-clock long-task check not asserted: load average ${load.toFixed(1)} per CPU (worst wall ${worstWall.toFixed(0)} ms, worst CPU ${worstCpu.toFixed(0)} ms)`);
    return;
  }
  expect(worstWall, `${what}: long tasks ${JSON.stringify(tasks)}`).toBeLessThan(100);
}

/** 1-minute load average per CPU: above ~1.5 the machine is oversubscribed and wall-clock timings stretch. */
export function machineLoad(): number {
  return loadavg()[0] / cpus().length;
}

/** Drop a file on the viewer the way a browser does: dragenter, dragover, drop with a DataTransfer. */
export async function dropFile(page: Page, pathOrTransfer: string | JSHandle<DataTransfer>, mime = ''): Promise<void> {
  const transfer = typeof pathOrTransfer === 'string' ? await fileTransfer(page, pathOrTransfer, mime) : pathOrTransfer;
  const target = page.getByTestId('scan-viewer');
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

/** Wait until a scan of this size is on screen and no job is running. */
export async function expectScan(page: Page, width: string, height: string): Promise<void> {
  await expect(page.getByTestId('status-size')).toHaveText(`${width} × ${height} px`, { timeout: 60_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 60_000 });
}

/** Share of dark pixels the viewer canvas shows in its central area: proves tiles were drawn. */
export async function canvasInk(page: Page): Promise<number> {
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="scan-viewer"] canvas')!;
    const ctx = c.getContext('2d')!;
    const w = Math.floor(c.width / 2);
    const h = Math.floor(c.height / 2);
    const d = ctx.getImageData(Math.floor(c.width / 4), Math.floor(c.height / 4), w, h).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 128) dark++;
    return dark / (w * h);
  });
}

type Tracewell = { tracewell: { store: { getState(): { view: { transform: { k: number; x: number; y: number } }; scan: { levels: Array<{ width: number; height: number; data: Uint8Array }> } } } } };

/** The viewer's zoom transform (screen px = scan px × k + (x, y)). */
export async function transformOf(page: Page): Promise<{ k: number; x: number; y: number }> {
  return page.evaluate(() => ({ ...(window as unknown as Tracewell).tracewell.store.getState().view.transform }));
}

/** Size and pixel sum of the upright full-resolution scan (reads every pixel: call outside timed spans). */
export async function scanChecksum(page: Page): Promise<{ width: number; height: number; sum: number } | null> {
  return page.evaluate(() => {
    const l = (window as unknown as Tracewell).tracewell.store.getState().scan.levels[0];
    if (!l) return null;
    let sum = 0;
    for (let i = 0; i < l.data.length; i++) sum += l.data[i];
    return { width: l.width, height: l.height, sum };
  });
}

/** Gray value of the upright scan at (x, y) scan px. */
export async function pixel(page: Page, x: number, y: number): Promise<number> {
  return page.evaluate(([x, y]) => {
    const l = (window as unknown as Tracewell).tracewell.store.getState().scan.levels[0];
    return l.data[y * l.width + x];
  }, [x, y]);
}

/** A screenshot of the page in this test's results folder, `<name>.png`; returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path });
  return path;
}
