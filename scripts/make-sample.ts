/**
 * npx tsx scripts/make-sample.ts [--out public/samples]
 * Makes the bundled sample for the quick start and tests: a ~6,000 px synthetic scan that is
 * moderately hard but clean-ish — 2–3 tracks with a GR that goes onto its backup (wrap) scale,
 * a logarithmic resistivity track and a dashed curve — with its layout, truth JSON and truth LAS.
 * The first seed (from 1) whose plan has all of that is used, so the output is reproducible.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeLas } from '../src/core/las/index.ts';
import { layoutToJson } from '../src/core/calibration/serialize.ts';
import { fractionOf } from '../src/core/synth/draw-curves.ts';
import { NO_DEFECTS, type DefectPlan } from '../src/core/synth/defect-plan.ts';
import { checkLibrary } from '../src/core/synth/library.ts';
import { planSample, renderPlanned, type PlannedSample } from '../src/core/synth/render.ts';
import type { SynthTruth } from '../src/core/synth/truth.ts';
import { GENERATOR } from '../src/core/synth/config.ts';
import { encodeGrayPng } from '../src/node/png-gray.ts';

const NAME = 'synthetic-log';
const CONFIG = { minLen: 6000, maxLen: 6000, minDpi: 200, maxDpi: 200, minWidth: 1500, maxWidth: 1700, headerRate: 0, libraryRate: 0 }; // bed model only: no third-party data in the bundle
// a scan of a good print: light paper tone, a slight tilt, a touch of scanner blur
const DEFECTS: DefectPlan = { ...NO_DEFECTS, paper: 246, skew: 0.4 };

function suitable({ plan }: PlannedSample): boolean {
  const curves = plan.tracks.flatMap((t) => t.curves);
  const gr = curves.find((c) => c.kind === 'GR' && c.wrap && c.style === 'solid');
  const wraps = gr ? Array.from(gr.values).filter((v) => fractionOf(gr, v) > 1.02).length : 0;
  return plan.depth.unit === 'FT' && plan.depth.step === 0.5 && plan.depth.ppu >= 9 && plan.tracks.length >= 2 && plan.tracks.length <= 3 && plan.scaleTop !== null
    && plan.tracks.some((t) => t.grid.kind === 'log' && t.curves.length >= 2) && wraps > 40
    && curves.some((c) => c.style === 'dashed') && curves.length <= 6;
}

function truthLas(truth: SynthTruth, well: Record<string, string>, seed: number): string {
  return writeLas({
    well: { ...well, SRVC: 'Tracewell synthetic' },
    indexUnit: truth.depthUnit,
    index: Float64Array.from(truth.curves[0].depth),
    curves: truth.curves.map((c) => ({
      mnemonic: c.mnemonic, unit: c.unit, description: `true ${c.mnemonic} (track ${c.track + 1})`,
      values: Float64Array.from(c.value, (v) => (v === null ? Number.NaN : v)),
    })),
    scales: truth.curves.map((c) => ({ mnemonic: c.mnemonic, unit: c.unit, kind: c.scale, left: c.left, right: c.right, track: c.track + 1, wrap: c.wrap })),
    provenance: { tool: `${GENERATOR.name} ${GENERATOR.version}`, notes: [`synthetic sample, seed ${seed}: the exact curves drawn on ${NAME}.png`] },
  });
}

const i = process.argv.indexOf('--out');
const out = resolve(i > 0 ? process.argv[i + 1] : resolve(import.meta.dirname, '../public/samples'));
const library = checkLibrary(JSON.parse(readFileSync(resolve(import.meta.dirname, '../src/core/synth/curve-library.json'), 'utf8')));
let planned: PlannedSample | null = null;
for (let seed = 1; seed < 50_000 && !planned; seed++) {
  const p = planSample(seed, CONFIG, library, { defects: DEFECTS });
  if (suitable(p)) planned = p;
}
if (!planned) throw new Error('no seed below 50,000 gives a suitable sample; loosen the constraints');
const s = renderPlanned(planned);
mkdirSync(out, { recursive: true });
const files: [string, Uint8Array | string][] = [
  [`${NAME}.png`, encodeGrayPng(s.image.data, s.image.width, s.image.height, 9, 'best')],
  [`${NAME}.layout.json`, layoutToJson(s.layout)],
  [`${NAME}.truth.json`, `${JSON.stringify(s.truth)}\n`],
  [`${NAME}.truth.las`, truthLas(s.truth, s.layout.well, s.seed)],
];
for (const [name, bytes] of files) {
  writeFileSync(resolve(out, name), bytes);
  console.log(`  ${name}: ${(bytes.length / 1024).toFixed(0)} KiB`);
}
console.log(`seed ${s.seed}: ${s.image.width} × ${s.image.height} px, ${s.truth.curves.map((c) => `${c.mnemonic}${c.wrap ? '(wrap)' : ''} ${c.style}`).join(', ')}`);
