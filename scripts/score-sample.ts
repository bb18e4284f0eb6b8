/**
 * The bundled sample (public/samples/synthetic-log.*) digitised with a model, each curve scored against
 * the sample's truth as the CLI and journey tests score it (they hold every curve's MAE to ≤ 1% of span
 * with the default model): a candidate model can be checked against that bar before it is made the default.
 *
 *   npx tsx scripts/score-sample.ts [--model CARD.json]
 *
 * Without --model the default model (public/models/index.json) is used.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readLas } from '../src/core/las/index.ts';
import { digitiseFile } from '../src/node/cli/digitise-file.ts';
import { DEFAULT_MODELS_DIR } from '../src/node/cli/model.ts';
import { createNodeSegmenter, defaultCardPath } from '../src/node/segmenter-node.ts';
import { sampleLayout, samplePath, sampleTruth, score } from '../test/digitise/sample.ts';

const { values: opt } = parseArgs({ options: { model: { type: 'string' } } });
const segmenter = await createNodeSegmenter(opt.model ? resolve(opt.model) : await defaultCardPath(DEFAULT_MODELS_DIR), { threads: 2 });
try {
  const out = await digitiseFile(samplePath('png'), sampleLayout(), { segmenter });
  const las = readLas(out.las);
  console.log(`sample digitised with ${segmenter.card.name}`);
  sampleTruth().curves.forEach((t, i) => {
    const s = score(las.data[0], las.data[i + 1], t);
    console.log(`${t.mnemonic.padEnd(5)} MAE ${s.meanPct.toFixed(2)}%  median ${s.medianPct.toFixed(2)}%  coverage ${s.coverage.toFixed(3)}${s.meanPct > 1 ? '  (over the tests\' 1%)' : ''}`);
  });
} finally {
  await segmenter.dispose();
}
