/**
 * Calibrate and digitise the bundled sample in Debian's Chromium, as a user would: drop the scan,
 * let auto-layout propose the tracks, click depth lines and type their depths, type each curve's
 * scale, click its seed, digitise, look at the mask and walk the low-confidence regions. The main
 * thread never blocks for 100 ms while loading or digitising. Screenshots go to the results folder.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_FIXTURES, expectNoLongTask, now, serviceWorkerInstalled, startCpuTrace, watchLongTasks, shot } from './helpers/load';
import type { Layout } from '../src/core/calibration/layout';
import { calibrateSample, clickScan, digitise, goToStep, loadSample, paperReading, SAMPLE_PNG, showRow } from './journey';

test.beforeEach(async ({ page }) => {
  await watchLongTasks(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
});

type Store = { getState(): Record<string, any> };
const read = <T>(page: Page, f: (s: Record<string, any>) => T) =>
  page.evaluate(`(${f.toString()})(window.tracewell.store.getState())`) as Promise<T>;

test('calibrate the sample through the UI, digitise it, look at the mask and walk the review', async ({ page, browser }) => {
  test.setTimeout(300_000);
  const paper = paperReading();

  // Load (timed as a visit after the first: see serviceWorkerInstalled)
  await serviceWorkerInstalled(page);
  await startCpuTrace(browser, page);
  const t0 = await now(page);
  await loadSample(page);
  await expectNoLongTask(page, browser, t0, 'load');
  await shot(page, 'cd-01-loaded');

  // Calibrate
  const report = await calibrateSample(page, paper);
  test.info().annotations.push({ type: 'auto-layout', description: `deskew ${report.proposed.deskew}°, tracks ${JSON.stringify(report.proposed.tracks)}; corrected: ${report.corrected.join('; ') || 'nothing'}` });
  expect(Math.abs(report.proposed.deskew - (paper.deskew as number))).toBeLessThan(0.05);
  const layout = await read(page, (s) => s.doc.layout);
  expect(layout.depth.refs.map((r: { y: number }) => r.y)).toEqual(paper.depth.refs.map((r) => expect.closeTo(r.y, 0)));
  expect(layout.depth.refs.map((r: { depth: number }) => r.depth)).toEqual([1025, 1575]);
  for (const [t, track] of paper.tracks.entries()) {
    for (const [c, curve] of track.curves.entries()) {
      const got = layout.tracks[t].curves[c];
      expect(got).toMatchObject({ mnemonic: curve.mnemonic, unit: curve.unit, scale: curve.scale, left: curve.left, right: curve.right, wrap: curve.wrap, ...(curve.backup ? { backup: curve.backup } : {}), style: curve.style });
      expect(Math.hypot(got.seed.x - curve.seed.x, got.seed.y - curve.seed.y)).toBeLessThan(3);
    }
  }
  await clickScan(page, 700, 300); // scroll back to the top for the picture
  await shot(page, 'cd-02-calibrated');

  // Digitise
  await startCpuTrace(browser, page);
  const t1 = await now(page);
  const kind = await digitise(page);
  await expectNoLongTask(page, browser, t1, 'digitise');
  test.info().annotations.push({ type: 'segmentation', description: kind });
  const traced: Array<{ track: number; curve: number; rows: number; found: number }> = await read(page, (s) => s.doc.curves.map((c: { track: number; curve: number; x: Float64Array }) => ({ track: c.track, curve: c.curve, rows: c.x.length, found: Array.from(c.x).filter((v) => !Number.isNaN(v)).length })));
  expect(traced.map((c) => [c.track, c.curve])).toEqual([[0, 0], [0, 1], [0, 2], [1, 0], [1, 1]]);
  for (const c of traced) expect(c.found, `curve ${c.track}.${c.curve}: rows with a value`).toBeGreaterThan(0.8 * 5500);
  await expect(page.getByTestId('curve-canvas')).toHaveAttribute('data-curves', '0.0 0.1 0.2 1.0 1.1');
  await shot(page, 'cd-03-digitised');

  // Digitise again, and cancel while the worker traces: the curves and the history stay as they were
  const before = await read(page, (s) => ({ undo: s.history.undo.length as number }));
  await page.getByRole('button', { name: 'Digitise again' }).click();
  const progress = page.getByTestId('job-progress');
  await expect(progress).toContainText('Digitising');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  expect(await read(page, (s) => s.history.undo.length as number)).toBe(before.undo);
  expect(await read(page, (s) => s.doc.curves.length as number)).toBe(5);
  await expect(page.getByTestId('notice')).toHaveCount(0);

  // The mask overlay: coloured class pixels drawn over the gray scan
  await page.getByLabel('Segmentation mask').check();
  await expect.poll(() => colouredShare(page)).toBeGreaterThan(0.001);
  await page.getByLabel('Mask opacity').fill('0.9');
  await shot(page, 'cd-04-mask');
  await page.getByLabel('Segmentation mask').uncheck();
  await expect.poll(() => colouredShare(page)).toBeLessThan(0.0005);

  // Review: a press shows the next low-confidence region; after scrolling away, the next one below
  const count = await page.getByTestId('review-count').textContent();
  test.info().annotations.push({ type: 'review', description: count ?? '' });
  if (/^No low-confidence/.test(count ?? '')) return;
  const next = page.getByRole('button', { name: 'Next low-confidence region' });
  await next.click();
  await expect(page.getByTestId('review-position')).toContainText(/^Region 1 of [\d,]+: /); // the view shows the top of the log
  await expectRegionInView(page);
  await next.click();
  await expect(page.getByTestId('review-position')).toContainText(/^Region 2 of /);
  await expectRegionInView(page);
  const t = await showRow(page, 3000);
  const top = -t.y / t.k;
  await next.click();
  const region = await currentRegion(page);
  expect(region.from).toBeGreaterThanOrEqual(top); // on down the log from where the user scrolled to
  await expectRegionInView(page, true);
  await shot(page, 'cd-05-review');
});

async function currentRegion(page: Page): Promise<{ from: number; to: number; k: number }> {
  const band = page.locator('[data-testid="review-layer"] .review-band.current');
  await expect(band).toHaveCount(1);
  const from = Number(await band.getAttribute('data-from'));
  const to = Number(await band.getAttribute('data-to'));
  return { from, to, k: await read(page, (s) => s.view.transform.k as number) };
}

/** The current region's rows are on screen (and, `start`, its first row too: the walk shows where it begins). */
async function expectRegionInView(page: Page, start = false): Promise<void> {
  const { from, to } = await currentRegion(page);
  await expect
    .poll(async () => {
      const { t, vh } = await read(page, (s) => ({ t: s.view.transform, vh: s.view.viewport.height }));
      const top = -t.y / t.k;
      const bottom = (vh - t.y) / t.k;
      return from < bottom && to > top && (!start || (from >= top && from <= bottom));
    }, { timeout: 5000 })
    .toBe(true);
}

