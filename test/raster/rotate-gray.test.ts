import { describe, expect, it } from 'vitest';
import { rotate90, sourceToUpright, toGray, type Raster } from '../../src/core/raster';

function gray(width: number, height: number, values: number[]): Raster {
  return { width, height, channels: 1, data: Uint8Array.from(values) };
}

describe('toGray', () => {
  it('weights RGB by Rec. 601 luma, white stays 255 and black 0', () => {
    const rgb: Raster = { width: 4, height: 1, channels: 3, data: Uint8Array.from([255, 0, 0, 0, 255, 0, 255, 255, 255, 0, 0, 0]) };
    // (77·255 + 128) >> 8 = 77, (150·255 + 128) >> 8 = 149
    expect([...toGray(rgb).data]).toEqual([77, 149, 255, 0]);
  });

  it('composites RGBA over white paper', () => {
    const rgba: Raster = { width: 3, height: 1, channels: 4, data: Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0, 128]) };
    // transparent black reads as paper; half-transparent black as mid gray: 255·127/255 = 127
    expect([...toGray(rgba).data]).toEqual([255, 0, 127]);
  });

  it('returns a gray raster as it is, without a copy', () => {
    const g = gray(2, 1, [3, 4]);
    expect(toGray(g)).toBe(g);
  });

  it('rejects a raster whose data does not match its size', () => {
    expect(() => toGray({ width: 3, height: 2, channels: 3, data: new Uint8Array(17) })).toThrow(/needs 18 bytes, got 17/);
    expect(() => toGray({ width: 0, height: 2, channels: 1, data: new Uint8Array(0) })).toThrow(/whole numbers ≥ 1/);
  });
});

describe('rotate90 (clockwise quarter turns)', () => {
  // 3 wide, 2 high:  1 2 3
  //                  4 5 6
  const r = gray(3, 2, [1, 2, 3, 4, 5, 6]);

  it('one turn: 2 wide, 3 high, the left column becomes the top row', () => {
    expect(rotate90(r, 1)).toEqual(gray(2, 3, [4, 1, 5, 2, 6, 3]));
  });

  it('two turns: upside down', () => {
    expect(rotate90(r, 2)).toEqual(gray(3, 2, [6, 5, 4, 3, 2, 1]));
  });

  it('three turns equal one turn back', () => {
    expect(rotate90(r, 3)).toEqual(gray(2, 3, [3, 6, 2, 5, 1, 4]));
    expect(rotate90(r, -1)).toEqual(rotate90(r, 3));
  });

  it('four turns give the same pixels back (RGB, larger than a tile)', () => {
    const w = 131;
    const h = 70;
    const data = Uint8Array.from({ length: w * h * 3 }, (_, i) => (i * 7919) % 251);
    const rgb: Raster = { width: w, height: h, channels: 3, data };
    let t = rgb;
    for (let i = 0; i < 4; i++) t = rotate90(t, 1);
    expect(t).not.toBe(rgb);
    expect([t.width, t.height, t.channels]).toEqual([w, h, 3]);
    // Buffer.equals: a deep toEqual over 27,510 bytes is slow and its diff unreadable anyway
    expect(Buffer.from(t.data).equals(Buffer.from(rgb.data))).toBe(true);
    expect(rotate90(rgb, 0)).toBe(rgb);
  });

  it('moves every pixel to where sourceToUpright sends its centre', () => {
    const w = 7;
    const h = 5;
    const src = gray(w, h, Array.from({ length: w * h }, (_, i) => i));
    for (const rotate of [0, 90, 180, 270] as const) {
      const out = rotate90(src, rotate / 90);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const p = sourceToUpright({ x: x + 0.5, y: y + 0.5 }, { rotate, deskew: 0 }, { width: w, height: h });
          const at = Math.floor(p.y) * out.width + Math.floor(p.x);
          expect(out.data[at], `rotate ${rotate}, pixel (${x}, ${y})`).toBe(y * w + x);
        }
      }
    }
  });

  it('rejects a fractional turn', () => {
    expect(() => rotate90(r, 0.5)).toThrow(/whole number/);
  });
});
