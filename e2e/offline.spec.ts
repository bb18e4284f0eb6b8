/**
 * Offline use (issue 8): after one visit the service worker has precached the whole build, and
 * the app loads and stays cross-origin isolated with the network off. A new version waits for the
 * user instead of reloading the page.
 *
 * And the journey with the network off: open the bundled sample, calibrate, digitise, export LAS.
 * Crash safety, the storage-full message and the session-file round trip are in sessions.spec.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { machineLoad, serviceWorkerInstalled } from './helpers/load';
import { expectSaved, exportLas, openSampleSession } from './helpers/sessions';
import { calibrateSample, digitise } from './journey';

const dist = process.env.TRACEWELL_E2E_DIST ?? 'dist';

/** Every file the build ships, as URL paths, but source maps and the worker's own scripts. */
function builtFiles(dir = dist): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return builtFiles(p);
    const rel = relative(dist, p).split('\\').join('/');
    return rel.endsWith('.map') || rel === 'sw.js' || /^workbox-[\w-]+\.js$/.test(rel) ? [] : [`/${rel}`];
  });
}

interface Seen {
  url: string;
  phase: string;
  fromServiceWorker?: boolean;
  failed?: string;
}

function recordRequests(context: BrowserContext, phase: { now: string }): Seen[] {
  const seen: Seen[] = [];
  context.on('request', (r) => seen.push({ url: r.url(), phase: phase.now }));
  context.on('requestfinished', async (r) => {
    const entry = seen.findLast((s) => s.url === r.url());
    if (entry) entry.fromServiceWorker = (await r.response())?.fromServiceWorker() ?? false;
  });
  context.on('requestfailed', (r) => {
    const entry = seen.findLast((s) => s.url === r.url());
    if (entry) entry.failed = r.failure()?.errorText ?? 'failed';
  });
  return seen;
}

test('after one visit the app loads offline, cross-origin isolated, every request same-origin from the cache', async ({ page, context, baseURL }) => {
  const phase = { now: 'first visit' };
  const seen = recordRequests(context, phase);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Tracewell' })).toBeVisible();
  await serviceWorkerInstalled(page);

  // The precache holds every file the build ships: app shell, workers, ORT wasm, model, samples.
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    }
    return urls;
  });
  const missing = builtFiles().filter((f) => !cached.includes(f));
  expect(missing, 'built files not precached').toEqual([]);

  phase.now = 'offline';
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Tracewell' })).toBeVisible();
  await expect(page.getByTestId('isolation')).toHaveText('cross-origin isolated');
  expect(await page.evaluate(() => crossOriginIsolated && typeof SharedArrayBuffer === 'function')).toBe(true);

  // The largest files (onnxruntime's wasm) are there offline too, whole.
  const wasm = builtFiles().filter((f) => f.endsWith('.wasm'));
  expect(wasm.length, 'the build ships wasm files').toBeGreaterThan(0);
  for (const url of wasm) {
    const size = await page.evaluate(async (u) => (await (await fetch(u)).arrayBuffer()).byteLength, url);
    expect(size, url).toBe(statSync(join(dist, url)).size);
  }

  const origin = new URL(baseURL!).origin;
  const foreign = seen.filter((s) => new URL(s.url).origin !== origin && !s.url.startsWith('data:') && !s.url.startsWith('blob:'));
  expect(foreign, 'requests that left the origin').toEqual([]);
  const offline = seen.filter((s) => s.phase === 'offline');
  expect(offline.length).toBeGreaterThan(3);
  expect(offline.filter((s) => s.failed), 'requests that failed offline').toEqual([]);
  // Page requests offline are answered by the service worker (its own cache lookups are not requests).
  await expect.poll(() => offline.filter((s) => s.fromServiceWorker === false).map((s) => s.url)).toEqual([]);

  // The network really is off: what was never cached cannot be fetched.
  phase.now = 'probe';
  const uncached = await page.evaluate(() => fetch(`/not-cached-${Date.now()}.txt`).then((r) => r.status, (e) => String(e)));
  expect(uncached).toMatch(/TypeError|Failed to fetch/);
});

