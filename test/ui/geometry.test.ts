import { describe, expect, it } from 'vitest';
import { chooseLevel, fitWidth, panExtent, TILE, toScan, visibleTiles, zoomExtent } from '../../src/ui/viewer/geometry';

describe('viewer geometry', () => {
  it('draws the coarsest level still at least as sharp as the screen', () => {
    expect(chooseLevel(1, 1, 6)).toBe(0);
    expect(chooseLevel(0.5, 1, 6)).toBe(1); // level 1 = exactly screen resolution
    expect(chooseLevel(0.3, 1, 6)).toBe(1); // level 2 (0.25) would blur
    expect(chooseLevel(0.3, 2, 6)).toBe(0); // a 2× display needs twice the pixels
    expect(chooseLevel(0.001, 1, 6)).toBe(5); // never past the last level
  });

  it('lists only tiles that touch the viewport, centre first', () => {
    // 1000 × 900 viewport at zoom 1, scrolled so scan x 0..1000, y 2000..2900 shows.
    const tiles = visibleTiles({ k: 1, x: 0, y: -2000 }, { width: 1000, height: 900 }, 0, { width: 1664, height: 17864 });
    const rows = [...new Set(tiles.map((t) => t.iy))].sort((a, b) => a - b);
    const cols = [...new Set(tiles.map((t) => t.ix))].sort((a, b) => a - b);
    expect(rows).toEqual([3, 4, 5]); // 2000 / 512 = 3.9 … 2900 / 512 = 5.7
    expect(cols).toEqual([0, 1]); // 1000 / 512 = 1.95
    expect(tiles[0]).toMatchObject({ ix: 0, iy: 4 }); // nearest the centre (500, 2450) → tile-space (0.98, 4.8) − 0.5
  });

  it('at a coarser level, one tile covers 2^level × 512 scan px', () => {
    const tiles = visibleTiles({ k: 0.25, x: 0, y: 0 }, { width: 500, height: 800 }, 2, { width: 416, height: 4466 });
    expect(tiles.every((t) => t.ix === 0)).toBe(true);
    expect(Math.max(...tiles.map((t) => t.iy))).toBe(Math.floor(800 / 0.25 / (4 * TILE)));
  });

  it('fits the width with a margin and shows the top', () => {
    const f = fitWidth({ width: 1664, height: 17864 }, { width: 1000, height: 800 });
    expect(f.k).toBeCloseTo((1000 - 32) / 1664, 6);
    expect(f.y).toBe(16);
    expect(f.x).toBeCloseTo(16, 6);
    expect(toScan(f, 16, 16).x).toBeCloseTo(0, 9);
    expect(toScan(f, 16, 16).y).toBeCloseTo(0, 9);
  });

  it('lets the whole log fit on screen when zoomed out, and pans a little past its edges', () => {
    const [lo, hi] = zoomExtent({ width: 1664, height: 17864 }, { width: 1000, height: 800 });
    expect(lo).toBeLessThan(800 / 17864);
    expect(hi).toBe(16);
    const [[x0, y0], [x1, y1]] = panExtent({ width: 1664, height: 17864 });
    expect(x0).toBeLessThan(0);
    expect(y0).toBeLessThan(0);
    expect(x1).toBeGreaterThan(1664);
    expect(y1).toBeGreaterThan(17864);
  });
});
