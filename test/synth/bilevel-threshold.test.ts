import { describe, expect, it } from 'vitest';
import { SegClass } from '../../src/core/types';
import { planSample, renderPlanned } from '../../src/core/synth/render';
import { bilevelThreshold } from '../../src/core/synth/scan-passes';
import { BENCH_CONFIG } from '../../src/node/accuracy/cases';

const W = 40;
const H = 20;

/**
 * A tiny page: paper at `paper` gray, one vertical curve 3 px wide at x = 10..12 whose core
 * (x = 11) is `core` gray and rims are `rim` gray, labelled as a solid curve.
 */
function page(paper: number, core: number, rim: number): { img: Uint8Array; mask: Uint8Array } {
  const img = new Uint8Array(W * H).fill(paper);
  const mask = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (const x of [10, 11, 12]) {
      img[y * W + x] = x === 11 ? core : rim;
      mask[y * W + x] = SegClass.SolidCurve;
    }
  }
  return { img, mask };
}

describe('bilevelThreshold', () => {
  it('keeps the planned threshold (rounded, as binarizePass rounds it) where the curve cores survive it', () => {
    const { img, mask } = page(250, 40, 180);
    expect(bilevelThreshold(img, mask, W, H, 120.4)).toBe(120);
  });

  it('moves halfway between the faded ink and the paper where the planned threshold erases the curves', () => {
    // faded ink: the darkest pixel of each row's run is 170, lighter than the planned 133
    const { img, mask } = page(250, 170, 210);
    expect(bilevelThreshold(img, mask, W, H, 133)).toBe(210); // (170 + 250) / 2
  });

  it('never lowers the planned threshold', () => {
    // degenerate: "ink" (200) lighter than the paper (150); no core survives 180, the midpoint 175 would erase more
    const { img, mask } = page(150, 200, 200);
    expect(bilevelThreshold(img, mask, W, H, 180)).toBe(180);
  });

  it('leaves a page without curve labels at the planned threshold', () => {
    const img = new Uint8Array(W * H).fill(240);
    expect(bilevelThreshold(img, new Uint8Array(W * H), W, H, 150.6)).toBe(151);
  });
});

describe('1-bit scans of faded, blurred pages', () => {
  it('keep the curves: accuracy bench case 22 (faded to 68 %, blurred, planned threshold 133)', () => {
    const planned = planSample(1679102111, BENCH_CONFIG);
    const d = planned.plan.defects;
    expect(d.binarize).not.toBeNull();
    expect(d.dither).toBe(false);
    // the labels before the 1-bit pass drops erased ink: the same page scanned to gray
    const labels = renderPlanned({ ...planned, plan: { ...planned.plan, defects: { ...d, binarize: null } } }).mask;
    const scan = renderPlanned(planned).image.data;
    let curve = 0;
    let black = 0;
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] !== SegClass.SolidCurve && labels[i] !== SegClass.BrokenCurve) continue;
      curve++;
      if (scan[i] === 0) black++;
    }
    // with the planned threshold 0.58 % of these pixels were black (the page was 99.98 % white);
    // with the ink-relative threshold (209) 98.2 % are
    expect(curve).toBeGreaterThan(10_000);
    expect(black / curve).toBeGreaterThan(0.9);
  });
});
