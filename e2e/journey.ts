/**
 * A geoscientist's journey through the workbench, as reusable steps for the e2e specs: open the
 * bundled sample, calibrate it through the UI (clicking depth lines and typing their depths, typing
 * scales, clicking seeds — the numbers a user reads off the paper are those of the sample's layout
 * file, but nothing is injected), digitise, and helpers to reach scan positions on screen.
 * Reading the store (window.tracewell) is for finding screen positions and checking; never for
 * writing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { Layout } from '../src/core/calibration/layout';
import { dropFile, E2E_FIXTURES, expectScan, fileTransfer } from './helpers/load';

export const SAMPLE_PNG = resolve(E2E_FIXTURES, '../../public/samples/synthetic-log.png');
export const SAMPLE_LAYOUT = resolve(E2E_FIXTURES, '../../public/samples/synthetic-log.layout.json');

/** The sample's layout file: what a user reads off the paper (depths, scales, where the curves are). */
export function paperReading(): Layout {
  return JSON.parse(readFileSync(SAMPLE_LAYOUT, 'utf8')) as Layout;
}

type Store = { getState(): Record<string, any> };
const state = (page: Page) => page.evaluate(() => {
  const s = (window as unknown as { tracewell: { store: Store } }).tracewell.store.getState();
  return { transform: s.view.transform, viewport: s.view.viewport, layout: s.doc.layout, curves: s.doc.curves.length, step: s.view.step, deskewFor: s.scan.deskewFor, proposal: s.calibrate.proposal };
});

/** Drop the bundled sample on the viewer and wait until it is on screen. */
export async function loadSample(page: Page): Promise<void> {
  await dropFile(page, await fileTransfer(page, SAMPLE_PNG, 'image/png'));
  await expectScan(page, '1,527', '6,000');
}

/** Scroll the viewer (mouse wheel, as a user) so scan row y is near the middle; returns the transform. */
export async function showRow(page: Page, y: number): Promise<{ k: number; x: number; y: number }> {
  const viewer = page.getByTestId('scan-viewer');
  const box = (await viewer.boundingBox())!;
  const { transform: t } = await state(page);
  const dy = y * t.k + t.y - box.height / 2;
  if (Math.abs(dy) > box.height * 0.3) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, dy);
    // the store hears the new transform on the next frame (none comes at the end of the log)
    await page
      .waitForFunction((y0) => (window as unknown as { tracewell: { store: Store } }).tracewell.store.getState().view.transform.y !== y0, t.y, { timeout: 2000 })
      .catch(() => undefined);
  }
  return (await state(page)).transform;
}

/** Click the upright scan at (x, y) scan px, scrolling it into view first. */
export async function clickScan(page: Page, x: number, y: number): Promise<void> {
  const t = await showRow(page, y);
  const box = (await page.getByTestId('scan-viewer').boundingBox())!;
  await page.mouse.click(box.x + t.x + x * t.k, box.y + t.y + y * t.k);
}