/** Share of the viewer canvas's pixels that are clearly coloured (the scan itself is gray). */
function colouredShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="scan-viewer"] canvas')!;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60) n++;
    return n / (c.width * c.height);
  });
}

test('calibration details: a mistyped depth stands out (with a fourth reference), an edge drag is one undo step, the layout saves and loads', async ({ page }) => {
  test.setTimeout(240_000);
  const paper = paperReading();
  await loadSample(page);
  await calibrateSample(page, paper);

  // A third reference on the 1300 ft line, mistyped as 1310: the three do not line up. A fourth
  // (1450 ft) shows which one is wrong; corrected, nothing is flagged.
  const rowOf = (depth: number) => paper.depth.refs[0].y + (depth - 1025) * 10;
  const addRef = async (n: number, depth: number, typed: number) => {
    await page.getByRole('button', { name: 'Add depth reference' }).click();
    await clickScan(page, 270, rowOf(depth) - 2);
    await page.getByLabel(`Depth at reference ${n}`, { exact: true }).fill(String(typed));
    await page.getByLabel(`Depth at reference ${n}`, { exact: true }).press('Tab');
  };
  await addRef(3, 1300, 1310);
  await expect(page.getByTestId('refs-misfit')).toContainText('The three depths do not line up (one is off by up to 6.67 FT)');
  await addRef(4, 1450, 1450);
  await expect(page.getByTestId('refs-misfit')).toHaveCount(0);
  await expect(page.getByTestId('residual-3')).toContainText('check this depth');
  for (const n of [1, 2, 4]) await expect(page.getByTestId(`residual-${n}`)).not.toContainText('check');
  await shot(page, 'cd-06-typo');
  await page.getByLabel('Depth at reference 3', { exact: true }).fill('1300');
  await page.getByLabel('Depth at reference 3', { exact: true }).press('Tab');
  for (const n of [1, 2, 3, 4]) await expect(page.getByTestId(`residual-${n}`)).not.toContainText('check');

  // An error is shown next to its field, in words
  await page.getByLabel('Track 1 curve 2 right value', { exact: true }).fill('1.95');
  await expect(page.getByText('equals left (1.95); a scale needs two different edge values')).toBeVisible();
  await page.getByLabel('Track 1 curve 2 right value', { exact: true }).fill('2.95');
  await page.getByLabel('Track 1 curve 2 right value', { exact: true }).press('Tab');

  // Dragging a track edge moves it; undo puts it back in one step
  const before = await read(page, (s) => s.doc.layout.tracks[0].x1 as number);
  await clickScan(page, 700, 1000);
  // the handle runs the whole log: press it at the height of the middle of the viewer
  const handle = (await page.getByTestId('edge-1-x1').locator('.cal-edge-hit').boundingBox())!;
  const viewer = (await page.getByTestId('scan-viewer').boundingBox())!;
  const hx = handle.x + handle.width / 2;
  const hy = viewer.y + viewer.height / 2;
  await page.mouse.move(hx, hy);
  await page.mouse.down();
  await page.mouse.move(hx + 15, hy, { steps: 5 });
  await page.mouse.move(hx + 30, hy, { steps: 5 });
  await page.mouse.up();
  const k = await read(page, (s) => s.view.transform.k as number);
  await expect.poll(() => read(page, (s) => s.doc.layout.tracks[0].x1 as number)).toBeCloseTo(before + 30 / k, 0);
  await page.getByTestId('scan-viewer').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => read(page, (s) => s.doc.layout.tracks[0].x1 as number)).toBe(before);

  // Save the layout and load it back: the same calibration (a reusable file)
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save layout…' }).click();
  const file = await (await download).path();
  const saved = JSON.parse(readFileSync(file!, 'utf8'));
  expect(saved.depth.refs.map((r: { depth: number }) => r.depth)).toEqual([1025, 1575, 1300, 1450]);
  expect(saved.tracks[1].curves.map((c: { mnemonic: string }) => c.mnemonic)).toEqual(['LLS', 'RXO']);
  await page.getByTestId('layout-file-input').setInputFiles({ name: 'broken.layout.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...saved, dskew: 1 })) });
  await expect(page.getByRole('alert').filter({ hasText: 'broken.layout.json is not a layout Tracewell can use' })).toContainText('unknown field "dskew"');
  const kept = await read(page, (s) => s.doc.layout);
  expect(kept.depth.refs).toHaveLength(4);
  await goToStep(page, 'Calibrate');
});

test('points on a curve: two added on RHOB, one removed (undoably), a point outside the track refused; the saved layout holds the one left', async ({ page }) => {
  test.setTimeout(240_000);
  const paper = paperReading();
  await loadSample(page);
  await calibrateSample(page, paper);

  // Where RHOB (track 1, curve 2) is drawn at 1200 and 1400 ft, from the sample's truth and the paper's scale
  const truth = JSON.parse(readFileSync(SAMPLE_PNG.replace(/\.png$/, '.truth.json'), 'utf8')) as { curves: Array<{ mnemonic: string; depth: number[]; value: number[] }> };
  const rhob = truth.curves.find((c) => c.mnemonic === 'RHOB')!;
  const track = paper.tracks[0];
  const spec = track.curves[1];
  const [r0, r1] = paper.depth.refs;
  const onRhob = (depth: number) => {
    const v = rhob.value[rhob.depth.indexOf(depth)];
    return { x: track.x0 + ((v - spec.left) / (spec.right - spec.left)) * (track.x1 - track.x0), y: r0.y + ((depth - r0.depth) * (r1.y - r0.y)) / (r1.depth - r0.depth) };
  };
  const [p1200, p1400] = [onRhob(1200), onRhob(1400)];

  const toggle = page.getByRole('button', { name: 'Add points on track 1 curve 2' });
  const count = page.getByTestId('anchor-count-1-2');
  await expect(count).toHaveText('Points on this curve: 0');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await clickScan(page, p1200.x, p1200.y);
  await expect(count).toHaveText('Points on this curve: 1');
  await clickScan(page, p1400.x, p1400.y); // adding stays on
  await expect(count).toHaveText('Points on this curve: 2');
  for (const [i, depth] of [1200, 1400].entries()) {
    await expect(page.getByTestId(`anchor-mark-1-2-${i + 1}`)).toHaveCount(1);
    const listed = (await page.getByTestId(`anchor-1-2-${i + 1}`).locator('.cal-anchor-where').textContent())!;
    expect(listed).toMatch(/^[\d,]+\.\d FT · x \d+\.\d$/);
    expect(Number(listed.split(' ')[0].replace(',', '')), `point ${i + 1} listed at its depth`).toBeCloseTo(depth, 0);
  }
  await shot(page, 'cd-08-points');

  // Between the tracks: refused, with the reason next to the curve's points, and nothing added
  await clickScan(page, (track.x1 + paper.tracks[1].x0) / 2, p1400.y + 300);
  await expect(page.getByTestId('anchor-problem-1-2')).toContainText('Point not added');
  await expect(page.getByTestId('anchor-problem-1-2')).toContainText('outside track 1');
  await expect(count).toHaveText('Points on this curve: 2');
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('anchor-problem-1-2')).toHaveCount(0);
  await expect(page.getByTestId('pick-catcher')).toHaveCount(0);

  // Remove the first; undo brings it back, redo removes it again
  await page.getByRole('button', { name: 'Remove point 1 of track 1 curve 2' }).click();
  await expect(count).toHaveText('Points on this curve: 1');
  await expect(page.getByTestId('anchor-mark-1-2-2')).toHaveCount(0);
  await page.getByTestId('scan-viewer').focus();
  await page.keyboard.press('Control+z');
  await expect(count).toHaveText('Points on this curve: 2');
  await page.keyboard.press('Control+Shift+z');
  await expect(count).toHaveText('Points on this curve: 1');

  // The saved layout file holds exactly the point left, on RHOB only
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save layout…' }).click();
  const saved = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as Layout;
  const kept = saved.tracks[0].curves[1].anchors!;
  expect(kept).toHaveLength(1);
  expect(Math.hypot(kept[0].x - p1400.x, kept[0].y - p1400.y), `the point kept ${JSON.stringify(kept[0])} is where 1400 ft of RHOB was clicked`).toBeLessThan(2);
  const others = saved.tracks.flatMap((t, ti) => t.curves.filter((_, ci) => !(ti === 0 && ci === 1)));
  expect(others.filter((c) => c.anchors !== undefined)).toEqual([]);
});