test('a new version waits for the user: no reload mid-edit, then "Reload now" switches to it', async ({ page }) => {
  await page.goto('/');
  await serviceWorkerInstalled(page);
  await page.evaluate(() => ((window as unknown as { unsavedEdit: string }).unsavedEdit = 'still here'));

  // A new deployment: the service worker script changes.
  const swPath = join(dist, 'sw.js');
  const original = readFileSync(swPath, 'utf8');
  writeFileSync(swPath, `${original}\n// new version ${Date.now()}\n`);
  try {
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await expect(page.getByTestId('update-prompt')).toBeVisible({ timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { unsavedEdit?: string }).unsavedEdit)).toBe('still here');
    await page.waitForTimeout(1500); // nothing reloads on its own
    expect(await page.evaluate(() => (window as unknown as { unsavedEdit?: string }).unsavedEdit)).toBe('still here');

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload now' }).click()]);
    await expect(page.getByRole('heading', { name: 'Tracewell' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { unsavedEdit?: string }).unsavedEdit)).toBeUndefined();
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);
    const waiting = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting ?? null));
    expect(waiting).toBeNull();
  } finally {
    writeFileSync(swPath, original);
  }
});

test('offline: load once, go offline, reload, open the bundled sample, digitise and export LAS', async ({ page, context, baseURL }) => {
  test.setTimeout(600_000);
  const phase = { now: 'first visit' };
  const seen = recordRequests(context, phase);
  await page.goto('/');
  await serviceWorkerInstalled(page);

  phase.now = 'offline';
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await openSampleSession(page);
  // Through the UI as a user does it (e2e/journey.ts): auto-layout, depth lines clicked and typed,
  // scales typed, seeds clicked; then Digitise: the model when the build ships one, else the panel
  // says the model cannot be used and the classical segmentation is taken.
  await calibrateSample(page);
  const t0 = Date.now();
  const engine = await digitise(page);
  const shipsModel = existsSync(join(dist, 'models', 'index.json'));
  if (!shipsModel) console.log(`offline journey: ${dist}/models/index.json is absent (no model shipped): digitised with the classical segmentation`);
  expect(engine, 'the model digitises offline when the build ships one').toBe(shipsModel ? 'model' : 'classical');
  test.info().annotations.push({ type: `offline digitise (${engine})`, description: `${((Date.now() - t0) / 1000).toFixed(0)} s (load ${machineLoad().toFixed(1)}/CPU)` });
  await expect(page.getByTestId('digitise-summary')).toContainText('5 curves traced');
  const las = await exportLas(page);
  expect(las.fileName).toBe('synthetic-log.las');
  expect(las.text).toMatch(/^~V/m);
  const curveLine = las.text.split(/\r?\n/).find((l) => l.startsWith('~A'))!;
  for (const m of ['CGR', 'RHOB', 'SPBR', 'LLS', 'RXO']) expect(curveLine).toContain(m);
  const rows = las.text.split(/~A[^\n]*\n/)[1].trim().split(/\r?\n/);
  expect(rows.length).toBeGreaterThan(1000); // the sample spans over 550 ft, every 0.5 ft
  const cgr = rows.map((r) => Number(r.trim().split(/\s+/)[1]));
  expect(cgr.filter((v) => v !== -999.25 && v >= 0 && v <= 240).length, 'CGR values in its scale range').toBeGreaterThan(rows.length / 2);
  await expectSaved(page);
  await page.screenshot({ path: test.info().outputPath('offline-journey-exported.png') });

  const origin = new URL(baseURL!).origin;
  const foreign = seen.filter((r) => !/^(data|blob):/.test(r.url) && new URL(r.url).origin !== origin);
  expect(foreign, 'requests that left the origin').toEqual([]);
  // Everything the build ships is answered offline (a failure there is a gap in the precache); a
  // file the build does not have (the model index, while no model is shipped) fails as it would online.
  const shipped = (url: string) => existsSync(join(dist, decodeURIComponent(new URL(url).pathname)));
  const offline = seen.filter((r) => r.phase === 'offline');
  expect(offline.filter((r) => r.failed && shipped(r.url)), 'requests for shipped files that failed offline').toEqual([]);
  expect(offline.filter((r) => shipped(r.url)).length, 'shipped files requested offline').toBeGreaterThan(3);
});
