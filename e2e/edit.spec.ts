/**
 * Editing traced curves in Debian's Chromium, as a user would: select, drag (frame times measured on
 * a 12,800 px scan), erase, redraw, lasso, type a value, undo and redo with the keyboard; the log
 * plot follows the scan. The calibrated document is placed in the store (placeTestDocument): these
 * specs are about editing; e2e/journey.spec.ts calibrates and digitises through the UI.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { checkLasConformance, readLas } from '../src/core/las';
import { curveColour } from '../src/ui/curve-colours';
import { dropFile, expectScan, machineLoad, startCpuTrace, stopCpuTrace, shot } from './helpers/load';
import { curveInkAt, curveX, drawnCurves, frameStats, openStep, settle, placeTestDocument, screenOf, startFrameRecorder, stopFrameRecorder, testCurveX, undoLabels, writeLongScan } from './helpers/edit';

const GR = curveColour(0, 0);

async function openLongScan(page: Page, rows: number): Promise<void> {
  const path = test.info().outputPath(`long-scan-${rows}.png`);
  writeLongScan(path, 1600, rows);
  await dropFile(page, path, 'image/png');
  await expectScan(page, '1,600', rows.toLocaleString('en-US'));
  await placeTestDocument(page, rows);
  await openStep(page, /Edit/);
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
});

/**
 * Frame rate while dragging, two measures (as e2e/load.spec.ts does for long tasks):
 *  - CPU time of the page's main thread per document update (Chromium trace): what our code costs
 *    per drawn drag step. Always asserted: at most 33 ms, i.e. 30 fps on a free core.
 *  - requestAnimationFrame deltas (wall clock): what a user sees. Asserted at 30 fps or more while
 *    the machine's 1-minute load average is at most 1.5 per CPU; above that (this build host is
 *    shared) wall time is mostly waiting for a CPU, so it is reported with the reason printed.
 * npm run bench:drag measures the same drag over several runs.
 */
test('dragging a point of a 12,800 px curve runs at 30 fps or more, costs the main thread under 33 ms a step, is drawn where it goes and is one undo entry', async ({ page, browser }) => {
  await openLongScan(page, 12_800);
  await expect.poll(() => drawnCurves(page, 'curve-canvas')).toEqual(['0.0', '0.1', '0.2']);
  await page.getByRole('option', { name: /GR/ }).click();
  await page.getByRole('radio', { name: 'Drag' }).click();
  // scroll to the middle of the log: the curve there is drawn from the visible rows only
  const viewer = page.getByTestId('scan-viewer');
  await viewer.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('PageDown');
  const t = await settle(page);
  const row = Math.round((450 - t.y) / t.k);
  const before = await curveX(page, 0, row);
  const from = await screenOf(page, before, row + 0.5);
  const far = row - 300; // well away from the dragged rows (40 screen px each way)
  await expect.poll(() => curveInkAt(page, GR, before, row + 0.5)).toBe(true);
  await page.evaluate(() => {
    const w = window as any;
    w.__updates = 0;
    w.tracewell.store.subscribe((s: any, p: any) => { if (s.doc !== p.doc) w.__updates++; });
  });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await startCpuTrace(browser, page);
  await startFrameRecorder(page);
  const start = Date.now();
  for (let i = 1; i <= 120; i++) await page.mouse.move(from.x + i * 0.5, from.y + Math.sin(i / 10) * 3);
  const ms = Date.now() - start;
  const frames = frameStats(await stopFrameRecorder(page));
  const cpu = await stopCpuTrace(browser);
  await page.mouse.up();
  const updates = await page.evaluate(() => (window as any).__updates as number);
  await shot(page, 'edit-01-dragged');

  const cpuTotal = cpu.reduce((a, t) => a + t.cpuMs, 0);
  const perUpdate = cpuTotal / Math.max(1, updates);
  const worstCpu = Math.max(0, ...cpu.map((t) => t.cpuMs));
  const load = machineLoad();
  const info = `${updates} drag steps drawn, main-thread CPU ${cpuTotal.toFixed(0)} ms = ${perUpdate.toFixed(1)} ms per step (worst task ${worstCpu.toFixed(1)} ms); ` +
    `wall: ${frames.frames} frames in ${ms} ms, ${frames.fps.toFixed(1)} fps, median ${frames.median.toFixed(1)} ms, p95 ${frames.p95.toFixed(1)} ms (load ${load.toFixed(1)}/CPU)`;
  test.info().annotations.push({ type: 'drag frame times (12,800 px curve)', description: info });
  console.log(`drag on a 12,800 px curve: ${info}`);
  expect(updates, 'the drag updated the document as the pointer moved').toBeGreaterThan(10);
  expect(perUpdate, 'main-thread CPU per drag step (ms): 30 fps needs at most 33').toBeLessThan(1000 / 30);
  // Wall-clock fps moves with the machine's load (a shared 2-core host, Chromium's software
  // compositor with --disable-gpu): asserted only where a CPU is there to be had.
  if (load > 1.5) console.log(`wall-clock fps not asserted: load ${load.toFixed(1)} per CPU (${frames.fps.toFixed(1)} fps)`);
  else expect(frames.fps, 'wall-clock frames per second while dragging').toBeGreaterThanOrEqual(30);

  const after = await curveX(page, 0, row);
  expect(after - before).toBeGreaterThan(40); // 60 screen px to the right at the fit zoom (< 1)
  // the curve canvas shows the line where it went, no longer where it was, and the rest unchanged
  expect(await curveInkAt(page, GR, after, row + 0.5)).toBe(true);
  expect(await curveInkAt(page, GR, before, row + 0.5)).toBe(false);
  expect(await curveInkAt(page, GR, await curveX(page, 0, far), far + 0.5)).toBe(true);
  expect(await undoLabels(page)).toEqual(['Drag GR']);
  await page.keyboard.press('Control+z');
  await expect.poll(() => curveX(page, 0, row)).toBeCloseTo(before, 6);
  await expect.poll(() => curveInkAt(page, GR, before, row + 0.5)).toBe(true);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => curveX(page, 0, row)).toBeCloseTo(after, 6);
  await expect.poll(() => curveInkAt(page, GR, after, row + 0.5)).toBe(true);
});

