import { describe, expect, it } from 'vitest';
import { deskew, sourceToUpright, toUpright, uprightToSource, type Raster } from '../../src/core/raster';
import { prng, uniform } from '../calibration/prng';

function white(width: number, height: number): Raster {
  return { width, height, channels: 1, data: new Uint8Array(width * height).fill(255) };
}

/** Darken every pixel whose centre satisfies `inside`. */
function paint(r: Raster, inside: (x: number, y: number) => boolean): Raster {
  for (let y = 0; y < r.height; y++) for (let x = 0; x < r.width; x++) if (inside(x + 0.5, y + 0.5)) r.data[y * r.width + x] = 0;
  return r;
}

/** Ink-weighted centre (continuous frame) of darkness (255 − value). */
function inkCentre(r: Raster): { x: number; y: number } {
  let sum = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      const ink = 255 - r.data[y * r.width + x];
      sum += ink;
      sx += ink * (x + 0.5);
      sy += ink * (y + 0.5);
    }
  }
  return { x: sx / sum, y: sy / sum };
}

/** Ink-weighted mean row of one column. */
function inkRow(r: Raster, x: number): number {
  let sum = 0;
  let sy = 0;
  for (let y = 0; y < r.height; y++) {
    const ink = 255 - r.data[y * r.width + x];
    sum += ink;
    sy += ink * (y + 0.5);
  }
  return sy / sum;
}

describe('deskew', () => {
  it('turns a line tilted clockwise by +2° back to level (the layout’s sign)', () => {
    // y grows to the right: on screen (y down) the line is turned clockwise by 2°. Drawn
    // anti-aliased (ink falls off linearly in the last px) so each column's ink centre is on the line.
    const slope = Math.tan((2 * Math.PI) / 180);
    const tilted = white(201, 101);
    for (let y = 0; y < 101; y++) {
      for (let x = 0; x < 201; x++) {
        const d = Math.abs(y + 0.5 - 50.5 - (x + 0.5 - 100.5) * slope);
        tilted.data[y * 201 + x] = Math.round(255 * (1 - Math.min(1, Math.max(0, 2.5 - d))));
      }
    }
    expect(inkRow(tilted, 180) - inkRow(tilted, 20)).toBeCloseTo(160 * slope, 1); // 5.6 px lower on the right
    const level = deskew(tilted, 2);
    expect(Math.abs(inkRow(level, 180) - inkRow(level, 20))).toBeLessThan(0.05);
    expect(inkRow(level, 100)).toBeCloseTo(50.5, 1);
  });

  it('moves a dark block to where sourceToUpright sends its centre', () => {
    const src = paint(white(121, 81), (x, y) => Math.abs(x - 95) <= 2 && Math.abs(y - 20) <= 2);
    for (const degrees of [4.5, -3, 1]) {
      const expected = sourceToUpright({ x: 95, y: 20 }, { rotate: 0, deskew: degrees }, src);
      const got = inkCentre(deskew(src, degrees));
      expect(Math.hypot(got.x - expected.x, got.y - expected.y), `${degrees}°`).toBeLessThan(0.2);
    }
  });

  it('deskew(+a) then deskew(−a) restores a thick line within 1 px', () => {
    const size = { w: 160, h: 120 };
    const src = paint(white(size.w, size.h), (x, y) => Math.abs(y - 60 - 0.3 * (x - 80)) <= 3 || Math.abs(x - 50) <= 2.5);
    const back = deskew(deskew(src, 3.7), -3.7);
    // away from the border, which turned out of the frame and back as white
    const inner = (x: number, y: number) => x >= 12 && x < size.w - 12 && y >= 12 && y < size.h - 12;
    const dark = (r: Raster, x: number, y: number) => r.data[y * r.width + x] < 128;
    const near = (r: Raster, x: number, y: number) => {
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (dark(r, x + dx, y + dy)) return true;
      return false;
    };
    let checked = 0;
    for (let y = 0; y < size.h; y++) {
      for (let x = 0; x < size.w; x++) {
        if (!inner(x, y)) continue;
        if (dark(src, x, y)) expect(near(back, x, y), `ink lost at (${x}, ${y})`).toBe(true);
        if (dark(back, x, y)) expect(near(src, x, y), `ink added at (${x}, ${y})`).toBe(true);
        checked += dark(src, x, y) ? 1 : 0;
      }
    }
    expect(checked).toBeGreaterThan(700);
  });

  it('fills with white what comes from outside the scan, keeps the size', () => {
    const black: Raster = { width: 100, height: 60, channels: 1, data: new Uint8Array(6000) };
    const out = deskew(black, 5);
    expect([out.width, out.height]).toEqual([100, 60]);
    expect(out.data[0]).toBe(255); // top-left corner came from above the scan
    expect(out.data[30 * 100 + 50]).toBe(0);
  });

  it('turns each channel of an RGB raster alike', () => {
    const g = paint(white(40, 30), (x, y) => Math.abs(x - 25) <= 2 && Math.abs(y - 12) <= 2);
    const rgb: Raster = { width: 40, height: 30, channels: 3, data: new Uint8Array(3600) };
    for (let i = 0; i < 1200; i++) rgb.data.fill(g.data[i], i * 3, i * 3 + 3);
    const a = deskew(g, -2.5);
    const b = deskew(rgb, -2.5);
    for (let i = 0; i < 1200; i++) expect([b.data[i * 3], b.data[i * 3 + 1], b.data[i * 3 + 2]]).toEqual([a.data[i], a.data[i], a.data[i]]);
  });

  it('returns the raster itself at 0° and refuses a non-finite angle', () => {
    const r = white(3, 3);
    expect(deskew(r, 0)).toBe(r);
    expect(() => deskew(r, Number.NaN)).toThrow(/finite/);
  });
});

describe('source ↔ upright frames', () => {
  it('uprightToSource undoes sourceToUpright for every rotation and random skew', () => {
    const rand = prng(7);
    const src = { width: 2400, height: 50_000 };
    for (let i = 0; i < 400; i++) {
      const params = { rotate: ([0, 90, 180, 270] as const)[i % 4], deskew: uniform(rand, -5, 5) };
      const p = { x: uniform(rand, 0, src.width), y: uniform(rand, 0, src.height) };
      const back = uprightToSource(sourceToUpright(p, params, src), params, src);
      expect(Math.abs(back.x - p.x) + Math.abs(back.y - p.y)).toBeLessThan(1e-9 * src.height);
    }
  });

  it('toUpright puts a source mark where sourceToUpright says (rotate 90, deskew −2°)', () => {
    const src = paint(white(60, 140), (x, y) => Math.abs(x - 15) <= 2 && Math.abs(y - 100) <= 2);
    const params = { rotate: 90, deskew: -2 } as const;
    const up = toUpright(src, params);
    expect([up.width, up.height]).toEqual([140, 60]);
    const expected = sourceToUpright({ x: 15, y: 100 }, params, src);
    const got = inkCentre(up);
    expect(Math.hypot(got.x - expected.x, got.y - expected.y)).toBeLessThan(0.2);
    const back = uprightToSource(got, params, src);
    expect(Math.hypot(back.x - 15, back.y - 100)).toBeLessThan(0.2);
  });
});
