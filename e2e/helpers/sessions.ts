/**
 * Helpers for the session specs: the start screen, the autosave status, and the saved document
 * read back from the page in a canonical form (typed arrays with their type, NaN spelled out) so
 * two documents compare exactly.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

type Store = { tracewell: { store: { getState(): any } } };

/** Open the bundled sample from the start screen and wait until it is on screen and saved. */
export async function openSampleSession(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open the sample log' }).click();
  await expect(page.locator('.topbar-file')).toHaveText('synthetic-log.png', { timeout: 60_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 60_000 });
  await expectSaved(page);
}

export async function expectSaved(page: Page, timeout = 10_000): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved', { timeout });
}

/** Back to the start screen through the top bar (saves first). */
export async function backToSessions(page: Page): Promise<void> {
  await page.getByRole('button', { name: '← Sessions' }).click();
  await expect(page.getByTestId('start-screen')).toBeVisible();
}

export function sessionCard(page: Page, name: string) {
  return page.getByTestId('session-card').filter({ has: page.locator('.session-name', { hasText: new RegExp(`^${escape(name)}$`) }) });
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Open a listed session and wait for its scan. */
export async function openSession(page: Page, name: string): Promise<void> {
  await sessionCard(page, name).getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('start-screen')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
}

/** The open document and its undo/redo stacks, canonical: compare two with toEqual. */
export async function documentSnapshot(page: Page): Promise<{ doc: unknown; undo: unknown; redo: unknown }> {
  return page.evaluate(() => {
    const canon = (v: unknown): unknown => {
      if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : v;
      if (ArrayBuffer.isView(v)) return { [v.constructor.name]: Array.from(v as unknown as ArrayLike<number>, (n) => canon(n)) };
      if (Array.isArray(v)) return v.map(canon);
      if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])]));
      return v;
    };
    const s = (window as unknown as Store).tracewell.store.getState();
    return { doc: canon(s.doc), undo: canon(s.history.undo), redo: canon(s.history.redo) };
  });
}

export async function undoLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as Store).tracewell.store.getState().history.undo.map((e: { label: string }) => e.label));
}

export async function rotation(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as Store).tracewell.store.getState().doc.layout.rotate);
}

const SAMPLE_LAYOUT = JSON.parse(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../public/samples/synthetic-log.layout.json'), 'utf8'));

/**
 * Test harness, not a user action: puts the sample's layout and a curve for each of its curves
 * (every row of the scan, typed arrays as the tracer makes them) into the open document as one
 * undo entry labelled `label`. `phase` shifts the curves so two calls differ everywhere. For the
 * specs that measure saving; the journey digitises through the UI instead.
 */
export async function placeSampleDocument(page: Page, label: string, phase = 0): Promise<void> {
  await page.evaluate(({ label, phase, layout }) => {
    const store = (window as unknown as Store).tracewell.store;
    const rows = store.getState().scan.levels[0].height;
    store.getState().updateDocument(label, (d: any) => ({
      ...d,
      layout: { ...layout, rotate: d.layout.rotate },
      curves: layout.tracks.flatMap((t: { x0: number; x1: number; curves: unknown[] }, track: number) =>
        t.curves.map((_, curve) => {
          const x = new Float64Array(rows).map((_, y) => t.x0 + (t.x1 - t.x0) * (0.5 + 0.3 * Math.sin((y + phase) / (40 + 7 * curve))));
          return { track, curve, y0: 0, x, confidence: new Float32Array(rows).fill(0.8) };
        }),
      ),
    }));
  }, { label, phase, layout: SAMPLE_LAYOUT });
}

/**
 * A full disk, simulated where the browser would report it: every IndexedDB write throws
 * QuotaExceededError while `__quotaFull` is set, and navigator.storage.estimate says the origin is
 * at its quota. The message must be plain, the last good session kept, and old sessions offered.
 */
export async function simulateQuota(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __quotaFull: boolean };
    w.__quotaFull = false;
    const GB = 1e9;
    Object.defineProperty(navigator.storage, 'estimate', {
      value: async () => ({ usage: w.__quotaFull ? 9.6 * GB : 1.2 * GB, quota: 10 * GB }),
    });
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        if (w.__quotaFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  });
}

