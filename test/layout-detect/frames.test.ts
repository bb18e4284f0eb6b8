import { describe, expect, it } from 'vitest';
import { frameEvidence } from '../../src/core/layout-detect/frames.ts';
import type { InkImage } from '../../src/core/layout-detect/evidence.ts';

// A page 400 × 1000 px drawn straight (no skew): a grid body in rows [200, 900), and 2-px vertical lines.
const W = 400, H = 1000, BODY: [number, number] = [200, 900];

function blank(): InkImage {
  return { width: W, height: H, ink: new Uint8Array(W * H) };
}

/** A vertical line 2 px wide centred on x (columns x − 1 and x), over rows [y0, y1). */
function vline(img: InkImage, x: number, y0: number, y1: number): void {
  for (let y = y0; y < y1; y++) for (const c of [x - 1, x]) img.ink[y * W + c] = 1;
}

/** A horizontal line 2 px high over columns [x0, x1). */
function hline(img: InkImage, y: number, x0: number, x1: number): void {
  for (const r of [y, y + 1]) for (let x = x0; x < x1; x++) img.ink[r * W + x] = 1;
}

const FRAMES = [20, 200, 380];
const GRID = [65, 110, 155, 245, 290, 335];
const ALL = [...FRAMES, ...GRID].sort((a, b) => a - b);
const at = (ev: (number | undefined)[], x: number) => ev[ALL.indexOf(x)];

/** Frames over the body and a scale box of `box` rows above it (0: none); grid lines over the body only. */
function page(box: number): InkImage {
  const img = blank();
  for (const x of FRAMES) vline(img, x, BODY[0] - box, BODY[1]);
  for (const x of GRID) vline(img, x, ...BODY);
  hline(img, BODY[0], 19, 381);
  if (box) for (let y = BODY[0] - box; y < BODY[0]; y += 15) hline(img, y, 19, 381);
  return img;
}

describe('frameEvidence: frames run on through the scale box, grid lines stop at the body', () => {
  it('calls the lines that run on into the scale box frames and those that stop there grid lines', () => {
    const ev = frameEvidence(page(60), ALL, 0);
    for (const x of FRAMES) expect(at(ev, x), `frame at ${x}`).toBe(1);
    for (const x of GRID) expect(at(ev, x), `grid line at ${x}`).toBe(0);
  });

  it('says nothing where no line runs on past the body (no scale box)', () => {
    expect(frameEvidence(page(0), ALL, 0).every((v) => v === undefined)).toBe(true);
  });

  it('does not take letters stacked on a grid line in the scale box for a frame', () => {
    const img = page(60);
    // a 7-px letter stroke in each 15-px row of the box at the grid line x = 110 (a centred curve name)
    for (let y = BODY[0] - 60; y < BODY[0]; y += 15) vline(img, 110, y + 4, y + 11);
    const ev = frameEvidence(img, ALL, 0);
    expect(at(ev, 110) ?? 0).toBe(0);
    for (const x of FRAMES) expect(at(ev, x), `frame at ${x}`).toBe(1);
  });

  it('does not make a body end of a few lines broken at one row (a fold), however many run on', () => {
    const img = page(0);
    for (const x of GRID.slice(0, 2)) for (let y = 500; y < 540; y++) img.ink[y * W + x - 1] = img.ink[y * W + x] = 0;
    expect(frameEvidence(img, ALL, 0).every((v) => v === undefined)).toBe(true);
  });

  it('finds the frames on a skewed page, in straightened columns', () => {
    // content turned by 1°: scan pixel (x, y) shows the straightened page at (x + (y − H/2)·tan, y − (x − W/2)·tan)
    const tan = Math.tan(Math.PI / 180);
    const img = blank(), src = page(60);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const xs = Math.floor(x + 0.5 + (y + 0.5 - H / 2) * tan), ys = Math.floor(y + 0.5 - (x + 0.5 - W / 2) * tan);
        if (xs >= 0 && xs < W && ys >= 0 && ys < H && src.ink[ys * W + xs]) img.ink[y * W + x] = 1;
      }
    }
    const ev = frameEvidence(img, ALL, tan);
    for (const x of FRAMES) expect(at(ev, x), `frame at ${x}`).toBe(1);
    for (const x of GRID) expect(at(ev, x), `grid line at ${x}`).toBe(0);
  });
});
