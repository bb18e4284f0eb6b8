import { describe, expect, it } from 'vitest';
import { dragRows, dragWeight } from '../../src/core/edit/index.ts';
import { changed, curveOf } from './helpers.ts';

describe('dragRows', () => {
  it('moves the grabbed row by the full offset and fades the neighbours smoothly to zero', () => {
    const base = curveOf(() => 100, 0, 400);
    const out = dragRows(base, { row: 200, dx: 10, radius: 20 });
    expect(out.x[200]).toBe(110);
    expect(out.x[190]).toBeCloseTo(105, 9); // half way: raised cosine = 0.5
    expect(out.x[220]).toBe(100);
    expect(changed(base.x, out.x)).toEqual(Array.from({ length: 39 }, (_, k) => 181 + k));
    // monotonic fall-off on each side, and no step between neighbours larger than the slope allows
    for (let k = 0; k < 20; k++) expect(out.x[200 - k]).toBeGreaterThanOrEqual(out.x[200 - k - 1]);
    for (let r = 180; r < 220; r++) expect(Math.abs(out.x[r + 1] - out.x[r])).toBeLessThan((10 * Math.PI) / 40 + 1e-9);
    expect(out.confidence[200]).toBe(1);
    expect(out.confidence[230]).toBeCloseTo(0.6);
  });

  it('leaves its input alone, so each pointer move starts again from the curve at pointer-down', () => {
    const base = curveOf((y) => 80 + Math.sin(y / 9), 0, 300);
    const before = base.x.slice();
    dragRows(base, { row: 150, dx: 25, radius: 30 });
    const back = dragRows(base, { row: 150, dx: 1e-12, radius: 30 });
    expect(changed(before, base.x)).toEqual([]);
    expect(Math.max(...Array.from(back.x, (v, i) => Math.abs(v - before[i])))).toBeLessThan(1e-9);
    expect(dragRows(base, { row: 150, dx: 0, radius: 30 })).toBe(base);
  });

  it('skips absent rows and refuses to grab one', () => {
    const base = curveOf(() => 50, 0, 100);
    base.x[52] = Number.NaN;
    const out = dragRows(base, { row: 50, dx: 5, radius: 5 });
    expect(Number.isNaN(out.x[52])).toBe(true);
    expect(out.x[51]).toBeGreaterThan(50);
    expect(dragRows(base, { row: 52, dx: 5, radius: 5 })).toBe(base);
    expect(dragRows(base, { row: 500, dx: 5, radius: 5 })).toBe(base);
  });

  it('radius 0 moves the one row', () => {
    const base = curveOf(() => 50, 0, 100);
    expect(changed(base.x, dragRows(base, { row: 10, dx: 3, radius: 0 }).x)).toEqual([10]);
    expect(dragWeight(0, 0)).toBe(1);
    expect(dragWeight(5, 5)).toBe(0);
  });
});
