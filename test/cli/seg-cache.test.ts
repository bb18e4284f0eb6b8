/** The accuracy benchmark's segmentation cache: a second run with the same model and scan skips the model. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachingSegmenter } from '../../src/node/accuracy/seg-cache';
import type { Segmenter } from '../../src/ml/segmenter';
import type { Raster } from '../../src/core/raster';

const dir = mkdtempSync(join(tmpdir(), 'tw-segcache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for the model that counts its calls and derives its output from the pixels. */
function countingSegmenter(id: string): Segmenter & { calls: number } {
  const s = {
    calls: 0,
    card: { id, name: id } as Segmenter['card'],
    backend: { name: 'wasm' } as unknown as Segmenter['backend'],
    async segment(r: Raster) {
      s.calls++;
      const n = r.width * r.height;
      return { width: r.width, height: r.height, classes: Uint8Array.from({ length: n }, (_, i) => r.data[i] % 5), curveProb: Uint8Array.from({ length: n }, (_, i) => 255 - r.data[i]) };
    },
    async dispose() {},
  };
  return s;
}

const raster = (seed: number): Raster => ({ width: 7, height: 5, channels: 1, data: Uint8Array.from({ length: 35 }, (_, i) => (i * 37 + seed) % 256) });

describe('segmentation cache', () => {
  it('serves the same scan from disk the second time, byte for byte', async () => {
    const inner = countingSegmenter('sha256:aaa');
    const cache = cachingSegmenter(inner, dir);
    const first = await cache.segment(raster(1));
    const again = await cachingSegmenter(inner, dir).segment(raster(1));
    expect(inner.calls).toBe(1);
    expect(again).toEqual(first);
    expect(cache.misses).toBe(1);
  });

  it('runs the model for another scan or another model', async () => {
    const inner = countingSegmenter('sha256:aaa');
    const cache = cachingSegmenter(inner, dir);
    await cache.segment(raster(1));
    await cache.segment(raster(2));
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
    const other = countingSegmenter('sha256:bbb');
    await cachingSegmenter(other, dir).segment(raster(1));
    expect(other.calls).toBe(1);
  });

  it('an entry of the wrong size (a write cut short) is made again', async () => {
    const inner = countingSegmenter('sha256:ccc');
    const cache = cachingSegmenter(inner, dir);
    const before = new Set(readdirSync(dir));
    await cache.segment(raster(3));
    const entry = readdirSync(dir).find((f) => !before.has(f))!;
    writeFileSync(join(dir, entry), Buffer.alloc(10));
    const seg = await cachingSegmenter(inner, dir).segment(raster(3));
    expect(inner.calls).toBe(2);
    expect(seg.classes.length).toBe(35);
  });
});
