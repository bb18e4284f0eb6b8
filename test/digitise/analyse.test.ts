/** Calibrate-step helpers: auto-layout of a decoded scan, snapping a click to a depth line, the mask pyramid. */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseScan, classPyramid, halveClasses, prepareUpright, traceRows } from '../../src/core/digitise';
import { snapDepthLine } from '../../src/core/digitise';
import type { Raster } from '../../src/core/raster';
import { rotate90 } from '../../src/core/raster';
import { SegClass } from '../../src/core/types';
import { sampleLayout, sampleScan } from './sample';

describe('on the bundled sample', () => {
  const layout = sampleLayout();
  let source: Raster;
  let upright: Raster;
  beforeAll(async () => {
    source = await sampleScan();
    upright = prepareUpright(source, layout).upright;
  }, 120_000); // a loaded machine takes its time (decoding, deskew, tracing, model set-up)

  it('snaps a click a few px off a depth line to the line (the layout reads 1025 ft at y 319.9)', () => {
    const { x0, x1 } = layout.tracks[0];
    for (const click of [314, 319, 326]) expect(snapDepthLine(upright, click, x0, x1)).toBeCloseTo(319.9, 0);
    expect(Math.abs(snapDepthLine(upright, 5824, x0, x1)! - 5819.9)).toBeLessThan(0.4);
  });

  it('finds no depth line between two lines when the search stays short of them', () => {
    const { x0, x1 } = layout.tracks[0];
    expect(snapDepthLine(upright, 345, x0, x1, { radius: 4 })).toBeNull();
  });

  it('proposes the deskew and the left track in the frame the layout uses', () => {
    const p = analyseScan(source, { rotate: 0, deskew: 'auto' });
    expect(Math.abs(p.deskew - 0.4)).toBeLessThan(0.05);
    const left = p.tracks[0];
    expect(Math.abs(left.x0 - layout.tracks[0].x0)).toBeLessThan(3);
    expect(p.depthLines.length).toBeGreaterThan(10);
  });

  it('proposes for the scan turned as the layout says', () => {
    const turned = rotate90(source, 3); // as if the file had been scanned sideways
    const p = analyseScan(turned, { rotate: 90, deskew: 0.4 });
    expect(p.deskew).toBe(0.4);
    expect(Math.abs(p.tracks[0].x0 - layout.tracks[0].x0)).toBeLessThan(3);
  });
});

describe('traceRows', () => {
  const layout = sampleLayout(); // 10 px per ft, 1025 ft at y 319.9

  it('is the whole scan without a depth interval', () => {
    expect(traceRows(layout, 6000)).toEqual({ top: 0, bottom: 6000 });
  });

  it('is the rows of depth.top..bottom, rounded outwards and clamped', () => {
    expect(traceRows({ ...layout, depth: { ...layout.depth, top: 1100, bottom: 1200 } }, 6000)).toEqual({ top: 1069, bottom: 2070 });
    expect(traceRows({ ...layout, depth: { ...layout.depth, top: 1100 } }, 6000)).toEqual({ top: 1069, bottom: 6000 });
    expect(traceRows({ ...layout, depth: { ...layout.depth, bottom: 2000 } }, 6000)).toEqual({ top: 0, bottom: 6000 });
  });
});

describe('classPyramid', () => {
  it('keeps a 1 px curve visible at every level: curve over text over grid over paper', () => {
    const w = 8, h = 4;
    const classes = new Uint8Array(w * h).fill(SegClass.Paper);
    classes.fill(SegClass.Grid, 0, w); // a depth line on row 0
    classes[1 * w + 3] = SegClass.BrokenCurve;
    classes[0 * w + 6] = SegClass.Text;
    const half = halveClasses({ width: w, height: h, channels: 1, data: classes });
    expect([half.width, half.height]).toEqual([4, 2]);
    expect(Array.from(half.data)).toEqual([1, 3, 1, 4, 0, 0, 0, 0]);
    const levels = classPyramid({ width: 1100, height: 300, classes: new Uint8Array(1100 * 300), curveProb: new Uint8Array(1100 * 300) });
    expect(levels.map((l) => [l.width, l.height])).toEqual([[1100, 300], [550, 150], [275, 75]]);
  });

  it('refuses a class it does not know', () => {
    expect(() => classPyramid({ width: 2, height: 1, classes: new Uint8Array([0, 9]), curveProb: new Uint8Array(2) })).toThrow(/class 9/);
  });
});