export const setQuotaFull = (page: Page, full: boolean) => page.evaluate((f) => ((window as unknown as { __quotaFull: boolean }).__quotaFull = f), full);

/*
 * The journey through the workbench's steps, through the UI only: calibrate by loading the
 * sample's layout file, digitise, edit by depth, export LAS. (Written here while e2e/journey.ts
 * does not exist yet; the calibrate/digitise specs own the finer checks of each step.)
 */

export const SAMPLE_LAYOUT_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../public/samples/synthetic-log.layout.json');

export async function openStep(page: Page, title: string): Promise<void> {
  const button = page.getByRole('complementary', { name: 'Steps' }).getByRole('button', { name: new RegExp(`^\\d ${title}`) });
  await button.click();
  await expect(button).toHaveAttribute('aria-current', 'step');
}

/** Calibrate step: load the sample's layout file (depth refs, tracks, scales, seeds). */
export async function calibrateWithLayoutFile(page: Page, path = SAMPLE_LAYOUT_PATH): Promise<void> {
  await openStep(page, 'Calibrate');
  await page.getByTestId('layout-file-input').setInputFiles(path);
  await expect(page.getByText('Calibration complete.')).toBeVisible({ timeout: 30_000 });
}

/** Digitise step: segment with `engine` and trace; resolves once the curves are in the document. */
export async function digitiseWith(page: Page, engine: 'model' | 'classical', curves: number, timeout = 300_000): Promise<void> {
  await openStep(page, 'Digitise');
  await page.getByRole('radio', { name: engine === 'model' ? 'U-Net model' : 'Classical (darkness, no model)' }).check();
  await page.getByRole('button', { name: 'Digitise', exact: true }).click();
  // Done, or the model refused: fail at once with its reason rather than at the timeout.
  const summary = page.getByTestId('digitise-summary');
  await expect(summary.or(page.getByTestId('model-problem'))).toBeVisible({ timeout });
  if (await page.getByTestId('model-problem').isVisible()) throw new Error(`the model cannot be used: ${await page.getByTestId('model-problem').innerText()}`);
  await expect(summary).toContainText(`${curves} curves traced`, { timeout: 30_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 30_000 });
}

/** Edit step: erase `from`–`to` (depth units) from the curve named `mnemonic`. */
export async function eraseInterval(page: Page, mnemonic: string, from: number, to: number): Promise<void> {
  await openStep(page, 'Edit');
  await page.getByRole('option', { name: new RegExp(mnemonic) }).click();
  await page.getByRole('textbox', { name: 'From depth' }).fill(String(from));
  await page.getByRole('textbox', { name: 'To depth' }).fill(String(to));
  await page.getByRole('button', { name: 'Erase interval' }).click();
}

/** Export step: download the LAS file; returns its text. */
export async function exportLas(page: Page): Promise<{ fileName: string; text: string }> {
  await openStep(page, 'Export');
  await page.getByRole('radiogroup', { name: 'Format' }).getByRole('radio', { name: /LAS/ }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Download .*\.las$/ }).click();
  const d = await download;
  return { fileName: d.suggestedFilename(), text: readFileSync(await d.path(), 'latin1') };
}

/** x (scan px) of the curve at `row` of the upright scan, from the open document; null where absent. */
export async function curveAt(page: Page, mnemonic: string, row: number): Promise<number | null> {
  return page.evaluate(([mnemonic, row]) => {
    const d = (window as unknown as Store).tracewell.store.getState().doc;
    const c = d.curves.find((c: { track: number; curve: number }) => d.layout.tracks[c.track]?.curves[c.curve]?.mnemonic === mnemonic);
    const v = c?.x[(row as number) - c.y0];
    return v === undefined || Number.isNaN(v) ? null : v;
  }, [mnemonic, row] as const);
}

/** Upright-scan row of a depth, through the document's depth references (linear). */
export async function rowOfDepth(page: Page, depth: number): Promise<number> {
  return page.evaluate((depth) => {
    const [a, b] = (window as unknown as Store).tracewell.store.getState().doc.layout.depth.refs;
    return Math.round(a.y + ((depth - a.depth) * (b.y - a.y)) / (b.depth - a.depth));
  }, depth);
}