test('erase, redraw, lasso and a typed value, each undone and redone from the keyboard; the plot follows the scan', async ({ page }) => {
  await openLongScan(page, 6_000);
  await expect.poll(() => drawnCurves(page, 'plot-curves')).toEqual(['0.0', '0.1', '0.2']);
  const depthLabels = () => page.getByTestId('log-plot').locator('.plot-tick text').allTextContents();
  const firstLabels = await depthLabels();
  await page.getByRole('option', { name: /SP/ }).click();

  // erase rows 1000..1200 by dragging down the scan with the Erase tool
  await page.getByRole('radio', { name: 'Erase' }).click();
  await page.getByTestId('scan-viewer').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('+');
  const t = await settle(page);
  const top = Math.ceil(-t.y / t.k) + 100;
  const a = await screenOf(page, 700, top);
  const b = await screenOf(page, 700, top + 150);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => curveX(page, 1, top + 75)).toBeNaN();
  expect(await curveX(page, 1, top - 5)).not.toBeNaN();
  await shot(page, 'edit-02-erased');

  // redraw the erased stretch freehand, on the ink
  await page.getByRole('radio', { name: 'Redraw' }).click();
  const pts = [];
  for (let y = top - 2; y <= top + 152; y += 4) pts.push(await screenOf(page, testCurveX(1, y), y));
  await page.mouse.move(pts[0].x, pts[0].y);
  await page.mouse.down();
  for (const p of pts.slice(1)) await page.mouse.move(p.x, p.y);
  await page.mouse.up();
  await expect.poll(() => curveX(page, 1, top + 75)).not.toBeNaN();
  expect(Math.abs((await curveX(page, 1, top + 75)) - testCurveX(1, top + 75.5))).toBeLessThan(6);
  await shot(page, 'edit-03-redrawn');

  // lasso the GR points around one row: every curve when nothing is selected
  await page.keyboard.press('Escape');
  await page.getByRole('radio', { name: 'Lasso' }).click();
  const row = top + 40;
  const gx = await curveX(page, 0, row);
  const loop = [[gx - 10, row - 10], [gx + 10, row - 10], [gx + 10, row + 10], [gx - 10, row + 10], [gx - 10, row - 10]];
  const first = await screenOf(page, loop[0][0], loop[0][1]);
  await page.mouse.move(first.x, first.y);
  await page.mouse.down();
  for (const [x, y] of loop.slice(1)) {
    const p = await screenOf(page, x, y);
    await page.mouse.move(p.x, p.y, { steps: 4 });
  }
  await page.mouse.up();
  await expect.poll(() => curveX(page, 0, row)).toBeNaN();

  // a typed value: 75 GAPI is the middle of the 0-150 scale, x = 800
  await page.getByRole('option', { name: /CALI/ }).click();
  await page.getByLabel('From depth').fill('1250');
  await page.getByLabel('To depth').fill('1260');
  await page.getByLabel('Value').fill('75');
  await page.getByRole('button', { name: 'Set value' }).click();
  await expect.poll(() => curveX(page, 2, 2550)).toBeCloseTo(800, 6);
  await page.getByLabel('Value').fill('abc');
  await page.getByRole('button', { name: 'Set value' }).click();
  await expect(page.getByRole('alert')).toContainText('Value: type a number, not \u201cabc\u201d');
  expect(await undoLabels(page)).toEqual(['Erase SP', 'Redraw SP', 'Lasso delete', 'Set CALI to 75']);

  // undo all four from the keyboard (focus on the scan), then redo them
  await page.getByTestId('scan-viewer').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+z');
  await expect.poll(() => curveX(page, 1, top + 75)).toBeCloseTo(testCurveX(1, top + 75.5), 6);
  expect(await curveX(page, 0, row)).toBeCloseTo(gx, 6);
  expect(await curveX(page, 2, 2550)).toBeCloseTo(testCurveX(2, 2550.5), 6);
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => curveX(page, 2, 2550)).toBeCloseTo(800, 6);
  expect(await curveX(page, 0, row)).toBeNaN();
  await shot(page, 'edit-04-redone');

  // the plot shows the depths the scan shows: scrolling the scan moves its depth labels
  await page.keyboard.press('PageDown');
  await expect.poll(depthLabels).not.toEqual(firstLabels);
  // and a wheel over the plot scrolls the scan
  const before = await settle(page);
  const plot = (await page.getByTestId('log-plot').boundingBox())!;
  await page.mouse.move(plot.x + plot.width / 2, plot.y + plot.height / 2);
  await page.mouse.wheel(0, 300);
  await expect.poll(async () => (await settle(page)).y).toBeLessThan(before.y - 200);
});

