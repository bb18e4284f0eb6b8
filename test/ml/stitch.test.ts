import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../../src/ml/card';
import { TiledEngine } from '../../src/ml/engine';
import { fillTileInput, wholeWindow } from '../../src/ml/preprocess';
import { emptySegmentation } from '../../src/ml/segmenter';
import { type RowTarget, writeCore } from '../../src/ml/stitch';
import type { AxisTile } from '../../src/ml/tiling';
import { LOCAL_CLASSES, localRunner } from './local-runner';
import { fixtureScan } from './scan-fixture';

function card(size: number, overlap: number, multipleOf: number): ModelCard {
  return {
    format: 'tracewell-model-card/1', id: 'sha256:x', name: 'local', file: 'none', task: 'multiclass',
    classes: ['paper', 'grid', 'solid_curve', 'broken_curve', 'text'], curveClasses: [2, 3],
    input: { name: 'image', channels: 1, multipleOf }, output: { name: 'logits' },
    tile: { size, overlap }, macsPerPixel: 0,
  };
}

/** The whole axis as one tile, mirrored by `pad` px at both ends like the engine's edge tiles. */
const whole = (n: number, m: number, pad = 0): AxisTile => ({
  core: { start: 0, end: n },
  input: { start: -pad, end: -pad + Math.ceil((n + 2 * pad) / m) * m },
});

describe('writeCore', () => {
  it('gives argmax and round(255·(p2+p3)), also where it skips exp() for far-below curve logits', () => {
    const n = 4000;
    const data = new Float32Array(5 * n);
    let s = 7;
    const rand = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) * 24 - 12;
    for (let i = 0; i < data.length; i++) data[i] = rand();
    const t: RowTarget = { width: n, y0: 0, classes: new Uint8Array(n), curveProb: new Uint8Array(n) };
    writeCore({ data, c: 5, h: 1, w: n }, 0, { core: { start: 0, end: n }, input: { start: 0, end: n } }, whole(1, 1), [2, 3], t);
    let skipped = 0;
    const bad: string[] = [];
    for (let i = 0; i < n; i++) {
      const l = [0, 1, 2, 3, 4].map((k) => data[k * n + i]);
      const max = Math.max(...l);
      const e = l.map((v) => Math.exp(v - max));
      const sum = e.reduce((a, b) => a + b);
      const p = Math.round((255 * (e[2] + e[3])) / sum);
      if (t.classes[i] !== l.indexOf(max) || t.curveProb[i] !== p) bad.push(`${i}: ${t.classes[i]}/${t.curveProb[i]} vs ${l.indexOf(max)}/${p}`);
      if (Math.max(l[2], l[3]) < max - Math.log(1024)) skipped++;
    }
    expect(bad).toEqual([]);
    expect(skipped).toBeGreaterThan(n / 10); // the fast path was exercised
  });
});

describe('tiled engine vs one whole-image pass (JS local operator, radius ≤ overlap)', () => {
  const scan = fixtureScan({ width: 200, height: 500, seed: 3, margin: 40 });

  // one pass over the whole scan, mirrored by the overlap at its edges as the edge tiles are
  async function reference(radius: number, m: number): Promise<RowTarget> {
    const x = whole(scan.width, m, 8);
    const y = whole(scan.height, m, 8);
    const h = y.input.end - y.input.start;
    const w = x.input.end - x.input.start;
    const input = new Float32Array(h * w);
    fillTileInput(wholeWindow(scan), x, y, input, 0);
    const logits = await localRunner(radius).run(input, 1, h, w);
    const out = emptySegmentation(scan.width, scan.height);
    const t = { width: scan.width, y0: 0, classes: out.classes, curveProb: out.curveProb };
    writeCore({ data: logits, c: LOCAL_CLASSES, h, w }, 0, x, y, [2, 3], t);
    return t;
  }

  for (const batch of [1, 3]) {
    it(`is identical byte for byte (batch ${batch})`, async () => {
      const ref = await reference(6, 8);
      const out = emptySegmentation(scan.width, scan.height);
      const t = { width: scan.width, y0: 0, classes: out.classes, curveProb: out.curveProb };
      const engine = new TiledEngine(localRunner(6), card(64, 8, 8), { maxBatch: batch });
      await engine.segmentRegion(wholeWindow(scan), { x0: 0, y0: 0, x1: 200, y1: 500 }, { size: 64, overlap: 8, multipleOf: 8 }, t);
      expect(Buffer.compare(out.classes, ref.classes)).toBe(0);
      expect(Buffer.compare(out.curveProb, ref.curveProb)).toBe(0);
      expect(new Set(out.classes).size).toBeGreaterThan(2); // a map with structure, not one class
    });
  }

  it('differs when the overlap is smaller than the receptive field (the comparison can fail)', async () => {
    const ref = await reference(12, 8);
    const out = emptySegmentation(scan.width, scan.height);
    const t = { width: scan.width, y0: 0, classes: out.classes, curveProb: out.curveProb };
    const engine = new TiledEngine(localRunner(12), card(64, 8, 8));
    await engine.segmentRegion(wholeWindow(scan), { x0: 0, y0: 0, x1: 200, y1: 500 }, { size: 64, overlap: 8, multipleOf: 8 }, t);
    expect(Buffer.compare(out.curveProb, ref.curveProb)).not.toBe(0);
  });

  it('writes nothing outside the requested region', async () => {
    const out = emptySegmentation(scan.width, scan.height);
    out.classes.fill(9);
    const t = { width: scan.width, y0: 0, classes: out.classes, curveProb: out.curveProb };
    const engine = new TiledEngine(localRunner(2), card(64, 8, 8));
    await engine.segmentRegion(wholeWindow(scan), { x0: 48, y0: 96, x1: 160, y1: 400 }, { size: 64, overlap: 8, multipleOf: 8 }, t);
    let wrong = 0;
    for (let y = 0; y < scan.height; y++)
      for (let x = 0; x < scan.width; x++) {
        const inside = x >= 48 && x < 160 && y >= 96 && y < 400;
        if ((out.classes[y * scan.width + x] !== 9) !== inside) wrong++;
      }
    expect(wrong).toBe(0);
  });
});
