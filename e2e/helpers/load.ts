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
