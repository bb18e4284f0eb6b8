/**
 * Loading and viewing scans in Debian's Chromium, as a user would: drag a file in or pick it,
 * choose a page, zoom and pan, rotate, and meet bad files. Screenshots go to the results folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { canvasInk, DECODE_FIXTURES, dropFile, E2E_FIXTURES, expectNoLongTask, expectScan, fileTransfer, now, pixel, scanChecksum, serviceWorkerInstalled, startCpuTrace, transformOf, watchLongTasks, shot } from './helpers/load';

const expected = JSON.parse(readFileSync(resolve(DECODE_FIXTURES, 'expected.json'), 'utf8'));
const REAL = '/work/shared/data/raster/273101.png';

test.beforeEach(async ({ page }) => {
  await watchLongTasks(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await serviceWorkerInstalled(page); // timed loads are of a visit after the first: see the helper
});

test('drag in a scan, see it, zoom and pan with keys, wheel, drag and the minimap', async ({ page, browser }) => {
  const file = await fileTransfer(page, resolve(E2E_FIXTURES, 'log-scan.png'), 'image/png');
  const t0 = await now(page);
  await startCpuTrace(browser, page);
  await dropFile(page, file);
  await expectScan(page, '1,600', '6,400');
  await expect(page.locator('.topbar-file')).toHaveText('log-scan.png');
  await expect.poll(() => canvasInk(page)).toBeGreaterThan(0.002); // heavy grid lines and curves drawn
  await expectNoLongTask(page, browser, t0);
  await shot(page, 'load-01-png-loaded');

  const fit = (await transformOf(page));
  const viewer = page.getByTestId('scan-viewer');
  await viewer.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  await expect.poll(async () => (await transformOf(page)).k).toBeGreaterThan(fit.k * 2);
  const zoomed = (await transformOf(page));
  await page.keyboard.press('PageDown');
  await expect.poll(async () => (await transformOf(page)).y).toBeLessThan(zoomed.y - 500);

  // Ctrl + wheel zooms about the pointer; a plain wheel scrolls down the log.
  const box = (await viewer.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = (await transformOf(page));
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect.poll(async () => (await transformOf(page)).k).toBeGreaterThan(before.k * 1.2);
  const afterZoom = (await transformOf(page));
  await page.mouse.wheel(0, 400);
  await expect.poll(async () => (await transformOf(page)).y).toBeLessThan(afterZoom.y - 300);

  // Drag pans: the content follows the pointer.
  const beforeDrag = (await transformOf(page));
  await page.mouse.move(box.x + 400, box.y + 500);
  await page.mouse.down();
  await page.mouse.move(box.x + 300, box.y + 300, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await transformOf(page)).y).toBeCloseTo(beforeDrag.y - 200, -1);

  // The status bar names the scan pixel under the cursor.
  await page.mouse.move(box.x + 500, box.y + 400);
  const t = (await transformOf(page));
  await expect(page.getByTestId('status-cursor')).toHaveText(`x ${Math.floor((500 - t.x) / t.k).toLocaleString('en-US')} · y ${Math.floor((400 - t.y) / t.k).toLocaleString('en-US')} px`);
  await expect.poll(() => canvasInk(page)).toBeGreaterThan(0.005);
  await shot(page, 'load-02-zoomed');

  // Minimap: a click near its bottom centres the view near the bottom of the log.
  const mm = page.getByTestId('minimap').locator('canvas');
  const mbox = (await mm.boundingBox())!;
  await page.mouse.click(mbox.x + mbox.width / 2, mbox.y + mbox.height * 0.9);
  await expect.poll(async () => {
    const t = await transformOf(page);
    return (450 - t.y) / t.k; // scan y at the viewer's vertical centre (900 px window)
  }).toBeGreaterThan(6400 * 0.8);
  await expect(page.getByTestId('minimap-viewport')).toBeVisible();
  await shot(page, 'load-03-minimap');
});

test('the real 273101 log (1664 × 17864, 1-bit) opens and is sharp when zoomed', async ({ page, browser }) => {
  test.skip(!existsSync(REAL), `${REAL} is not on this machine (licence not cleared: not in the repository)`);
  const file = await fileTransfer(page, REAL, 'image/png');
  const t0 = await now(page);
  await startCpuTrace(browser, page);
  await dropFile(page, file);
  await expectScan(page, '1,664', '17,864');
  await expect.poll(() => canvasInk(page)).toBeGreaterThan(0.005);
  await expectNoLongTask(page, browser, t0);
  await shot(page, 'load-04-real-log');
  await page.getByTestId('scan-viewer').focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('+');
  await page.waitForTimeout(600);
  await shot(page, 'load-05-real-log-zoomed');
});

test('a multi-page G4 TIFF from the file picker: choose page 3', async ({ page, browser }) => {
  await page.getByTestId('file-input').setInputFiles(resolve(DECODE_FIXTURES, 'multipage-g4.tif'));
  const dialog = page.getByRole('dialog', { name: /Choose a page of multipage-g4.tif/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio')).toHaveCount(3);
  await expect(dialog.getByRole('radio').nth(2)).toContainText('480 × 1,440 px · 1-bit bilevel, CCITT G4 · 200 dpi');
  await shot(page, 'load-06-tiff-pages');
  await dialog.getByRole('radio').nth(2).click();
  await startCpuTrace(browser, page);
  await dialog.getByRole('button', { name: 'Open page 3' }).click();
  const t0 = await now(page); // from here on the page decodes, draws and settles by itself
  await expectScan(page, '480', '1,440');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('scan-facts')).toContainText('page 3 of 3');
  // The same pixels libtiff reads from the file (checksum from the fixture script).
  await expectNoLongTask(page, browser, t0);
  expect((await scanChecksum(page))!.sum).toBe(expected['multipage-g4.tif'][2].sum);
  await shot(page, 'load-07-tiff-page-3');
});

test('a PDF: choose the page and the resolution; the page is rendered where the file draws it', async ({ page, browser }) => {
  await dropFile(page, resolve(DECODE_FIXTURES, 'log.pdf'), 'application/pdf');
  const dialog = page.getByRole('dialog', { name: /Choose a page of log.pdf/ });
  await expect(dialog.getByRole('radio')).toHaveCount(2);
  await dialog.getByLabel('Resolution (dpi)').selectOption('100');
  await expect(dialog.getByRole('radio').first()).toContainText('8.5 × 22.0 in → 850 × 2,200 px');
  await shot(page, 'load-08-pdf-pages');
  await startCpuTrace(browser, page);
  await dialog.getByRole('button', { name: 'Open page 1' }).click();
  const t0 = await now(page); // from here on the page decodes, draws and settles by itself
  await expectScan(page, '850', '2,200');
  // log.pdf page 1: a black bar at 1540–1560 pt from the bottom of a 1584 pt page, paper above it.
  expect(await pixel(page, 417, Math.round(((1584 - 1550) * 100) / 72))).toBeLessThan(40);
  expect(await pixel(page, 417, 10)).toBeGreaterThan(240);
  await expect.poll(() => canvasInk(page)).toBeGreaterThan(0.005);
  await expectNoLongTask(page, browser, t0);
  await shot(page, 'load-09-pdf-page-1');
});

test('bad files show a clear message and leave the open scan as it was', async ({ page }) => {
  await dropFile(page, resolve(E2E_FIXTURES, 'log-scan.png'), 'image/png');
  await expectScan(page, '1,600', '6,400');
  const before = await scanChecksum(page);
  const cases: Array<[string, RegExp]> = [
    ['truncated.jpg', /truncated\.jpg: the JPEG file ends before its end-of-image marker; it is incomplete\./],
    ['empty.pdf', /empty\.pdf: the PDF has no pages\./],
    ['empty.png', /empty\.png: the file is empty \(0 bytes\)\./],
    ['not-a-scan.txt', /not-a-scan\.txt: this is a LAS text file, not a scan format Tracewell reads/],
    ['too-long.png', /too-long\.png: the image is 100 × 60,000 px; the longest side Tracewell accepts is 50,000 px/],
    ['truncated-g4.tif', /truncated-g4\.tif: the TIFF file ends before page 3/],
    ['truncated.pdf', /truncated\.pdf: the PDF has no end-of-file marker/],
  ];
  for (const [name, message] of cases) {
    await dropFile(page, resolve(DECODE_FIXTURES, name));
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText(`Could not open ${name}`);
    await expect(notice).toContainText(message);
    await expect(page.getByTestId('status-size')).toHaveText('1,600 × 6,400 px');
    await expect(page.locator('.topbar-file')).toHaveText('log-scan.png');
    if (name === 'truncated.jpg') await shot(page, 'load-10-bad-file');
  }
  expect(await scanChecksum(page)).toEqual(before);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('rotate a horizontal scan a quarter turn; undo and redo it', async ({ page }) => {
  await dropFile(page, resolve(E2E_FIXTURES, 'horizontal-scan.png'), 'image/png');
  await expectScan(page, '6,400', '1,200');
  const flat = await pixel(page, 100, 7);
  await page.getByRole('button', { name: 'Rotate right 90°' }).click();
  await expectScan(page, '1,200', '6,400');
  // clockwise: (x, y) of the 6400 × 1200 scan lands at (1199 − y, x)
  expect(await pixel(page, 1199 - 7, 100)).toBe(flat);
  await shot(page, 'load-11-rotated');
  await page.keyboard.press('Control+z');
  await expectScan(page, '6,400', '1,200');
  await page.keyboard.press('Control+Shift+z');
  await expectScan(page, '1,200', '6,400');
  await expect(page.getByTestId('scan-facts')).toContainText('90° clockwise');
});

test('PNGs decoded by the browser give the same gray as the reference reading', async ({ page }) => {
  for (const [name, size, tolerance] of [['gray8.png', ['300', '900'], 0], ['bilevel.png', ['320', '960'], 0], ['palette.png', ['300', '900'], 0], ['rgba.png', ['300', '900'], 1]] as const) {
    await page.getByTestId('file-input').setInputFiles(resolve(DECODE_FIXTURES, name));
    await expect(page.locator('.topbar-file')).toHaveText(name);
    await expectScan(page, size[0], size[1]);
    const ref = expected[name][0];
    const got = (await scanChecksum(page))!;
    // mean difference per pixel (0 = identical sums; alpha compositing may round differently by ≤ 1)
    expect(Math.abs(got.sum - ref.sum) / (ref.width * ref.height), name).toBeLessThanOrEqual(tolerance);
  }
});

test('a JPEG opens through the browser decoder with the same size and near-identical gray', async ({ page }) => {
  await page.getByTestId('file-input').setInputFiles(resolve(DECODE_FIXTURES, 'gray.jpg'));
  await expectScan(page, '300', '900');
  const mean = (await scanChecksum(page))!.sum / (300 * 900);
  const ref = expected['gray8.png'][0].sum / (300 * 900);
  expect(Math.abs(mean - ref)).toBeLessThan(2);
});

test('the bundled sample log opens from the empty viewer', async ({ page }) => {
  await page.getByRole('button', { name: 'Open the sample log' }).click();
  await expect(page.locator('.topbar-file')).toHaveText('synthetic-log.png', { timeout: 60_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 60_000 });
  // its size from the PNG header (the sample is regenerated now and then)
  const png = readFileSync(resolve(E2E_FIXTURES, '../../public/samples/synthetic-log.png'));
  const fmt = (n: number) => n.toLocaleString('en-US');
  await expect(page.getByTestId('status-size')).toHaveText(`${fmt(png.readUInt32BE(16))} × ${fmt(png.readUInt32BE(20))} px`);
  await expect.poll(() => canvasInk(page)).toBeGreaterThan(0.002);
  await shot(page, 'load-12-sample');
});

test('Cancel stops a long PDF render, returns to the page chooser, and the next open works', async ({ page }) => {
  await dropFile(page, resolve(E2E_FIXTURES, 'log-scan.png'), 'image/png');
  await expectScan(page, '1,600', '6,400');
  await dropFile(page, resolve(DECODE_FIXTURES, 'log.pdf'), 'application/pdf');
  const dialog = page.getByRole('dialog', { name: /Choose a page of log.pdf/ });
  await dialog.getByLabel('Resolution (dpi)').selectOption('600'); // 5,100 × 13,200 px: seconds of work
  await dialog.getByRole('button', { name: 'Open page 1' }).click();
  const progress = page.getByTestId('job-progress');
  await expect(progress).toContainText('Opening log.pdf');
  await shot(page, 'load-13-progress');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  await expect(dialog).toBeVisible(); // back to choosing, e.g. a lower resolution
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await expect(page.getByTestId('status-size')).toHaveText('1,600 × 6,400 px');
  await dialog.getByLabel('Resolution (dpi)').selectOption('72');
  await dialog.getByRole('button', { name: 'Open page 1' }).click();
  await expectScan(page, '612', '1,584');
});
