import { describe, expect, it } from 'vitest';
import { eraseInPolygon, eraseRows, pointInPolygon } from '../../src/core/edit/index.ts';
import { changed, curveOf } from './helpers.ts';

describe('eraseRows', () => {
  it('makes exactly the rows of the span absent, with confidence 0, and leaves the input alone', () => {
    const c = curveOf(() => 50, 100, 200);
    const before = c.x.slice();
    const out = eraseRows(c, { from: 150, to: 160 });
    expect(changed(before, out.x)).toEqual([50, 51, 52, 53, 54, 55, 56, 57, 58, 59]);
    expect(out.x.subarray(50, 60).every(Number.isNaN)).toBe(true);
    expect(out.confidence[55]).toBe(0);
    expect(out.confidence[49]).toBeCloseTo(0.6);
    expect(changed(before, c.x)).toEqual([]);
  });

  it('clips a span that reaches past the curve and returns the same curve when nothing is there', () => {
    const c = curveOf(() => 50, 100, 20);
    const out = eraseRows(c, { from: 0, to: 105 });
    expect(changed(c.x, out.x)).toEqual([0, 1, 2, 3, 4]);
    expect(out.x.length).toBe(20);
    expect(eraseRows(out, { from: 90, to: 103 })).toBe(out);
    expect(eraseRows(c, { from: 300, to: 400 })).toBe(c);
  });

  it('resets the wrap cycle of erased rows', () => {
    const c = curveOf(() => 50, 0, 10, { cycle: new Int8Array(10).fill(1) });
    expect(Array.from(eraseRows(c, { from: 2, to: 4 }).cycle!)).toEqual([1, 1, 0, 0, 1, 1, 1, 1, 1, 1]);
  });
});

describe('lasso', () => {
  const square = [{ x: 40, y: 40 }, { x: 60, y: 40 }, { x: 60, y: 60 }, { x: 40, y: 60 }];

  it('tests points against a closed polygon (even-odd)', () => {
    expect(pointInPolygon(50, 50, square)).toBe(true);
    expect(pointInPolygon(39.9, 50, square)).toBe(false);
    expect(pointInPolygon(50, 60.1, square)).toBe(false);
    // a concave "U": its notch is outside
    const u = [{ x: 0, y: 0 }, { x: 30, y: 0 }, { x: 30, y: 30 }, { x: 20, y: 30 }, { x: 20, y: 10 }, { x: 10, y: 10 }, { x: 10, y: 30 }, { x: 0, y: 30 }];
    expect(pointInPolygon(15, 20, u)).toBe(false);
    expect(pointInPolygon(5, 20, u)).toBe(true);
  });

  it('erases only the points inside: the rows where the curve passes through the polygon', () => {
    // a diagonal x = y: inside the square for row centres 40..60
    const c = curveOf((y) => y, 0, 100);
    const out = eraseInPolygon(c, square);
    expect(changed(c.x, out.x)).toEqual(Array.from({ length: 20 }, (_, k) => 40 + k));
  });

  it('keeps rows whose point lies beside the polygon, and returns the same curve when none is inside', () => {
    const c = curveOf(() => 70, 0, 100);
    expect(eraseInPolygon(c, square)).toBe(c);
    expect(eraseInPolygon(c, square.slice(0, 2))).toBe(c);
  });
});
