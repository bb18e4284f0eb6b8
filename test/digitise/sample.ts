/** The bundled sample (public/samples/synthetic-log.*) for the digitise tests, and scoring against its truth. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLayout, type Layout } from '../../src/core/calibration';
import type { Raster } from '../../src/core/raster';
import type { SynthTruth } from '../../src/core/synth/truth';
import { decodeFile } from '../../src/node/decode';

// from the module's URL, not __dirname: scripts/score-sample.ts loads this file as an ES module
const dir = fileURLToPath(new URL('../../public/samples', import.meta.url));
export const samplePath = (ext: string) => resolve(dir, `synthetic-log.${ext}`);

export function sampleLayout(): Layout {
  const parsed = parseLayout(JSON.parse(readFileSync(samplePath('layout.json'), 'utf8')));
  if (!parsed.ok) throw new Error(`sample layout: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return parsed.layout;
}

export function sampleTruth(): SynthTruth {
  return JSON.parse(readFileSync(samplePath('truth.json'), 'utf8')) as SynthTruth;
}

export async function sampleScan(): Promise<Raster> {
  return (await decodeFile(samplePath('png'))).raster;
}

export interface Score {
  /** share of the truth's depths (with a value) where the LAS has a value too */
  coverage: number;
  /** median absolute error over covered depths, % of the track span (log: of the decades spanned) */
  medianPct: number;
  /** mean absolute error over covered depths (MAE), % of the span */
  meanPct: number;
  /** share of covered depths within 1% of the span */
  within1Pct: number;
}

/** One curve of a LAS (values on `depth`) against its truth curve; both indexed by depth. */
export function score(depth: Float64Array, values: Float64Array, t: SynthTruth['curves'][number]): Score {
  const at = new Map<number, number>();
  depth.forEach((d, i) => at.set(d, values[i]));
  const log = t.scale === 'log';
  const span = log ? Math.abs(Math.log10(t.right / t.left)) : Math.abs(t.right - t.left);
  const errors: number[] = [];
  let wanted = 0;
  t.depth.forEach((d, i) => {
    const truth = t.value[i];
    if (truth === null) return;
    wanted++;
    const v = at.get(d);
    if (v === undefined || !Number.isFinite(v)) return;
    errors.push((100 * (log ? Math.abs(Math.log10(v) - Math.log10(truth)) : Math.abs(v - truth))) / span);
  });
  errors.sort((a, b) => a - b);
  return {
    coverage: errors.length / Math.max(1, wanted),
    medianPct: errors.length ? errors[errors.length >> 1] : Infinity,
    meanPct: errors.length ? errors.reduce((a, b) => a + b, 0) / errors.length : Infinity,
    within1Pct: errors.filter((e) => e <= 1).length / Math.max(1, errors.length),
  };
}
