/**
 * The real scan 273101 (a 200 dpi Log-Tech G4 print, ../shared/data/raster; its licence is not
 * cleared, so it is never copied into the repo) through the real CLI with the hand-made layout
 * test/fixtures/real/273101.layout.json (track edges and depth labels from its SOURCES.md), then
 * overlays of the traced GR and DT over the scan, to look at.
 *
 *   npx tsx scripts/digitise-273101.ts [--model CARD.json] [--classical]
 *
 * Writes runs/273101/<seg>.las, <seg>.csv and <seg>-*.png (seg = classical or the model's name).
 * Without a model installed (public/models/index.json) only the classical run is made. Prints a
 * few physical checks: DT in the steel-cased top (250–262 ft) should read about 57 µs/ft, and the
 * rows where GR is read on a backup scale (wrap cycle ≠ 0).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readLas } from '../src/core/las/index.ts';
import { DEFAULT_MODELS_DIR } from '../src/node/cli/model.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SCAN = resolve(ROOT, '../shared/data/raster/273101.tif');
const LAYOUT = join(ROOT, 'test/fixtures/real/273101.layout.json');
const OUT = join(ROOT, 'runs/273101');
const { values: opt } = parseArgs({ options: { model: { type: 'string' }, classical: { type: 'boolean' } } });

if (!existsSync(SCAN)) {
  console.log(`skipped: ${SCAN} is absent (the real scan stays outside the repo)`);
  process.exit(0);
}
mkdirSync(OUT, { recursive: true });

const runs: { tag: string; args: string[] }[] = [{ tag: 'classical', args: ['--classical'] }];
if (!opt.classical && (opt.model || existsSync(join(DEFAULT_MODELS_DIR, 'index.json')))) runs.push({ tag: 'model', args: opt.model ? ['--model', opt.model] : [] });
else if (!opt.classical) console.log(`model: none installed (${join(DEFAULT_MODELS_DIR, 'index.json')}); classical only`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

for (const r of runs) {
  const las = join(OUT, `${r.tag}.las`);
  const said = execFileSync(process.execPath, [join(ROOT, 'bin/tracewell.mjs'), 'digitise', SCAN, '--layout', LAYOUT, '--out', las, '--csv', join(OUT, `${r.tag}.csv`), ...r.args], { encoding: 'utf8' });
  process.stdout.write(said);
  const file = readLas(readFileSync(las, 'utf8'));
  const [depth, gr, , dt] = file.data;
  const casing = Array.from(dt).filter((v, k) => depth[k] > 250 && depth[k] <= 262 && Number.isFinite(v));
  const backup = gr.filter((v) => v > 150 || v < 0).length;
  console.log(`${r.tag}: DT in the cased top 250–262 ft: median ${median(casing).toFixed(1)} µs/ft (steel: about 57)`);
  console.log(`${r.tag}: GR read on a backup scale in ${backup} of ${gr.length} rows (${gr.filter((v) => v < 0).length} of them below 0 GAPI, which this log's backup 150–300 cannot give)`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/overlay-traces.ts'), SCAN, LAYOUT, las, join(OUT, r.tag),
    '--curves', 'GR,DT', '--windows', '2500-3500,3500-4500,5950-6950,10400-11400', '--overview', '8'], { stdio: 'inherit' });
}
