/**
 * npm-less helper: npx tsx scripts/build-curve-library.ts [--las DIR] [--out PATH]
 * Builds src/core/synth/curve-library.json from the openly licensed LAS files in shared/data/las
 * (see its SOURCES.md): real curve runs, converted to the generator's canonical unit per kind,
 * capped in length so the library stays small (< 1 MB). Files whose licence is unverified, not open
 * (Volve) or share-alike are left out on purpose.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KindId } from '../src/core/synth/curve-kinds.ts';
import { CURVE_KINDS } from '../src/core/synth/curve-kinds.ts';
import type { CurveLibrary, LibraryCurve } from '../src/core/synth/library.ts';
import { readLasBytes } from '../src/core/las/index.ts';

const MAX_VALUES = 4000;
const KGS = 'The source of this material is the Kansas Geological Survey website at http://www.kgs.ku.edu/. All Rights Reserved.';

interface Pick {
  mnemonic: string;
  kind: KindId;
  /** canonical value from the file's value */
  convert?: (v: number) => number;
  /** map the 5th–95th percentiles onto this range (counts → API-like units) */
  rescale?: [number, number];
}

interface Source {
  file: string;
  licence: string;
  attribution: string;
  picks: Pick[];
}

const SOURCES: Source[] = [
  {
    file: 'Wellington_KGS-1-32-wDST2_LASv2.las',
    licence: 'KGS terms (free use and redistribution with citation)',
    attribution: `Wellington KGS 1-32, Sumner Co., Kansas (API 15-191-22591), via agile-geoscience/welly. ${KGS}`,
    picks: [
      { mnemonic: 'GR', kind: 'GR' }, { mnemonic: 'RT90', kind: 'RES' }, { mnemonic: 'RXO', kind: 'RES' },
      { mnemonic: 'RHOB', kind: 'RHOB' }, { mnemonic: 'NPHI', kind: 'NPHI', convert: (v) => v / 100 },
      { mnemonic: 'DPHI', kind: 'DPHI' }, { mnemonic: 'PE', kind: 'PEF' }, { mnemonic: 'CALI', kind: 'CALI' },
      { mnemonic: 'TENS', kind: 'TENS' },
    ],
  },
  {
    file: '1610001023940.las',
    licence: 'USGS, public domain (US federal work)',
    attribution: 'USGS test well, Clearwater UWCD, Bell Co., Texas (via JustinGOSSES/wellio.js).',
    picks: [{ mnemonic: 'GAM(NAT)', kind: 'GR' }, { mnemonic: 'CALIPER', kind: 'CALI' }],
  },
  {
    file: '383549091130801.20090522.ZD.las',
    licence: 'USGS, public domain (US federal work)',
    attribution: 'USGS site 383549091130801, New Haven, Missouri (via JustinGOSSES/wellio.js). Gamma counts rescaled to an API-like range.',
    picks: [{ mnemonic: 'Gamma', kind: 'GR', rescale: [20, 130] }, { mnemonic: 'Caliper', kind: 'CALI' }],
  },
  {
    file: 'Pechelbronn.las',
    licence: 'CC BY 4.0',
    attribution: 'Diefenbach 2905, Pechelbronn (1927 Schlumberger log), hand-digitised by Matt Hall, scienxlab/datasets (CC BY 4.0).',
    picks: [{ mnemonic: 'RES', kind: 'RES' }],
  },
];

function percentile(values: number[], p: number): number {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

/** The longest run of rows without nulls, capped at MAX_VALUES (short gaps inside are kept as null). */
function window(values: Float64Array): [number, number] {
  let best: [number, number] = [0, 0];
  let start = 0;
  let gap = 0;
  for (let i = 0; i <= values.length; i++) {
    const ok = i < values.length && Number.isFinite(values[i]);
    gap = ok ? 0 : gap + 1;
    if (gap > 20 || i === values.length) {
      if (i - gap - start > best[1] - best[0]) best = [start, i - gap + 1];
      if (gap > 20) start = i + 1;
    }
  }
  return [best[0], Math.min(best[1], best[0] + MAX_VALUES)];
}

function build(dir: string): CurveLibrary {
  const lib: CurveLibrary = { format: 'tracewell-curve-library/1', sources: [], curves: [] };
  for (const src of SOURCES) {
    const las = readLasBytes(new Uint8Array(readFileSync(resolve(dir, src.file))));
    const depth = las.data[0];
    const unit = las.curves[0].unit.toUpperCase();
    const stepFt = Math.abs((depth[depth.length - 1] - depth[0]) / (depth.length - 1)) * (unit.startsWith('M') ? 3.2808 : 1);
    const sourceIndex = lib.sources.push({ file: src.file, licence: src.licence, attribution: src.attribution }) - 1;
    for (const pick of src.picks) {
      const col = las.curves.findIndex((c) => c.mnemonic === pick.mnemonic);
      if (col < 0) throw new Error(`${src.file}: no curve ${pick.mnemonic}`);
      const [a, b] = window(las.data[col]);
      let vals = Array.from(las.data[col].subarray(a, b), (v) => (Number.isFinite(v) ? (pick.convert ? pick.convert(v) : v) : NaN));
      if (pick.rescale) {
        const lo = percentile(vals, 0.05);
        const hi = percentile(vals, 0.95);
        vals = vals.map((v) => pick.rescale![0] + ((v - lo) * (pick.rescale![1] - pick.rescale![0])) / (hi - lo));
      }
      const curve: LibraryCurve = {
        kind: pick.kind, mnemonic: pick.mnemonic, unit: CURVE_KINDS[pick.kind].unit, source: sourceIndex,
        stepFt: Number(stepFt.toPrecision(4)),
        values: vals.map((v) => (Number.isFinite(v) && !(pick.kind === 'RES' && v <= 0) ? Number(v.toPrecision(4)) : null)),
      };
      lib.curves.push(curve);
      process.stderr.write(`  ${src.file} ${pick.mnemonic} → ${pick.kind}: ${curve.values.length} values, ${curve.stepFt} ft step\n`);
    }
  }
  return lib;
}

const argOf = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dir = resolve(argOf('las', resolve(import.meta.dirname, '../../shared/data/las')));
const out = resolve(argOf('out', resolve(import.meta.dirname, '../src/core/synth/curve-library.json')));
const text = `${JSON.stringify(build(dir))}\n`;
writeFileSync(out, text);
console.log(`wrote ${out} (${(text.length / 1024).toFixed(0)} KiB)`);
