/**
 * Renders one shard of a dataset whose manifest was made elsewhere (`npm run synth`): the samples
 * i ≡ k (mod K), written into OUT exactly as `npm run synth` writes them. For a lent GPU machine with
 * 16 cores and no npm: scripts/prepare-gpu-train.sh bundles this file, and the training run then checks
 * every file against the manifest, so the regenerated data is byte-identical or the run stops.
 *
 *   node synth-shard.mjs OUT MANIFEST.json k K
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { checkLibrary } from '../src/core/synth/library.ts';
import { sampleSeed } from '../src/core/synth/prng.ts';
import { renderSample } from '../src/core/synth/render.ts';
import { writeSample } from '../src/node/synth-files.ts';

const [out, manifestPath, k, K] = process.argv.slice(2);
if (!out || !manifestPath || !(Number(K) >= 1) || !(Number(k) >= 0 && Number(k) < Number(K))) {
  console.error('usage: synth-shard OUT MANIFEST.json k K   (0 ≤ k < K)');
  process.exit(2);
}
const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
const library = m.curveLibrary ? checkLibrary(JSON.parse(readFileSync(m.curveLibrary.path, 'utf8'))) : undefined;
mkdirSync(out, { recursive: true });
for (let i = Number(k); i < m.n; i += Number(K)) writeSample(out, i, renderSample(sampleSeed(m.seed, i), m.config, library), m.kind);
