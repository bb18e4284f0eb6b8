/**
 * A segmenter that keeps what it segments on disk, so re-running the accuracy benchmark with other
 * tracer settings (bench:accuracy --trace) does not run the model again (about a fifth of a 30-case
 * run's time here). Keyed by the model's id and the upright scan's bytes, so another model or another
 * scan never reads a stale entry. Entries are written whole or not at all (a temporary file renamed).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Segmenter, SegmentOptions } from '../../ml/segmenter.ts';
import type { Raster } from '../../core/raster.ts';
import type { Segmentation } from '../../core/types.ts';

export interface CachingSegmenter extends Segmenter {
  /** segmentations served from the cache / made by the model, so far */
  readonly hits: number;
  readonly misses: number;
}

export function cachingSegmenter(inner: Segmenter, dir: string): CachingSegmenter {
  mkdirSync(dir, { recursive: true });
  let hits = 0, misses = 0;
  const keyOf = (r: Raster) =>
    createHash('sha256').update(`${inner.card.id} ${r.width}x${r.height}x${r.channels}\n`).update(r.data).digest('hex');
  return {
    get card() { return inner.card; },
    get backend() { return inner.backend; },
    get hits() { return hits; },
    get misses() { return misses; },
    async segment(raster: Raster, options?: SegmentOptions): Promise<Segmentation> {
      const base = join(dir, keyOf(raster));
      const n = raster.width * raster.height;
      if (existsSync(`${base}.seg`)) {
        const bytes = readFileSync(`${base}.seg`);
        if (bytes.length === 2 * n) {
          hits++;
          return { width: raster.width, height: raster.height, classes: new Uint8Array(bytes.subarray(0, n)), curveProb: new Uint8Array(bytes.subarray(n)) };
        }
      }
      const seg = await inner.segment(raster, options);
      misses++;
      const tmp = `${base}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.concat([seg.classes, seg.curveProb]));
      renameSync(tmp, `${base}.seg`);
      return seg;
    },
    dispose: () => inner.dispose(),
  };
}
