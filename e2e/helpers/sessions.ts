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
