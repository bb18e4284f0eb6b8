import { describe, expect, it } from 'vitest';
import { thumbnailPixels } from '../../src/io/thumbnail';

describe('session thumbnail', () => {
  it('shows the head of a tall log at the thumbnail size, averaging the pixels it covers', () => {
    // 400 px wide, 10,000 rows: black above row 300, white below.
    const width = 400, height = 10_000;
    const data = new Uint8Array(width * height).fill(255);
    data.fill(0, 0, width * 300);
    const t = thumbnailPixels({ width, height, channels: 1, data }, 160, 240);
    expect([t.width, t.height]).toEqual([160, 240]); // 400 × 600 rows of the top, scaled by 0.4
    const at = (x: number, y: number) => [...t.rgba.subarray((y * t.width + x) * 4, (y * t.width + x) * 4 + 4)];
    expect(at(80, 10)).toEqual([0, 0, 0, 255]);
    expect(at(80, 200)).toEqual([255, 255, 255, 255]);
    expect(at(80, 120)).toEqual([255, 255, 255, 255]); // row 120 → scan rows 300–302: already white
    expect(at(80, 119)).toEqual([0, 0, 0, 255]);
  });

  it('keeps colour, and never enlarges a small scan', () => {
    const data = Uint8Array.of(255, 0, 0, 0, 0, 255);
    const t = thumbnailPixels({ width: 2, height: 1, channels: 3, data });
    expect([t.width, t.height]).toEqual([2, 1]);
    expect([...t.rgba]).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
  });
});