/** Go to a step by the left panel's step buttons. */
export async function goToStep(page: Page, name: 'Load scan' | 'Calibrate' | 'Digitise' | 'Edit' | 'Export'): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^\\d ${name}`) }).click();
}

/** Type into a labelled field and leave it (one undo entry). */
async function type(page: Page, label: string, value: string | number): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(String(value));
  await field.press('Tab');
}

export interface CalibrationReport {
  /** the auto-layout's deskew and track edges as proposed, before any correction */
  proposed: { deskew: number; tracks: Array<[number, number]> };
  /** track edges the user had to correct by typing (auto-layout off by more than 2 px) */
  corrected: string[];
}

/**
 * Calibrate the open sample through the UI. Auto-layout runs when the step opens; its deskew and
 * track edges are checked against the paper and corrected by typing where they are off; depth
 * references are added by clicking near the printed depth lines (snapped) and typing the depths;
 * curves are added with their mnemonics, units, scales and options typed; seeds are clicked.
 * `interval`: the depths to digitise (the log below the header), typed when given.
 */
export async function calibrateSample(page: Page, paper: Layout = paperReading(), options: { interval?: { from: number; to: number } } = {}): Promise<CalibrationReport> {
  await goToStep(page, 'Calibrate');
  await expect(page.getByTestId('auto-layout-status')).toContainText(/Found \d+ tracks?/, { timeout: 60_000 });
  const { proposal } = await state(page);
  const report: CalibrationReport = { proposed: { deskew: proposal.deskew, tracks: proposal.tracks.map((t: { x0: number; x1: number }) => [t.x0, t.x1]) }, corrected: [] };
  await fixTracks(page, paper, report);
  // the display follows the deskew (the levels are rebuilt): wait until it shows the layout's frame
  await expect.poll(async () => (await state(page)).deskewFor, { timeout: 30_000 }).toBe((await state(page)).layout.deskew);
  await addDepthRefs(page, paper);
  if (options.interval) {
    await type(page, 'Digitise from depth', options.interval.from);
    await type(page, 'Digitise to depth', options.interval.to);
  }
  for (const [t, track] of paper.tracks.entries()) {
    for (const [c, curve] of track.curves.entries()) await addCurve(page, t, c, curve);
  }
  await expect(page.getByText('Calibration complete.')).toBeVisible();
  return report;
}

async function fixTracks(page: Page, paper: Layout, report: CalibrationReport): Promise<void> {
  let { layout } = await state(page);
  while (layout.tracks.length > paper.tracks.length) {
    report.corrected.push(`removed proposed track ${layout.tracks.length}`);
    await page.getByRole('button', { name: `Remove track ${layout.tracks.length}` }).click();
    ({ layout } = await state(page));
  }
  while (layout.tracks.length < paper.tracks.length) {
    report.corrected.push(`added track ${layout.tracks.length + 1}`);
    await page.getByRole('button', { name: 'Add track' }).click();
    ({ layout } = await state(page));
  }
  for (const [t, track] of paper.tracks.entries()) {
    for (const [edge, word] of [['x0', 'left'], ['x1', 'right']] as const) {
      if (Math.abs(layout.tracks[t][edge] - track[edge]) <= 2) continue;
      report.corrected.push(`track ${t + 1} ${word} edge ${layout.tracks[t][edge]} → ${track[edge]}`);
      await type(page, `Track ${t + 1} ${word} edge`, Math.round(track[edge] * 10) / 10);
    }
  }
}

/** Click a few px below each printed depth line of the paper's refs (the click snaps) and type its depth. */
async function addDepthRefs(page: Page, paper: Layout): Promise<void> {
  for (const [i, ref] of paper.depth.refs.entries()) {
    await page.getByRole('button', { name: 'Add depth reference' }).click();
    await clickScan(page, (paper.tracks[0].x0 + paper.tracks[0].x1) / 2, ref.y + 3);
    await expect(page.getByLabel(`Depth at reference ${i + 1}`, { exact: true })).toBeFocused();
    await type(page, `Depth at reference ${i + 1}`, ref.depth);
  }
}

async function addCurve(page: Page, t: number, c: number, curve: Layout['tracks'][number]['curves'][number]): Promise<void> {
  const name = `Track ${t + 1} curve ${c + 1}`;
  await page.getByRole('button', { name: `Add curve to track ${t + 1}` }).click();
  await type(page, `${name} mnemonic`, curve.mnemonic);
  await type(page, `${name} unit`, curve.unit);
  await page.getByLabel(`${name} scale`, { exact: true }).selectOption(curve.scale);
  await type(page, `${name} left value`, curve.left);
  await type(page, `${name} right value`, curve.right);
  if (curve.wrap) await page.getByLabel(`${name} wraps onto backup scales`, { exact: true }).check();
  if (curve.wrap && curve.backup) await page.getByLabel(`${name} backup side`, { exact: true }).selectOption(curve.backup);
  await page.getByLabel(`${name} line style`, { exact: true }).selectOption(curve.style ?? 'solid');
  await page.getByRole('button', { name: `Set the seed of ${name.toLowerCase()}` }).click();
  await clickScan(page, curve.seed.x, curve.seed.y);
  await expect(page.getByTestId(`seed-${t + 1}-${c + 1}`)).toContainText('Seed x');
}

/**
 * Digitise from the digitise step. With no model installed (or one that fails) the panel says so and
 * offers the classical segmentation, which this takes; returns which segmentation ran.
 */
export async function digitise(page: Page): Promise<'model' | 'classical'> {
  await goToStep(page, 'Digitise');
  const problem = page.getByTestId('model-problem');
  const engine = page.getByTestId('engine-in-use');
  // the model is prepared when the step opens: either the engine shows, or the problem does
  await expect(problem.or(engine.filter({ hasNotText: 'starts at the first Digitise' }))).toBeVisible({ timeout: 60_000 });
  const kind = (await problem.isVisible()) ? 'classical' : 'model';
  if (kind === 'classical') await problem.getByRole('button', { name: 'Digitise without the model' }).click();
  else await page.getByRole('button', { name: /^Digitise/ }).click();
  await expect(page.getByTestId('digitise-summary')).toContainText('curves traced', { timeout: 120_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0);
  return kind;
}
