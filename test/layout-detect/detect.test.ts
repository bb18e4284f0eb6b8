import { describe, expect, it } from 'vitest';
import { detectLayout, detectLayoutFromSegmentation, type LayoutProposal } from '../../src/core/layout-detect/index.ts';
import { drawSheet, type SheetSpec } from './fixtures.ts';

const twoTracks: SheetSpec = {
  width: 700, height: 2400, top: 120, bottom: 2350, lineEvery: 20, majorEvery: 5, skewDeg: 0,
  tracks: [
    { x0: 40, x1: 290, grid: { kind: 'linear', divisions: 10 } },
    { x0: 370, x1: 660, grid: { kind: 'log', decades: 2 } },
  ],
};

/** Depth lines matched to truth within 1 px; returns how many truth lines were found and majors agreeing. */
function matchLines(p: LayoutProposal, truth: { y: number; major: boolean }[]): { found: number; majorsRight: number; extra: number } {
  let found = 0, majorsRight = 0;
  for (const t of truth) {
    const m = p.depthLines.find((l) => Math.abs(l.y - t.y) <= 1);
    if (!m) continue;
    found++;
    if (m.major === t.major) majorsRight++;
  }
  return { found, majorsRight, extra: p.depthLines.length - found };
}

function expectTracks(p: LayoutProposal, spec: SheetSpec): void {
  expect(p.tracks.length).toBe(spec.tracks.length);
  spec.tracks.forEach((t, i) => {
    expect(Math.abs(p.tracks[i].x0 - t.x0)).toBeLessThanOrEqual(3);
    expect(Math.abs(p.tracks[i].x1 - t.x1)).toBeLessThanOrEqual(3);
    expect(p.tracks[i].grid).toEqual(t.grid);
  });
}

describe('auto-layout on drawn scans', () => {
  for (const skewDeg of [0, 0.45, -1.2]) {
    it(`finds skew, tracks, grid types and depth lines (skew ${skewDeg}°)`, () => {
      const spec = { ...twoTracks, skewDeg };
      const { sheet, truth } = drawSheet(spec);
      const p = detectLayout(sheet.raster());
      expect(Math.abs(p.deskew - skewDeg)).toBeLessThan(0.1);
      expectTracks(p, spec);
      expect(p.depthTrack).not.toBeNull();
      expect(Math.abs(p.depthTrack!.x0 - 290)).toBeLessThanOrEqual(3);
      expect(Math.abs(p.depthTrack!.x1 - 370)).toBeLessThanOrEqual(3);
      const m = matchLines(p, truth.depthLines);
      expect(m.found).toBe(truth.depthLines.length);
      expect(m.majorsRight).toBe(truth.depthLines.length);
      expect(m.extra).toBe(0);
      expect(p.sections.length).toBe(1);
      expect(Math.abs(p.sections[0].top - spec.top)).toBeLessThanOrEqual(3);
      expect(Math.abs(p.sections[0].bottom - spec.bottom)).toBeLessThanOrEqual(3);
    });
  }

  it('tells three tracks apart: linear, 3-decade log and a 4-division track, with no depth track gap', () => {
    const spec: SheetSpec = {
      width: 900, height: 1600, top: 100, bottom: 1560, lineEvery: 25, majorEvery: 4, skewDeg: 0.3,
      tracks: [
        { x0: 20, x1: 260, grid: { kind: 'linear', divisions: 4 } },
        { x0: 330, x1: 600, grid: { kind: 'log', decades: 3 } },
        { x0: 610, x1: 880, grid: { kind: 'linear', divisions: 10 } },
      ],
    };
    const { sheet } = drawSheet(spec);
    const p = detectLayout(sheet.raster());
    expectTracks(p, spec);
    expect(p.depthTrack).toEqual({ x0: expect.closeTo(260, 0), x1: expect.closeTo(330, 0) });
  });

  it('works from a segmentation (grid and text classes)', () => {
    const spec = { ...twoTracks, skewDeg: 0.7 };
    const { sheet } = drawSheet(spec);
    const p = detectLayoutFromSegmentation(sheet.segmentation());
    expect(Math.abs(p.deskew - 0.7)).toBeLessThan(0.1);
    expectTracks(p, spec);
  });

  it('uses a deskew the layout fixes instead of estimating one', () => {
    const { sheet } = drawSheet({ ...twoTracks, skewDeg: 0.5 });
    expect(detectLayout(sheet.raster(), { deskew: 0.5 }).deskew).toBe(0.5);
  });

  it('proposes nothing on a page without a grid', () => {
    const blank = { width: 300, height: 300, channels: 1 as const, data: new Uint8Array(90000).fill(255) };
    const p = detectLayout(blank);
    expect(p.tracks).toEqual([]);
    expect(p.depthLines).toEqual([]);
    expect(p.depthTrack).toBeNull();
  });
});