test('export: ~W fields, unit, chosen curves, a header-first preview, errors in words, and a LAS download that reads back', async ({ page }) => {
  await openLongScan(page, 6_000);
  await openStep(page, /Export/);
  const preview = page.getByTestId('export-preview');
  await expect(preview).toContainText('~Version Information');
  expect((await preview.textContent())!.startsWith('~Version Information')).toBe(true);

  // a mnemonic LAS cannot hold (as typed in the calibrate step) is refused in words, nothing to download; undo restores
  await page.evaluate(() => {
    const s = (window as any).tracewell.store.getState();
    s.updateDocument('Rename GR', (d: any) => ({ ...d, layout: { ...d.layout, tracks: [{ ...d.layout.tracks[0], curves: d.layout.tracks[0].curves.map((c: any, i: number) => (i === 0 ? { ...c, mnemonic: 'GR\u2713' } : c)) }] } }));
  });
  await expect(page.getByTestId('export-error')).toContainText("character '\u2713' (U+2713) has no ASCII spelling; LAS 2.0 is ASCII only");
  await expect(page.getByRole('button', { name: /Download/ })).toBeDisabled();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('export-error')).toHaveCount(0);

  await page.getByLabel('WELL', { exact: true }).fill('Test well 7');
  await page.getByLabel('UWI', { exact: true }).fill('05-123-45678');
  await page.getByLabel('Include CALI').uncheck();
  await expect(preview).toContainText('Test well 7');
  await page.getByLabel('Depth unit').selectOption('M');
  await expect(page.getByLabel('Step (M)')).toHaveValue('0.1524');
  await page.getByLabel('Step (M)').fill('0');
  await expect(page.getByText('Type a number above 0.')).toBeVisible();
  await page.getByLabel('Step (M)').fill('0.2');
  await shot(page, 'edit-05-export');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download long-scan-6000\.las/ }).click();
  const text = readFileSync(await (await download).path(), 'latin1');
  expect(checkLasConformance(text).problems).toEqual([]);
  const las = readLas(text);
  const well = Object.fromEntries(las.well.map((w) => [w.mnemonic, w.value]));
  expect(well).toMatchObject({ WELL: 'Test well 7', UWI: '05-123-45678', STEP: '0.2' });
  expect(las.curves.map((c) => c.mnemonic)).toEqual(['DEPT', 'GR', 'SP']);
  expect(las.curves[0].unit).toBe('M');
  // the placed curves read x = testCurveX on a 0-150 scale over 200..1400 px, 10 rows per foot from 1000 FT
  for (const i of [100, 500, 800]) {
    const rowCentre = (las.data[0][i] / 0.3048 - 1000) * 10;
    for (const k of [0, 1]) {
      const expected = ((testCurveX(k, rowCentre) - 200) / 1200) * 150;
      expect(Math.abs(las.data[k + 1][i] - expected)).toBeLessThan(0.6); // within the sampling of a 0.2 M step
    }
  }
});
