/**
 * The depth map against a real scan: ../shared/data/raster/273101.png (a Log-Tech sonic log,
 * 1664 × 17864 px, 1-bit). Its licence is not cleared, so it is read from the shared data folder
 * and never copied into the repo; where that folder is absent the test is reported as skipped.
 *
 * The depth refs are the printed depth labels (SOURCES.md). The grid lines, printed every 2 ft, are
 * found in the pixels independently; the map must put every 10-ft depth on a grid line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { depthMap, type DepthRef } from '../../src/core/calibration';

const SCAN = resolve(__dirname, '../../../shared/data/raster/273101.png');

const LABELS: DepthRef[] = [
  [250, 2574.5], [300, 3082.5], [350, 3589.5], [400, 4098], [450, 4604.5], [500, 5113],
  [550, 5619.5], [600, 6127.5], [650, 6634.5], [700, 7142.5], [750, 7650], [800, 8157.5],
  [850, 8665], [900, 9172.5], [950, 9679.5], [1000, 10187.5], [1050, 10694.5], [1100, 11203],
].map(([depth, y]) => ({ y, depth }));

/** Centres (continuous rows) of runs of rows that are ≥ 80% ink across track 1 (x 20–480). */
function gridLineCentres(): number[] {
  const png = decode(readFileSync(SCAN));
  expect([png.width, png.height, png.depth, png.channels]).toEqual([1664, 17864, 1, 1]);
  const stride = Math.ceil(png.width / 8); // 1 bit per pixel, 0 = black
  const inky = (y: number) => {
    let n = 0;
    for (let x = 20; x < 480; x++) if (((png.data[y * stride + (x >> 3)] >> (7 - (x & 7))) & 1) === 0) n++;
    return n >= 0.8 * 460;
  };
  const centres: number[] = [];
  let start = -1;
  for (let y = 0; y <= png.height; y++) {
    const on = y < png.height && inky(y);
    if (on && start < 0) start = y;
    if (!on && start >= 0) {
      centres.push((start + y) / 2); // rows start..y−1 span [start, y)
      start = -1;
    }
  }
  return centres;
}

describe.skipIf(!existsSync(SCAN))('depth map on the real scan 273101', () => {
  it('puts every 10-ft depth from 260 to 1100 ft within 2 px (0.2 ft) of a printed grid line', () => {
    const lines = gridLineCentres();
    expect(lines.length).toBeGreaterThan(400); // a line every ~20 px over ~8,600 px
    for (const fit of ['linear', 'piecewise'] as const) {
      const map = depthMap({ unit: 'FT', refs: LABELS, fit });
      for (let depth = 260; depth <= 1100; depth += 10) {
        const y = map.yAt(depth);
        const miss = Math.min(...lines.map((c) => Math.abs(c - y)));
        // The labels were read as text centres, about 1 px above the centres of the 1–3 px thick
        // lines; grid lines are 20 px apart, so 2 px still pins each depth to its own line.
        expect(miss, `${fit}: ${depth} ft at y ${y.toFixed(1)}`).toBeLessThan(2);
      }
    }
  });
});