test.describe('with a model installed', () => {
  // the app's service worker would answer /models/ from its cache, out of the routes' reach
  test.use({ serviceWorkers: 'block' });

  test('the engine in use shows, the EP can be chosen, and Cancel during segmentation changes nothing', async ({ page, context }) => {
    test.setTimeout(240_000);
    // The test fixture U-Net (real ONNX, run by the real onnxruntime-web) served as the app's default model.
    const fixtures = resolve(E2E_FIXTURES, '../../test/fixtures/models');
    await context.route('**/models/index.json', (r) => r.fulfill({ json: { default: 'tiny-unet', models: ['tiny-unet'] } }));
    await context.route('**/models/tiny-unet.json', (r) => r.fulfill({ path: resolve(fixtures, 'tiny-unet.json') }));
    await context.route('**/models/tiny-unet.onnx', (r) => r.fulfill({ path: resolve(fixtures, 'tiny-unet.onnx'), contentType: 'application/octet-stream' }));
    await page.reload();
    await loadSample(page);
    await calibrateSample(page);
    await goToStep(page, 'Digitise');
    await expect(page.getByTestId('engine-in-use')).toHaveText(/^Engine: (WASM · \d+ workers? × \d+ threads?|WebGPU)$/, { timeout: 60_000 });
    await expect(page.getByTestId('model-problem')).toHaveCount(0);

    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Engine settings' });
    await settings.getByLabel('WASM (CPU, all cores)').check();
    expect(await page.evaluate(() => Object.entries(localStorage).find(([, v]) => v === 'wasm'))).toBeTruthy();
    await settings.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('engine-in-use')).toHaveText(/^Engine: WASM · /, { timeout: 60_000 });

    const before = await read(page, (s) => ({ undo: s.history.undo.length as number, curves: s.doc.curves.length as number }));
    await page.getByRole('button', { name: /^Digitise$/ }).click();
    const progress = page.getByTestId('job-progress');
    await expect(progress).toContainText(/Segmenting: tile \d+ of \d+ · about \d+ s left/, { timeout: 60_000 });
    await shot(page, 'cd-07-segmenting');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(progress).toHaveCount(0);
    await expect(page.getByTestId('notice')).toHaveCount(0);
    expect(await read(page, (s) => ({ undo: s.history.undo.length as number, curves: s.doc.curves.length as number }))).toEqual(before);
    await expect(page.getByRole('button', { name: /^Digitise$/ })).toBeEnabled();
  });
});
