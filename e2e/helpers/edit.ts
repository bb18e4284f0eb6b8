/**
 * Helpers for the edit specs: a long synthetic scan drawn here, a document placed on it, screen ↔
 * scan coordinates, and frame times measured in the page with requestAnimationFrame.
 */
import { writeFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { encode } from 'fast-png';

/** x (scan px) of the test curves on row centre y: three wavy curves in one 1200 px track. */
export const testCurveX = (k: number, y: number) => 200 + 1200 * (0.5 + 0.25 * Math.sin(y / (140 + 50 * k) + 2 * k) + 0.05 * Math.sin(y / 17));

/** A gray scan `width` × `height` with a track grid and the three test curves drawn 2 px wide. */
export function writeLongScan(path: string, width: number, height: number): void {
  const data = new Uint8Array(width * height).fill(250);
  for (let y = 0; y < height; y++) {
    for (let x = 200; x <= 1400; x += 120) data[y * width + x] = 170;
    if (y % 50 === 0) data.fill(185, y * width + 200, y * width + 1401);
    for (let k = 0; k < 3; k++) {
      const x = Math.round(testCurveX(k, y + 0.5));
      data[y * width + x] = data[y * width + x + 1] = 30;
    }
  }
  writeFileSync(path, encode({ width, height, data, depth: 8, channels: 1 }));
}

/**
 * Puts a calibrated layout (one track 200–1400 px, three curves, 10 rows per foot from 1000 FT) and
 * the three curves, traced exactly, into the open document. Only for specs that measure or exercise
 * editing; the journey spec calibrates and digitises through the UI instead.
 */
export async function placeTestDocument(page: Page, rows: number): Promise<void> {
  await page.evaluate((rows) => {
    const fx = (k: number, y: number) => 200 + 1200 * (0.5 + 0.25 * Math.sin(y / (140 + 50 * k) + 2 * k) + 0.05 * Math.sin(y / 17));
    const store = (window as unknown as { tracewell: { store: { getState(): any } } }).tracewell.store;
    const s = store.getState();
    const curve = (mnemonic: string, k: number) => ({ mnemonic, unit: 'GAPI', scale: 'linear', left: 0, right: 150, seed: { x: fx(k, 100.5), y: 100.5 }, wrap: false });
    const layout = { ...s.doc.layout, depth: { unit: 'FT', refs: [{ y: 0, depth: 1000 }, { y: rows, depth: 1000 + rows / 10 }] }, tracks: [{ x0: 200, x1: 1400, curves: [curve('GR', 0), curve('SP', 1), curve('CALI', 2)] }] };
    const curves = [0, 1, 2].map((k) => {
      const x = new Float64Array(rows);
      for (let i = 0; i < rows; i++) x[i] = fx(k, i + 0.5);
      return { track: 0, curve: k, y0: 0, x, confidence: new Float32Array(rows).fill(0.9) };
    });
    s.resetDocument({ ...s.doc, layout, curves });
  }, rows);
}

type Store = { tracewell: { store: { getState(): any } } };

/** Page px of a scan point (the viewer's transform and position). */
export async function screenOf(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('scan-viewer').boundingBox())!;
  const t = await page.evaluate(() => (window as unknown as Store).tracewell.store.getState().view.transform);
  return { x: box.x + x * t.k + t.x, y: box.y + y * t.k + t.y };
}

export async function curveX(page: Page, index: number, row: number): Promise<number> {
  return page.evaluate(([i, r]) => {
    const c = (window as unknown as Store).tracewell.store.getState().doc.curves[i];
    return c.x[r - c.y0];
  }, [index, row]);
}

export async function undoLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as Store).tracewell.store.getState().history.undo.map((e: { label: string }) => e.label));
}

/** Start recording frame times (requestAnimationFrame deltas, ms). */
export async function startFrameRecorder(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
}

export async function stopFrameRecorder(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
}

export function frameStats(deltas: number[]): { frames: number; fps: number; median: number; p95: number; worst: number } {
  const s = [...deltas].sort((a, b) => a - b);
  const total = deltas.reduce((a, b) => a + b, 0);
  return {
    frames: deltas.length,
    fps: (1000 * deltas.length) / total,
    median: s[Math.floor(s.length / 2)],
    p95: s[Math.floor(s.length * 0.95)],
    worst: s[s.length - 1],
  };
}

export async function openStep(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('button', { name }).click();
  await expect(page.getByRole('button', { name })).toHaveAttribute('aria-current', 'step');
}

/**
 * Wait until the viewer's transform stops changing (keyboard pans and zooms animate): the same for
 * 600 ms. On a loaded machine frames can be further apart than one poll.
 */
export async function settle(page: Page): Promise<{ k: number; x: number; y: number }> {
  const read = () => page.evaluate(() => ({ ...(window as unknown as Store).tracewell.store.getState().view.transform }));
  let last = await read();
  let since = Date.now();
  for (const end = Date.now() + 15_000; Date.now() < end; ) {
    await page.waitForTimeout(100);
    const now = await read();
    if (now.k !== last.k || now.x !== last.x || now.y !== last.y) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= 600) return now;
  }
  throw new Error('the viewer kept moving for 15 s');
}

/** The curves a canvas layer says it drew ("track.curve" each, sorted): the viewer's or the plot's. */
export async function drawnCurves(page: Page, testId: 'curve-canvas' | 'plot-curves'): Promise<string[]> {
  const list = (await page.getByTestId(testId).getAttribute('data-curves')) ?? '';
  return list.split(' ').filter(Boolean).sort();
}

/**
 * Whether the viewer's curve canvas shows `colour` (#rrggbb) within `radius` CSS px of the scan
 * point (x, y): reads the canvas's own pixels, so it proves what was drawn, not what was meant.
 */
export async function curveInkAt(page: Page, colour: string, x: number, y: number, radius = 3): Promise<boolean> {
  return page.evaluate(({ colour, x, y, radius }) => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="curve-canvas"]')!;
    const t = (window as unknown as Store).tracewell.store.getState().view.transform;
    const dpr = c.width / c.getBoundingClientRect().width;
    const r = Math.ceil(radius * dpr);
    const cx = Math.round((x * t.k + t.x) * dpr);
    const cy = Math.round((y * t.k + t.y) * dpr);
    const d = c.getContext('2d')!.getImageData(cx - r, cy - r, 2 * r + 1, 2 * r + 1).data;
    const want = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    // a stroke's own pixels: mostly opaque, in its colour (canvas pixels are unpremultiplied)
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] > 128 && want.every((v, k) => Math.abs(d[i + k] - v) <= 24)) return true;
    }
    return false;
  }, { colour, x, y, radius });
}
