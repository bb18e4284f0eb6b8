/** Shared by the Node segmentation tests: the fixture model and a whole-image reference pass. */
import { resolve } from 'node:path';
import type { Raster } from '../../src/core/raster';
import type { Segmentation } from '../../src/core/types';
import type { ModelCard } from '../../src/ml/card';
import type { TileRunner } from '../../src/ml/engine';
import { fillTileInput, wholeWindow } from '../../src/ml/preprocess';
import { emptySegmentation } from '../../src/ml/segmenter';
import { writeCore } from '../../src/ml/stitch';

export const FIXTURE_CARD = resolve(__dirname, '../fixtures/models/tiny-unet.json');
export const FIXTURE_ONNX = resolve(__dirname, '../fixtures/models/tiny-unet.onnx');

/**
 * Whole-image inference as one would write it without tiles: the scan padded at its bottom and right
 * (mirrored) to a multiple of the model's stride, one model call, cropped.
 */
export async function wholeImage(runner: TileRunner, card: ModelCard, scan: Raster): Promise<Segmentation> {
  const m = card.input.multipleOf;
  const w = Math.ceil(scan.width / m) * m;
  const h = Math.ceil(scan.height / m) * m;
  const x = { core: { start: 0, end: scan.width }, input: { start: 0, end: w } };
  const y = { core: { start: 0, end: scan.height }, input: { start: 0, end: h } };
  const input = new Float32Array(w * h);
  fillTileInput(wholeWindow(scan), x, y, input, 0);
  const logits = await runner.run(input, 1, h, w);
  const out = emptySegmentation(scan.width, scan.height);
  writeCore({ data: logits, c: card.classes.length, h, w }, 0, x, y, card.curveClasses, { y0: 0, width: out.width, classes: out.classes, curveProb: out.curveProb });
  return out;
}

/** Fraction of pixels whose class is the same in both. */
export function agreement(a: Uint8Array, b: Uint8Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Share of pixels per class. */
export function classShares(classes: Uint8Array, n = 5): number[] {
  const counts = new Array<number>(n).fill(0);
  for (const c of classes) counts[c]++;
  return counts.map((c) => c / classes.length);
}
