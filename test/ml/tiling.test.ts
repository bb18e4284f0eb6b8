import { describe, expect, it } from 'vitest';
import {
  type TileSpec,
  alignRegion,
  jobSourceRows,
  planAxis,
  planBands,
  reflectIndex,
  reflectedSpan,
  shrinkSpec,
} from '../../src/ml/tiling';

const spec: TileSpec = { size: 512, overlap: 64, multipleOf: 16 };

describe('planAxis', () => {
  for (const [start, end] of [
    [0, 2000],
    [0, 384],
    [0, 385],
    [0, 17],
    [32, 12_800],
    [0, 50_000],
  ]) {
    it(`cores cover [${start}, ${end}) exactly once, with aligned inputs of ≥ overlap context`, () => {
      const tiles = planAxis(start, end, spec);
      const owner = new Int32Array(end - start);
      for (const t of tiles) {
        for (let i = t.core.start; i < t.core.end; i++) owner[i - start]++;
        expect(t.input.start).toBe(t.core.start - spec.overlap);
        expect(t.input.end).toBeGreaterThanOrEqual(t.core.end + spec.overlap);
        expect(t.input.end - t.input.start).toBeLessThanOrEqual(spec.size);
        expect((t.input.end - t.input.start) % spec.multipleOf).toBe(0);
        expect(((t.input.start % 16) + 16) % 16).toBe(0);
      }
      expect(owner.every((n) => n === 1)).toBe(true);
    });
  }

  it('uses no more tiles than the card size needs, all but the last the same size', () => {
    const tiles = planAxis(0, 2000, spec); // 2000 / 384 → 6 tiles of 336-px cores
    expect(tiles.length).toBe(6);
    const lens = new Set(tiles.slice(0, -1).map((t) => t.input.end - t.input.start));
    expect([...lens]).toEqual([336 + 128]);
  });

  it('input beyond the cores is under one multipleOf step (nothing computed twice beyond the overlap)', () => {
    const tiles = planAxis(0, 12_800, spec);
    const computed = tiles.reduce((s, t) => s + t.input.end - t.input.start, 0);
    expect(computed - 12_800 - tiles.length * 2 * spec.overlap).toBeLessThan(spec.multipleOf);
  });
});

describe('planBands and alignRegion', () => {
  it('a region is aligned down to multipleOf and clipped to the scan', () => {
    expect(alignRegion({ x0: 37, y0: 100, x1: 5000, y1: 900 }, 2000, 800, 16)).toEqual({ x0: 32, y0: 96, x1: 2000, y1: 800 });
  });

  it('bands share one column plan and tile the region', () => {
    const bands = planBands({ x0: 0, y0: 0, x1: 1000, y1: 3000 }, spec);
    expect(bands.length).toBe(8);
    expect(bands.every((b) => b.columns === bands[0].columns)).toBe(true);
    expect(bands.at(-1)!.y.core.end).toBe(3000);
  });

  it('rejects a spec whose overlap leaves no core', () => {
    expect(() => planBands({ x0: 0, y0: 0, x1: 10, y1: 10 }, { size: 128, overlap: 64, multipleOf: 16 })).toThrow(/no core/);
  });
});

describe('reflect', () => {
  it('mirrors without repeating the edge pixel, any distance out', () => {
    expect([-3, -2, -1, 0, 4, 5, 6, 7].map((i) => reflectIndex(i, 5))).toEqual([3, 2, 1, 0, 4, 3, 2, 1]);
    expect([-9, 13].map((i) => reflectIndex(i, 5))).toEqual([1, 3]);
    expect(reflectIndex(-7, 1)).toBe(0);
  });

  it('the mirrored source of a window is a contiguous span', () => {
    expect(reflectedSpan({ start: -64, end: 100 }, 1000)).toEqual({ start: 0, end: 100 });
    expect(reflectedSpan({ start: 900, end: 1070 }, 1000)).toEqual({ start: 900, end: 1000 });
    expect(reflectedSpan({ start: -64, end: 200 }, 10)).toEqual({ start: 0, end: 10 });
  });

  it('a job window holds every row any smaller re-plan of the job reads', () => {
    const height = 5000;
    const win = jobSourceRows(1536, 1920, height, spec);
    for (let s: TileSpec | null = spec; s; s = shrinkSpec(s)) {
      for (const b of planBands({ x0: 0, y0: 1536, x1: 100, y1: 1920 }, s)) {
        const rows = reflectedSpan(b.y.input, height);
        expect(rows.start).toBeGreaterThanOrEqual(win.start);
        expect(rows.end).toBeLessThanOrEqual(win.end);
      }
    }
  });
});

describe('shrinkSpec', () => {
  it('halves the core, keeps the overlap, stops at one multipleOf step', () => {
    const sizes: number[] = [];
    for (let s: TileSpec | null = spec; s; s = shrinkSpec(s)) sizes.push(s.size);
    // cores 384 → 192 → 96 → 48 → 32 (24 rounded up to 16) → 16
    expect(sizes).toEqual([512, 320, 224, 176, 160, 144]);
  });
});
