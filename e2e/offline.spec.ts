/**
 * Offline use (issue 8): after one visit the service worker has precached the whole build, and
 * the app loads and stays cross-origin isolated with the network off. A new version waits for the
 * user instead of reloading the page.
 *
 * Crash safety, the offline digitise-and-export journey, the storage-full message and the
 * session-file round trip are in e2e/sessions.spec.ts.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';

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

/** Resolves once a service worker controls the page; it activates only after precaching everything. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 90_000 });
}

test('after one visit the app loads offline, cross-origin isolated, every request same-origin from the cache', async ({ page, context, baseURL }) => {
  const phase = { now: 'first visit' };
  const seen = recordRequests(context, phase);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Tracewell' })).toBeVisible();
  await waitForServiceWorker(page);

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
  await waitForServiceWorker(page);
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
